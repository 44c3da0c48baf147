"""第一部分 主要指标情况 from Excel (cluster_brand/office/indicator_sheet.py): the template, and a filled sheet
read as real sheets write it, every problem reported with its row, indicator and year."""

import io

from openpyxl import Workbook, load_workbook

from cluster_brand.office import indicator_sheet
from cluster_brand.rules.application import indicators

CONTEXT = {"batch_year": 2017}
NAMES = [i.official_name for i in indicators.INDICATORS]


def filled(rows, heads=("指标名称", "2014年", "2015年", "2016年"), title=True) -> bytes:
	book = Workbook()
	sheet = book.active
	if title:
		sheet.append(["主要指标情况"])
		sheet.merge_cells("A1:D1")
	sheet.append(list(heads))
	for row in rows:
		sheet.append(list(row))
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def messages(result):
	return [(e.row, e.name, e.column, e.message.format(**e.args)) for e in result.errors]


def test_the_template_lists_the_eleven_indicators_under_the_batch_years():
	sheet = load_workbook(io.BytesIO(indicator_sheet.template(CONTEXT))).active
	rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
	assert rows[0][0] == "主要指标情况"
	assert rows[2] == ["指标名称", "2014年", "2015年", "2016年"]
	assert [row[0] for row in rows[3:]] == NAMES
	assert "亿元" in rows[1][0]  # the note says the unit


def test_the_template_is_prefilled_with_the_applications_rows():
	context = {
		"batch_year": 2017,
		"indicators": [
			{"indicator": indicators.SALES, "year_1_value": 10.5, "year_2_value": 0, "year_3_value": 12}
		],
	}
	sheet = load_workbook(io.BytesIO(indicator_sheet.template(context))).active
	row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "主导产业销售收入（亿元）")
	assert row[1:] == (10.5, None, 12)  # 0 of a value that cannot be 0 is "not filled"


def test_the_template_round_trips():
	values = {i.key: (1, 2, 3) for i in indicators.INDICATORS}
	context = {
		"batch_year": 2017,
		"indicators": [
			{"indicator": k, **dict(zip(indicators.YEAR_FIELDS, v, strict=True))} for k, v in values.items()
		],
	}
	result = indicator_sheet.read(indicator_sheet.template(context), CONTEXT)
	assert result.errors == []
	assert [(r["indicator"], r["year_1_value"], r["year_3_value"]) for r in result.rows] == [
		(i.key, 1, 3) for i in indicators.INDICATORS
	]


def test_real_sheets_quirks_are_read():
	result = indicator_sheet.read(
		filled(
			[
				[None, None, None, None],
				["主导产业企业数（个）", "１２０", "125", " 130 "],
				["总产值（万元）", "1,500,000", 1_600_000, "1 700 000"],  # no 主导产业, in 万元
				["主导产业国内市场占有率（%）", "12.5%", 13, 14],
				["合计", None, None, None],
			]
		),
		CONTEXT,
	)
	assert result.errors == []
	rows = {r["indicator"]: r for r in result.rows}
	assert [r["indicator"] for r in result.rows] == [
		indicators.INDICATORS[0].key,
		indicators.OUTPUT,
		indicators.INDICATORS[9].key,
	]
	assert [rows[indicators.INDICATORS[0].key][f] for f in indicators.YEAR_FIELDS] == [120, 125, 130]
	assert [rows[indicators.OUTPUT][f] for f in indicators.YEAR_FIELDS] == [150, 160, 170]
	assert rows[indicators.INDICATORS[9].key]["year_1_value"] == 12.5
	assert indicators.SALES not in rows  # left out: the application keeps its values


def test_every_problem_is_listed_with_its_row_indicator_and_year():
	result = indicator_sheet.read(
		filled(
			[
				["主导产业企业数（个）", "十二", 12.5, -1],
				["主导产业销售收入（亿元）", -3, 1, 2],
				["主导产业国内市场占有率（%）", 120, 1, 1],
				["主导产业人均收入", 1, 1, 1],
				["主导产业销售收入（亿元）", 1, 1, 1],
			]
		),
		CONTEXT,
	)
	found = messages(result)
	assert (
		6,
		"主导产业人均收入",
		"指标名称",
		"主导产业人均收入 is not one of the eleven main indicators of the form.",
	) in found
	assert (3, "主导产业企业数（个）", "2014年", "十二 is not a number.") in found
	rows = {(row, column) for row, _name, column, _message in found}
	assert {(3, "2015年"), (3, "2016年"), (4, "2014年"), (5, "2014年"), (7, "指标名称")} <= rows
	assert len(found) == 7


def test_the_years_must_be_the_batchs():
	result = indicator_sheet.read(
		filled([["主导产业企业数（个）", 1, 2, 3]], ("指标名称", "2015年", "2016年", "2017年")), CONTEXT
	)
	assert messages(result) == [
		(
			None,
			"",
			"",
			"The sheet has no column for 2014年: the main indicators of this batch are for 2014年、2015年、2016年.",
		)
	]


def test_a_sheet_without_heads_or_rows_or_batch_is_refused():
	assert messages(indicator_sheet.read(filled([], ("名称", "数值")), CONTEXT))[0][3].startswith(
		"No row of the sheet"
	)
	assert messages(indicator_sheet.read(filled([]), CONTEXT)) == [
		(None, "", "", "The sheet has no filled row below its column heads.")
	]
	assert "no batch year" in messages(indicator_sheet.read(filled([]), {}))[0][3]


def test_a_file_that_is_no_workbook_is_one_problem_not_a_failure():
	result = indicator_sheet.read(b"%PDF-1.4 not a workbook", CONTEXT)
	assert [e.message for e in result.errors] == ["The file is no Excel workbook (.xlsx): {detail}"]
	assert result.rows == []
