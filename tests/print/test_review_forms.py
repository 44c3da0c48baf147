"""The review process's print formats (省级推荐意见, 专家评审表, 产业集群区域品牌建设试点名单), rendered with plain
Jinja2 the way Frappe renders them (no autoescape), against a full and an empty sample.

The database readers of cluster_brand.print.readers are stood in for by functions returning plain rows.
"""

from datetime import date

import pytest
from print_env import Page, cells, flat, print_environment

from cluster_brand.print.review_forms import (
	CONFLICT_DECLARATION,
	DESIGNATION_COLUMNS,
	DESIGNATION_TITLE,
	EXPERT_REVIEW_TITLE,
	SCORE_COLUMNS,
	designation_print_context,
	expert_review_print_context,
	recommendation_print_context,
)
from cluster_brand.rules.application.workflow import APPROVED_AS_PILOT
from cluster_brand.rules.review.scoring import DEFAULT_RUBRIC, weighted_scores

PRINT = "cluster_brand/templates/print/"
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ZHEJIANG = "浙江省工业和信息化主管部门"
SHANDONG = "山东省工业和信息化主管部门"
OFFICIAL_NAMES = {SHANDONG: "山东省经济和信息化委员会"}
BATCH = "2017年产业集群区域品牌建设试点"


def render(template: str, doc, rows=None) -> str:
	env = print_environment(
		recommendation_print_context=recommendation_print_context,
		expert_review_print_context=expert_review_print_context,
		designation_print_context=designation_print_context,
		recommended_applications=lambda d: rows or [],
		batch_pilots=lambda d: rows or [],
		official_name=lambda authority: OFFICIAL_NAMES.get(authority, authority or ""),
	)
	return env.get_template(PRINT + template).render(doc=doc)


def table(page: Page, css_class: str) -> dict:
	return page.tables_of(css_class)[0]


def body(page: Page, css_class: str) -> list[list[str]]:
	return [cells(r) for r in table(page, css_class)["rows"][1:]]


# --- 省级推荐意见 ----------------------------------------------------------------------------------------------


def application(**values) -> dict:
	return {
		"name": "CBA-2017-00002",
		"pilot_batch": BATCH,
		"batch_year": 2017,
		"recommending_authority": ZHEJIANG,
		"organizing_unit": "青溪县人民政府",
		"industrial_cluster": "青溪县五金工具产业集群",
		"leading_industry": "五金工具",
		"workflow_state": APPROVED_AS_PILOT,
		"recommendation_rank": 2,
		"recommendation_opinion": "同意推荐。\n该集群产业基础好。",
		"recommending_officer": "张三",
		"recommendation_date": date(2017, 8, 25),
		**values,
	}


def recommended_rows() -> list[dict]:
	# as frappe.get_list returns them; given out of order on purpose
	return [
		{
			"name": "CBA-2017-00002",
			"recommendation_rank": 2,
			"organizing_unit": "青溪县人民政府",
			"industrial_cluster": "青溪县五金工具产业集群",
			"leading_industry": "五金工具",
			"recommendation_opinion": "同意推荐。\n该集群产业基础好。",
		},
		{
			"name": "CBA-2017-00001",
			"recommendation_rank": 1,
			"organizing_unit": "东阳县经济开发区管理委员会",
			"industrial_cluster": "东阳县木雕红木家具产业集群",
			"leading_industry": "木雕家具",
			"recommendation_opinion": "优先推荐。",
		},
	]


@pytest.fixture(scope="module")
def recommendation() -> Page:
	return Page(render("provincial_recommendation.html", application(), recommended_rows()))


@pytest.fixture(scope="module")
def blank_recommendation() -> Page:
	return Page(render("provincial_recommendation.html", {}))


def test_recommendation_title_names_the_authority_and_the_batch_year(recommendation):
	text = flat(recommendation.text)
	assert f"{ZHEJIANG}2017年产业集群区域品牌建设试点推荐意见" in text
	assert f"申报批次：{BATCH}" in text


def test_recommended_applications_in_rank_order(recommendation):
	head = cells(table(recommendation, "cb-recommended")["rows"][0])
	# the opinion prints once, under the list (it printed in the list and again under it): the four
	# columns spelled out, pinned on purpose
	assert head == ["推荐排序", "组织实施单位", "产业集群（园区）", "主导产业"]
	rows = body(recommendation, "cb-recommended")
	assert [r[0] for r in rows] == ["1", "2"]
	assert rows[0] == ["1", "东阳县经济开发区管理委员会", "东阳县木雕红木家具产业集群", "木雕家具"]
	assert rows[1][1:4] == ["青溪县人民政府", "青溪县五金工具产业集群", "五金工具"]
	text = flat(recommendation.text)
	assert text.count("同意推荐。") == 1 and "优先推荐。" not in text


def test_recommendation_is_headed_and_sealed_with_the_authoritys_official_name():
	text = flat(
		Page(render("provincial_recommendation.html", application(recommending_authority=SHANDONG))).text
	)
	assert "山东省经济和信息化委员会2017年产业集群区域品牌建设试点推荐意见" in text
	assert "山东省经济和信息化委员会（盖章）" in text
	assert SHANDONG not in text


def test_the_printed_application_is_marked_in_the_list(recommendation):
	rows = table(recommendation, "cb-recommended")["rows"][1:]
	assert [r[0]["text"].strip() for r in rows] == ["1", "2"]
	html = render("provincial_recommendation.html", application(), recommended_rows())
	assert html.count('class="cb-current"') == 1
	assert html.index('class="cb-current"') > html.index("东阳县木雕红木家具产业集群")


def test_own_opinion_officer_date_and_seal(recommendation):
	text = flat(recommendation.text)
	assert "对“青溪县五金工具产业集群”的推荐意见（推荐排序：第2位）" in text
	assert "同意推荐。该集群产业基础好。" in text
	assert "经办人：张三" in text
	assert "推荐日期：2017年8月25日" in text
	assert f"{ZHEJIANG}（盖章）" in text
	assert "年月日" in text


def test_opinion_heading_stays_with_its_first_paragraph():
	doc = application(recommendation_opinion="第一段。\n\n第三段。")
	html = render("provincial_recommendation.html", doc, recommended_rows())
	own = html[html.index('class="cb-own"') :]
	keep = own[own.index('class="cb-keep"') : own.index("</div>", own.index('<div class="cb-para">')) + 6]
	assert "的推荐意见" in keep and '<div class="cb-para">第一段。</div>' in keep and "第三段" not in keep
	assert '<div class="cb-para">&nbsp;</div><div class="cb-para">第三段。</div>' in own


def test_blank_recommendation_is_a_form_to_fill_in(blank_recommendation):
	text = flat(blank_recommendation.text)
	assert "______（推荐单位）" in text
	assert "______年产业集群区域品牌建设试点推荐意见" in text
	rows = body(blank_recommendation, "cb-recommended")
	assert len(rows) == 3 and all(c == "" for r in rows for c in r)
	assert "经办人：______" in text
	assert "推荐日期：______年____月____日" in text
	assert "（盖章）" in text
	assert "申报批次" not in text


def test_recommendation_rows_without_rank_come_last():
	rows = recommended_rows() + [{"name": "CBA-2017-00009", "recommendation_rank": 0, "organizing_unit": "X"}]
	page = Page(render("provincial_recommendation.html", application(), rows))
	assert [r[0] for r in body(page, "cb-recommended")] == ["1", "2", ""]


# --- 专家评审表 ------------------------------------------------------------------------------------------------


def expert_review(**values) -> dict:
	scores = [
		{"criterion": c, "weight": w, "score": 80 + n} for n, (c, w, _hint) in enumerate(DEFAULT_RUBRIC)
	]
	weighted, total = weighted_scores(scores)
	for row, value in zip(scores, weighted, strict=True):
		row["weighted_score"] = value
	return {
		"name": "ER-00001",
		"application": "CBA-2017-00002",
		"industrial_cluster": "青溪县五金工具产业集群",
		"pilot_batch": BATCH,
		"expert": "expert.one@example.com",
		"expert_name": "王五",
		"scores": scores,
		"total_score": total,
		"comments": "材料完整，工作基础较好。\n建议加强品牌评价。",
		"recommendation": "Recommend as Pilot",
		"no_conflict_of_interest": 1,
		"conflict_statement": "",
		**values,
	}


@pytest.fixture(scope="module")
def review_sheet() -> Page:
	return Page(render("expert_review.html", expert_review()))


@pytest.fixture(scope="module")
def blank_review_sheet() -> Page:
	return Page(render("expert_review.html", {}))


def test_review_sheet_heading_and_application(review_sheet):
	text = flat(review_sheet.text)
	assert EXPERT_REVIEW_TITLE in text
	head = [cells(r) for r in table(review_sheet, "cb-review-head")["rows"]]
	assert head == [
		["产业集群（园区）", "青溪县五金工具产业集群"],
		["申报书编号", "CBA-2017-00002", "申报批次", BATCH],
		["专家姓名", "王五"],
	]


def test_score_table_with_weights_scores_and_total(review_sheet):
	doc = expert_review()
	assert cells(table(review_sheet, "cb-scores")["rows"][0]) == list(SCORE_COLUMNS)
	rows = body(review_sheet, "cb-scores")
	assert len(rows) == len(DEFAULT_RUBRIC) + 1
	assert rows[0] == ["1", DEFAULT_RUBRIC[0][0], "15", "80", "12"]
	assert rows[2] == ["3", DEFAULT_RUBRIC[2][0], "10", "82", "8.2"]
	assert rows[-1] == ["总分", "100", "", f"{doc['total_score']:g}"]


def test_review_comments_recommendation_and_declaration(review_sheet):
	text = flat(review_sheet.text)
	assert "评审意见材料完整，工作基础较好。建议加强品牌评价。" in text
	assert "评审建议☑建议确定为试点☐不建议确定为试点" in text
	assert f"☑{CONFLICT_DECLARATION}" in text
	assert "专家签名：______" in text
	assert "日期：______年____月____日" in text


def test_do_not_recommend_in_chinese():
	page = Page(render("expert_review.html", expert_review(recommendation="Do Not Recommend")))
	assert "☐建议确定为试点☑不建议确定为试点" in flat(page.text)
	assert "Recommend" not in page.text


def test_declaration_not_made_and_a_statement():
	doc = expert_review(no_conflict_of_interest=0, conflict_statement="曾在该县挂职。")
	text = flat(Page(render("expert_review.html", doc)).text)
	assert f"☐{CONFLICT_DECLARATION}" in text
	assert "说明：曾在该县挂职。" in text


def test_blank_review_sheet(blank_review_sheet):
	text = flat(blank_review_sheet.text)
	assert EXPERT_REVIEW_TITLE in text
	rows = body(blank_review_sheet, "cb-scores")
	assert [r[0] for r in rows[:-1]] == ["1", "2", "3", "4", "5"]
	assert all(c == "" for r in rows[:-1] for c in r[1:])
	assert rows[-1] == ["总分", "", "", ""]
	assert "☐建议确定为试点☐不建议确定为试点" in text
	assert f"☐{CONFLICT_DECLARATION}" in text


def test_weighted_scores_are_computed_for_a_sheet_never_saved():
	doc = expert_review()
	for row in doc["scores"]:
		del row["weighted_score"]
	del doc["total_score"]
	rows = body(Page(render("expert_review.html", doc)), "cb-scores")
	assert rows[0][4] == "12"
	assert rows[-1][-1] == f"{weighted_scores(expert_review()['scores'])[1]:g}"


# --- 产业集群区域品牌建设试点名单 ---------------------------------------------------------------------------


def pilot_batch(**values) -> dict:
	return {
		"name": BATCH,
		"batch_title": BATCH,
		"batch_year": 2017,
		"notice_number": "工信厅科函〔2017〕433号",
		**values,
	}


def pilots() -> list[dict]:
	return [
		{
			"name": "BP-2017-002",
			"industrial_cluster": "临河县家用纺织品产业集群",
			"organizing_unit": "山东临河经济开发区管理委员会",
			"recommending_authority": SHANDONG,
			"designation_notice_number": "工信厅科函〔2017〕500号",
			"start_date": date(2017, 11, 1),
			"planned_end_date": date(2020, 10, 31),
		},
		{
			"name": "BP-2017-001",
			"industrial_cluster": "青溪县五金工具产业集群",
			"organizing_unit": "青溪县人民政府",
			"recommending_authority": ZHEJIANG,
			"designation_notice_number": "工信厅科函〔2017〕500号",
			"start_date": "2017-11-01",
			"planned_end_date": "2020-10-31",
		},
		{
			"name": "BP-2017-003",
			"industrial_cluster": "某机械产业集群",
			"organizing_unit": "某县人民政府",
			"recommending_authority": "中国机械工业联合会",
			"designation_notice_number": "工信厅科函〔2017〕512号",
			"start_date": date(2017, 12, 1),
			"planned_end_date": date(2020, 11, 30),
		},
	]


@pytest.fixture(scope="module")
def designation() -> Page:
	return Page(render("pilot_designation_list.html", pilot_batch(), pilots()))


def test_designation_title_batch_and_notice_numbers(designation):
	text = flat(designation.text)
	assert f"2017年{DESIGNATION_TITLE}" in text
	assert f"申报批次：{BATCH}" in text
	assert "通知文号：工信厅科函〔2017〕433号" in text
	assert "确定试点文号：工信厅科函〔2017〕500号、工信厅科函〔2017〕512号" in text
	assert "共3个试点。" in text


def test_pilots_in_the_notices_order_of_authorities(designation):
	assert cells(table(designation, "cb-pilots")["rows"][0]) == list(DESIGNATION_COLUMNS)
	rows = body(designation, "cb-pilots")
	# 浙江 before 山东 (the notice's order), the industry associations after the provinces
	assert [r[3] for r in rows] == [ZHEJIANG, SHANDONG, "中国机械工业联合会"]
	assert rows[0] == [
		"1",
		"青溪县五金工具产业集群",
		"青溪县人民政府",
		ZHEJIANG,
		"2017年11月1日",
		"2020年10月31日",
	]
	assert [r[0] for r in rows] == ["1", "2", "3"]


def test_empty_designation_list():
	page = Page(render("pilot_designation_list.html", {"name": "测试批次"}))
	text = flat(page.text)
	assert DESIGNATION_TITLE in text and "年产业集群" not in text
	assert "申报批次：测试批次" in text
	assert "确定试点文号：______" in text
	assert body(page, "cb-pilots") == [["（尚无确定的试点）"]]


# --- escaping and page numbers -------------------------------------------------------------------------


def test_user_text_is_escaped_in_every_form():
	rows = recommended_rows()
	rows[0].update(organizing_unit=SCRIPT, industrial_cluster=SCRIPT, leading_industry=SCRIPT)
	rows[0]["recommendation_opinion"] = f"{SCRIPT}\n{SCRIPT}"
	doc = application(
		recommending_authority=SCRIPT,
		pilot_batch=SCRIPT,
		industrial_cluster=SCRIPT,
		organizing_unit=SCRIPT,
		recommendation_opinion=SCRIPT,
		recommending_officer=SCRIPT,
	)
	review = expert_review(
		application=SCRIPT,
		industrial_cluster=SCRIPT,
		pilot_batch=SCRIPT,
		expert_name=SCRIPT,
		comments=SCRIPT,
		recommendation=SCRIPT,
		no_conflict_of_interest=0,
		conflict_statement=SCRIPT,
	)
	review["scores"][0]["criterion"] = SCRIPT
	listed = pilots()
	listed[0].update(
		industrial_cluster=SCRIPT,
		organizing_unit=SCRIPT,
		recommending_authority=SCRIPT,
		designation_notice_number=SCRIPT,
	)
	for html, expected in (
		(render("provincial_recommendation.html", doc, rows), 10),
		(render("expert_review.html", review), 7),
		(
			render(
				"pilot_designation_list.html", pilot_batch(batch_title=SCRIPT, notice_number=SCRIPT), listed
			),
			6,
		),
	):
		assert SCRIPT not in html
		assert "<script" not in html
		assert html.count(ESCAPED) == expected  # every field above, printed as text


@pytest.mark.parametrize(
	"template", ["provincial_recommendation.html", "expert_review.html", "pilot_designation_list.html"]
)
def test_a4_margins_song_font_and_the_page_number_footer(template):
	html = render(template, {})
	assert ".print-format { margin-top: 25mm; margin-bottom: 22mm;" in html
	assert '"Noto Serif CJK SC"' in html and '"SimSun"' in html
	# drawn by a patched wkhtmltopdf; cluster_brand.print.pdf stamps the same "— n —" otherwise
	assert '<div id="footer-html" class="visible-pdf">' in html
	assert '—&nbsp;<span class="page"></span>&nbsp;—' in html


def unscored(doc: dict, *scored: int, stored=None) -> dict:
	"""``doc`` as a new sheet is stored: no score entered (but those of the rows ``scored``), and no weighted
	score or total: NULL (cluster_brand/controllers/blank_numbers.py), or ``stored=0.0`` as a site stores them until
	its migrate makes their columns nullable."""
	for n, row in enumerate(doc["scores"]):
		if n not in scored:
			row["score"] = None
			row["weighted_score"] = stored
	doc["total_score"] = stored
	return doc


@pytest.mark.parametrize("stored", [None, 0.0])
def test_an_unscored_sheet_prints_blank_score_cells_for_the_expert_to_fill_in(stored):
	rows = body(Page(render("expert_review.html", unscored(expert_review(), stored=stored))), "cb-scores")
	assert rows[0] == ["1", DEFAULT_RUBRIC[0][0], "15", "", ""]
	assert all(r[3:] == ["", ""] for r in rows[:-1])
	assert rows[-1] == ["总分", "100", "", ""]


@pytest.mark.parametrize("stored", [None, 0.0])
def test_a_half_scored_sheet_prints_no_total(stored):
	rows = body(Page(render("expert_review.html", unscored(expert_review(), 0, stored=stored))), "cb-scores")
	assert rows[0] == ["1", DEFAULT_RUBRIC[0][0], "15", "80", "12"]
	assert rows[1][3:] == ["", ""]
	assert rows[-1] == ["总分", "100", "", ""]


def test_a_score_of_zero_prints_as_zero():
	doc = expert_review()
	doc["scores"][0]["score"] = 0.0  # a Float: 0 typed, not blank
	doc["scores"][0]["weighted_score"] = 0.0
	rows = body(Page(render("expert_review.html", doc)), "cb-scores")
	assert rows[0][3:] == ["0", "0"]


def test_the_rubrics_guidance_prints_under_its_criterion():
	doc = expert_review()
	doc["scores"][0]["guidance"] = DEFAULT_RUBRIC[0][2]
	rows = body(Page(render("expert_review.html", doc)), "cb-scores")
	assert flat(rows[0][1]) == flat(f"{DEFAULT_RUBRIC[0][0]}评分要点：{DEFAULT_RUBRIC[0][2]}")
	assert rows[1][1] == DEFAULT_RUBRIC[1][0]  # no guidance, no line
