"""Frappe's own records that name the programme's: Workflow Actions, notifications, the user list."""

import frappe

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	DEMONSTRATION_APPLICATION,
	FINAL_SUMMARY,
)
from cluster_brand.permissions.applications import application_visible, linked_to_application
from cluster_brand.permissions.demonstration import demonstration_conditions, demonstration_visible
from cluster_brand.permissions.pilot_stage import (
	annual_summary_conditions,
	annual_summary_visible,
	final_summary_conditions,
	final_summary_visible,
)
from cluster_brand.permissions.scope import is_restricted


def workflow_action_query(user):
	"""Frappe's Workflow Action records name an application or an annual work summary; show them only to who
	may see it."""
	user = user or frappe.session.user
	conditions = []
	summary = annual_summary_conditions(user)
	final = final_summary_conditions(user)
	demonstration = demonstration_conditions(user)
	for doctype, condition in (
		(APPLICATION, linked_to_application("`tabWorkflow Action`.reference_name", user)),
		(
			ANNUAL_WORK_SUMMARY,
			summary
			and f"`tabWorkflow Action`.reference_name in (select name from `tab{ANNUAL_WORK_SUMMARY}` where {summary})",
		),
		(
			FINAL_SUMMARY,
			final
			and f"`tabWorkflow Action`.reference_name in (select name from `tab{FINAL_SUMMARY}` where {final})",
		),
		(
			DEMONSTRATION_APPLICATION,
			demonstration
			and f"`tabWorkflow Action`.reference_name in (select name from `tab{DEMONSTRATION_APPLICATION}` where {demonstration})",
		),
	):
		if condition:
			conditions.append(
				f"(`tabWorkflow Action`.reference_doctype != {frappe.db.escape(doctype)} or {condition})"
			)
	return " and ".join(conditions)


def workflow_action_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.reference_doctype == APPLICATION:
		return application_visible(doc.reference_name, user)
	if doc.reference_doctype == ANNUAL_WORK_SUMMARY:
		return annual_summary_visible(doc.reference_name, user)
	if doc.reference_doctype == FINAL_SUMMARY:
		return final_summary_visible(doc.reference_name, user)
	if doc.reference_doctype == DEMONSTRATION_APPLICATION:
		return demonstration_visible(doc.reference_name, user)
	return True


def notification_log_has_permission(doc, ptype=None, user=None, **kwargs):
	"""Frappe lists a user's own notifications but opens any by name."""
	user = user or frappe.session.user
	return user == "Administrator" or doc.for_user == user or "System Manager" in frappe.get_roles(user)


def own_user_query(user):
	"""Who else uses the system (experts included) is not a programme user's to list."""
	user = user or frappe.session.user
	return f"`tabUser`.`name` = {frappe.db.escape(user)}" if is_restricted(user) else ""
