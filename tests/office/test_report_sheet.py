"""The Excel sheet of a report's export (cluster_brand/office/report_sheet.py), read back with openpyxl."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from cluster_brand.office import report_sheet

TITLE = "申报汇总表"
HEAD = ["申报批次：2017年产业集群区域品牌建设试点", "导出时间：2026-11-09 10:30", "导出人：浙江省经信厅"]
COLUMNS = [
	{"fieldname": "recommending_authority", "label": "推荐单位", "fieldtype": "Data", "width": 150},
	{"fieldname": "leading_industry", "label": "主导产业", "fieldtype": "Data", "width": 120},
	{
		"fieldname": "sales_revenue",
		"label": "主导产业销售收入（亿元） 2016年",
		"fieldtype": "Float",
		"precision": 2,
	},
	{"fieldname": "coverage", "label": "骨干企业销售收入占比", "fieldtype": "Percent", "width": 80},
	{"fieldname": "rank", "label": "推荐排序", "fieldtype": "Int", "width": 60},
	{"fieldname": "due_date", "label": "截止日期", "fieldtype": "Date", "width": 110},
	{"fieldname": "overdue", "label": "逾期", "fieldtype": "Check", "width": 50},
]
ROWS = [
	{
		"recommending_authority": "浙江省经济和信息化厅",
		"leading_industry": "袜业",
		"sales_revenue": 500.5,
		"coverage": 45.25,
		"rank": 1,
		"due_date": "2017-06-30",
		"overdue": 1,
	},
	{
		"recommending_authority": "浙江省经济和信息化厅",
		"leading_industry": '=HYPERLINK("http://example.com")',
		"sales_revenue": None,
		"coverage": "",
		"rank": 0,
		"due_date": None,
		"overdue": 0,
	},
	{
		"recommending_authority": "浙江省经济和信息化厅",
		"leading_industry": "小计：2项申报",
		"sales_revenue": "500.5",
		"is_total": 1,
	},
]


def sheet(rows=ROWS, head=HEAD, columns=COLUMNS):
	return load_workbook(io.BytesIO(report_sheet.build_report_sheet(TITLE, head, columns, rows))).active


def values(ws):
	return [[cell.value for cell in row] for row in ws.iter_rows()]


def heading_row(ws) -> int:
	return next(row[0].row for row in ws.iter_rows() if row[0].value == "推荐单位")


def test_head_rows_hold_the_title_the_filters_the_date_and_the_reader():
	ws = sheet()
	assert ws["A1"].value == TITLE
	assert ws["A1"].font.bold
	assert [ws.cell(row, 1).value for row in range(2, 5)] == HEAD
	assert ws.cell(5, 1).value is None  # a blank row before the heads
	assert heading_row(ws) == 6
	assert [cell.value for cell in ws[6]] == [column["label"] for column in COLUMNS]
	assert all(cell.font.bold for cell in ws[6])
	assert ws.title == TITLE


def test_sheet_is_frozen_below_the_head_and_prints_on_a4_landscape():
	ws = sheet()
	assert ws.freeze_panes == "A7"
	assert ws.page_setup.orientation == "landscape"
	assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
	assert ws.print_title_rows == "$6:$6"  # the heads on every printed page


def test_numbers_are_numbers_with_a_number_format():
	ws = sheet()
	first = ws[7]
	sales, coverage, rank = first[2], first[3], first[4]
	assert sales.value == 500.5 and sales.data_type == "n"
	assert sales.number_format == "#,##0.00"
	# a Percent cell holds the figure the screen shows (45.25 for 45.25%)
	assert coverage.value == 45.25 and coverage.number_format == '0.00"%"'
	assert rank.value == 1 and isinstance(rank.value, int) and rank.number_format == "0"
	# a number the report gives as text is a number in the sheet
	assert ws[9][2].value == 500.5


def test_dates_are_dates_and_checks_are_ticks():
	ws = sheet()
	assert ws[7][5].value.date() == date(2017, 6, 30)
	assert ws[7][5].number_format == "yyyy-mm-dd"
	assert ws[7][6].value == report_sheet.CHECK_MARK
	assert ws[8][6].value is None


def test_blanks_stay_blank_and_zero_stays_zero():
	ws = sheet()
	second = ws[8]
	assert second[2].value is None  # no sales figure: blank, not 0
	assert second[3].value is None
	assert second[4].value == 0
	assert second[5].value is None


def test_total_rows_are_bold_and_the_others_not():
	ws = sheet()
	assert all(cell.font.bold for cell in ws[9])
	assert not any(cell.font.bold for cell in ws[7])
	assert ws[9][1].value == "小计：2项申报"


def test_a_value_typed_as_a_formula_stays_text():
	ws = sheet()
	cell = ws[8][1]
	assert cell.data_type == "s"
	assert cell.value == ROWS[1]["leading_industry"]


def test_column_widths_fit_the_widest_value_within_bounds():
	ws = sheet()
	authority = ws.column_dimensions["A"].width
	# 10 CJK characters are 20 wide: the column holds them
	assert authority >= 20
	assert all(
		report_sheet.MIN_WIDTH <= ws.column_dimensions[letter].width <= report_sheet.MAX_WIDTH
		for letter in "ABCDEFG"
	)
	long = [{"recommending_authority": "长" * 200}]
	assert sheet(rows=long).column_dimensions["A"].width == report_sheet.MAX_WIDTH


def test_no_rows_is_still_a_sheet_with_its_head():
	ws = sheet(rows=[])
	assert ws["A1"].value == TITLE
	assert [cell.value for cell in ws[6]] == [column["label"] for column in COLUMNS]
	assert ws.max_row == 6


def test_control_characters_and_a_long_title_do_not_break_the_file():
	ws = load_workbook(
		io.BytesIO(
			report_sheet.build_report_sheet(
				"标题[1]/" + "很" * 40, ["a\x01b"], COLUMNS[:1], [{"recommending_authority": "x\x0by"}]
			)
		)
	).active
	assert ws["A2"].value == "ab"
	assert ws["A5"].value == "xy"
	assert len(ws.title) <= 31 and "/" not in ws.title and "[" not in ws.title


def test_csv_holds_the_same_table():
	text = report_sheet.build_report_csv(HEAD, COLUMNS, ROWS).decode("utf-8-sig")
	lines = list(csv.reader(io.StringIO(text)))
	assert lines[0] == [HEAD[0]]
	assert lines[4][0] == "推荐单位"
	assert lines[5][:5] == ["浙江省经济和信息化厅", "袜业", "500.5", "45.25", "1"]
	assert lines[6][2] == ""  # blank, not 0
	assert lines[6][4] == "0"
