"""cluster_brand/rules/pilot_end/demonstration.py: 示范区条件 (3) computed from the pilot's figures."""

import pytest

from cluster_brand.rules.application.indicators import OUTPUT, VALUE_ADDED
from cluster_brand.rules.pilot_end import demonstration as d
from cluster_brand.rules.pilot_years.indicators import NEW_PRODUCT_OUTPUT


def summary(year, output=None, value_added=None, new_products=None, own_brand=None):
	return {
		"reporting_year": year,
		"own_brand_sales_share": own_brand,
		"indicators": [
			{"indicator": OUTPUT, "reporting_value": output},
			{"indicator": VALUE_ADDED, "reporting_value": value_added},
			{"indicator": NEW_PRODUCT_OUTPUT.key, "reporting_value": new_products},
		],
	}


BASELINE = {"year": 2016, "indicators": {OUTPUT: 200.0, VALUE_ADDED: 50.0}, "own_brand_sales_share": 40.0}


def by_ratio(changes):
	return {change.ratio: change for change in changes}


def test_every_ratio_improved_meets_the_condition():
	changes = d.ratio_changes(
		BASELINE,
		[summary(2019, 300, 90, 60, 55.5), summary(2018, 250, 70, 40, 45)],  # any order
	)
	ratios = by_ratio(changes)
	assert [c.ratio for c in changes] == list(d.RATIOS)
	value_added = ratios[d.VALUE_ADDED_RATE]
	assert (value_added.baseline_year, value_added.baseline_value) == (2016, 25.0)
	assert (value_added.last_year, value_added.last_value, value_added.change) == (2019, 30.0, 5.0)
	assert ratios[d.OWN_BRAND_SHARE].change == 15.5
	assert all(c.verdict == d.IMPROVED for c in changes)
	assert d.condition_met(changes)
	assert d.check_condition_claim(True, changes) == []


def test_new_product_rate_is_measured_from_the_first_reporting_year():
	rate = by_ratio(
		d.ratio_changes(BASELINE, [summary(2018, 250, 70, 40, 45), summary(2019, 300, 90, 60, 50)])
	)[d.NEW_PRODUCT_RATE]
	assert rate.first_year_as_baseline
	assert (rate.baseline_year, rate.baseline_value, rate.last_year, rate.last_value) == (
		2018,
		16.0,
		2019,
		20.0,
	)
	assert rate.verdict == d.IMPROVED


@pytest.mark.parametrize(
	("last_value_added", "expected", "change"),
	[(60, d.UNCHANGED, 0.0), (54, d.WORSE, -2.5), (None, d.MISSING, None)],
)
def test_unchanged_worse_or_missing(last_value_added, expected, change):
	changes = d.ratio_changes(
		BASELINE, [summary(2018, 240, 50, 10, 45), summary(2019, 240, last_value_added, 20, 50)]
	)
	rate = by_ratio(changes)[d.VALUE_ADDED_RATE]
	# the last reporting year is compared, never an earlier one in its place
	assert (rate.last_year, rate.verdict, rate.change) == (2019, expected, change)
	assert not d.condition_met(changes)


def test_a_ratio_with_no_figure_is_missing_never_improved():
	changes = d.ratio_changes(
		{"year": 2016, "indicators": {}, "own_brand_sales_share": None}, [summary(2019, 300, 90)]
	)
	ratios = by_ratio(changes)
	assert ratios[d.VALUE_ADDED_RATE].verdict == d.MISSING  # no baseline figures
	assert ratios[d.OWN_BRAND_SHARE].verdict == d.MISSING
	# one reporting year only: 新产品产值率 has nothing to compare with
	assert ratios[d.NEW_PRODUCT_RATE].verdict == d.MISSING
	assert ratios[d.NEW_PRODUCT_RATE].baseline_year is None
	assert not d.condition_met(changes)
	assert not d.condition_met([])


def test_a_zero_output_gives_no_ratio():
	assert d.summary_ratios(summary(2019, 0, 10, 5, None))[d.VALUE_ADDED_RATE] is None


def test_a_claim_the_data_contradicts_names_each_ratio():
	changes = d.ratio_changes(BASELINE, [summary(2018, 250, 70, 40, 45), summary(2019, 300, 60, 30, 38)])
	problems = d.check_condition_claim(True, changes)
	assert [p.args["ratio"] for p in problems] == [d.VALUE_ADDED_RATE, d.OWN_BRAND_SHARE, d.NEW_PRODUCT_RATE]
	assert problems[0].args["verdict"] == d.WORSE and problems[0].args["baseline"] == "25"
	assert problems[0].fieldname == "condition_3_met"
	assert {"ratio", "verdict", "condition"} <= set(problems[0].translate_args)
	# not claimed: nothing to refuse
	assert d.check_condition_claim(False, changes) == []
