"""The pilot years' calendar (Annex 1 四(五)): the years a pilot reports on, the due date of each year's
Annual Work Summary, the reminders before it and the list of the overdue ones."""

from calendar import isleap
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import missing_item
from cluster_brand.rules.application.workflow import DRAFT
from cluster_brand.rules.pilot_years.workflow import NOT_SUBMITTED
from cluster_brand.rules.values import finite_number, number_text

# Provinces collect the pilots' summaries by the end of November of each year.
DUE_MONTH, DUE_DAY = 11, 30
REMINDER_DAYS = 7
# the years Python's dates have
FIRST_YEAR, LAST_YEAR = 1, 9999


def due_date(reporting_year: int, province_due: date | None = None) -> date:
	"""30 November of the reporting year, or the province's own date (its month and day, applied to the
	reporting year) when that is earlier; a later date of the province does not move the programme's."""
	standard = date(int(reporting_year), DUE_MONTH, DUE_DAY)
	if not province_due:
		return standard
	# 29 February falls on the 28th in a year without one
	leap_day = (province_due.month, province_due.day) == (2, 29)
	day = 28 if leap_day and not isleap(int(reporting_year)) else province_due.day
	return min(standard, date(int(reporting_year), province_due.month, day))


def check_province_due(province_due: date | None) -> list[Violation]:
	"""A province may set an earlier day than 30 November, never a later one."""
	if province_due and (province_due.month, province_due.day) > (DUE_MONTH, DUE_DAY):
		return [
			Violation(
				_("The {item} may be earlier than 30 November, not later ({date})."),
				{"item": "Own Annual Summary Due Date", "date": province_due.isoformat()},
				"annual_summary_due_date",
				translate_args=("item",),
			)
		]
	return []


def is_overdue(state: str | None, due: date | None, today: date) -> bool:
	"""Not yet submitted to the province after its due date."""
	return bool(due) and (state or DRAFT) in NOT_SUBMITTED and today > due


def reminder_due(state: str | None, due: date | None, today: date, days: int = REMINDER_DAYS) -> bool:
	"""The unit is reminded in the ``days`` before its due date, while the summary is still with it."""
	return bool(due) and (state or DRAFT) in NOT_SUBMITTED and 0 <= (due - today).days <= days


def reporting_years(start: date, end: date, province_due: date | None = None) -> list[int]:
	"""The years a pilot reports on: each year of its period whose due date falls within the period (a pilot
	designated in December reports first on the next year)."""
	return [year for year in range(start.year, end.year + 1) if start <= due_date(year, province_due) <= end]


def overdue_years(
	start: date, end: date, today: date, states: dict[int, str], province_due: date | None = None
) -> list[int]:
	"""The reporting years whose summary is past its due date and not with the province yet (``states``: the
	state of each year's summary; a year without one is overdue too)."""
	return [
		year
		for year in reporting_years(start, end, province_due)
		if is_overdue(states.get(year), due_date(year, province_due), today)
	]


def suggested_reporting_year(
	start: date, end: date, reported: set[int], today: date, province_due: date | None = None
) -> int | None:
	"""The year a unit starts its next summary for: the earliest year up to this one not reported yet, else
	the next year of the period; None when every year is reported."""
	years = [year for year in reporting_years(start, end, province_due) if year not in reported]
	if not years:
		return None
	current = [year for year in years if year <= today.year]
	return current[0] if current else years[0]


def check_reporting_year(reporting_year, start: date | None, end: date | None) -> list[Violation]:
	"""A summary reports on a year of the pilot period (from its designation to its planned end)."""
	year = finite_number(reporting_year)
	if year is None or year != int(year):
		return [missing_item("Reporting Year", "reporting_year")]
	if not FIRST_YEAR <= year <= LAST_YEAR:
		# a year the calendar has no date in: every date of the year (its due date) would fail
		return [
			Violation(
				_("The reporting year {year} is no year of the calendar (1 to 9999)."),
				{"year": number_text(year)},
				"reporting_year",
			)
		]
	if start and end and not start.year <= int(year) <= end.year:
		return [
			Violation(
				_("The reporting year {year} lies outside the pilot period {start} to {end}."),
				{"year": int(year), "start": start.isoformat(), "end": end.isoformat()},
				"reporting_year",
			)
		]
	return []


def summary_rows(pilots: list[dict], today: date) -> list[dict]:
	"""The years each pilot has reported on or must report on by now (each year of its period up to this one)
	and the years whose summary is started, whatever the year (a started summary is work waiting: a pilot
	designated in December starts next year's), the ones still with the unit first: its summary (None before
	it is started), state and due date, and whether it is overdue. ``pilots``: name, industrial_cluster,
	start_date, planned_end_date, province_due and summaries (year → {name, workflow_state}) of each."""
	rows = []
	for pilot in pilots:
		if not (pilot.get("start_date") and pilot.get("planned_end_date")):
			continue
		province_due = pilot.get("province_due")
		summaries = {int(year): summary for year, summary in (pilot.get("summaries") or {}).items()}
		due_by_now = {
			year
			for year in reporting_years(pilot["start_date"], pilot["planned_end_date"], province_due)
			if year <= today.year
		}
		for year in sorted(due_by_now | set(summaries)):
			summary = summaries.get(year) or {}
			state = summary.get("workflow_state")
			due = due_date(year, province_due)
			rows.append(
				{
					"brand_pilot": pilot["name"],
					"industrial_cluster": pilot.get("industrial_cluster"),
					"reporting_year": year,
					"summary": summary.get("name"),
					"workflow_state": state,
					"due_date": due,
					"with_unit": (state or DRAFT) in NOT_SUBMITTED,
					"overdue": is_overdue(state, due, today),
				}
			)
	return sorted(rows, key=lambda r: (not r["with_unit"], -r["reporting_year"], r["brand_pilot"]))
