"""What the desk says around each action of the programme (issue 19): the texts of rules/application/workflow.py and
rules/pilot_years/workflow.py, translated for the session's user and sent with the desk's boot (hooks.py
boot_session), so that the forms (public/js/desk_forms.js) ask and answer without a request of their own."""

import frappe
from frappe import _

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	DEMONSTRATION_APPLICATION,
	EXPERT_REVIEW,
	FINAL_SUMMARY,
)
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.pilot_end import demonstration_workflow, final_summary_workflow
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.registration import workflow as registration_workflow

WORKFLOW_TEXTS = {
	APPLICATION: (states.APPLICATION_ACTIONS, states.APPLICATION_NEXT_STEP),
	ANNUAL_WORK_SUMMARY: (summary_workflow.SUMMARY_ACTIONS, summary_workflow.SUMMARY_NEXT_STEP),
	FINAL_SUMMARY: (
		final_summary_workflow.FINAL_SUMMARY_ACTIONS,
		final_summary_workflow.FINAL_SUMMARY_NEXT_STEP,
	),
	DEMONSTRATION_APPLICATION: (
		demonstration_workflow.DEMONSTRATION_ACTIONS,
		demonstration_workflow.DEMONSTRATION_NEXT_STEP,
	),
	registration_workflow.WORKFLOW: (
		registration_workflow.REGISTRATION_ACTIONS,
		registration_workflow.REGISTRATION_NEXT_STEP,
	),
}


def action_texts() -> dict:
	"""By DocType, state and action: what the action will do, what happened, who acts next (translated);
	the expert's submission of a score sheet and the receiver's receipt of paper copies too."""
	texts = {}
	for doctype, (actions, next_steps) in WORKFLOW_TEXTS.items():
		workflow = frappe.get_all(
			"Workflow", filters={"document_type": doctype, "is_active": 1}, pluck="name", limit=1
		)
		if not workflow:
			continue
		transitions = frappe.get_all(
			"Workflow Transition",
			filters={"parent": workflow[0], "parenttype": "Workflow"},
			fields=["state", "action", "next_state"],
			order_by="idx",
		)
		by_state = states.transition_texts(
			[(t.state, t.action, t.next_state) for t in transitions], actions, next_steps
		)
		texts[doctype] = {
			state: {action: {key: _(text) for key, text in t.items()} for action, t in by_action.items()}
			for state, by_action in by_state.items()
		}
	sheet = states.SHEET_SUBMISSION
	texts[EXPERT_REVIEW] = {
		"submit": {"confirm": _(sheet.confirm), "done": _(sheet.done), "next": _(states.SHEET_NEXT_STEP)}
	}
	texts["receipt"] = {"done": _(states.RECEIPT_RECORDED), "next": _(states.RECEIPT_NEXT_STEP)}
	return texts


def boot_session(bootinfo):
	if frappe.session.user != "Guest":
		bootinfo.cb_action_texts = action_texts()
