"""The figures of the reporting year in an Annual Work Summary: the main indicators beside the pilot's
baseline (the last indicator year of its 申报书), and the backbone enterprises with their own-brand share.

The summary is read as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts, dates as
``date``), so every rule runs the same in the desk, over REST and in tests without Frappe."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.annex2 import BACKBONE_ENTERPRISE, items_of
from cluster_brand.rules.application.completeness import ZERO_IS_MISSING, is_blank, missing_item
from cluster_brand.rules.application.enterprises import (
	backbone_totals,
	check_backbone_rows,
	check_enterprise_codes,
)
from cluster_brand.rules.application.indicators import (
	DERIVED_INDICATORS,
	INDICATOR_BY_KEY,
	INDICATORS,
	MONEY,
	Indicator,
	check_value,
	derived_indicators,
)
from cluster_brand.rules.capacity import storable
from cluster_brand.rules.values import finite_number

# --- the indicators of the reporting year beside the baseline ------------------------------------------

NEW_PRODUCT_OUTPUT = Indicator(
	"New Product Output Value of the Leading Industry (100 million yuan)",
	"主导产业新产品产值（亿元）",
	"亿元",
	MONEY,
)
SUMMARY_INDICATORS = (*INDICATORS, NEW_PRODUCT_OUTPUT)
SUMMARY_INDICATOR_BY_KEY = {i.key: i for i in SUMMARY_INDICATORS}
CHANGE = "Change against the Baseline (%)"


def growth_percent(baseline, current) -> float | None:
	"""(current − baseline) / |baseline| in %, None where either is missing or the baseline is 0."""
	baseline, current = finite_number(baseline), finite_number(current)
	if baseline is None or current is None or not baseline:
		return None
	return storable(round((current - baseline) / abs(baseline) * 100, 2))


def indicator_rows(baseline: dict[str, float | None]) -> list[dict]:
	"""The indicator table of a new summary: the 11 main indicators and 新产品产值, each with its baseline
	(the last indicator year of the 申报书; 新产品产值 was not asked there)."""
	return [
		{
			"indicator": indicator.key,
			"unit": indicator.unit,
			"baseline_value": baseline.get(indicator.key),
			"reporting_value": None,
		}
		for indicator in SUMMARY_INDICATORS
	]


def compare_indicators(rows: list[dict]) -> tuple[list[dict], list[dict]]:
	"""Each indicator's change against the baseline, and the derived ratios (工业增加值率, 成本费用利润率,
	出口占比) of the baseline year and the reporting year with their change (the 申报书's formulas, the
	baseline as its first year and the reporting year as its second)."""
	compared = [
		{**row, "change_percent": growth_percent(row.get("baseline_value"), row.get("reporting_value"))}
		for row in rows
	]
	as_years = [
		{
			"indicator": row.get("indicator"),
			"year_1_value": row.get("baseline_value"),
			"year_2_value": row.get("reporting_value"),
		}
		for row in rows
	]
	derived = []
	for values in derived_indicators(as_years):
		baseline, reporting = values["year_1_value"], values["year_2_value"]
		key = values["derived_indicator"]
		if key in RATIOS:
			derived.append(
				{
					"derived_indicator": key,
					"baseline_value": baseline,
					"reporting_value": reporting,
					# a ratio changes by percentage points
					"change": storable(round(reporting - baseline, 2))
					if baseline is not None and reporting is not None
					else None,
				}
			)
	return compared, derived


RATIOS = tuple(key for key, _zh in DERIVED_INDICATORS[:3])


def check_indicator_entries(rows: list[dict], reporting_year: int | None) -> list[Violation]:
	"""The range of each reported value, by the kind of its indicator (as in the 申报书)."""
	violations = []
	year = f"{reporting_year}年" if reporting_year else ""
	for idx, row in enumerate(rows, start=1):
		indicator = SUMMARY_INDICATOR_BY_KEY.get(row.get("indicator"))
		if indicator is None:
			continue
		problem = check_value(indicator.kind, row.get("reporting_value"), indicator.key, None, idx, year)
		if problem:
			violations.append(
				Violation(
					problem.message,
					problem.args,
					"indicators",
					idx,
					problem.translate_args,
					"reporting_value",
				)
			)
	return violations


def missing_indicators(rows: list[dict], reporting_year: int | None) -> list[Violation]:
	values = {row.get("indicator"): row for row in rows}
	rows_of = {row.get("indicator"): idx for idx, row in enumerate(rows, start=1)}
	missing = []
	for indicator in SUMMARY_INDICATORS:
		row = values.get(indicator.key) or {}
		value = row.get("reporting_value")
		if value is None or (indicator.zero_is_missing and value == 0):
			missing.append(
				Violation(
					_("Main Indicators: fill in {item} for {year}."),
					{"item": indicator.key, "year": f"{reporting_year}年"},
					"indicators",
					rows_of.get(indicator.key),
					("item",),
					"reporting_value",
				)
			)
	return missing


def baseline_of(indicator_rows_of_application: list[dict]) -> dict[str, float | None]:
	"""The baseline of a pilot: each main indicator's value in the last indicator year of the 申报书."""
	return {
		row.get("indicator"): finite_number(row.get("year_3_value"))
		for row in indicator_rows_of_application
		if row.get("indicator") in INDICATOR_BY_KEY
	}


# --- the backbone enterprises and the own-brand share ---------------------------------------------------

BACKBONE_TABLE_ITEM = "Backbone Enterprises of the Reporting Year"


def own_brand_sales_share(rows: list[dict]) -> float | None:
	"""Σ自主品牌产品销售收入 / Σ销售收入 of the backbone enterprises, in %; None without sales."""
	totals = backbone_totals(rows)
	if not totals["sales_revenue"]:
		return None
	return storable(round(totals["own_brand_sales_revenue"] / totals["sales_revenue"] * 100, 2))


def check_backbone_entries(rows: list[dict]) -> list[Violation]:
	"""The 申报书's rules: a valid 统一社会信用代码, amounts in 万元 not negative, own-brand sales within sales,
	each enterprise once."""
	return check_enterprise_codes(rows, "backbone_enterprises", BACKBONE_TABLE_ITEM) + check_backbone_rows(
		rows
	)


BACKBONE_COLUMNS = ("enterprise", "enterprise_name", "main_products", "own_brand") + (
	"assets",
	"sales_revenue",
	"own_brand_sales_revenue",
	"total_profit",
)


def backbone_rows(previous: list[dict]) -> list[dict]:
	"""The backbone table of a new summary: the enterprises of the previous year (the last summary, or the
	申报书 for the first year), to be refreshed with the reporting year's figures."""
	return [{key: row.get(key) for key in BACKBONE_COLUMNS} for row in previous]


def missing_backbone(rows: list[dict]) -> list[Violation]:
	if not rows:
		return [missing_item(BACKBONE_TABLE_ITEM, "backbone_enterprises")]
	required = [
		item.fieldname
		for item in items_of(BACKBONE_ENTERPRISE)
		if item.fieldname in BACKBONE_COLUMNS and item.required
	]
	missing = []
	for idx, row in enumerate(rows, start=1):
		for fieldname in required:
			if is_blank(row.get(fieldname), fieldname in ZERO_IS_MISSING[BACKBONE_ENTERPRISE]):
				label = next(i.label for i in items_of(BACKBONE_ENTERPRISE) if i.fieldname == fieldname)
				missing.append(
					Violation(
						_("Backbone enterprise summary table, row {row}: fill in {item}."),
						{"row": idx, "item": label},
						"backbone_enterprises",
						idx,
						("item",),
						fieldname,
					)
				)
	return missing
