"""The pilot years' rules (pilot_calendar.py, summary_*.py, pilot_progress.py) on each day the programme's
calendar turns on: 30 November (the summary's due date), 1 December, 31 December and a leap day."""

from datetime import date, timedelta

import pytest
from test_annual_summary import complete_summary

from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.workflow import planned_end
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import completeness as summary_completeness
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years.workflow import PENDING_PROVINCIAL_INSPECTION
from cluster_brand.rules.views import pilot_progress
from cluster_brand.rules.views.desk_status import deadline
from cluster_brand.tests.support.dates import PILOT_YEAR_DAYS

NOV_30, DEC_1, DEC_31, LEAP_DAY = PILOT_YEAR_DAYS

# A pilot designated on the day: the first year it reports on (a pilot designated after 30 November reports
# first on the next year), and the tone of that year's due date in the status block.
FIRST_YEAR = {NOV_30: 2026, DEC_1: 2027, DEC_31: 2027, LEAP_DAY: 2028}
FIRST_DUE_TONE = {
	NOV_30: ("near", 0),
	DEC_1: ("later", 364),
	DEC_31: ("later", 334),
	LEAP_DAY: ("later", 275),
}

# A pilot designated on 1 June of the year before, no summary with the province: the years overdue on the day.
OVERDUE = {NOV_30: [2025], DEC_1: [2025, 2026], DEC_31: [2025, 2026], LEAP_DAY: [2027]}

days = pytest.mark.parametrize("day", PILOT_YEAR_DAYS, ids=str)


def pilot(start: date, summaries: dict | None = None) -> dict:
	return {
		"name": "BP-2026-001",
		"industrial_cluster": "集群",
		"start_date": start,
		"planned_end_date": planned_end(start),
		"summaries": summaries or {},
	}


@days
def test_a_pilot_designated_on_the_day_reports_first_on_its_year(day):
	first = FIRST_YEAR[day]
	assert pilot_calendar.reporting_years(day, planned_end(day))[0] == first
	assert pilot_calendar.suggested_reporting_year(day, planned_end(day), set(), day) == first
	due = pilot_calendar.due_date(first)
	assert due == date(first, 11, 30)
	assert not pilot_calendar.is_overdue(None, due, day)
	tone, days_left = FIRST_DUE_TONE[day]
	assert deadline(due, day) == {"date": due.isoformat(), "days": days_left, "tone": tone}
	# the week before the due date, the due date included
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, day) == (day == NOV_30)


@days
def test_on_the_day_after_the_due_date_an_unsubmitted_summary_is_overdue(day):
	due = pilot_calendar.due_date(day.year)
	after = due + timedelta(days=1)
	assert after == date(day.year, 12, 1)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, after)
	assert not pilot_calendar.is_overdue(PENDING_PROVINCIAL_INSPECTION, due, after)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, day) == (day in (DEC_1, DEC_31))


@days
def test_the_years_overdue_on_the_day(day):
	start = date(day.year - 1, 6, 1)
	assert pilot_calendar.overdue_years(start, planned_end(start), day, {}) == OVERDUE[day]
	submitted = {year: PENDING_PROVINCIAL_INSPECTION for year in OVERDUE[day]}
	assert pilot_calendar.overdue_years(start, planned_end(start), day, submitted) == []


@days
def test_a_summary_the_unit_has_started_is_listed_whatever_its_year(day):
	first = FIRST_YEAR[day]
	assert [r["reporting_year"] for r in pilot_calendar.summary_rows([pilot(day)], day)] == (
		[first] if first == day.year else []
	)
	started = {first: {"name": f"S-{first}", "workflow_state": workflow.DRAFT}}
	rows = pilot_calendar.summary_rows([pilot(day, started)], day)
	assert [(r["reporting_year"], r["summary"], r["with_unit"], r["overdue"]) for r in rows] == [
		(first, f"S-{first}", True, False)
	]
	# and the year after it, started early, comes with it
	started[first + 1] = {"name": f"S-{first + 1}", "workflow_state": workflow.DRAFT}
	rows = pilot_calendar.summary_rows([pilot(day, started)], day)
	assert [r["reporting_year"] for r in rows] == [first + 1, first]
	# in 试点进展 too
	progress = pilot_progress.pilot_progress(rows, {}, {}, {}, {}, day)
	assert [(r["reporting_year"], r["annual_work_summary"]) for r in progress] == [
		(first + 1, f"S-{first + 1}"),
		(first, f"S-{first}"),
	]


def test_a_later_year_without_a_summary_is_not_listed_before_its_year():
	start = date(2026, 6, 1)
	rows = pilot_calendar.summary_rows([pilot(start)], DEC_31)
	assert [r["reporting_year"] for r in rows] == [2026]


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


@days
def test_a_complete_summary_is_complete_on_the_day(day):
	summary = complete_summary(day.year)
	assert summary_completeness.missing_items(summary, day) == []
	# a measure past its time node on the day and not completed needs the reason of its delay
	summary["measure_progress"][0].update(
		time_node=day - timedelta(days=1), status=summary_progress.IN_PROGRESS, work_done="部分"
	)
	assert [v.column for v in summary_completeness.missing_items(summary, day)] == ["delay_reason"]


@days
def test_the_provinces_own_date_on_a_leap_day(day):
	leap = date(2028, 2, 29)
	due = pilot_calendar.due_date(day.year, leap)
	assert due == (leap if day.year == 2028 else date(day.year, 2, 28))
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, day) == (0 <= (due - day).days <= 7)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, day) == (day > due)
	assert pilot_calendar.due_date(2029, leap) == date(2029, 2, 28)
