"""The completeness check: every missing item of the 申报书, by its official name.

It reads the application as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts), so it
runs the same in the desk, over REST and in tests without Frappe.
"""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.annex2 import (
	APPLICATION,
	BACKBONE_ENTERPRISE,
	BASIC_CONDITIONS,
	TOP_ENTERPRISE,
	items_of,
)
from cluster_brand.rules.application.enterprises import TOP_ENTERPRISE_COUNT
from cluster_brand.rules.application.indicators import INDICATORS, YEAR_FIELDS, year_heading

# Items that are tables, checked row by row below rather than as a single value.
TABLE_FIELDS = {
	"indicators",
	"top_enterprises",
	"backbone_enterprises",
	"quantitative_targets",
	"qualitative_targets",
	"funding_plan",
	"work_items",
	"tasks",
}


# Numbers for which 0 can only mean "not filled" (Frappe stores an empty number as 0).
ZERO_IS_MISSING = {
	BACKBONE_ENTERPRISE: {"assets", "sales_revenue"},
	"Application Funding": {"amount"},
}


def is_blank(value, zero_is_missing: bool = False) -> bool:
	if zero_is_missing and value == 0:
		return True
	return value is None or (isinstance(value, str) and not value.strip())


def missing_item(item_label: str, fieldname: str) -> Violation:
	# The message is the official name alone.
	return Violation("{item}", {"item": item_label}, fieldname, translate_args=("item",))


def missing_items(doc: dict, indicator_years: tuple[int, ...] | None = None) -> list[Violation]:
	"""Each missing item as a Violation whose message is the item's official name (plus where)."""
	missing = []
	for form_item in items_of(APPLICATION):
		if (
			form_item.required
			and form_item.fieldname not in TABLE_FIELDS
			and is_blank(doc.get(form_item.fieldname))
		):
			missing.append(missing_item(form_item.label, form_item.fieldname))

	for fieldname, label, _official in BASIC_CONDITIONS:
		if not doc.get(fieldname):
			missing.append(
				Violation(
					_("Declaration not made: {item}"), {"item": label}, fieldname, translate_args=("item",)
				)
			)

	missing += _missing_indicators(doc.get("indicators") or [], indicator_years)
	missing += _missing_enterprises(doc)

	for fieldname, label in (
		("quantitative_targets", "Quantitative Targets"),
		("qualitative_targets", "Qualitative Targets"),
		("funding_plan", "Funding Plan"),
	):
		if not doc.get(fieldname):
			missing.append(missing_item(label, fieldname))
	for idx, row in enumerate(doc.get("funding_plan") or [], start=1):
		for fieldname, label in (
			("funding_source", "Source of Funds"),
			("amount", "Amount (10,000 yuan)"),
			("support_direction", "Direction of Support"),
			("investment_step", "Investment Step"),
		):
			if is_blank(row.get(fieldname), fieldname in ZERO_IS_MISSING["Application Funding"]):
				missing.append(
					Violation(
						_("Funding Plan, row {row}: {item}"),
						{"row": idx, "item": label},
						"funding_plan",
						idx,
						("item",),
					)
				)
	return missing


def _missing_indicators(rows: list[dict], years) -> list[Violation]:
	values = {r.get("indicator"): r for r in rows}
	missing = []
	for indicator in INDICATORS:
		row = values.get(indicator.key) or {}
		for position, fieldname in enumerate(YEAR_FIELDS):
			value = row.get(fieldname)
			if value is None or (indicator.zero_is_missing and value == 0):
				year = year_heading(years[position]) if years else str(position + 1)
				missing.append(
					Violation(
						_("Main Indicators: {item}, {year}"),
						{"item": indicator.key, "year": year},
						"indicators",
						translate_args=("item",),
					)
				)
	return missing


def _missing_enterprises(doc: dict) -> list[Violation]:
	missing = []
	top = doc.get("top_enterprises") or []
	if len(top) < TOP_ENTERPRISE_COUNT:
		missing.append(
			Violation(
				_("{item}: profiles of {count} more enterprises"),
				{"item": "1. Key Backbone Enterprises", "count": TOP_ENTERPRISE_COUNT - len(top)},
				"top_enterprises",
				translate_args=("item",),
			)
		)
	for idx, row in enumerate(top, start=1):
		for form_item in items_of(TOP_ENTERPRISE):
			if is_blank(row.get(form_item.fieldname)):
				missing.append(
					Violation(
						_("Key backbone enterprise {row}: {item}"),
						{"row": idx, "item": form_item.label},
						"top_enterprises",
						idx,
						("item",),
					)
				)
	backbone = doc.get("backbone_enterprises") or []
	if not backbone:
		missing.append(missing_item("2. Backbone Enterprise Summary Table", "backbone_enterprises"))
	for idx, row in enumerate(backbone, start=1):
		for form_item in items_of(BACKBONE_ENTERPRISE):
			if is_blank(
				row.get(form_item.fieldname), form_item.fieldname in ZERO_IS_MISSING[BACKBONE_ENTERPRISE]
			):
				missing.append(
					Violation(
						_("Backbone enterprise summary table, row {row}: {item}"),
						{"row": idx, "item": form_item.label},
						"backbone_enterprises",
						idx,
						("item",),
					)
				)
	return missing
