"""试点进展's computed columns (cluster_brand/rules/views/pilot_progress.py): measures done and overdue, growth of the
followed indicators and the own-brand share against the baseline, one row per pilot and year."""

from datetime import date

from cluster_brand.rules.application.indicators import SALES, VALUE_ADDED
from cluster_brand.rules.pilot_years.progress import COMPLETED, IN_PROGRESS, NOT_STARTED
from cluster_brand.rules.views import pilot_progress as progress

ZJ, SD = "浙江省工业和信息化主管部门", "山东省工业和信息化主管部门"


def measure(status, node):
	return {"status": status, "time_node": node}


def test_measures_done_in_all_and_overdue_as_of_the_end_of_the_reporting_year():
	rows = [
		measure(COMPLETED, date(2018, 3, 31)),
		measure(IN_PROGRESS, date(2018, 6, 30)),  # past its node: overdue
		measure(NOT_STARTED, date(2019, 6, 30)),  # a node of next year: not yet
		measure(IN_PROGRESS, None),  # no node: never overdue
	]
	counts = progress.measure_counts(rows, 2018, today=date(2020, 1, 5))
	assert counts == {"measures_done": 1, "measures_total": 4, "measures_overdue": 1}
	# within the reporting year the progress is judged today
	assert progress.measure_counts(rows, 2018, today=date(2018, 5, 1))["measures_overdue"] == 0


def year(pilot, reporting_year, summary=None, authority=ZJ, **more):
	return {
		"brand_pilot": pilot,
		"industrial_cluster": f"集群{pilot}",
		"recommending_authority": authority,
		"reporting_year": reporting_year,
		"summary": summary,
		"workflow_state": more.pop("state", "Draft" if summary else None),
		"due_date": date(reporting_year, 11, 30),
		"overdue": more.pop("overdue", False),
	}


def indicator(key, baseline, reporting):
	return {"indicator": key, "baseline_value": baseline, "reporting_value": reporting}


def test_growth_and_the_share_in_percentage_points_against_the_baseline():
	(row,) = progress.pilot_progress(
		[year("P1", 2018, "S1")],
		{"S1": {"own_brand_sales_share": 62.5}},
		{"S1": [measure(COMPLETED, date(2018, 1, 1))]},
		{"S1": [indicator(SALES, 200, 230), indicator(VALUE_ADDED, 50, 45)]},
		{"P1": 60.0},
		today=date(2019, 3, 1),
	)
	assert (row["sales_growth"], row["value_added_growth"]) == (15.0, -10.0)
	assert row["own_brand_share"] == 62.5
	assert row["own_brand_share_change"] == 2.5  # points, not 4.17%
	assert (row["measures_done"], row["measures_total"]) == (1, 1)


def test_a_year_without_a_readable_summary_has_no_figures():
	(row,) = progress.pilot_progress(
		[year("P1", 2019, overdue=True, state="Draft")], {}, {}, {}, {"P1": 60.0}, today=date(2020, 1, 1)
	)
	assert row["annual_work_summary"] is None and row["workflow_state"] is None
	assert row["overdue"] == 1
	for field in ("measures_total", "sales_growth", "own_brand_share", "own_brand_share_change"):
		assert field not in row


def test_a_missing_baseline_leaves_the_change_blank():
	(row,) = progress.pilot_progress(
		[year("P1", 2018, "S1")],
		{"S1": {"own_brand_sales_share": 62.5}},
		{},
		{"S1": [indicator(SALES, 0, 230)]},
		{"P1": None},
		today=date(2019, 3, 1),
	)
	assert row["sales_growth"] is None and row["value_added_growth"] is None
	assert row["own_brand_share_change"] is None


def test_rows_by_province_then_pilot_latest_year_first():
	rows = progress.pilot_progress(
		[year("P2", 2018, authority=ZJ), year("P1", 2018, authority=SD), year("P2", 2019, authority=ZJ)],
		{},
		{},
		{},
		{},
		today=date(2020, 1, 1),
	)
	assert [(r["recommending_authority"], r["brand_pilot"], r["reporting_year"]) for r in rows] == [
		(SD, "P1", 2018),  # 山 before 浙 (by code point)
		(ZJ, "P2", 2019),
		(ZJ, "P2", 2018),
	]
