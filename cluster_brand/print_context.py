"""What the app's print formats show, as plain data for their Jinja templates.

The templates (cluster_brand/templates/print/) call ``application_print_context(doc)`` (申报书),
``recommendation_print_context`` (省级推荐意见), ``expert_review_print_context`` (专家评审表) and
``designation_print_context`` (试点名单); Frappe exposes them through the ``jinja`` hook, the tests of the
tier without Frappe register them as globals of a plain Jinja2 environment. No Frappe import here: lists
read from the database come from cluster_brand.printing.

Official wording comes from cluster_brand.rules; values are returned as text but NOT escaped: the
template escapes every user value (Frappe's print environment does not autoescape).
"""

import html
import json
import math
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

from cluster_brand.rules import annex2 as form
from cluster_brand.rules import enterprises, indicators, scoring, work_plan

TITLE = "产业集群区域品牌建设试点申报书"

# zh of Application Funding.funding_source, as in cluster_brand/translations/zh.csv.
FUNDING_SOURCES = {
	"Central Government Funds": "中央财政资金",
	"Provincial Government Funds": "省级财政资金",
	"Municipal and County Government Funds": "市县财政资金",
	"Enterprise Self-Raised Funds": "企业自筹资金",
	"Social Capital": "社会资本",
	"Other": "其他",
}

# Part 1's official table: each vertical label of the left cell and the items of its right cell.
PART_1_GROUPS = (
	(form.REGIONAL_INDUSTRY_COMPOSITION[1], ("regional_industry_composition",)),
	(
		form.LEADING_INDUSTRY[1],
		(
			"leading_industry_profile",
			"competitive_advantages",
			"development_history",
			"development_prospects",
			"honours",
		),
	),
	(
		form.QUALITY_FOUNDATION[1],
		(
			"own_brand_building",
			"technology_level",
			"standards_participation",
			"quality_level",
			"quality_safety_credit_environment",
			"management_systems",
		),
	),
	(form.PUBLIC_SERVICES[1], ("industry_organisations", "technology_innovation", "service_platforms")),
)
# The annex ends the 公共服务情况 prompts with a colon (they read as "…情况：" followed by the answer).
COLON_GROUPS = (form.PUBLIC_SERVICES[1],)

PART_4_SECTIONS = (
	"work_approach",
	"work_objectives",
	"work_organisation",
	"work_tasks",
	"safeguard_measures",
	"other_matters",
)

BLANK_BACKBONE_ROWS = 5  # the annex's blank summary table has rows 1–5
BLANK_MEASURES_PER_ITEM = 2  # and n.1, n.2 under each work item
BLANK = "_" * 6


def application_print_context(doc) -> dict:
	"""Everything the template needs, from a Frappe Document or a plain dict (read with ``doc.get``)."""
	doc = doc if doc is not None else {}
	batch_year = _int(doc.get("batch_year"))
	years = indicators.indicator_years(batch_year) if batch_year else None
	return {
		"title": TITLE,
		"parts": {key: form.PARTS[part] for key, part in _PART_KEYS},
		"cover": _cover(doc),
		"part_1": _part_1(doc),
		"main_indicators_label": form.MAIN_INDICATORS[1],
		"indicator_name_heading": "指标名称",
		"years": [indicators.year_heading(y) for y in years]
		if years
		else [f"{BLANK}年"] * indicators.INDICATOR_YEAR_COUNT,
		"indicator_rows": _indicator_rows(doc),
		"top_enterprises_heading": _heading(form.item("top_enterprises")),
		"top_enterprises": _top_enterprises(doc),
		"backbone": _backbone(doc, batch_year),
		"part_3": [
			{"label": i.official, "prompt": i.prompt, "text": _text(doc.get(i.fieldname))}
			for i in form.items_of(form.APPLICATION, form.PART_3)
		],
		"part_3_note": form.PART_3_NOTE,
		"part_4_intro": form.PART_4_INTRO,
		"part_4": _part_4(doc),
		"work_plan": _work_plan(doc),
	}


_PART_KEYS = (
	("part_1", form.PART_1),
	("part_2", form.PART_2),
	("part_3", form.PART_3),
	("part_4", form.PART_4),
	("annex", form.ANNEX),
)


def _cover(doc) -> dict:
	day = _date(doc.get("application_date"))
	return {
		"unit_label": form.item("organizing_unit").official,
		"unit": _text(doc.get("organizing_unit")),
		"date_label": form.item("application_date").official,
		"year": str(day.year) if day else BLANK,
		"month": str(day.month) if day else "____",
		"day": str(day.day) if day else "____",
	}


def _heading(item, colon: bool = False) -> dict:
	"""一、主导产业简介（从产业规模…展开）, as the annex prints a numbered prompt: the item in bold, then
	its guidance in parentheses."""
	return {
		"official": item.official,
		"guidance": (f"（{item.prompt}）" if item.prompt else "") + ("：" if colon else ""),
	}


def _part_1(doc) -> list[dict]:
	groups = []
	for label, fieldnames in PART_1_GROUPS:
		items = [form.item(f) for f in fieldnames]
		single = len(items) == 1  # 区域产业构成: the guidance stands alone, with no numbered heading
		groups.append(
			{
				"label": label,
				"label_lines": _vertical(label, 2),
				"entries": [
					{
						"heading": None if single else _heading(i, colon=label in COLON_GROUPS),
						"prompt": i.prompt if single else "",
						"text": _text(doc.get(i.fieldname)),
					}
					for i in items
				],
			}
		)
	return groups


def _vertical(label: str, per_line: int) -> list[str]:
	"""A vertical label of the annex: 区域产业构成 → 区域 / 产业 / 构成."""
	return [label[i : i + per_line] for i in range(0, len(label), per_line)]


def _indicator_rows(doc) -> list[dict]:
	rows = {r.get("indicator"): r for r in doc.get("indicators") or []}
	result = []
	for ind in indicators.INDICATORS:
		row = rows.get(ind.key) or {}
		values = []
		for f in indicators.YEAR_FIELDS:
			v = row.get(f)
			# Frappe stores an unfilled Float as 0; where 0 is impossible it means "not filled".
			if v in (None, "") or (ind.zero_is_missing and not v):
				values.append("")
			else:
				values.append(format_number(v, 0 if ind.kind == indicators.COUNT else 2))
		result.append({"name": ind.official_name, "cells": values})
	return result


TOP_ENTERPRISE_TEXTS = (
	"enterprise_profile",
	"own_brands",
	"product_technology_level",
	"influence",
	"awards",
	"regional_brand_participation",
)


def _top_enterprises(doc) -> list[dict]:
	def label(fieldname):
		return form.item(fieldname, form.TOP_ENTERPRISE).official

	rows = list(doc.get("top_enterprises") or [])
	rows += [{}] * (enterprises.TOP_ENTERPRISE_COUNT - len(rows))
	slots = []
	for row in rows:
		slots.append(
			{
				"fields": {
					f: {"label": label(f), "value": _text(row.get(f))}
					for f in ("enterprise_name", "contact_person", "contact_phone", "mobile", "email")
				},
				"texts": [
					{
						"label": label(f),
						"prompt": form.item(f, form.TOP_ENTERPRISE).prompt,
						"text": _text(row.get(f)),
					}
					for f in TOP_ENTERPRISE_TEXTS
				],
			}
		)
	return slots


BACKBONE_TEXT_COLUMNS = ("enterprise_name", "main_products", "own_brand")
BACKBONE_MONEY_COLUMNS = ("assets", "sales_revenue", "own_brand_sales_revenue", "total_profit")
BACKBONE_CONTACT_COLUMNS = ("contact_person", "contact_details")
BACKBONE_TOTAL_FIELDS = (
	"total_assets",
	"total_sales_revenue",
	"total_own_brand_sales_revenue",
	"total_profit_sum",
)


def _backbone(doc, batch_year) -> dict:
	rows = list(doc.get("backbone_enterprises") or [])
	columns = BACKBONE_TEXT_COLUMNS + BACKBONE_MONEY_COLUMNS + BACKBONE_CONTACT_COLUMNS
	printed = [
		{
			"no": n,
			"blank": False,
			"cells": [_text(row.get(f)) for f in BACKBONE_TEXT_COLUMNS]
			+ [format_number(row.get(f), 2) for f in BACKBONE_MONEY_COLUMNS]
			+ [_text(row.get(f)) for f in BACKBONE_CONTACT_COLUMNS],
		}
		for n, row in enumerate(rows, start=1)
	]
	if not printed:
		printed = [
			{"no": n, "cells": [""] * len(columns), "blank": True} for n in range(1, BLANK_BACKBONE_ROWS + 1)
		]

	totals = [""] * len(BACKBONE_TOTAL_FIELDS)
	coverage = doc.get("backbone_sales_coverage")
	if rows:
		# The saved totals; computed here only for a document that was never validated (a plain dict).
		computed = enterprises.backbone_totals(rows)
		totals = [
			format_number(doc.get(t) if doc.get(t) is not None else computed[f], 2)
			for t, f in zip(BACKBONE_TOTAL_FIELDS, BACKBONE_MONEY_COLUMNS, strict=True)
		]
		if coverage is None:
			coverage = enterprises.sales_coverage_percent(
				computed["sales_revenue"], indicators.last_year_sales_revenue(doc.get("indicators") or [])
			)
	statistics_year = _int(doc.get("statistics_year")) or (batch_year - 1 if batch_year else None)
	heights = [_row_height([str(r["no"]), *r["cells"]], BACKBONE_WIDTHS) for r in printed]
	# the total row (合计 over four columns, the four sums, two empty cells) goes with the last rows
	heights[-1] += _row_height(["合计", *totals, ""], (0.41, 0.09, 0.10, 0.10, 0.09, 0.21))
	return {
		"heading": form.item("backbone_enterprises").official,
		"columns": ["序号"] + [form.item(f, form.BACKBONE_ENTERPRISE).official for f in columns],
		"rows": printed,
		# the rows as printed, one table with its header per page (see _paginate)
		"pages": [[printed[i] for i in page] for page in _paginate(heights, BACKBONE_HEADER + HEADING)],
		"totals": totals,
		"coverage": format_number(coverage, 2) if rows and coverage is not None else "",
		"statistics_year": str(statistics_year) if statistics_year else "",
		"note": form.BACKBONE_NOTE,
	}


def _part_4(doc) -> list[dict]:
	sections = []
	for fieldname in PART_4_SECTIONS:
		i = form.item(fieldname)
		sections.append(
			{"key": fieldname, "heading": i.official, "prompt": i.prompt, "text": _text(doc.get(fieldname))}
		)
	quantitative = [
		{
			"indicator": _text(r.get("target_indicator")),
			"unit": _text(r.get("unit")),
			"baseline": format_number(r.get("baseline_value"), 2),
			"target": format_number(r.get("target_value"), 2),
			"year": _year(r.get("target_year")),
		}
		for r in doc.get("quantitative_targets") or []
	]
	qualitative = [
		{"text": _text(r.get("target_description")), "year": _year(r.get("target_year"))}
		for r in doc.get("qualitative_targets") or []
	]
	funding_rows = list(doc.get("funding_plan") or [])
	funding = [
		{
			"source": FUNDING_SOURCES.get(r.get("funding_source"), _text(r.get("funding_source"))),
			"amount": format_number(r.get("amount"), 2),
			"direction": _text(r.get("support_direction")),
			"step": _text(r.get("investment_step")),
		}
		for r in funding_rows
	]
	total = doc.get("total_funding")
	if total is None:
		total = sum(_float(r.get("amount")) or 0 for r in funding_rows)
	return {
		"sections": sections,
		"quantitative_label": form.item("quantitative_targets").official,
		"quantitative_columns": ["指标名称", "单位", "基期值", "目标值", "目标年份"],
		"quantitative": quantitative,
		"qualitative_label": form.item("qualitative_targets").official,
		"qualitative": qualitative,
		"funding_label": form.item("funding_plan").official,
		"funding_columns": ["资金来源", "金额（万元）", "支持方向", "投入步骤"],
		"funding": funding,
		"funding_total": format_number(total, 2) if funding_rows else "",
		"pilot_cycle": _text(doc.get("pilot_cycle_years")),
		"pilot_cycle_label": form.item("pilot_cycle_years").official,
	}


def _work_plan(doc) -> dict:
	planned = {r.get("work_item"): r for r in doc.get("work_items") or []}
	tasks = work_plan.sort_tasks(list(doc.get("tasks") or []))
	numbers = work_plan.number_measures(tasks)
	measures = {}
	for task, number in zip(tasks, numbers, strict=True):
		measures.setdefault(task.get("work_item"), []).append(
			{
				"no": _text(task.get("measure_no")) or number,
				"measure": _text(task.get("measure")),
				"responsible": _text(task.get("responsible_party")),
				"time_node": _date_text(task.get("time_node")),
				"blank": False,
			}
		)
	groups = []
	for n, (key, name) in enumerate(work_plan.WORK_ITEMS, start=1):
		row = planned.get(key) or {}
		rows = measures.get(key) or [
			{"no": f"{n}.{m}", "measure": "", "responsible": "", "time_node": "", "blank": True}
			for m in range(1, BLANK_MEASURES_PER_ITEM + 1)
		]
		groups.append(
			{
				"no": n,
				"name": name,
				"current_state": _text(row.get("current_state")),
				"work_goal": _text(row.get("work_goal")),
				"rowspan": len(rows),
				"measures": rows,
			}
		)
	label = {f: form.item(f, form.WORK_ITEM).official for f in ("work_item", "current_state", "work_goal")}
	annex_label, _space, table_title = form.PARTS[form.ANNEX].partition(" ")
	return {
		"pages": _plan_pages(groups),
		"annex_label": annex_label,
		"title": table_title,
		"columns": [
			"序号",
			label["work_item"],
			label["current_state"],
			label["work_goal"],
			form.item("measure", form.TASK).official,
			form.item("time_node", form.TASK).official,
		],
		"responsible_label": form.item("responsible_party", form.TASK).official,
		"groups": groups,
	}


# --- Page breaks of the long tables ---------------------------------------------------------------------------
# wkhtmltopdf on an unpatched Qt (Debian's) neither repeats a table's header on the next page nor keeps a
# row whole (it ignores page-break-inside on rows and cuts them, borders and all), but it moves a block that
# does not fit to the next page whole. So the backbone-enterprise table and the 附表 print as one table per
# page, each with its header and kept together, their rows chosen here by an estimate of their height; a page
# of rows starts a new page. The estimate errs on the high side, and CHUNK_HEIGHT leaves a tenth of the page:
# a page may end early, a row is never cut.

# The text block of an A4 page of the 申报书 (margins 25/22/20/20 mm) in CSS pt, as Debian's wkhtmltopdf
# lays it out (it shrinks the page to fit, about 0.75).
PAGE_TEXT_HEIGHT = 940
PAGE_TEXT_WIDTH = 630
CHUNK_HEIGHT = 0.9 * PAGE_TEXT_HEIGHT
# .cb-small and .cb-plan cells: 9pt type, line-height 1.5, padding 3pt and a border above and below
SMALL_TYPE, LINE_HEIGHT, CELL_PADDING = 9, 1.5, 8
HEADING = 40  # an h2 or h3 above the first page of rows
# column widths (share of the table) and header heights, as the template sets them
BACKBONE_WIDTHS = (0.05, 0.15, 0.12, 0.09, 0.09, 0.10, 0.10, 0.09, 0.08, 0.13)
BACKBONE_HEADER = 4 * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING
PLAN_WIDTHS = (0.05, 0.11, 0.20, 0.20, 0.32, 0.12)
PLAN_HEADER = 2 * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING


def _text_width(text: str, size: float) -> float:
	"""Width of a line in pt: a CJK character or full-width mark takes the type size, others about half."""
	return sum(size if ord(c) >= 0x2E80 or c in "—“”‘’…" else 0.55 * size for c in text)


def _cell_lines(text: str, width: float) -> int:
	"""The lines a cell's text takes in a column ``width`` (share of the table) of small type."""
	room = max(width * PAGE_TEXT_WIDTH - CELL_PADDING, SMALL_TYPE)
	return sum(max(1, math.ceil(_text_width(line, SMALL_TYPE) / room)) for line in (text or "").split("\n"))


def _row_height(cells, widths) -> float:
	lines = max(_cell_lines(text, width) for text, width in zip(cells, widths, strict=True))
	return lines * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING


def _paginate(heights: list[float], header: float) -> list[list[int]]:
	"""The rows (their indexes) of each page: as many as fit in CHUNK_HEIGHT under the header."""
	pages, page, used = [], [], header
	for n, height in enumerate(heights):
		if page and used + height > CHUNK_HEIGHT:
			pages.append(page)
			page, used = [], header
		page.append(n)
		used += height
	return [*pages, page] if page else pages


def _plan_pages(groups: list[dict]) -> list[list[dict]]:
	"""The work items of each page of the 附表. A work item taller than a page is split between its
	measures; its continuation repeats its number and name (marked continued) with state and goal blank."""
	parts, heights = [], []
	room = CHUNK_HEIGHT - PLAN_HEADER - HEADING
	for group in groups:
		state = max(_cell_lines(group["current_state"], 0.20), _cell_lines(group["work_goal"], 0.20))
		state = state * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING
		measures, used, first = [], 0.0, True
		for m in group["measures"]:
			text = f"{m['no']} {m['measure']}" + (
				f"（任务分工：{m['responsible']}）" if m["responsible"] else ""
			)
			height = _row_height([text, m["time_node"]], (0.32, 0.12))
			if measures and used + height > room:
				parts.append(_plan_part(group, measures, continued=not first))
				heights.append(max(used, state if first else 0))
				measures, used, first = [], 0.0, False
			measures.append(m)
			used += height
		parts.append(_plan_part(group, measures, continued=not first))
		heights.append(max(used, state if first else 0))
	return [[parts[i] for i in page] for page in _paginate(heights, PLAN_HEADER + HEADING)]


def _plan_part(group: dict, measures: list[dict], continued: bool) -> dict:
	part = {**group, "measures": measures, "rowspan": len(measures), "continued": continued}
	if continued:
		part.update(current_state="", work_goal="")
	return part


def format_number(value, decimals: int = 2) -> str:
	"""Counts as whole numbers, money and shares with at most ``decimals`` places: 409.80 → 409.8."""
	v = _float(value)
	if v is None:
		return ""
	text = f"{v:,.{decimals}f}"
	if "." in text:
		text = text.rstrip("0").rstrip(".")
	return "0" if text in ("-0", "") else text


def _float(value) -> float | None:
	if value in (None, ""):
		return None
	try:
		return float(value)
	except (TypeError, ValueError):
		return None


def _int(value) -> int | None:
	v = _float(value)
	return int(v) if v else None


def _year(value) -> str:
	y = _int(value)
	return f"{y}年" if y else ""


# An HTML character reference (&lt; &amp; &#60; …), as Frappe's sanitiser writes them.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _text(value) -> str:
	"""A user value as it was typed, with Unix newlines (the template escapes it, so that it prints as text
	and never as markup, and turns newlines into <br>).

	Frappe's input sanitiser stores a value that holds anything like a tag as HTML (bleach): what it does not
	allow escaped (「<script>」 is stored as 「&lt;script&gt;」, 「《<GB/T 19001>》」 as 「《&lt;GB/T 19001&gt;》」),
	「&」 as 「&amp;」; tags it allows (<b>) stay. Its character references are read back here, so that the
	print shows the characters typed, escaped once by the template. (A value typed with a character
	reference of its own, such as 「&lt;」, prints as 「<」.)"""
	if value is None:
		return ""
	text = str(value)
	if "&" in text and _ENTITY.search(text):
		text = html.unescape(text)
	return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _date(value) -> date | None:
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, str) and value.strip():
		try:
			return date.fromisoformat(value.strip()[:10])
		except ValueError:
			return None
	return None


def _date_text(value) -> str:
	day = _date(value)
	if day:
		return f"{day.year}年{day.month}月{day.day}日"
	return _text(value)


# --- The review process's forms: 省级推荐意见, 专家评审表, 产业集群区域品牌建设试点名单 -----------------------------
# Lists that need the database (an authority's recommendations, a batch's pilots) are read by
# cluster_brand.printing with the reader's permissions and passed in here as plain rows.

PROGRAMME = "产业集群区域品牌建设试点"
# The opinion prints once, under the list (the form is printed from the application it is about).
RECOMMENDATION_COLUMNS = ("推荐排序", "组织实施单位", "产业集群（园区）", "主导产业")
BLANK_LIST_ROWS = 3  # a list with nothing in it yet prints as a form to be filled in by hand


def recommendation_print_context(doc, recommended=None, authority_name: str | None = None) -> dict:
	"""The 推荐意见 of the application's recommending authority: every application it recommended in the
	batch (``recommended``: rows of Cluster Brand Application, as read by the printing reader) in rank
	order, and this application's own opinion, officer and date. The authority heads and seals it by its
	official name (``authority_name``: Recommending Authority.official_name) when it has one."""
	doc = doc if doc is not None else {}
	year = _int(doc.get("batch_year"))
	authority = _text(authority_name) or _text(doc.get("recommending_authority"))
	rows = sorted(
		recommended or [],
		key=lambda r: (_int(r.get("recommendation_rank")) or 10**6, _text(r.get("name"))),
	)
	rank = _int(doc.get("recommendation_rank"))
	return {
		"authority": authority,
		"title": f"{year or BLANK}年{PROGRAMME}推荐意见",
		"batch": _text(doc.get("pilot_batch")),
		"columns": RECOMMENDATION_COLUMNS,
		"rows": [
			{
				"rank": str(_int(r.get("recommendation_rank")) or ""),
				"unit": _text(r.get("organizing_unit")),
				"cluster": _text(r.get("industrial_cluster")),
				"industry": _text(r.get("leading_industry")),
				"current": bool(doc.get("name")) and r.get("name") == doc.get("name"),
			}
			for r in rows
		],
		"blank_rows": 0 if rows else BLANK_LIST_ROWS,
		"own": {
			"cluster": _text(doc.get("industrial_cluster")),
			"unit": _text(doc.get("organizing_unit")),
			"rank": f"第 {rank} 位" if rank else "",
			"opinion": _text(doc.get("recommendation_opinion")),
			"officer": _text(doc.get("recommending_officer")),
			"date": _date_text(doc.get("recommendation_date")),
		},
	}


EXPERT_REVIEW_TITLE = f"{PROGRAMME}专家评审表"
SCORE_COLUMNS = ("序号", "评审指标", "权重", "得分（0–100）", "加权得分")
# The expert's options of Expert Review.recommendation in full: zh.csv shares "Do Not Recommend" with the
# province's workflow action (不予推荐).
RECOMMENDATIONS = {"Recommend as Pilot": "建议确定为试点", "Do Not Recommend": "不建议确定为试点"}
CONFLICT_DECLARATION = "本人声明与该申报书不存在利益冲突"
BLANK_SCORE_ROWS = 5


def expert_review_print_context(doc) -> dict:
	"""An expert's review sheet: the application, the scores by criterion with the total, the comments,
	the recommendation and the conflict-of-interest declaration."""
	doc = doc if doc is not None else {}
	scores = list(doc.get("scores") or [])
	# The saved weighted scores and total; computed only for a sheet that was never validated. A criterion not
	# scored yet prints blank for the expert to fill in by hand, and so does the total of a sheet not fully
	# scored (stored NULL, cluster_brand/nullable_numbers.py; read from the scores, not from a 0 stored before
	# the site's columns accepted NULL).
	weighted, total = scoring.weighted_scores(scores)
	rows = [
		{
			"no": n,
			"criterion": _text(r.get("criterion")),
			"guidance": _text(r.get("guidance")),
			"weight": format_number(r.get("weight")),
			"score": format_number(r.get("score")),
			"weighted": ""
			if w is None
			else format_number(r.get("weighted_score") if r.get("weighted_score") is not None else w),
		}
		for n, (r, w) in enumerate(zip(scores, weighted, strict=True), start=1)
	]
	if total is not None and doc.get("total_score") is not None:
		total = doc.get("total_score")
	choice = doc.get("recommendation")
	return {
		"title": EXPERT_REVIEW_TITLE,
		"application": _text(doc.get("application")),
		"cluster": _text(doc.get("industrial_cluster")),
		"batch": _text(doc.get("pilot_batch")),
		"expert": _text(doc.get("expert_name")) or _text(doc.get("expert")),
		"columns": SCORE_COLUMNS,
		"rows": rows,
		"blank_rows": 0 if rows else BLANK_SCORE_ROWS,
		"weight_total": format_number(sum(_float(r.get("weight")) or 0 for r in scores)) if rows else "",
		"total": format_number(total) if rows and total is not None else "",
		"comments": _text(doc.get("comments")),
		"recommendation": RECOMMENDATIONS.get(choice, _text(choice)),
		"recommendation_choices": [
			{"label": label, "checked": choice == value} for value, label in RECOMMENDATIONS.items()
		],
		"declaration": {
			"text": CONFLICT_DECLARATION,
			"checked": bool(_int(doc.get("no_conflict_of_interest"))),
			"statement": _text(doc.get("conflict_statement")),
		},
	}


DESIGNATION_TITLE = f"{PROGRAMME}名单"
DESIGNATION_COLUMNS = ("序号", "产业集群（园区）", "组织实施单位", "推荐单位", "试点开始日期", "计划结束日期")
AUTHORITIES_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "recommending_authority.json"


def designation_print_context(doc, pilots=None) -> dict:
	"""The list of a batch's pilots (``pilots``: rows of Brand Pilot), by recommending authority in the
	notice's order (provinces, then the industry associations), with the batch and its notice numbers."""
	doc = doc if doc is not None else {}
	order = _authority_order()
	rows = sorted(
		pilots or [],
		key=lambda r: (
			order.get(r.get("recommending_authority"), len(order)),
			_text(r.get("recommending_authority")),
			_text(r.get("industrial_cluster")),
		),
	)
	year = _int(doc.get("batch_year"))
	numbers = sorted({_text(r.get("designation_notice_number")) for r in rows} - {""})
	return {
		"title": f"{year}年{DESIGNATION_TITLE}" if year else DESIGNATION_TITLE,
		"batch": _text(doc.get("batch_title")) or _text(doc.get("name")),
		"notice_number": _text(doc.get("notice_number")),
		"designation_numbers": numbers,
		"columns": DESIGNATION_COLUMNS,
		"rows": [
			{
				"no": n,
				"cluster": _text(r.get("industrial_cluster")),
				"unit": _text(r.get("organizing_unit")),
				"authority": _text(r.get("recommending_authority_name"))
				or _text(r.get("recommending_authority")),
				"start": _date_text(r.get("start_date")),
				"end": _date_text(r.get("planned_end_date")),
			}
			for n, r in enumerate(rows, start=1)
		],
	}


@cache
def _authority_order() -> dict[str, int]:
	"""The authorities as the fixture lists them: the notice's order (北京 … 新疆生产建设兵团, then the
	associations)."""
	try:
		authorities = json.loads(AUTHORITIES_FIXTURE.read_text(encoding="utf-8"))
	except (OSError, ValueError):
		return {}
	return {a.get("name"): n for n, a in enumerate(authorities)}
