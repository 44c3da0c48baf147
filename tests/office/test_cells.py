"""Reading a filled sheet's cells as real sheets write them (cluster_brand/office/cells.py)."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from cluster_brand.office import cells
from cluster_brand.rules.values import INVALID


@pytest.mark.parametrize(
	("written", "read"),
	[
		(None, None),
		("", None),
		("   ", None),
		(12, 12),
		(12.5, 12.5),
		("12", 12),
		("1,234.5", 1234.5),
		("1，234", 1234),
		("１２３", 123),
		("１２３．５", 123.5),
		(" 1 234 ", 1234),
		("\u30001 234\u3000", 1234),
		("−5", -5),
		("－5.5", -5.5),
		("300万元", 300),
		("85%", 85),
		("abc", INVALID),
		("1.2.3", INVALID),
		("1e400", INVALID),
		(float("nan"), INVALID),
		(True, INVALID),
	],
)
def test_number_reads_what_people_type(written, read):
	assert cells.number(written) == read if read is not INVALID else cells.number(written) is INVALID


def test_text_is_half_width_and_single_spaced():
	assert cells.text("  浙江\u3000ＡＢＣ  有限公司 ") == "浙江 ABC 有限公司"
	assert cells.text(3.0) == "3"
	assert cells.text(None) == ""


@pytest.mark.parametrize(
	("head", "key", "unit"),
	[
		("资产（万元）", "资产", "万元"),
		("资产\n(亿元)", "资产", "亿元"),
		("销售收入【元】", "销售收入", "元"),
		("利润总额 （ 千元 ）", "利润总额", "千元"),
		("企业名称", "企业名称", None),
		("统一社会信用代码", "统一社会信用代码", None),
	],
)
def test_heads_match_without_their_unit(head, key, unit):
	assert cells.head_key(head) == key
	assert cells.head_unit(head) == unit


def test_amounts_convert_between_units():
	assert cells.in_wan(1.2345, "亿元") == 12345
	assert cells.in_wan(5000, "元") == 0.5
	assert cells.in_wan(7, None) == 7
	assert cells.in_yi(12345, "万元") == 1.2345
	assert cells.in_yi(3, None) == 3
	assert cells.in_wan(None, "亿元") is None


def workbook(rows, merge=None) -> bytes:
	book = Workbook()
	sheet = book.active
	for row in rows:
		sheet.append(row)
	if merge:
		sheet.merge_cells(merge)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def test_heads_are_found_below_a_merged_title():
	content = workbook(
		[
			["骨干企业汇总表", None, None],
			[None, None, None],
			["序号", "企业名称", "资产（亿元）"],
			[1, "甲公司", "1.5"],
			["合计", None, 1.5],
		],
		merge="A1:C1",
	)
	rows = cells.sheet_rows(content)
	found = cells.find_heads(rows, {"no": "序号", "name": "企业名称", "assets": "资产"}, ("name", "assets"))
	assert found == (2, {"no": 0, "name": 1, "assets": 2}, {"no": None, "name": None, "assets": "亿元"})
	assert rows[3].number == 4 and rows[3].cell(1) == "甲公司"
	assert rows[4].is_total() and not rows[3].is_total()
	assert rows[1].is_blank() and not rows[0].is_blank()


def test_no_head_row_is_none():
	rows = cells.sheet_rows(workbook([["名称", "金额"], ["甲", 1]]))
	assert cells.find_heads(rows, {"name": "企业名称"}, ("name",)) is None


def test_a_file_that_is_no_workbook_is_refused():
	with pytest.raises(cells.UnreadableWorkbook):
		cells.sheet_rows(b"%PDF-1.4 not a workbook")


@pytest.mark.parametrize(
	("written", "read"),
	[
		(None, None),
		("", None),
		(datetime(2018, 6, 30, 0, 0), date(2018, 6, 30)),
		(date(2018, 6, 30), date(2018, 6, 30)),
		("2018-06-30", date(2018, 6, 30)),
		("2018/6/30", date(2018, 6, 30)),
		("2018.6.30", date(2018, 6, 30)),
		("2018年6月30日", date(2018, 6, 30)),
		("２０１８年６月", date(2018, 6, 30)),
		("2018年2月", date(2018, 2, 28)),
		("2020年2月底", date(2020, 2, 29)),
		("2018年", date(2018, 12, 31)),
		("2018年底", date(2018, 12, 31)),
		("2018", date(2018, 12, 31)),
		(43281, date(2018, 6, 30)),
		("2018-02-30", INVALID),
		("2018年13月", INVALID),
		("明年", INVALID),
		(1.5, INVALID),
	],
)
def test_day_reads_a_time_node_as_people_write_it(written, read):
	assert cells.day(written) == read if read is not INVALID else cells.day(written) is INVALID
