"""cluster_brand/rules/pilot_years/indicators.py: the summary's indicators against the baseline, the derived
ratios and the backbone enterprises' rows."""

from sample_summary import CODE

from cluster_brand.rules.application.indicators import INDICATORS, OUTPUT, PROFIT, VALUE_ADDED
from cluster_brand.rules.pilot_years import indicators as summary_indicators


# --- own-brand share and the indicators ------------------------------------------------------------------
def test_own_brand_share_is_summed_own_brand_sales_over_summed_sales():
	rows = [
		{"sales_revenue": 300.0, "own_brand_sales_revenue": 100.0},
		{"sales_revenue": 100.0, "own_brand_sales_revenue": 100.0},
	]
	assert summary_indicators.own_brand_sales_share(rows) == 50.0
	assert (
		summary_indicators.own_brand_sales_share([{"sales_revenue": 0, "own_brand_sales_revenue": 0}]) is None
	)


def test_backbone_rows_keep_the_applications_rules():
	rows = [{"enterprise": "123", "sales_revenue": -1.0, "own_brand_sales_revenue": 5.0}]
	columns = {v.column for v in summary_indicators.check_backbone_entries(rows)}
	assert {"enterprise", "sales_revenue", "own_brand_sales_revenue"} <= columns


def test_backbone_rows_are_prefilled_from_the_previous_year():
	previous = [{"enterprise": CODE, "enterprise_name": "甲", "sales_revenue": 5.0, "name": "x", "idx": 1}]
	rows = summary_indicators.backbone_rows(previous)
	assert rows[0]["enterprise"] == CODE and rows[0]["sales_revenue"] == 5.0 and "name" not in rows[0]


def test_change_against_the_baseline_and_the_derived_ratios():
	rows = [
		{"indicator": OUTPUT, "baseline_value": 100.0, "reporting_value": 120.0},
		{"indicator": VALUE_ADDED, "baseline_value": 20.0, "reporting_value": 30.0},
		{"indicator": PROFIT, "baseline_value": -10.0, "reporting_value": 5.0},
	]
	compared, derived = summary_indicators.compare_indicators(rows)
	assert [r["change_percent"] for r in compared] == [20.0, 50.0, 150.0]
	rate = next(d for d in derived if d["derived_indicator"] == summary_indicators.RATIOS[0])
	assert (rate["baseline_value"], rate["reporting_value"], rate["change"]) == (20.0, 25.0, 5.0)
	assert [d["derived_indicator"] for d in derived] == list(summary_indicators.RATIOS)


def test_no_change_without_a_baseline():
	assert summary_indicators.growth_percent(None, 5) is None
	assert summary_indicators.growth_percent(0, 5) is None


def test_new_product_output_is_the_twelfth_indicator_without_a_baseline():
	baseline = summary_indicators.baseline_of([{"indicator": INDICATORS[0].key, "year_3_value": 7}])
	rows = summary_indicators.indicator_rows(baseline)
	assert len(rows) == 12 and rows[0]["baseline_value"] == 7
	assert (
		rows[-1]["indicator"] == summary_indicators.NEW_PRODUCT_OUTPUT.key
		and rows[-1]["baseline_value"] is None
	)


def test_a_negative_reported_amount_is_refused_with_its_cell():
	rows = [{"indicator": OUTPUT, "reporting_value": -1}]
	violation = summary_indicators.check_indicator_entries(rows, 2018)[0]
	assert (violation.fieldname, violation.row, violation.column) == ("indicators", 1, "reporting_value")
