"""The pilot years on a real site (Annex 1 四(五)): a unit starts its year's summary from its pilot, whoever
acts next on a summary is told (ToDo and notification, as for the applications), a daily job reminds the
unit before the due date, and the provinces and the ministry list the overdue summaries. The rules are in
cluster_brand/rules/pilot_years/calendar.py and summary_workflow.py."""

from datetime import date

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import cint, getdate, today

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.notifications.application import (
	applicants,
	in_site_language,
	inform,
	provincial_reviewers,
	users_with_role,
)
from cluster_brand.rules.application.workflow import RETURNED
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import workflow as summary_workflow

IN_PILOT = "In Pilot"


def province_due_date(doc):
	"""The province's own due date of its pilots' summaries, in the Recommendation Setting of the pilot's
	batch (its month and day apply to every reporting year); None when it has set none."""
	if not (doc.get("pilot_batch") and doc.get("recommending_authority")):
		return None
	value = frappe.db.get_value(
		"Recommendation Setting",
		{"pilot_batch": doc.pilot_batch, "recommending_authority": doc.recommending_authority},
		"annual_summary_due_date",
	)
	return getdate(value) if value else None


@frappe.whitelist(methods=["POST"])
def start_annual_summary(brand_pilot: str, reporting_year: int | None = None) -> str:
	"""The Brand Pilot form's 「开始年度工作总结」: the summary of ``reporting_year`` (by default the pilot's next
	year to report on), made from the pilot's plan with the caller's permissions; its name."""
	pilot = frappe.get_doc(BRAND_PILOT, brand_pilot)
	pilot.check_permission("read")
	frappe.has_permission(ANNUAL_WORK_SUMMARY, "create", throw=True)  # the unit's to start, no one else's
	year = cint(reporting_year) or pilot.suggested_reporting_year()
	if not year:
		frappe.throw(_("{0} has reported on every year of its pilot period.").format(pilot.name))
	existing = frappe.db.get_value(ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot.name, "reporting_year": year})
	if existing:
		return existing
	summary = frappe.get_doc(
		{"doctype": ANNUAL_WORK_SUMMARY, "brand_pilot": pilot.name, "reporting_year": year}
	)
	summary.insert()
	return summary.name


# --- who acts next ----------------------------------------------------------------------------------------

NEXT_ACTORS = {
	summary_workflow.PENDING_PROVINCIAL_INSPECTION: provincial_reviewers,
	RETURNED: applicants,
	summary_workflow.FORWARDED_TO_MINISTRY: lambda doc: users_with_role("Ministry Administrator"),
}


@in_site_language
def notify_summary_transition(doc):
	"""The summary is assigned to whoever acts on it next (the province by the unit, the unit when returned,
	the ministry when forwarded); its acceptance informs the unit."""
	assign_to.clear(doc.doctype, doc.name, ignore_permissions=True)
	subject = _("{0}: the annual work summary of {1} for {2} is now {3}").format(
		doc.name, doc.industrial_cluster, doc.reporting_year, _(doc.workflow_state)
	)
	actors = NEXT_ACTORS.get(doc.workflow_state)
	users = sorted(set(actors(doc))) if actors else []
	if users:
		assign_to.add(
			{
				"assign_to": users,
				"doctype": doc.doctype,
				"name": doc.name,
				"description": subject,
				"date": doc.due_date if doc.workflow_state == RETURNED else None,
			},
			ignore_permissions=True,
		)
	elif doc.workflow_state == summary_workflow.ACCEPTED:
		inform(applicants(doc), doc, subject)


# --- the due dates ----------------------------------------------------------------------------------------


def pilots_and_their_summaries(pilot_names: list[str] | None = None) -> list[dict]:
	"""Each pilot in pilot, with its period, its province's own due date and the state of each year's summary."""
	filters = {"status": IN_PILOT}
	if pilot_names is not None:
		filters["name"] = ("in", pilot_names or [""])
	pilots = frappe.get_all(
		BRAND_PILOT,
		filters,
		[
			"name",
			"application",
			"industrial_cluster",
			"organizing_unit",
			"recommending_authority",
			"pilot_batch",
			"start_date",
			"planned_end_date",
		],
	)
	states = {}
	for row in frappe.get_all(
		ANNUAL_WORK_SUMMARY,
		{"brand_pilot": ("in", [p.name for p in pilots] or [""])},
		["name", "brand_pilot", "reporting_year", "workflow_state"],
	):
		states.setdefault(row.brand_pilot, {})[row.reporting_year] = row
	province_due = _province_due_dates(pilots)
	for pilot in pilots:
		pilot.province_due = province_due.get((pilot.pilot_batch, pilot.recommending_authority))
		pilot.summaries = states.get(pilot.name, {})
	return pilots


def _province_due_dates(pilots: list[dict]) -> dict[tuple[str, str], date]:
	"""province_due_date of each (pilot_batch, recommending_authority) of ``pilots``, in one query."""
	batches = {p.pilot_batch for p in pilots if p.pilot_batch}
	authorities = {p.recommending_authority for p in pilots if p.recommending_authority}
	if not (batches and authorities):
		return {}
	settings = frappe.get_all(
		"Recommendation Setting",
		{
			"pilot_batch": ("in", sorted(batches)),
			"recommending_authority": ("in", sorted(authorities)),
			"annual_summary_due_date": ("is", "set"),
		},
		["pilot_batch", "recommending_authority", "annual_summary_due_date"],
	)
	return {(s.pilot_batch, s.recommending_authority): getdate(s.annual_summary_due_date) for s in settings}


def readable_pilots() -> list[dict]:
	"""The pilots the session user may read, each with the summaries it may read (a province does not read a
	unit's draft: it reads as not started); the due dates follow every summary's true state."""
	pilots = pilots_and_their_summaries(frappe.get_list(BRAND_PILOT, pluck="name"))
	readable = set(
		frappe.get_list(
			ANNUAL_WORK_SUMMARY, {"brand_pilot": ("in", [p.name for p in pilots] or [""])}, pluck="name"
		)
	)
	for pilot in pilots:
		pilot.readable_summaries = {
			year: summary for year, summary in pilot.summaries.items() if summary.name in readable
		}
	return pilots


def summary_status_rows(day, pilots: list[dict] | None = None) -> list[dict]:
	"""The years each pilot has reported on or must report on by now, as the session user may read them
	(pilot_calendar.summary_rows of ``pilots``, readable_pilots by default), each with its pilot's province:
	the workspaces' 试点年度工作总结 (desk_status.py) and 试点进展."""
	pilots = readable_pilots() if pilots is None else pilots
	authority = {pilot.name: pilot.recommending_authority for pilot in pilots}
	rows = pilot_calendar.summary_rows(
		[
			{
				**pilot,
				"start_date": getdate(pilot.start_date) if pilot.start_date else None,
				"planned_end_date": getdate(pilot.planned_end_date) if pilot.planned_end_date else None,
				"summaries": pilot.readable_summaries,
			}
			for pilot in pilots
		],
		day,
	)
	for row in rows:
		row["recommending_authority"] = authority.get(row["brand_pilot"])
	return rows


def overdue_summaries(today_: str | None = None) -> list[dict]:
	"""The summaries past their due date and not with the province, of the pilots the session user may read
	(the provinces' and the ministry's 逾期未报 list): one row per pilot and year, a missing summary too."""
	day = getdate(today_ or today())
	rows = []
	for pilot in readable_pilots():
		if not (pilot.start_date and pilot.planned_end_date):
			continue
		states = {year: s.workflow_state for year, s in pilot.summaries.items()}
		for year in pilot_calendar.overdue_years(
			getdate(pilot.start_date), getdate(pilot.planned_end_date), day, states, pilot.province_due
		):
			summary = pilot.readable_summaries.get(year)
			due = pilot_calendar.due_date(year, pilot.province_due)
			rows.append(
				{
					"brand_pilot": pilot.name,
					"industrial_cluster": pilot.industrial_cluster,
					"organizing_unit": pilot.organizing_unit,
					"recommending_authority": pilot.recommending_authority,
					"reporting_year": year,
					"due_date": due,
					"days_overdue": (day - due).days,
					"annual_work_summary": summary.name if summary else None,
					"workflow_state": summary.workflow_state if summary else None,
				}
			)
	return rows


@in_site_language
def send_summary_reminders():
	"""Daily: remind each pilot's unit in the week before its summary is due, while the summary has not gone
	to the province (as the application's deadlines are reminded of)."""
	day = getdate(today())
	for pilot in pilots_and_their_summaries():
		if not (pilot.start_date and pilot.planned_end_date):
			continue
		for year in pilot_calendar.reporting_years(
			getdate(pilot.start_date), getdate(pilot.planned_end_date), pilot.province_due
		):
			due = pilot_calendar.due_date(year, pilot.province_due)
			summary = pilot.summaries.get(year)
			if not pilot_calendar.reminder_due(summary.workflow_state if summary else None, due, day):
				continue
			doc = (
				frappe.get_doc(ANNUAL_WORK_SUMMARY, summary.name)
				if summary
				else frappe.get_doc(BRAND_PILOT, pilot.name)
			)
			inform(
				applicants(doc),
				doc,
				_("{0}: the annual work summary for {1} is due on {2}").format(
					pilot.industrial_cluster, year, due
				),
			)
