"""The reports' computed columns (cluster_brand/rules/views/programme_reports.py): shares, positions, totals per
province, the recommendation counts per authority and the indicator comparison."""

from datetime import date

import pytest

from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.application.indicators import (
	COST_PROFIT_RATIO,
	COSTS,
	EXPORT_SHARE,
	EXPORTS,
	OUTPUT,
	PROFIT,
	SALES,
	SALES_GROWTH,
	VALUE_ADDED,
	VALUE_ADDED_RATE,
	values_by_indicator,
)
from cluster_brand.rules.views import programme_reports as reports

ZJ, SD = "浙江省工业和信息化主管部门", "山东省工业和信息化主管部门"
MINISTRY = {"Ministry Administrator"}


def application(name, authority, state=states.RECOMMENDED, **values):
	return {
		"name": name,
		"recommending_authority": authority,
		"organizing_unit": f"unit-{name}",
		"industrial_cluster": f"cluster-{name}",
		"leading_industry": "机械",
		"workflow_state": state,
		**values,
	}


def indicator(parent, key, year_3, year_2=None):
	return {"parent": parent, "indicator": key, "year_2_value": year_2, "year_3_value": year_3}


# --- shares and positions


def test_share_percent_is_none_without_a_whole():
	assert reports.share_percent(25, 200) == 12.5
	assert reports.share_percent(1, 3) == 33.33
	assert reports.share_percent(5, 0) is None
	assert reports.share_percent(None, 10) is None
	assert reports.share_percent("x", 10) is None


def test_positions_rank_largest_first_ties_share_a_rank():
	ranked = reports.positions({"a": 10, "b": 30, "c": 30, "d": 5, "e": None})
	assert {name: rank for name, (rank, _q) in ranked.items()} == {"b": 1, "c": 1, "a": 3, "d": 4}
	assert "e" not in ranked


@pytest.mark.parametrize(
	("count", "quartiles"),
	[
		(1, [1]),
		(4, [1, 2, 3, 4]),
		(5, [1, 1, 2, 3, 4]),
		(8, [1, 1, 2, 2, 3, 3, 4, 4]),
	],
)
def test_quartile_one_is_the_top_quarter(count, quartiles):
	ranked = reports.positions({f"a{i}": 100 - i for i in range(count)})
	assert [ranked[f"a{i}"][1] for i in range(count)] == quartiles


def test_tied_values_share_the_quartile_of_their_rank():
	ranked = reports.positions({"a": 9, "b": 9, "c": 9, "d": 1})
	assert [ranked[n] for n in "abcd"] == [(1, 1), (1, 1), (1, 1), (4, 4)]


# --- 申报汇总表


def figures_of(indicator_rows) -> dict[str, dict]:
	"""The indicator rows by application as the reports read them (last_year_figures)."""
	rows_of = {}
	for row in indicator_rows:
		rows_of.setdefault(row["parent"], []).append(row)
	return {parent: reports.last_year_figures(values_by_indicator(rows)) for parent, rows in rows_of.items()}


def summary(applications, indicators=(), assignments=None, roles=MINISTRY):
	return reports.application_summary(applications, figures_of(indicators), assignments, roles)


def test_summary_row_reads_the_last_years_sales_and_value_added_and_own_brand_share():
	rows = summary(
		[
			application(
				"A",
				ZJ,
				recommendation_rank=1,
				backbone_sales_coverage=85.5,
				total_sales_revenue=800_000,
				total_own_brand_sales_revenue=200_000,
				mean_score=82.5,
			)
		],
		[indicator("A", SALES, 100, year_2=90), indicator("A", VALUE_ADDED, 30), indicator("B", SALES, 7)],
		{"A": (2, 1)},
	)
	row = rows[0]
	assert (row["sales_revenue"], row["value_added"]) == (100, 30)
	assert row["own_brand_share"] == 25.0
	assert row["backbone_sales_coverage"] == 85.5
	assert (row["experts_assigned"], row["sheets_submitted"], row["mean_score"]) == (2, 1, 82.5)
	assert row["recommendation_rank"] == 1


def test_summary_groups_by_province_in_rank_order_with_a_subtotal_each_and_a_grand_total():
	rows = summary(
		[
			application(
				"z2", ZJ, recommendation_rank=2, total_sales_revenue=100, total_own_brand_sales_revenue=10
			),
			application(
				"s1", SD, recommendation_rank=1, total_sales_revenue=300, total_own_brand_sales_revenue=90
			),
			application(
				"z1", ZJ, recommendation_rank=1, total_sales_revenue=100, total_own_brand_sales_revenue=50
			),
		],
		[indicator("z1", SALES, 10), indicator("z2", SALES, 20), indicator("s1", SALES, 5.5)],
		{},
	)
	assert [(r.get("application"), r.get("is_total"), r["recommending_authority"]) for r in rows] == [
		("s1", None, SD),
		(None, reports.SUBTOTAL, SD),
		("z1", None, ZJ),
		("z2", None, ZJ),
		(None, reports.SUBTOTAL, ZJ),
		(None, reports.GRAND_TOTAL, None),
	]
	zhejiang = rows[4]
	assert zhejiang["applications"] == 2
	assert zhejiang["sales_revenue"] == 30
	# the share of the sums, not the mean of the shares (50% and 10%)
	assert zhejiang["own_brand_share"] == 30.0
	assert (zhejiang["experts_assigned"], zhejiang["sheets_submitted"]) == (0, 0)
	assert zhejiang["mean_score"] is None  # none scored: blank, not 0
	grand = rows[-1]
	assert (grand["applications"], grand["sales_revenue"], grand["own_brand_share"]) == (3, 35.5, 30.0)


def test_the_totals_mean_score_is_over_the_applications_scored():
	rows = summary(
		[application("a", ZJ, mean_score=80), application("b", ZJ, mean_score=91), application("c", ZJ)],
		assignments={},
	)
	assert rows[3]["mean_score"] == 85.5


def test_the_totals_coverage_is_the_summed_backbone_sales_over_the_summed_industry_sales():
	rows = summary(
		[
			application("a", ZJ, total_sales_revenue=90_000, leading_industry_sales_revenue=10),
			application("b", ZJ, total_sales_revenue=70_000, leading_industry_sales_revenue=10),
		]
	)
	assert rows[2]["backbone_sales_coverage"] == 80.0


def test_an_unfilled_indicator_is_blank_not_zero_and_totals_of_nothing_are_blank():
	rows = summary([application("a", ZJ)])
	assert rows[0]["sales_revenue"] is None
	assert rows[0]["own_brand_share"] is None
	assert rows[1]["sales_revenue"] is None


def test_without_the_assignments_the_summary_has_no_reviewer_columns():
	rows = summary([application("a", ZJ, mean_score=80)], assignments=None, roles={"Provincial Reviewer"})
	for row in rows:
		assert not {"experts_assigned", "sheets_submitted", "mean_score"} & set(row)


def test_the_unit_does_not_read_the_provinces_rank_while_the_province_decides():
	pending = application("a", ZJ, states.PENDING_PROVINCIAL_REVIEW, recommendation_rank=3)
	decided = application("b", ZJ, states.RECOMMENDED, recommendation_rank=1)
	applicant = {
		row.get("application"): row for row in summary([pending, decided], roles={"Cluster Applicant"})
	}
	assert "recommendation_rank" not in applicant["a"]
	assert applicant["b"]["recommendation_rank"] == 1
	province = summary([pending], roles={"Provincial Reviewer"})
	assert province[0]["recommendation_rank"] == 3


def test_an_empty_batch_has_no_total_row():
	assert summary([]) == []


# --- 各地推荐情况


def test_recommendation_counts_per_authority():
	applications = [
		application("d", ZJ, states.DRAFT),
		application("w", ZJ, states.WITHDRAWN),
		application("p", ZJ, states.PENDING_PROVINCIAL_REVIEW),
		application("r", ZJ, states.RETURNED),
		application("n", ZJ, states.NOT_RECOMMENDED),
		application("x", ZJ, states.RECOMMENDED, paper_copies_required=2, paper_copies_received=2),
		application("y", ZJ, states.APPROVED_AS_PILOT, paper_copies_required=2, paper_copies_received=3),
		application("u", ZJ, states.UNDER_EXPERT_REVIEW, paper_copies_required=2, paper_copies_received=1),
	]
	settings = [{"recommending_authority": ZJ, "recommendation_quota": 5, "recommendation_deadline": None}]
	row, total = reports.recommendation_by_authority([], settings, applications, date(2017, 9, 30))
	assert row["recommending_authority"] == ZJ
	assert (
		row["submitted"],
		row["recommended"],
		row["not_recommended"],
		row["returned"],
		row["pending"],
	) == (
		6,
		3,
		1,
		1,
		1,
	)
	assert (row["recommendation_quota"], row["quota_left"]) == (5, 2)
	assert row["recommendation_deadline"] == date(2017, 9, 30)
	# copies over the required number are not counted twice
	assert (row["paper_copies_expected"], row["paper_copies_received"], row["paper_copies_complete"]) == (
		6,
		5,
		2,
	)
	assert total["is_total"] == reports.GRAND_TOTAL
	assert {field: total[field] for field in reports.AUTHORITY_COUNTS} == {
		field: row[field] for field in reports.AUTHORITY_COUNTS
	}


def test_an_authoritys_own_earlier_deadline_counts():
	settings = [{"recommending_authority": SD, "recommendation_deadline": date(2017, 9, 15)}]
	row, _total = reports.recommendation_by_authority([], settings, [], date(2017, 9, 30))
	assert row["recommendation_deadline"] == date(2017, 9, 15)
	assert row["recommendation_quota"] is None and row["quota_left"] is None


def test_every_authority_listed_is_a_row_the_active_ones_first_then_by_name():
	other = "北京市工业和信息化主管部门"
	rows = reports.recommendation_by_authority(
		[ZJ, SD, other], [], [application("a", SD, states.PENDING_PROVINCIAL_REVIEW)], None
	)
	assert [r.get("recommending_authority") for r in rows] == [SD, *sorted([ZJ, other]), None]
	zhejiang = next(r for r in rows if r.get("recommending_authority") == ZJ)
	assert (zhejiang["submitted"], zhejiang["pending"], zhejiang["recommendation_deadline"]) == (0, 0, None)
	assert (rows[-1]["authorities"], rows[-1]["submitted"], rows[-1]["pending"]) == (3, 1, 1)


def test_no_authority_no_total_row():
	assert reports.recommendation_by_authority([], [], [], None) == []


# --- 主要指标对比


def comparison_values():
	applications = [application("a", ZJ), application("b", ZJ), application("c", SD)]
	indicators = [
		indicator("a", SALES, 100, year_2=80),
		indicator("a", OUTPUT, 200),
		indicator("a", VALUE_ADDED, 50),
		indicator("a", PROFIT, 10),
		indicator("a", COSTS, 40),
		indicator("a", EXPORTS, 25),
		indicator("b", SALES, 300, year_2=300),
		indicator("c", SALES, 100),
	]
	return applications, figures_of(indicators)


def test_comparison_shows_the_last_years_indicators_and_the_derived_ratios():
	applications, values = comparison_values()
	rows = reports.indicator_comparison(applications, values, SALES)
	a = next(r for r in rows if r["application"] == "a")
	field = reports.FIELD_OF
	assert a[field[SALES]] == 100 and a[field[OUTPUT]] == 200
	assert a[field[VALUE_ADDED_RATE]] == 25.0
	assert a[field[COST_PROFIT_RATIO]] == 25.0
	assert a[field[EXPORT_SHARE]] == 25.0
	assert a[field[SALES_GROWTH]] == 25.0
	assert len(reports.COMPARED) == 17  # the 11 indicators and 6 derived values
	b = next(r for r in rows if r["application"] == "b")
	assert b[field[VALUE_ADDED_RATE]] is None and b[field[SALES_GROWTH]] == 0


def test_the_last_years_figures_are_the_indicators_and_the_derived_ratios_of_that_year():
	values = values_by_indicator(
		[
			indicator("a", SALES, 100, year_2=80),
			indicator("a", OUTPUT, 200, year_2=1),
			indicator("a", VALUE_ADDED, 50, year_2=1),
		]
	)
	figures = reports.last_year_figures(values)
	assert set(figures) == set(reports.COMPARED_KEYS)
	assert (figures[SALES], figures[OUTPUT], figures[VALUE_ADDED]) == (100, 200, 50)
	assert figures[VALUE_ADDED_RATE] == 25.0  # of the last year, not 100% of the year before
	assert figures[SALES_GROWTH] == 25.0
	assert figures[PROFIT] is None and figures[COST_PROFIT_RATIO] is None
	assert reports.last_year_figures({}) == dict.fromkeys(reports.COMPARED_KEYS)


def test_comparison_ranks_by_the_chosen_indicator_ranked_first_unranked_last():
	applications, values = comparison_values()
	rows = reports.indicator_comparison(applications, values, SALES)
	assert [(r["application"], r["rank"], r["quartile"]) for r in rows] == [
		("b", 1, 1),
		("a", 2, 2),
		("c", 2, 2),
	]
	rows = reports.indicator_comparison(applications, values, VALUE_ADDED_RATE)
	assert [(r["application"], r["rank"], r["quartile"]) for r in rows] == [
		("a", 1, 1),
		("b", None, None),
		("c", None, None),
	]
