"""The 申报书 print format's template, rendered with plain Jinja2 the way Frappe renders it (no autoescape).

Every heading, row label and column of Annex 2 is read from cluster_brand.rules, not copied here.
"""

import copy
import re

import pytest
from print_env import Page, cells, flat, print_environment
from sample_application import BATCH_YEAR, complete_application, saved_application

from cluster_brand.print.application import BACKBONE_TOTAL_FIELDS, application_print_context
from cluster_brand.print.application_plan import FUNDING_SOURCES
from cluster_brand.print.formatting import format_number
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application.indicators import INDICATORS, indicator_years, year_heading
from cluster_brand.rules.application.work_plan import WORK_ITEMS, number_measures, sort_tasks

TEMPLATE = "cluster_brand/templates/print/cluster_brand_application.html"
SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>x</b>"


def render(doc) -> str:
	env = print_environment(application_print_context=application_print_context)
	return env.get_template(TEMPLATE).render(doc=doc)


@pytest.fixture(scope="module")
def full() -> Page:
	return Page(render(saved_application()))


@pytest.fixture(scope="module")
def empty() -> Page:
	return Page(render({}))


# --- structure -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["full", "empty"])
def test_every_part_heading(which, request):
	text = flat(request.getfixturevalue(which).text)
	for part, heading in form.PARTS.items():
		if part != form.COVER:
			for word in heading.split():  # 附表 and 工作任务计划表 stand on lines of their own
				assert word in text, heading
	assert "产业集群区域品牌建设试点申报书" in text  # Annex 2's title, pinned on purpose


def test_cover(full, empty):
	unit = complete_application()["organizing_unit"]
	assert f"申报单位：{unit}（公章）" in flat(full.text)
	assert "申报日期：2017年8月10日" in flat(full.text)
	assert re.search(r"申报单位：_{6,}（公章）", flat(empty.text))
	assert re.search(r"申报日期：_+年_+月_+日", flat(empty.text))


def test_cover_is_a_page_of_its_own():
	html = render(saved_application())
	assert html.index("cb-cover") < html.index('class="cb-page') < html.index(form.PARTS[form.PART_1])


@pytest.mark.parametrize("which", ["full", "empty"])
def test_part_one_table_has_the_vertical_labels_and_every_prompt(which, request):
	page = request.getfixturevalue(which)
	part_1 = next(t for t in page.tables if "cb-table" in t["class"])
	labels = [
		flat(row[0]["text"]) for row in part_1["rows"] if "cb-vertical" in row[0]["attrs"].get("class", "")
	]
	assert labels == [
		form.REGIONAL_INDUSTRY_COMPOSITION[1],
		form.LEADING_INDUSTRY[1],
		form.QUALITY_FOUNDATION[1],
		form.PUBLIC_SERVICES[1],
	]
	text = flat(" ".join(c["text"] for row in part_1["rows"] for c in row))
	for item in form.items_of(form.APPLICATION, form.PART_1):
		if item.fieldname == "indicators":
			continue
		if item.fieldname == "regional_industry_composition":  # its guidance stands alone in the cell
			assert flat(item.prompt) in text
		else:  # 一、主导产业简介（从产业规模、集聚形态、对本地经济发展的贡献等方面展开）
			assert flat(item.official + (f"（{item.prompt}）" if item.prompt else "")) in text, item.official


def test_part_one_answers(full):
	doc = saved_application()
	for item in form.items_of(form.APPLICATION, form.PART_1):
		if item.fieldname != "indicators":
			assert flat(doc[item.fieldname])[:80] in flat(full.text), item.fieldname


def test_main_indicators(full, empty):
	table = full.tables_of("cb-indicators")[0]
	head = cells(table["rows"][0])
	assert head == [flat(form.MAIN_INDICATORS[1]), "指标名称", "2014年", "2015年", "2016年"]
	assert head[2:] == [year_heading(y) for y in indicator_years(BATCH_YEAR)]
	assert [cells(r)[0] for r in table["rows"][1:]] == [flat(i.official_name) for i in INDICATORS]
	assert cells(table["rows"][1])[1:] == ["2,615", "2,742", "2,860"]  # counts as whole numbers
	assert cells(table["rows"][3])[1:] == ["358.2", "383.5", "426.3"]  # 亿元 with at most 2 decimals

	blank = empty.tables_of("cb-indicators")[0]
	assert [cells(r)[0] for r in blank["rows"][1:]] == [flat(i.official_name) for i in INDICATORS]
	assert all(c == "" for r in blank["rows"][1:] for c in cells(r)[1:])


def test_years_follow_the_batch():
	doc = saved_application()
	doc["batch_year"] = 2018
	table = Page(render(doc)).tables_of("cb-indicators")[0]
	assert cells(table["rows"][0])[2:] == ["2015年", "2016年", "2017年"]


def test_number_format():
	assert format_number(2860.0, 0) == "2,860"
	assert format_number(426.30) == "426.3"
	assert format_number(45300) == "45,300"
	assert format_number(87.016) == "87.02"
	assert format_number(-0.001) == "0"
	assert format_number(-320) == "-320"
	assert format_number(None) == format_number("") == ""


def profile_layout(table) -> list[list[str]]:
	"""Each row of a profile table as its labels, with the colspan of its value cells."""
	layout = []
	for row in table["rows"]:
		layout.append(
			[
				flat(c["text"])
				if "cb-label" in c["attrs"].get("class", "")
				else f"span{c['attrs'].get('colspan', 1)}"
				for c in row
			]
		)
	return layout


@pytest.mark.parametrize("which", ["full", "empty"])
def test_three_top_enterprise_profiles_with_the_official_rows(which, request):
	page = request.getfixturevalue(which)
	labels = {i.fieldname: i.official for i in form.items_of(form.TOP_ENTERPRISE)}
	expected = [
		[labels["enterprise_name"], "span3"],
		[labels["contact_person"], "span1", labels["contact_phone"], "span1"],
		[labels["mobile"], "span1", labels["email"], "span1"],
	] + [
		[labels[f], "span3"]
		# Annex 2's rows in its order, pinned on purpose
		for f in (
			"enterprise_profile",
			"own_brands",
			"product_technology_level",
			"influence",
			"awards",
			"regional_brand_participation",
		)
	]
	profiles = page.tables_of("cb-profile")
	assert len(profiles) == 3
	for table in profiles:
		assert profile_layout(table) == expected
	heading = form.item("top_enterprises")
	assert flat(f"{heading.official}（{heading.prompt}）") in flat(page.text)


def test_top_enterprise_values_and_fewer_than_three():
	doc = saved_application()
	first = doc["top_enterprises"][0]
	page = Page(render(doc))
	table = page.tables_of("cb-profile")[0]
	assert cells(table["rows"][0])[1] == flat(first["enterprise_name"])
	assert cells(table["rows"][1]) == ["联系人", first["contact_person"], "联系电话", first["contact_phone"]]
	assert cells(table["rows"][2]) == ["手机", first["mobile"], "邮箱", first["email"]]
	assert flat(first["enterprise_profile"]) in cells(table["rows"][3])[1]

	doc["top_enterprises"] = doc["top_enterprises"][:1]
	profiles = Page(render(doc)).tables_of("cb-profile")
	assert len(profiles) == 3
	assert cells(profiles[1]["rows"][0])[1] == "" and cells(profiles[2]["rows"][1])[1] == ""


def backbone_rows(page: Page) -> list[list[dict]]:
	"""The header of the backbone table's first page, then the rows of all its pages (合计 last)."""
	tables = page.tables_of("cb-backbone")
	return [tables[0]["rows"][0]] + [row for t in tables for row in t["rows"][1:]]


def test_backbone_summary_table(full):
	doc = saved_application()
	columns = ["序号"] + [i.official for i in form.items_of(form.BACKBONE_ENTERPRISE)]
	all_rows = backbone_rows(full)
	table = {"rows": all_rows}
	assert cells(table["rows"][0]) == [flat(c) for c in columns]
	rows = table["rows"][1:-1]
	assert [cells(r)[0] for r in rows] == [str(n) for n in range(1, len(doc["backbone_enterprises"]) + 1)]
	first = doc["backbone_enterprises"][0]
	assert cells(rows[0])[1:4] == [
		flat(first["enterprise_name"]),
		flat(first["main_products"]),
		flat(first["own_brand"]),
	]
	assert cells(rows[0])[4] == format_number(first["assets"])
	totals = cells(table["rows"][-1])
	assert totals[0] == "合计"
	assert totals[1:5] == [format_number(doc[f]) for f in BACKBONE_TOTAL_FIELDS]
	text = flat(full.text)
	coverage = format_number(doc["backbone_sales_coverage"])
	assert f"{doc['statistics_year']}年，骨干企业累计销售收入占主导产业销售收入的{coverage}%" in text
	assert flat(form.BACKBONE_NOTE) in text


def test_long_tables_print_a_table_with_its_header_per_page(full):
	# wkhtmltopdf repeats no header and cuts rows: 30 enterprises and the seven work items print as several
	# tables, each a block kept whole that starts a page (but the first), each with the header.
	for css_class in ("cb-backbone", "cb-plan"):
		tables = full.tables_of(css_class)
		assert len(tables) > 1, css_class
		assert all(t["rows"][0] == tables[0]["rows"][0] for t in tables)
		assert all(len(t["rows"]) > 1 for t in tables)
	assert ".cb-table-page + .cb-table-page { page-break-before: always; }" in render(saved_application())
	totals = [cells(t["rows"][-1])[0] for t in full.tables_of("cb-backbone")]
	assert totals.count("合计") == 1 and totals[-1] == "合计"


def test_a_work_item_taller_than_a_page_continues_under_the_header():
	doc = saved_application()
	item = WORK_ITEMS[0][0]
	long = [dict(t, measure="措施" * 120) for t in doc["tasks"] if t["work_item"] == item]
	doc["tasks"] = long * 3 + [t for t in doc["tasks"] if t["work_item"] != item]
	page = Page(render(doc))
	tables = page.tables_of("cb-plan")
	names = [cells(r)[1] for t in tables for r in t["rows"][1:] if len(r) == 6]
	assert names[0] == WORK_ITEMS[0][1] and f"{WORK_ITEMS[0][1]}（续）" in names
	assert len([n for n in names if n.startswith(WORK_ITEMS[0][1])]) > 1


def test_blank_backbone_summary_table_has_rows_one_to_five(empty):
	rows = backbone_rows(empty)[1:-1]
	assert [cells(r)[0] for r in rows] == ["1", "2", "3", "4", "5"]
	assert all(c == "" for r in rows for c in cells(r)[1:])
	assert cells(backbone_rows(empty)[-1])[0] == "合计"
	assert "骨干企业累计销售收入占主导产业销售收入的______%" in flat(empty.text)
	assert flat(form.BACKBONE_NOTE) in flat(empty.text)


@pytest.mark.parametrize("which", ["full", "empty"])
def test_part_three_rows_and_note(which, request):
	page = request.getfixturevalue(which)
	table = next(t for t in page.tables if any(cells(r)[0] == "区域品牌战略" for r in t["rows"]))
	items = form.items_of(form.APPLICATION, form.PART_3)
	assert [cells(r)[0] for r in table["rows"]] == [i.official for i in items]
	for row, item in zip(table["rows"], items, strict=True):
		assert cells(row)[1].startswith(flat(item.prompt))
	assert flat(form.PART_3_NOTE) in flat(page.text)


def test_part_three_answers(full):
	doc = saved_application()
	for item in form.items_of(form.APPLICATION, form.PART_3):
		assert flat(doc[item.fieldname])[:80] in flat(full.text)


@pytest.mark.parametrize("which", ["full", "empty"])
def test_part_four_outline(which, request):
	text = flat(request.getfixturevalue(which).text)
	assert flat(form.PART_4_INTRO) in text
	positions = []
	# Annex 2's sections in its order, pinned on purpose
	for fieldname in (
		"work_approach",
		"work_objectives",
		"work_organisation",
		"work_tasks",
		"safeguard_measures",
	):
		item = form.item(fieldname)
		positions.append(text.index(flat(item.official + f"（{item.prompt}）")))
	positions.append(text.index(form.item("other_matters").official))
	assert positions == sorted(positions)
	for label in (
		"指标名称",
		"单位",
		"基期值",
		"目标值",
		"目标年份",
		"资金来源",
		"金额（万元）",
		"支持方向",
		"投入步骤",
	):
		assert label in text


def test_part_four_targets_and_funding(full):
	doc = saved_application()
	text = flat(full.text)
	for target in doc["quantitative_targets"]:
		assert flat(target["target_indicator"]) in text
	for target in doc["qualitative_targets"]:
		assert flat(target["target_description"]) in text
	funding = next(
		t for t in full.tables if cells(t["rows"][0]) == ["资金来源", "金额（万元）", "支持方向", "投入步骤"]
	)
	sources = [cells(r)[0] for r in funding["rows"][1:-1]]
	assert sources == [FUNDING_SOURCES[r["funding_source"]] for r in doc["funding_plan"]]
	assert cells(funding["rows"][-1])[:2] == ["合计", "45,300"]


def plan_rows(page: Page) -> list[list[dict]]:
	"""The header of the 附表's first page, then the rows of all its pages."""
	tables = page.tables_of("cb-plan")
	return [tables[0]["rows"][0]] + [row for t in tables for row in t["rows"][1:]]


def measure_no(row) -> str:
	"""The number that opens the 主要措施 cell: 1.1, 1.2 …"""
	return re.match(r"\d+\.\d+", cells(row)[-2]).group()


def test_work_task_plan(full):
	doc = saved_application()
	rows = plan_rows(full)
	assert cells(rows[0]) == ["序号", "工作项目", "工作现状", "工作目标", "主要措施", "时间节点"]
	body = rows[1:]
	firsts = [r for r in body if len(r) == 6]
	assert [cells(r)[:2] for r in firsts] == [
		[str(n), zh] for n, (_key, zh) in enumerate(WORK_ITEMS, start=1)
	]
	tasks = sort_tasks(doc["tasks"])
	expected_numbers = number_measures(tasks)
	assert [measure_no(r) for r in body] == expected_numbers
	assert expected_numbers[0] == "1.1" and expected_numbers[-1].startswith("7.")
	for row, task in zip(body, tasks, strict=True):
		assert flat(task["measure"]) in cells(row)[-2]
		assert f"（任务分工：{flat(task['responsible_party'])}）" in cells(row)[-2]
		node = task["time_node"]
		assert cells(row)[-1] == f"{node.year}年{node.month}月{node.day}日"
	for first, (key, _zh) in zip(firsts, WORK_ITEMS, strict=True):
		count = sum(1 for t in tasks if t["work_item"] == key)
		assert all(int(c["attrs"]["rowspan"]) == count for c in first[:4])
		planned = next(w for w in doc["work_items"] if w["work_item"] == key)
		assert cells(first)[2] == flat(planned["current_state"])
		assert cells(first)[3] == flat(planned["work_goal"])


def test_blank_work_task_plan_has_two_numbered_rows_per_item(empty):
	body = plan_rows(empty)[1:]
	assert [cells(r)[-2] for r in body] == [f"{n}.{m}" for n in range(1, 8) for m in (1, 2)]
	firsts = [r for r in body if len(r) == 6]
	assert [cells(r)[1] for r in firsts] == [zh for _key, zh in WORK_ITEMS]
	assert all(c["attrs"]["rowspan"] == "2" for r in firsts for c in r[:4])


def test_work_item_without_measures_prints_two_blank_rows():
	doc = saved_application()
	doc["tasks"] = [t for t in doc["tasks"] if t["work_item"] != WORK_ITEMS[2][0]]
	body = plan_rows(Page(render(doc)))[1:]
	numbers = [measure_no(r) for r in body]
	assert [n for n in numbers if n.startswith("3.")] == ["3.1", "3.2"]


# --- escaping --------------------------------------------------------------------------------------------


def test_user_text_is_escaped_everywhere():
	doc = saved_application()
	payload = f"{SCRIPT} {BOLD}"
	for fieldname in (
		"organizing_unit",
		"leading_industry_profile",
		"regional_industry_composition",
		"regional_brand_strategy",
		"work_approach",
		"other_matters",
	):
		doc[fieldname] = payload
	doc["top_enterprises"][0]["enterprise_profile"] = payload
	doc["top_enterprises"][1]["email"] = payload
	doc["backbone_enterprises"][0]["enterprise_name"] = payload
	doc["work_items"][0]["current_state"] = payload
	doc["tasks"][0]["measure"] = payload
	doc["tasks"][0]["responsible_party"] = payload
	doc["funding_plan"][0]["support_direction"] = payload
	doc["quantitative_targets"][0]["target_indicator"] = payload
	doc["qualitative_targets"][0]["target_description"] = payload
	html = render(doc)
	assert SCRIPT not in html
	assert BOLD not in html
	assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 15
	assert html.count("&lt;b&gt;x&lt;/b&gt;") >= 15
	assert flat(payload) in flat(Page(html).text)  # printed as text


def test_unit_with_markup_on_the_cover_is_text():
	doc = {"organizing_unit": '"><img src=x onerror=alert(1)>'}
	html = render(doc)
	assert "<img" not in html
	assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_newlines_are_kept():
	doc = saved_application()
	doc["leading_industry_profile"] = "第一段。\n第二段。"
	doc["backbone_enterprises"][0]["contact_details"] = "0579-87240360\n15930758775"
	doc["work_items"][1]["work_goal"] = "目标一\r\n目标二"
	html = render(doc)
	assert '<div class="cb-para">第一段。</div>' in html
	assert '<div class="cb-para">第二段。</div>' in html
	assert "0579-87240360<br>15930758775" in html
	assert "目标一<br>目标二" in html


def test_sample_is_not_changed_by_rendering():
	doc = saved_application()
	before = copy.deepcopy(doc)
	render(doc)
	assert doc == before
