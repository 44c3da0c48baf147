"""产业集群区域品牌建设示范区名单 / 典型经验推荐名单 (cluster_brand/templates/print/demonstration_list.html),
rendered with plain Jinja2 the way Frappe renders it, the database reader stood in for by plain rows."""

from print_env import Page, cells, flat, print_environment

from cluster_brand.print.demonstration_list import (
	EXPERIENCE_TITLE,
	LIST_COLUMNS,
	ZONE_TITLE,
	demonstration_list_context,
)
from cluster_brand.rules.pilot_end.demonstration_review import DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE

ZHEJIANG = "浙江省工业和信息化主管部门"
SHANDONG = "山东省工业和信息化主管部门"
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ROUND = {"name": "ER-0001", "title": "2017年试点总结评价", "notice_number": "工信厅科函〔2018〕283号"}


def decided() -> list[dict]:
	# as the reader returns them: by name, not in the notice's order of provinces
	return [
		{
			"workflow_state": TYPICAL_EXPERIENCE,
			"recommending_authority": SHANDONG,
			"recommending_authority_name": "山东省经济和信息化委员会",
			"industrial_cluster": "临沂市板材产业集群",
			"organizing_unit": "临沂市人民政府",
		},
		{
			"workflow_state": DEMONSTRATION_ZONE,
			"recommending_authority": SHANDONG,
			"industrial_cluster": "潍坊市纺织产业集群",
			"organizing_unit": "潍坊市人民政府",
		},
		{
			"workflow_state": DEMONSTRATION_ZONE,
			"recommending_authority": ZHEJIANG,
			"industrial_cluster": "青溪县五金工具产业集群",
			"organizing_unit": "青溪县人民政府",
		},
	]


def html_of(doc, rows=None) -> str:
	env = print_environment(
		demonstration_list_context=demonstration_list_context,
		decided_demonstration_applications=lambda d: rows or [],
	)
	return env.get_template("cluster_brand/templates/print/demonstration_list.html").render(doc=doc)


def render(doc, rows=None) -> Page:
	return Page(html_of(doc, rows))


def body(page: Page, index: int) -> list[list[str]]:
	return [cells(r) for r in page.tables_of("cb-decided")[index]["rows"][1:]]


def test_two_lists_the_zones_then_the_typical_experiences():
	page = render(ROUND, decided())
	text = flat(page.text)
	assert f"{ZONE_TITLE}及{EXPERIENCE_TITLE}" in text
	assert "总结评价：2017年试点总结评价" in text and "通知文号：工信厅科函〔2018〕283号" in text
	assert f"一、{ZONE_TITLE}" in text and f"二、{EXPERIENCE_TITLE}" in text
	tables = page.tables_of("cb-decided")
	assert len(tables) == 2
	assert cells(tables[0]["rows"][0]) == list(LIST_COLUMNS)
	# 浙江 before 山东: the notice's order of provinces
	assert body(page, 0) == [
		["1", ZHEJIANG, "青溪县五金工具产业集群", "青溪县人民政府"],
		["2", SHANDONG, "潍坊市纺织产业集群", "潍坊市人民政府"],
	]
	# the authority by its official name where it has one
	assert body(page, 1) == [["1", "山东省经济和信息化委员会", "临沂市板材产业集群", "临沂市人民政府"]]


def test_an_application_not_in_an_end_state_of_the_lists_is_not_listed():
	rows = [
		*decided(),
		{**decided()[2], "workflow_state": "In Public Notice", "industrial_cluster": "未决集群"},
	]
	assert "未决集群" not in render(ROUND, rows).text


def test_an_empty_list_says_so():
	page = render({"name": "ER-0002"})
	assert body(page, 0) == [["（无）"]] and body(page, 1) == [["（无）"]]
	assert "通知文号：______" in flat(page.text)


def test_user_text_is_escaped():
	rows = decided()
	rows[0].update(recommending_authority_name=SCRIPT, industrial_cluster=SCRIPT, organizing_unit=SCRIPT)
	html = html_of({**ROUND, "title": SCRIPT, "notice_number": SCRIPT}, rows)
	assert "<script" not in html
	assert html.count(ESCAPED) == 5  # every field above, printed as text


def test_a4_margins_song_font_and_the_page_number_footer():
	html = html_of({})
	assert ".print-format { margin-top: 25mm; margin-bottom: 22mm;" in html
	assert '"Noto Serif CJK SC"' in html and 'class="page"' in html
