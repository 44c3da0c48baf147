"""Frappe's own records that name the programme's: Workflow Actions, notifications, the user list."""

import frappe

from cluster_brand.allowlist import is_restricted
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.applications import application_visible, linked_to_application


def workflow_action_query(user):
	"""Frappe's Workflow Action records name the application; show them only to who may see it."""
	condition = linked_to_application("`tabWorkflow Action`.reference_name", user or frappe.session.user)
	if not condition:
		return ""
	return f"(`tabWorkflow Action`.reference_doctype != {frappe.db.escape(APPLICATION)} or {condition})"


def workflow_action_has_permission(doc, ptype=None, user=None, **kwargs):
	if doc.reference_doctype != APPLICATION:
		return True
	return application_visible(doc.reference_name, user or frappe.session.user)


def notification_log_has_permission(doc, ptype=None, user=None, **kwargs):
	"""Frappe lists a user's own notifications but opens any by name."""
	user = user or frappe.session.user
	return user == "Administrator" or doc.for_user == user or "System Manager" in frappe.get_roles(user)


def own_user_query(user):
	"""Who else uses the system (experts included) is not a programme user's to list."""
	user = user or frappe.session.user
	return f"`tabUser`.`name` = {frappe.db.escape(user)}" if is_restricted(user) else ""
