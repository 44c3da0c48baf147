"""The 申报书 as a whole: the values it derives and the checks it must pass.

``check_entries`` runs on every save (a draft may be incomplete, but never wrong);
``check_ready_to_leave_draft`` runs before the application leaves the applicant.
"""

from dataclasses import replace

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application import enterprises, indicators, work_plan
from cluster_brand.rules.application.completeness import missing_items
from cluster_brand.rules.capacity import check_number, storable
from cluster_brand.rules.formats import check_format
from cluster_brand.rules.values import finite_number, number_text

# Which format each contact field must have: (table or None, fieldname, kind, English label)
CONTACT_FORMATS = (
	("top_enterprises", "contact_phone", "phone", "Telephone"),
	("top_enterprises", "mobile", "mobile", "Mobile"),
	("top_enterprises", "email", "email", "Contact Mailbox"),
	("backbone_enterprises", "contact_details", "contact", "Phone or Email"),
)
FUNDING_AMOUNT = ("amount", "Float", "Amount (10,000 yuan)")  # Application Funding.amount
FUNDING_PLAN = "Funding Plan"
# The label of each table whose rows the contact formats check, as its messages name it.
TABLE_ITEMS = {
	"top_enterprises": enterprises.TOP_TABLE_ITEM,
	"backbone_enterprises": enterprises.TABLE_ITEM,
}


def in_row(violation: Violation, table: str, row: int, column: str) -> Violation:
	"""``violation`` of a value in ``row`` of ``table``: its message names the table and the row first."""
	return Violation(
		_("{table}, row {row}: {problem}"),
		{"table": TABLE_ITEMS[table], "row": row, "problem": violation},
		table,
		row,
		("table",),
		column,
	)


def derived_values(doc: dict, batch_year: int | None) -> dict:
	"""Everything the form shows read-only, computed from what the applicant entered. (The tasks are put in
	order and numbered in place, by the controller's set_official_rows: rows keep their names.)"""
	totals = enterprises.backbone_totals(doc.get("backbone_enterprises") or [])
	industry_sales = indicators.last_year_sales_revenue(doc.get("indicators") or [])
	cycle_years = work_plan.parse_cycle_years(doc.get("pilot_cycle_years") or 3)
	cycle = work_plan.cycle_window(batch_year, cycle_years) if batch_year and cycle_years else None
	years = indicators.indicator_years(batch_year) if batch_year else ()
	return {
		"statistics_year": years[-1] if years else None,
		"total_assets": totals["assets"],
		"total_sales_revenue": totals["sales_revenue"],
		"total_own_brand_sales_revenue": totals["own_brand_sales_revenue"],
		"total_profit_sum": totals["total_profit"],
		"leading_industry_sales_revenue": industry_sales,
		"backbone_sales_coverage": storable(
			enterprises.sales_coverage_percent(totals["sales_revenue"], industry_sales), "Percent"
		),
		"derived_indicators": indicators.derived_indicators(doc.get("indicators") or []),
		"cycle_start": cycle[0] if cycle else None,
		"cycle_end": cycle[1] if cycle else None,
		"total_funding": sum(finite_number(row.get("amount"), 0) for row in doc.get("funding_plan") or []),
	}


def check_entries(doc: dict, batch_year: int | None) -> list[Violation]:
	"""Range, format and consistency checks of what is filled in; empty items are allowed here."""
	years = indicators.indicator_years(batch_year) if batch_year else None
	violations = indicators.check_indicator_rows(doc.get("indicators") or [], years)
	violations += enterprises.check_backbone_rows(doc.get("backbone_enterprises") or [])
	for table_field, table_item in enterprises.ENTERPRISE_TABLES:
		violations += enterprises.check_enterprise_codes(doc.get(table_field) or [], table_field, table_item)
	for table, fieldname, kind, label in CONTACT_FORMATS:
		for idx, row in enumerate(doc.get(table) or [], start=1):
			v = check_format(kind, row.get(fieldname), label)
			if v:
				violations.append(in_row(v, table, idx, fieldname))
	fieldname, fieldtype, label = FUNDING_AMOUNT
	for idx, row in enumerate(doc.get("funding_plan") or [], start=1):
		problem = check_number(row.get(fieldname), fieldtype, label, "funding_plan", idx, FUNDING_PLAN)
		if problem:
			violations.append(replace(problem, column=fieldname))
		elif finite_number(row.get(fieldname), 0) < 0:
			violations.append(
				Violation(
					_("Funding Plan, row {row}: {item} may not be negative ({value})."),
					{"row": idx, "item": "Amount (10,000 yuan)", "value": number_text(row.get("amount"))},
					"funding_plan",
					idx,
					("item",),
					fieldname,
				)
			)
	top = [row.get("enterprise") for row in doc.get("top_enterprises") or [] if row.get("enterprise")]
	if len(top) != len(set(top)):
		violations.append(
			Violation(
				_("The same enterprise is profiled twice among the key backbone enterprises."),
				{},
				"top_enterprises",
			)
		)
	if doc.get("pilot_cycle_years") and not work_plan.parse_cycle_years(doc["pilot_cycle_years"]):
		violations.append(
			Violation(
				_("{item} must be 1, 2 or 3 years."),
				{"item": "Pilot Cycle (Years)"},
				"pilot_cycle_years",
				translate_args=("item",),
			)
		)
	elif batch_year:
		window = work_plan.cycle_window(
			batch_year, work_plan.parse_cycle_years(doc.get("pilot_cycle_years") or 3)
		)
		violations += work_plan.check_time_nodes(doc.get("tasks") or [], window)
	return violations


def check_ready_to_leave_draft(doc: dict, batch_year: int | None) -> list[Violation]:
	"""What the application must satisfy before the applicant submits it: complete, and the programme's
	cross-checks (80% sales coverage, the top three enterprises, all seven work items)."""
	years = indicators.indicator_years(batch_year) if batch_year else None
	violations = missing_items(doc, years)
	backbone = doc.get("backbone_enterprises") or []
	totals = enterprises.backbone_totals(backbone)
	if backbone:
		v = enterprises.check_sales_coverage(
			totals["sales_revenue"],
			indicators.last_year_sales_revenue(doc.get("indicators") or []),
			years[-1] if years else "",
		)
		if v:
			violations.append(v)
	top = [row.get("enterprise") for row in doc.get("top_enterprises") or []]
	if backbone and len(top) == enterprises.TOP_ENTERPRISE_COUNT:
		v = enterprises.check_top_enterprises(top, backbone)
		if v:
			violations.append(v)
	violations += work_plan.check_work_plan(doc.get("work_items") or [], doc.get("tasks") or [])
	return violations
