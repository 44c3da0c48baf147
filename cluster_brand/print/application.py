"""The 申报书 (Annex 2) as plain data for its Jinja template.

The template (cluster_brand/templates/print/cluster_brand_application.html) calls
``application_print_context(doc)``; Frappe exposes it through the ``jinja`` hook, the tests of the tier
without Frappe register it as a global of a plain Jinja2 environment. No Frappe import here. Part 4 and its
附表 are application_plan.py, where the long tables break pages.py; the review forms' contexts are in
review_forms.py, the formatting helpers in formatting.py.

Official wording comes from cluster_brand.rules; values are returned as text but NOT escaped: the
template escapes every user value (Frappe's print environment does not autoescape).
"""

from cluster_brand.print import pages
from cluster_brand.print.application_plan import pilot_work_plan, work_task_plan
from cluster_brand.print.formatting import (
	BLANK,
	date_value,
	format_number,
	int_value,
	plain_text,
)
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application import enterprises, indicators

TITLE = "产业集群区域品牌建设试点申报书"

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

BLANK_BACKBONE_ROWS = 5  # the annex's blank summary table has rows 1–5


def application_print_context(doc) -> dict:
	"""Everything the template needs, from a Frappe Document or a plain dict (read with ``doc.get``)."""
	doc = doc if doc is not None else {}
	batch_year = int_value(doc.get("batch_year"))
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
			{"label": i.official, "prompt": i.prompt, "text": plain_text(doc.get(i.fieldname))}
			for i in form.items_of(form.APPLICATION, form.PART_3)
		],
		"part_3_note": form.PART_3_NOTE,
		"part_4_intro": form.PART_4_INTRO,
		"part_4": pilot_work_plan(doc),
		"work_plan": work_task_plan(doc),
	}


_PART_KEYS = (
	("part_1", form.PART_1),
	("part_2", form.PART_2),
	("part_3", form.PART_3),
	("part_4", form.PART_4),
	("annex", form.ANNEX),
)


def _cover(doc) -> dict:
	day = date_value(doc.get("application_date"))
	return {
		"unit_label": form.item("organizing_unit").official,
		"unit": plain_text(doc.get("organizing_unit")),
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
						"text": plain_text(doc.get(i.fieldname)),
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
					f: {"label": label(f), "value": plain_text(row.get(f))}
					for f in ("enterprise_name", "contact_person", "contact_phone", "mobile", "email")
				},
				"texts": [
					{
						"label": label(f),
						"prompt": form.item(f, form.TOP_ENTERPRISE).prompt,
						"text": plain_text(row.get(f)),
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
			"cells": [plain_text(row.get(f)) for f in BACKBONE_TEXT_COLUMNS]
			+ [format_number(row.get(f), 2) for f in BACKBONE_MONEY_COLUMNS]
			+ [plain_text(row.get(f)) for f in BACKBONE_CONTACT_COLUMNS],
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
	statistics_year = int_value(doc.get("statistics_year")) or (batch_year - 1 if batch_year else None)
	heights = [pages.row_height([str(r["no"]), *r["cells"]], pages.BACKBONE_WIDTHS) for r in printed]
	# the total row (合计 over four columns, the four sums, two empty cells) goes with the last rows
	heights[-1] += pages.row_height(["合计", *totals, ""], (0.41, 0.09, 0.10, 0.10, 0.09, 0.21))
	return {
		"heading": form.item("backbone_enterprises").official,
		"columns": ["序号"] + [form.item(f, form.BACKBONE_ENTERPRISE).official for f in columns],
		"rows": printed,
		# the rows as printed, one table with its header per page (see _paginate)
		"pages": [
			[printed[i] for i in page]
			for page in pages.paginate(heights, pages.BACKBONE_HEADER + pages.HEADING)
		],
		"totals": totals,
		"coverage": format_number(coverage, 2) if rows and coverage is not None else "",
		"statistics_year": str(statistics_year) if statistics_year else "",
		"note": form.BACKBONE_NOTE,
	}
