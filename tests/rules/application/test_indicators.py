import pytest

from cluster_brand.rules.application.indicators import (
	COST_PROFIT_RATIO,
	EXPORT_SHARE,
	INDICATORS,
	SALES,
	SALES_GROWTH,
	VALUE_ADDED_RATE,
	check_indicator_rows,
	derived_from_values,
	derived_indicators,
	indicator_years,
	last_year_sales_revenue,
	values_by_indicator,
)


def rows(**overrides):
	base = {i.key: (10.0, 20.0, 40.0) for i in INDICATORS}
	base.update(overrides)
	return [
		{"indicator": k, "year_1_value": v[0], "year_2_value": v[1], "year_3_value": v[2]}
		for k, v in base.items()
	]


def test_indicator_years_are_the_three_years_before_the_batch():
	assert indicator_years(2017) == (2014, 2015, 2016)
	assert indicator_years(2020) == (2017, 2018, 2019)


def test_eleven_official_indicators_with_units():
	assert len(INDICATORS) == 11
	assert [i.official_name for i in INDICATORS][0] == "主导产业企业数（个）"
	assert {i.unit for i in INDICATORS} == {"个", "亿元", "%"}


def test_valid_rows_pass():
	assert check_indicator_rows(rows()) == []


def test_profit_may_be_negative_but_sales_may_not():
	profit = INDICATORS[5].key
	assert check_indicator_rows(rows(**{profit: (-1.5, 2.0, 3.0)})) == []
	violations = check_indicator_rows(rows(**{SALES: (-1.0, 2.0, 3.0)}))
	assert [(v.args["item"], v.fieldname, v.row, v.column) for v in violations] == [
		(SALES, "indicators", 5, "year_1_value")
	]


def test_counts_are_whole_non_negative_numbers():
	count = INDICATORS[0].key
	messages = [v.message for v in check_indicator_rows(rows(**{count: (12.5, -1, 3)}))]
	assert len(messages) == 2 and all("whole number" in m for m in messages)


@pytest.mark.parametrize("share,ok", [(0, True), (100, True), (35.5, True), (100.1, False), (-0.1, False)])
def test_market_share_is_a_percentage(share, ok):
	key = INDICATORS[9].key
	assert (check_indicator_rows(rows(**{key: (share, share, share)})) == []) is ok


def test_unknown_and_duplicate_indicators_are_reported():
	data = rows() + [{"indicator": SALES, "year_1_value": 1}, {"indicator": "Made up"}]
	messages = [v.message for v in check_indicator_rows(data)]
	assert any("entered twice" in m for m in messages)
	assert any("not one of the official main indicators" in m for m in messages)


def test_derived_ratios_and_growth():
	output, value_added = INDICATORS[2].key, INDICATORS[3].key
	profit, costs, exports = INDICATORS[5].key, INDICATORS[7].key, INDICATORS[8].key
	data = rows(
		**{
			output: (100, 200, 400),
			value_added: (25, 50, 100),
			profit: (5, 10, 20),
			costs: (50, 100, 100),
			exports: (10, 20, 40),
			SALES: (80, 100, 125),
		}
	)
	derived = {d["derived_indicator"]: d for d in derived_indicators(data)}
	assert derived[VALUE_ADDED_RATE]["year_3_value"] == 25.0
	assert derived[COST_PROFIT_RATIO]["year_3_value"] == 20.0
	assert derived[EXPORT_SHARE]["year_1_value"] == 12.5
	assert derived[SALES_GROWTH]["year_1_value"] is None
	assert derived[SALES_GROWTH]["year_2_value"] == 25.0 and derived[SALES_GROWTH]["year_3_value"] == 25.0


def test_derived_values_of_the_last_year_only_as_the_reports_ask():
	data = rows(**{SALES: (80, 100, 125)})
	every_year = {d["derived_indicator"]: d for d in derived_indicators(data)}
	last_year = {
		d["derived_indicator"]: d for d in derived_from_values(values_by_indicator(data), years=(2,))
	}
	for key, derived in last_year.items():
		assert derived["year_3_value"] == every_year[key]["year_3_value"]
		assert derived["year_1_value"] is None and derived["year_2_value"] is None
	assert last_year[SALES_GROWTH]["year_3_value"] == 25.0


def test_derived_values_are_empty_without_a_divisor():
	output = INDICATORS[2].key
	derived = {d["derived_indicator"]: d for d in derived_indicators(rows(**{output: (0, 0, 0)}))}
	assert derived[VALUE_ADDED_RATE]["year_1_value"] is None


def test_last_year_sales():
	assert last_year_sales_revenue(rows(**{SALES: (1, 2, 3.5)})) == 3.5
	assert last_year_sales_revenue([]) is None
