"""cluster_brand/rules/pilot_years/progress.py: the measures' progress against the approved plan, the
self-evaluations and the targets' percent achieved."""

from datetime import date, timedelta

from cluster_brand.rules.application.work_plan import WORK_ITEM_KEYS
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.views import pilot_progress
from tests.rules.pilot_years.turning_days import days


# --- overdue measures ------------------------------------------------------------------------------------
def test_a_measure_past_its_time_node_and_not_completed_is_overdue():
	as_of = date(2018, 11, 1)
	assert summary_progress.measure_is_overdue(
		{"time_node": date(2018, 6, 30), "status": summary_progress.IN_PROGRESS}, as_of
	)
	assert not summary_progress.measure_is_overdue(
		{"time_node": date(2018, 6, 30), "status": summary_progress.COMPLETED}, as_of
	)
	assert not summary_progress.measure_is_overdue(
		{"time_node": date(2018, 12, 30), "status": summary_progress.NOT_STARTED}, as_of
	)


def test_an_overdue_measure_needs_a_reason():
	row = {
		"measure_no": "2.1",
		"time_node": date(2018, 6, 30),
		"status": summary_progress.DELAYED,
		"work_done": "部分",
	}
	violations = summary_progress.check_measures([row], date(2018, 11, 1))
	assert [v.column for v in violations] == ["delay_reason"]
	assert violations[0].args["number"] == "2.1"
	row["delay_reason"] = "资金未到位"
	assert summary_progress.check_measures([row], date(2018, 11, 1)) == []


def test_progress_is_judged_at_the_end_of_the_reporting_year_at_the_latest():
	assert summary_progress.progress_as_of(2018, date(2019, 3, 1)) == date(2018, 12, 31)
	assert summary_progress.progress_as_of(2018, date(2018, 10, 1)) == date(2018, 10, 1)


def test_a_measure_under_way_says_what_was_done():
	violations = summary_progress.check_measures(
		[{"measure_no": "1.1", "status": summary_progress.IN_PROGRESS}], date(2018, 1, 1)
	)
	assert [v.column for v in violations] == ["work_done"]


def test_progress_rows_follow_the_plan_and_carry_over_last_years_status():
	plan = [
		{
			"work_item": WORK_ITEM_KEYS[0],
			"measure_no": "1.1",
			"measure": "甲",
			"time_node": date(2018, 6, 30),
		},
		{
			"work_item": WORK_ITEM_KEYS[1],
			"measure_no": "2.1",
			"measure": "乙",
			"time_node": date(2019, 6, 30),
		},
	]
	previous = [{"measure_no": "1.1", "status": summary_progress.COMPLETED, "work_done": "做完了"}]
	rows = summary_progress.measure_progress_rows(plan, previous)
	assert [(r["measure_no"], r["status"], r["work_done"]) for r in rows] == [
		("1.1", summary_progress.COMPLETED, "做完了"),
		("2.1", summary_progress.NOT_STARTED, None),
	]


# --- the yearly self-evaluation ------------------------------------------------------------------------
def test_at_least_one_self_evaluation_in_the_reporting_year():
	assert summary_progress.check_self_evaluations([], 2018)[0].fieldname == "self_evaluations"
	wrong_year = [{"evaluation_date": date(2017, 10, 1), "method": "自评", "result": "良好"}]
	messages = [v.message for v in summary_progress.check_self_evaluations(wrong_year, 2018)]
	assert len(messages) == 2  # the row's year, and none in the year
	good = [{"evaluation_date": date(2018, 10, 1), "method": "自评", "result": "良好"}]
	assert summary_progress.check_self_evaluations(good, 2018) == []


def test_a_self_evaluation_names_its_missing_method_and_result():
	rows = [{"evaluation_date": date(2018, 10, 1)}]
	assert [v.column for v in summary_progress.check_self_evaluations(rows, 2018)] == ["method", "result"]


def test_percent_of_target():
	assert summary_progress.percent_of_target(200, 50) == 25.0
	assert summary_progress.percent_of_target(0, 50) is None


@days
def test_measures_are_judged_on_the_day_within_the_reporting_year(day):
	as_of = summary_progress.progress_as_of(day.year, day)
	assert as_of == day
	rows = [
		{"status": summary_progress.IN_PROGRESS, "time_node": day - timedelta(days=1)},  # past: overdue
		{"status": summary_progress.IN_PROGRESS, "time_node": day},  # due on the day: not yet
		{"status": summary_progress.COMPLETED, "time_node": day - timedelta(days=1)},
	]
	assert pilot_progress.measure_counts(rows, day.year, day) == {
		"measures_done": 1,
		"measures_total": 3,
		"measures_overdue": 1,
	}
	# a summary of next year (started early) is judged on the day too: nothing of next year is overdue
	later = [{"status": summary_progress.NOT_STARTED, "time_node": date(day.year + 1, 1, 1)}]
	assert pilot_progress.measure_counts(later, day.year + 1, day)["measures_overdue"] == 0
