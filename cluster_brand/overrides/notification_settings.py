"""The notification bell marks the notifications seen (Notification Settings' set_seen_value) for any user
named in its arguments: for the programme's roles their own only (override_whitelisted_methods in hooks.py;
issue 19)."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_settings.notification_settings import (
	set_seen_value as frappe_set_seen_value,
)

from cluster_brand.permissions.scope import is_restricted


@frappe.whitelist()
def set_seen_value(value, user):
	if is_restricted() and user != frappe.session.user:
		frappe.throw(_("Only your own notifications can be marked as seen."), frappe.PermissionError)
	return frappe_set_seen_value(value, user)
