"""The deadlines an application shows and its open assignments (ToDo) fall due on, kept current when the
ministry moves a batch's deadlines or a province its own.

The application copies them (fetch_from, set_review_values) when it is saved; a draft nobody saves would
otherwise keep showing, and reminding of, the old dates."""

import frappe
from frappe.utils import getdate

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.notifications.application import DEADLINE_OF
from cluster_brand.rules.application import workflow as rules

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
