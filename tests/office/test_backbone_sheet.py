"""二、骨干企业汇总表 as an Excel sheet (cluster_brand/office/backbone_sheet.py): the template read back, a filled
sheet read as real sheets are filled, and every problem named by its row, enterprise and column."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from cluster_brand.office import backbone_sheet
from cluster_brand.office.sheet_import import message_of
from cluster_brand.rules.application.annex2 import BACKBONE_NOTE
from cluster_brand.rules.formats import credit_code_check_character

HEADS = list(backbone_sheet.HEADS)


def code(serial: int) -> str:
	first = f"91330100MA2{serial:06d}"
	return first + credit_code_check_character(first)


def sheet(rows, heads=None, title=True, merge=True) -> bytes:
	book = Workbook()
	worksheet = book.active
	if title:
		worksheet.append(["二、骨干企业汇总表"])
		if merge:
			worksheet.merge_cells("A1:K1")
	worksheet.append(heads or HEADS)
	for row in rows:
		worksheet.append(row)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def row(n, name, serial, assets=100, sales=200, own=50, profit=10, person="张三", contact="0571-87654321"):
	return [n, name, code(serial), "纺织品", "甲牌", assets, sales, own, profit, person, contact]


def describe(error) -> str:
	"""A problem as one line that names where it is: the sheet's row, the enterprise and the column."""
	message = message_of(error)
	if error.row is None:
		return message
	if error.column and error.name:
		return f"Sheet row {error.row} ({error.name}), {error.column}: {message}"
	if error.column:
		return f"Sheet row {error.row}, {error.column}: {message}"
	return f"Sheet row {error.row}: {message}"


def messages(result) -> list[str]:
	return [describe(e) for e in result.errors]


# --- the template ---------------------------------------------------------------------------------------------


def test_the_template_has_the_title_the_note_and_the_official_heads():
	book = load_workbook(io.BytesIO(backbone_sheet.template({})))
	worksheet = book.active
	assert worksheet["A1"].value == "二、骨干企业汇总表"
	assert "A1:K1" in {str(r) for r in worksheet.merged_cells.ranges}
	assert worksheet["A2"].value == BACKBONE_NOTE
	assert [c.value for c in worksheet[3]] == [
		"序号",
		"企业名称",
		"统一社会信用代码",
		"主要产品",
		"自主品牌",
		"资产（万元）",
		"销售收入（万元）",
		"自主品牌产品销售收入（万元）",
		"利润总额（万元）",
		"联系人",
		"联系方式",
	]
	# five numbered empty rows, as the annex's blank table; money as numbers, the code as text
	assert [worksheet.cell(row=r, column=1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]
	assert worksheet["F4"].number_format == "#,##0.00"
	assert worksheet["C4"].number_format == "@"
	assert worksheet.column_dimensions["B"].width == 30


def test_an_empty_template_reads_as_no_rows():
	result = backbone_sheet.read(backbone_sheet.template({}))
	assert result.rows == []
	assert messages(result) == ["The sheet has no filled row below its column heads."]


def test_the_template_with_the_current_rows_round_trips():
	current = [
		{
			"enterprise_name": "杭州甲纺织有限公司",
			"enterprise": code(1),
			"main_products": "面料",
			"own_brand": "甲",
			"assets": 1234.5,
			"sales_revenue": 5000,
			"own_brand_sales_revenue": 3000,
			"total_profit": -12.25,
			"contact_person": "李四",
			"contact_details": "13812345678",
		}
	]
	result = backbone_sheet.read(backbone_sheet.template({"backbone_enterprises": current}))
	assert result.errors == []
	assert result.rows == current
	assert result.row_numbers == [4]


# --- the quirks of real sheets ----------------------------------------------------------------------------


def test_a_sheet_as_people_fill_it_reads_as_the_rows():
	content = sheet(
		[
			[None] * 11,
			[
				1,
				"杭州甲纺织有限公司",
				code(1),
				"面料",
				"甲",
				"1,234.5",
				"１２３４５",
				" 1 000 ",
				"−5",
				"张三",
				"13812345678",
			],
			[
				2,
				" 杭州乙\u3000服饰 有限公司 ",
				code(2).lower(),
				"服装",
				"乙",
				10,
				20,
				5,
				1,
				"李四",
				"0571-87654321",
			],
			[None, None, None, None, None, None, None, None, None, None, None],
			["合计", None, None, None, None, 1244.5, 12365, 1005, -4, None, None],
		]
	)
	result = backbone_sheet.read(content)
	assert result.errors == []
	assert result.row_numbers == [4, 5]
	first, second = result.rows
	assert first["assets"] == 1234.5
	assert first["sales_revenue"] == 12345
	assert first["own_brand_sales_revenue"] == 1000
	assert first["total_profit"] == -5
	assert second["enterprise_name"] == "杭州乙 服饰 有限公司"
	assert second["enterprise"] == code(2)


def test_amounts_in_yi_or_yuan_are_converted_to_wan():
	heads = [
		*HEADS[:5],
		"资产（亿元）",
		"销售收入\n(元)",
		"自主品牌产品销售收入(万元)",
		"利润总额【亿元】",
		*HEADS[9:],
	]
	result = backbone_sheet.read(sheet([row(1, "甲公司", 1, 1.5, 20_000_000, 500, "0.01")], heads))
	assert result.errors == []
	assert result.rows[0]["assets"] == 15_000
	assert result.rows[0]["sales_revenue"] == 2000
	assert result.rows[0]["own_brand_sales_revenue"] == 500
	assert result.rows[0]["total_profit"] == 100


def test_heads_without_a_title_and_an_unmerged_title_are_found():
	for content in (sheet([row(1, "甲公司", 1)], title=False), sheet([row(1, "甲公司", 1)], merge=False)):
		result = backbone_sheet.read(content)
		assert result.errors == []
		assert [r["enterprise_name"] for r in result.rows] == ["甲公司"]


def test_a_note_under_the_table_is_no_row():
	result = backbone_sheet.read(sheet([row(1, "甲公司", 1), [BACKBONE_NOTE]]))
	assert result.errors == []
	assert len(result.rows) == 1


# --- every problem, each named by row, enterprise and column ------------------------------------------------


def test_a_file_that_is_no_workbook():
	result = backbone_sheet.read(b"PK not really a workbook")
	assert len(result.errors) == 1
	assert messages(result)[0].startswith("The file is no Excel workbook (.xlsx): ")


def test_a_sheet_without_the_heads():
	result = backbone_sheet.read(sheet([row(1, "甲公司", 1)], heads=["序号", "名称", "代码"]))
	assert messages(result) == [
		"No row of the sheet carries the column heads 企业名称、统一社会信用代码: download the template and fill it."
	]


def test_every_problem_is_listed_with_its_row_enterprise_and_column():
	content = sheet(
		[
			row(1, "甲公司", 1, assets="一百"),  # sheet row 3
			row(2, "乙公司", 2, sales=100, own=200),  # 4
			row(3, "丙公司", 3, assets=-1),  # 5
			[
				4,
				"丁公司",
				"91330100MA2000004Z",
				None,
				None,
				1,
				1,
				1,
				1,
				None,
				None,
			],  # 6: a code that fails the check
			row(5, "戊公司", 5, contact="找前台"),  # 7
			row(6, "己公司", 1),  # 8: the code of row 3 again
			row(7, "甲公司", 7),  # 9: the name of row 3 under another code
			[8, None, None, None, None, 1, 2, 1, 1, None, None],  # 10: neither name nor code
			row(9, "庚公司", 9, sales="1e13"),  # 11: more than the column holds
			row(10, "辛" * 141, 10),  # 12
		]
	)
	result = backbone_sheet.read(content)
	assert result.rows and len(result.rows) == 10
	assert messages(result) == [
		"Sheet row 3 (甲公司), 资产（万元）: 一百 is not a number.",
		"Sheet row 4 (乙公司), 自主品牌产品销售收入（万元）: Backbone enterprise summary table, row 4: the sales "
		"revenue of own-brand products exceeds the enterprise's sales revenue.",
		"Sheet row 5 (丙公司), 资产（万元）: Backbone enterprise summary table, row 5: 资产（万元） may not be "
		"negative (-1).",
		'Sheet row 6 (丁公司), 统一社会信用代码: 二、骨干企业汇总表, row 6: 统一社会信用代码 "91330100MA2000004Z" is '
		"not a valid Unified Social Credit Code (GB 32100-2015).",
		'Sheet row 7 (戊公司), 联系方式: 联系方式 "找前台" is neither a telephone number, a mobile number nor an '
		"email address.",
		"Sheet row 8 (己公司), 统一社会信用代码: Backbone enterprise summary table: 己公司 is listed in rows 3 and 8.",
		"Sheet row 9 (甲公司), 企业名称: Backbone enterprise summary table: 甲公司 is listed in rows 3 and 9.",
		"Sheet row 10, 企业名称: Fill in 企业名称.",
		"Sheet row 10, 统一社会信用代码: Fill in 统一社会信用代码.",
		"Sheet row 11 (庚公司), 销售收入（万元）: 二、骨干企业汇总表, row 11: 销售收入（万元） must be less than "
		"1,000,000,000,000 (and more than -1,000,000,000,000).",
		f"Sheet row 12 ({'辛' * 141}), 企业名称: 企业名称 is too long: at most 140 characters, not 141.",
	]


def test_errors_carry_row_name_and_column_apart_for_the_answer():
	result = backbone_sheet.read(sheet([row(1, "甲公司", 1, profit="abc")]))
	(error,) = result.errors
	assert (error.row, error.name, error.column) == (3, "甲公司", "利润总额（万元）")


@pytest.mark.parametrize(
	("contact", "field"),
	[("13812345678", "mobile"), ("a@b.cn", "email"), ("0571-87654321", "contact_phone"), (None, None)],
)
def test_a_new_enterprise_is_registered_with_its_contact_in_its_field(contact, field):
	record = backbone_sheet.register_record(
		{"enterprise_name": "甲公司", "enterprise": code(1), "own_brand": "甲", "contact_details": contact},
		"某集群",
	)
	assert record["unified_social_credit_code"] == code(1)
	assert record["industrial_cluster"] == "某集群"
	assert record["own_brands"] == "甲"
	assert {k for k in ("mobile", "email", "contact_phone") if record.get(k)} == ({field} if field else set())
