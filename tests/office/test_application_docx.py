"""The 申报书 as a .docx, read back with python-docx: the cover, the headings of the four parts and the 附表,
the official tables and their cells, the landscape section of the 附表, and the blank form of an empty
application. Every heading, label and column is read from cluster_brand.rules, not copied here."""

import re
from io import BytesIO

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from sample_application import BATCH_YEAR, complete_application, saved_application

from cluster_brand.office.application_docx import application_docx
from cluster_brand.print.application import BACKBONE_TOTAL_FIELDS
from cluster_brand.print.application_plan import FUNDING_SOURCES
from cluster_brand.print.formatting import format_number
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application.indicators import INDICATORS, indicator_years, year_heading
from cluster_brand.rules.application.work_plan import WORK_ITEMS, sort_tasks


def read(doc) -> docx.Document:
	return docx.Document(BytesIO(application_docx(doc)))


@pytest.fixture(scope="module")
def full():
	return read(saved_application())


@pytest.fixture(scope="module")
def empty():
	return read({})


def flat(text: str) -> str:
	return re.sub(r"\s+", "", text)


def texts(document) -> list[str]:
	return [p.text for p in document.paragraphs]


def headings(document, level: int) -> list[str]:
	return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def rows(table) -> list[list[str]]:
	"""The cells' texts row by row (a merged cell repeats in each row and column it spans)."""
	return [[c.text for c in row.cells] for row in table.rows]


def table_with(document, text: str):
	"""The first table whose first row holds ``text``."""
	return next(t for t in document.tables if text in [c.text for c in t.rows[0].cells])


def blocks(document):
	"""The body's paragraphs and tables in order, each with the number of its section (a section ends with
	the paragraph that holds its properties)."""
	section = 0
	for element in document.element.body.iterchildren():
		if element.tag == qn("w:p"):
			yield "p", element, section
			if (
				element.find(qn("w:pPr")) is not None
				and element.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
			):
				section += 1
		elif element.tag == qn("w:tbl"):
			yield "tbl", element, section


# --- structure -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["full", "empty"])
def test_the_four_parts_and_the_annex_are_headings(which, request):
	document = request.getfixturevalue(which)
	annex_label, _space, annex_title = form.PARTS[form.ANNEX].partition(" ")
	parts = [form.PARTS[p] for p in (form.PART_1, form.PART_2, form.PART_3, form.PART_4)]
	assert headings(document, 1) == [*parts, annex_title]
	assert texts(document)[texts(document).index(annex_title) - 1] == annex_label
	assert texts(document)[0] == "产业集群区域品牌建设试点申报书"  # Annex 2's title, pinned on purpose


@pytest.mark.parametrize("which", ["full", "empty"])
def test_each_part_starts_a_page_after_the_cover(which, request):
	document = request.getfixturevalue(which)
	starts = [
		p for p in document.paragraphs if p.style.name == "Heading 1" and p.paragraph_format.page_break_before
	]
	assert [p.text for p in starts] == [
		form.PARTS[p] for p in (form.PART_1, form.PART_2, form.PART_3, form.PART_4)
	]


def test_cover(full, empty):
	unit = complete_application()["organizing_unit"]
	assert f"申报单位：{unit}（公章）" in texts(full)
	assert "申报日期：2017 年 8 月 10 日" in texts(full)
	assert any(re.fullmatch(r"申报单位：_{6,}（公章）", t) for t in texts(empty))
	assert any(re.fullmatch(r"申报日期：_+ 年 _+ 月 _+ 日", t) for t in texts(empty))


def test_a4_portrait_then_the_annex_landscape(full):
	first, annex = full.sections[0], full.sections[-1]
	assert len(full.sections) == 2
	assert (first.orientation, round(first.page_width / Cm(1), 1), round(first.page_height / Cm(1), 1)) == (
		WD_ORIENT.PORTRAIT,
		21.0,
		29.7,
	)
	assert (annex.orientation, round(annex.page_width / Cm(1), 1), round(annex.page_height / Cm(1), 1)) == (
		WD_ORIENT.LANDSCAPE,
		29.7,
		21.0,
	)
	# the 附表's heading and its table are in the landscape section, everything before in the portrait one
	order = list(blocks(full))
	plan = table_with(full, "主要措施")._tbl
	title = next(p for p in full.paragraphs if p.text == "工作任务计划表")._p
	sections = {id(element): section for _kind, element, section in order}
	assert sections[id(plan)] == sections[id(title)] == 1
	assert {section for kind, _e, section in order if kind == "tbl"} == {0, 1}
	assert [section for kind, e, section in order if kind == "tbl" and e is not plan] == [0] * (
		len(full.tables) - 1
	)


def test_chinese_type(full):
	def east_asia(element):
		fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
		return fonts.get(qn("w:eastAsia"))

	assert east_asia(full.styles["Normal"].element) == "仿宋"
	assert east_asia(full.styles["Heading 1"].element) == "黑体"
	heading = next(p for p in full.paragraphs if p.style.name == "Heading 1")
	assert {east_asia(r._r) for r in heading.runs} == {"黑体"}
	# no theme font left to win over the East Asian one
	fonts = full.styles["Heading 1"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
	assert fonts.get(qn("w:eastAsiaTheme")) is None
	cell = table_with(full, "指标名称").cell(1, 1).paragraphs[0].runs[0]
	assert east_asia(cell._r) == "宋体"


# --- 第一部分 -----------------------------------------------------------------------------------------------


def part_one_items():
	"""第一部分's texts (its indicators are a table of their own)."""
	return [i for i in form.items_of(form.APPLICATION, form.PART_1) if i.fieldname != "indicators"]


def test_part_one_has_its_vertical_labels_and_every_prompt(full, empty):
	for document in (full, empty):
		table = document.tables[0]
		labels = [row[0] for row in rows(table)]
		assert labels == ["区域\n产业\n构成", "主导\n产业\n情况", "质量\n基础\n情况", "公共\n服务\n情况"]
		answers = flat("".join(row[1] for row in rows(table)))
		for item in part_one_items():
			if item.fieldname == "regional_industry_composition":  # its guidance stands alone in the cell
				assert flat(item.prompt) in answers
			else:  # 一、主导产业简介（从产业规模、集聚形态、对本地经济发展的贡献等方面展开）
				assert flat(item.official + (f"（{item.prompt}）" if item.prompt else "")) in answers, (
					item.official
				)


def test_part_one_answers(full):
	doc = complete_application()
	answers = flat("".join(row[1] for row in rows(full.tables[0])))
	for item in part_one_items():
		assert flat(doc[item.fieldname]) in answers, item.fieldname
	# each line of an answer is a paragraph of its own
	composition = full.tables[0].cell(0, 1)
	lines = [line for line in doc["regional_industry_composition"].split("\n") if line.strip()]
	assert [p.text for p in composition.paragraphs if p.text.strip()][1:] == lines


def test_main_indicators(full, empty):
	doc = complete_application()
	table = table_with(full, "指标名称")
	assert rows(table)[0] == ["主要指标情况"[0] + "\n" + "\n".join("主要指标情况"[1:]), "指标名称"] + [
		year_heading(y) for y in indicator_years(BATCH_YEAR)
	]
	assert [r[1] for r in rows(table)[1:]] == [i.official_name for i in INDICATORS]
	values = {r["indicator"]: r for r in doc["indicators"]}
	first = INDICATORS[0]
	expected = [
		format_number(values[first.key][f], 0) for f in ("year_1_value", "year_2_value", "year_3_value")
	]
	assert rows(table)[1][2:] == expected
	assert all(value for row in rows(table)[1:] for value in row[2:])
	blank = table_with(empty, "指标名称")
	assert rows(blank)[0][2:] == ["______年"] * 3
	assert {value for row in rows(blank)[1:] for value in row[2:]} == {""}


# --- 第二部分 -----------------------------------------------------------------------------------------------


def profiles(document):
	name = form.item("enterprise_name", form.TOP_ENTERPRISE).official
	return [t for t in document.tables if t.cell(0, 0).text == name]


@pytest.mark.parametrize("which", ["full", "empty"])
def test_three_top_enterprise_profiles_with_the_official_rows(which, request):
	tables = profiles(request.getfixturevalue(which))
	assert len(tables) == 3

	def label(f):
		return form.item(f, form.TOP_ENTERPRISE).official

	for table in tables:
		r = rows(table)
		assert [r[1][0], r[1][2], r[2][0], r[2][2]] == [
			label(f) for f in ("contact_person", "contact_phone", "mobile", "email")
		]
		texts_ = ("enterprise_profile", "own_brands", "product_technology_level", "influence", "awards")
		assert [row[0] for row in r[3:]] == [label(f) for f in (*texts_, "regional_brand_participation")]
	assert "（主导产业销售收入排名前三的企业基本情况）" in headings(request.getfixturevalue(which), 2)[0]


def test_top_enterprise_values(full):
	doc = complete_application()
	for table, row in zip(profiles(full), doc["top_enterprises"], strict=True):
		r = rows(table)
		assert r[0][1:] == [row["enterprise_name"]] * 3  # one cell over three columns
		assert [r[1][1], r[1][3], r[2][1], r[2][3]] == [
			row[f] for f in ("contact_person", "contact_phone", "mobile", "email")
		]
		assert flat(row["enterprise_profile"]) in flat(r[3][1])


def test_backbone_summary_table(full):
	doc = saved_application()
	table = table_with(full, "序号")
	columns = ["序号"] + [
		form.item(f, form.BACKBONE_ENTERPRISE).official
		for f in (
			"enterprise_name",
			"main_products",
			"own_brand",
			"assets",
			"sales_revenue",
			"own_brand_sales_revenue",
			"total_profit",
			"contact_person",
			"contact_details",
		)
	]
	assert rows(table)[0] == columns
	body = rows(table)[1:-1]
	assert [r[0] for r in body] == [str(n) for n in range(1, len(doc["backbone_enterprises"]) + 1)]
	first = doc["backbone_enterprises"][0]
	assert body[0][1:4] == [first["enterprise_name"], first["main_products"], first["own_brand"]]
	assert body[0][4] == format_number(first["assets"])
	total = rows(table)[-1]
	assert total[:4] == ["合计"] * 4
	assert total[4:8] == [format_number(doc[f]) for f in BACKBONE_TOTAL_FIELDS]
	# the head repeats on each page the table runs onto
	assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
	coverage = format_number(doc["backbone_sales_coverage"])
	text = flat("".join(texts(full)))
	assert f"{doc['statistics_year']}年，骨干企业累计销售收入占主导产业销售收入的{coverage}%" in text
	assert flat(form.BACKBONE_NOTE) in text


def test_blank_backbone_summary_table_has_rows_one_to_five(empty):
	table = table_with(empty, "序号")
	body = rows(table)[1:-1]
	assert [r[0] for r in body] == ["1", "2", "3", "4", "5"]
	assert {value for row in body for value in row[1:]} == {""}
	assert rows(table)[-1][4:] == [""] * 6
	assert "骨干企业累计销售收入占主导产业销售收入的 ______%。" in texts(empty)


# --- 第三部分 -----------------------------------------------------------------------------------------------


def test_part_three(full, empty):
	doc = complete_application()
	items = form.items_of(form.APPLICATION, form.PART_3)
	for document in (full, empty):
		table = next(t for t in document.tables if t.cell(0, 0).text == items[0].official)
		assert [r[0] for r in rows(table)] == [i.official for i in items]
		for row, item in zip(rows(table), items, strict=True):
			assert flat(item.prompt) in flat(row[1])
			if document is full:
				assert flat(doc[item.fieldname]) in flat(row[1])
			else:
				assert flat(row[1]) == flat(item.prompt)
		assert form.PART_3_NOTE in texts(document)


# --- 第四部分 -----------------------------------------------------------------------------------------------


def test_part_four_outline(full, empty):
	doc = complete_application()
	sections = [form.item(f) for f in ("work_approach", "work_objectives", "work_tasks", "other_matters")]
	for document in (full, empty):
		assert [s.official for s in sections if s.official in headings(document, 2)] == [
			s.official for s in sections
		]
		assert form.PART_4_INTRO in texts(document)
		assert ["（一）定量指标", "（二）定性指标", "资金安排"] == headings(document, 3)
	assert flat(doc["work_approach"]) in flat("".join(texts(full)))
	assert f"试点周期（年）：{doc['pilot_cycle_years']}" in texts(full)
	assert "试点周期（年）：____" in texts(empty)


def test_part_four_targets_and_funding(full, empty):
	doc = complete_application()
	targets = table_with(full, "目标年份")
	assert rows(targets)[0] == ["序号", "指标名称", "单位", "基期值", "目标值", "目标年份"]
	assert [r[1] for r in rows(targets)[1:]] == [t["target_indicator"] for t in doc["quantitative_targets"]]
	qualitative = doc["qualitative_targets"][0]
	assert any(
		t.startswith("1. ") and flat(qualitative["target_description"])[:20] in flat(t) for t in texts(full)
	)
	funding = table_with(full, "资金来源")
	assert [r[0] for r in rows(funding)[1:-1]] == [
		FUNDING_SOURCES[r["funding_source"]] for r in doc["funding_plan"]
	]
	total = sum(r["amount"] for r in doc["funding_plan"])
	assert rows(funding)[-1][:2] == ["合计", format_number(total)]
	# the blank form: three numbered target rows and three funding rows to fill in
	assert [r[0] for r in rows(table_with(empty, "目标年份"))[1:]] == ["1", "2", "3"]
	assert rows(table_with(empty, "资金来源"))[1:] == [[""] * 4] * 3 + [["合计", "", "", ""]]


# --- 附表 ---------------------------------------------------------------------------------------------------


def test_work_task_plan(full):
	doc = saved_application()
	table = table_with(full, "主要措施")
	head = rows(table)[0]
	assert head == ["序号", "工作项目", "工作现状", "工作目标", "主要措施", "时间节点"]
	body = rows(table)[1:]
	# the measures in order, each under its work item (one cell over the item's measures)
	tasks = sort_tasks(doc["tasks"])
	assert [r[4].split(" ")[0] for r in body] == [t["measure_no"] for t in tasks]
	names = dict(WORK_ITEMS)
	assert [r[1] for r in body] == [names[t["work_item"]] for t in tasks]
	first = tasks[0]
	assert flat(first["measure"]) in flat(body[0][4])
	assert f"（任务分工：{first['responsible_party']}）" in body[0][4]
	assert body[0][5] == f"{first['time_node'].year}年{first['time_node'].month}月{first['time_node'].day}日"
	planned = next(w for w in doc["work_items"] if w["work_item"] == first["work_item"])
	assert body[0][2] == planned["current_state"]


def test_blank_work_task_plan_has_two_numbered_rows_per_item(empty):
	body = rows(table_with(empty, "主要措施"))[1:]
	assert [r[4] for r in body] == [f"{n}.{m} " for n in range(1, 8) for m in (1, 2)]
	assert [r[0] for r in body] == [str(n) for n in range(1, 8) for _m in (1, 2)]
	assert [r[1] for r in body[::2]] == [name for _key, name in WORK_ITEMS]
	assert {value for r in body for value in (r[2], r[3], r[5])} == {""}


# --- values as typed --------------------------------------------------------------------------------------


def test_user_text_comes_out_as_typed():
	"""A value Frappe's sanitiser stored with character references reads as typed; markup is plain text."""
	doc = saved_application()
	doc["regional_industry_composition"] = "《&lt;GB/T 19001&gt;》 &amp; <b>x</b>\n第二段"
	doc["backbone_enterprises"][0]["enterprise_name"] = "<script>alert(1)</script>"
	document = read(doc)
	composition = document.tables[0].cell(0, 1)
	assert [p.text for p in composition.paragraphs][1:] == ["《<GB/T 19001>》 & <b>x</b>", "第二段"]
	assert rows(table_with(document, "序号"))[1][1] == "<script>alert(1)</script>"


def test_none_is_the_blank_form():
	assert headings(read(None), 1) == headings(read({}), 1)
