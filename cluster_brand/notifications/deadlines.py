"""The deadlines an application shows and its open assignments (ToDo) fall due on, kept current when the
ministry moves a batch's deadlines or a province its own; and the daily reminders of the evaluation round's
deadlines (send_pilot_end_reminders).

The application copies them (fetch_from, set_review_values) when it is saved; a draft nobody saves would
otherwise keep showing, and reminding of, the old dates."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EVALUATION_ROUND, FINAL_SUMMARY
from cluster_brand.notifications.application import DEADLINE_OF
from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import applicants, provincial_reviewers
from cluster_brand.readers.evaluation_rounds import pilots_to_remind, round_applications, rounds_in_progress
from cluster_brand.rules.application import workflow as rules
from cluster_brand.rules.pilot_end import reminders

# Before the province's decision; later, the dates are the record of the stages already passed.
OPEN_STATES = (rules.DRAFT, rules.RETURNED, rules.PENDING_PROVINCIAL_REVIEW)


def refresh_deadlines(pilot_batch: str, recommending_authority: str | None = None):
	batch = frappe.db.get_value(
		"Pilot Batch",
		pilot_batch,
		["online_submission_deadline", "provincial_recommendation_deadline", "paper_copies_required"],
		as_dict=True,
	)
	if not batch:
		return
	own_deadlines = dict(
		frappe.get_all(
			"Recommendation Setting",
			filters={"pilot_batch": pilot_batch},
			fields=["recommending_authority", "recommendation_deadline"],
			as_list=True,
		)
	)
	filters = {"pilot_batch": pilot_batch, "workflow_state": ("in", OPEN_STATES)}
	if recommending_authority:
		filters["recommending_authority"] = recommending_authority
	for application in frappe.get_all(
		APPLICATION, filters=filters, fields=["name", "workflow_state", "recommending_authority"]
	):
		own = own_deadlines.get(application.recommending_authority)
		values = {
			"recommendation_deadline": rules.recommendation_deadline(
				_date(batch.provincial_recommendation_deadline), _date(own)
			)
		}
		if application.workflow_state in rules.APPLICANT_STATES:
			values["online_submission_deadline"] = batch.online_submission_deadline
			values["paper_copies_required"] = batch.paper_copies_required
		frappe.db.set_value(APPLICATION, application.name, values, update_modified=False)
		due = values.get(DEADLINE_OF.get(application.workflow_state))
		if due:
			frappe.db.set_value(
				"ToDo",
				{"reference_type": APPLICATION, "reference_name": application.name, "status": "Open"},
				"date",
				due,
				update_modified=False,
			)


def _date(value):
	return getdate(value) if value else None


# --- The pilot's end (issue 21): the evaluation round's deadlines, reminded in the week before them ------------
@in_site_language
def send_pilot_end_reminders():
	"""Daily: remind the units whose final summary is due (the round's final summary deadline, else the pilot's
	planned end) and not yet with the province; the units of completed pilots that have not submitted their
	demonstration application, of its deadline; the provinces with applications pending their
	recommendation, of theirs (rules/pilot_end/reminders.py)."""
	day = getdate(today())
	rounds = rounds_in_progress()
	pilots = pilots_to_remind()
	states = {p.name: p.final_summary_state for p in pilots}
	for pilot in reminders.final_summaries_due(pilots, rounds, states, day):
		doc = frappe._dict(
			doctype=FINAL_SUMMARY if pilot["final_summary"] else BRAND_PILOT,
			name=pilot["final_summary"] or pilot["name"],
			organizing_unit=pilot["organizing_unit"],
		)
		inform(
			applicants(doc),
			doc,
			_("{0}: the final summary of the pilot is due on {1}").format(
				pilot["industrial_cluster"], pilot["due"]
			),
		)
	applying = {p.name: p.application_state for p in pilots}
	for pilot in reminders.demonstration_applications_due(pilots, rounds, applying, day):
		doc = frappe._dict(doctype=BRAND_PILOT, name=pilot["name"], organizing_unit=pilot["organizing_unit"])
		inform(
			applicants(doc),
			doc,
			_("{0}: the demonstration applications of evaluation round {1} are due on {2}").format(
				pilot["industrial_cluster"], pilot["evaluation_round"], pilot["due"]
			),
		)
	applications = round_applications([r.name for r in rounds])
	for row in reminders.recommendations_due(applications, rounds, day):
		doc = frappe._dict(
			doctype=EVALUATION_ROUND,
			name=row["evaluation_round"],
			recommending_authority=row["recommending_authority"],
		)
		inform(
			provincial_reviewers(doc),
			doc,
			_("{0}: {1} demonstration applications await your recommendation by {2}").format(
				row["evaluation_round"], row["pending"], row["due"]
			),
		)
