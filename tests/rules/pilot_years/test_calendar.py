"""cluster_brand/rules/pilot_years/calendar.py: each summary's due date (30 November, or the province's earlier
date), the reporting years of a pilot, the years overdue and the reminders, also on each day the calendar turns on."""

from datetime import date, timedelta

from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.workflow import planned_end
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.pilot_years.workflow import PENDING_PROVINCIAL_INSPECTION
from cluster_brand.rules.views import pilot_progress
from cluster_brand.rules.views.desk_status import deadline
from cluster_brand.tests.support.dates import PILOT_YEAR_DAYS
from tests.rules.pilot_years.turning_days import days


# --- the due date and the province's earlier date ------------------------------------------------------
def test_due_on_30_november_of_the_reporting_year():
	assert pilot_calendar.due_date(2018) == date(2018, 11, 30)


def test_the_provinces_earlier_date_applies_to_every_reporting_year():
	assert pilot_calendar.due_date(2019, date(2018, 11, 15)) == date(2019, 11, 15)


def test_a_later_date_of_the_province_does_not_move_30_november():
	assert pilot_calendar.due_date(2018, date(2018, 12, 20)) == date(2018, 11, 30)


def test_a_province_date_of_29_february_falls_on_28_february_in_other_years():
	assert pilot_calendar.due_date(2019, date(2016, 2, 29)) == date(2019, 2, 28)


def test_the_province_may_not_set_a_date_after_30_november():
	assert pilot_calendar.check_province_due(date(2018, 12, 1))[0].fieldname == "annual_summary_due_date"
	assert pilot_calendar.check_province_due(date(2018, 11, 30)) == []


def test_overdue_only_while_not_yet_submitted():
	due = date(2018, 11, 30)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, date(2018, 12, 1))
	assert pilot_calendar.is_overdue(workflow.RETURNED, due, date(2018, 12, 1))
	assert not pilot_calendar.is_overdue(workflow.DRAFT, due, date(2018, 11, 30))
	assert not pilot_calendar.is_overdue(
		summary_workflow.PENDING_PROVINCIAL_INSPECTION, due, date(2018, 12, 1)
	)


def test_reminder_in_the_week_before_the_due_date():
	due = date(2018, 11, 30)
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 23))
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 30))
	assert not pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 22))
	assert not pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 12, 1))
	assert not pilot_calendar.reminder_due(summary_workflow.FORWARDED_TO_MINISTRY, due, date(2018, 11, 29))


def test_the_reporting_year_lies_in_the_pilot_period():
	start, end = date(2017, 12, 1), date(2020, 12, 1)
	assert pilot_calendar.check_reporting_year(2018, start, end) == []
	assert pilot_calendar.check_reporting_year(2021, start, end)[0].args["year"] == 2021
	assert pilot_calendar.check_reporting_year(None, start, end)[0].fieldname == "reporting_year"


def test_a_pilot_designated_in_december_reports_first_on_the_next_year():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	assert pilot_calendar.reporting_years(start, end) == [2018, 2019, 2020]
	assert pilot_calendar.reporting_years(date(2017, 6, 1), date(2020, 6, 1)) == [2017, 2018, 2019]


def test_overdue_years_count_the_missing_and_the_unsubmitted_summaries():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	today = date(2019, 12, 5)
	assert pilot_calendar.overdue_years(start, end, today, {}) == [2018, 2019]
	states = {2018: summary_workflow.ACCEPTED, 2019: workflow.RETURNED}
	assert pilot_calendar.overdue_years(start, end, today, states) == [2019]
	assert pilot_calendar.overdue_years(start, end, date(2019, 11, 20), states, date(2017, 11, 15)) == [2019]
	assert pilot_calendar.overdue_years(start, end, date(2019, 11, 20), states) == []


def test_the_suggested_year_is_the_earliest_unreported_one():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2019, 3, 1)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, {2018}, date(2019, 3, 1)) == 2019
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2018, 1, 5)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2017, 12, 25)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, {2018, 2019, 2020}, date(2020, 3, 1)) is None


def test_summary_rows_list_the_years_due_by_now_those_with_the_unit_first():
	pilot = {
		"name": "BP-2017-001",
		"start_date": date(2017, 12, 20),
		"planned_end_date": date(2020, 12, 20),
		"summaries": {2018: {"name": "BP-2017-001-2018", "workflow_state": summary_workflow.ACCEPTED}},
	}
	rows = pilot_calendar.summary_rows([pilot], date(2019, 12, 2))
	assert [(r["reporting_year"], r["summary"], r["with_unit"], r["overdue"]) for r in rows] == [
		(2019, None, True, True),
		(2018, "BP-2017-001-2018", False, False),
	]
	# before its first year: nothing due yet, but a summary already started is listed (work waiting)
	assert pilot_calendar.summary_rows([{**pilot, "summaries": {}}], date(2017, 12, 25)) == []
	assert [r["reporting_year"] for r in pilot_calendar.summary_rows([pilot], date(2017, 12, 25))] == [2018]


def test_a_reporting_year_the_calendar_does_not_have_is_refused_before_any_date_of_it():
	# the controller checks the year first: its due date, date(10000, 11, 30), would fail (a 500)
	for year in (0, -1, 10000, 99999):
		(violation,) = pilot_calendar.check_reporting_year(year, None, None)
		assert violation.fieldname == "reporting_year" and "1 to 9999" in violation.message
	assert pilot_calendar.check_reporting_year(9999, None, None) == []


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
def test_the_provinces_own_date_on_a_leap_day(day):
	leap = date(2028, 2, 29)
	due = pilot_calendar.due_date(day.year, leap)
	assert due == (leap if day.year == 2028 else date(day.year, 2, 28))
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, day) == (0 <= (due - day).days <= 7)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, day) == (day > due)
	assert pilot_calendar.due_date(2029, leap) == date(2029, 2, 28)
