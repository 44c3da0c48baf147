"""Telling whoever acts next on a pilot's Annual Work Summary (Annex 1 四(五)), as for the applications
(application.py): each transition assigns the summary to the province when the unit sends it, to the unit
when returned, to the ministry when forwarded; its acceptance informs the unit; a daily job reminds the unit
in the week before its summary is due (the due dates: rules/pilot_years/calendar.py)."""

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import getdate, today

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import applicants, provincial_reviewers, users_with_role
from cluster_brand.readers.pilot_years import pilots_and_their_summaries
from cluster_brand.rules.application.workflow import RETURNED
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import workflow as summary_workflow

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
