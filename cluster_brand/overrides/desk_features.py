"""The desk's own features that call Frappe methods the allowlist (allowlist.py) refused, made to keep to the
row and field rules for the programme's roles (override_whitelisted_methods in hooks.py; issue 19):

- Print preview (/app/print/…) asks which print settings to offer for a document, loading the document with
  no permission check: for these users only for a document they may print.
- It reads the default Letter Head with ``frappe.client.get_value``, which reads any field of any DocType it
  may read: these users read only the fields whose level they may read, never a field that a state withholds
  (the list queries' rule, side_paths.check_query_fields), through frappe.get_list's row rules.
- The notification bell marks the notifications seen, for any user named in its arguments: for these users
  their own only.
"""

import frappe
from frappe import _
from frappe.client import get_value as frappe_get_value
from frappe.desk.doctype.notification_settings.notification_settings import (
	set_seen_value as frappe_set_seen_value,
)
from frappe.printing.page.print.print import (
	get_print_settings_to_show as frappe_get_print_settings_to_show,
)

from cluster_brand.overrides.side_paths import _IDENTIFIER, check_query_fields
from cluster_brand.permissions.allowlist import is_restricted


@frappe.whitelist()
def get_print_settings_to_show(doctype: str, docname: str):
	if is_restricted() and not frappe.has_permission(doctype, "print", docname):
		frappe.throw(_("You may not print this document."), frappe.PermissionError)
	return frappe_get_print_settings_to_show(doctype, docname)


@frappe.whitelist()
def get_value(doctype, fieldname, filters=None, as_dict=True, debug=False, parent=None):
	if is_restricted():
		debug = False  # the query's SQL is no one's business
		check_query_fields(doctype, fieldname, filters)
		check_field_levels(doctype, fieldname, filters, parent=parent)
	return frappe_get_value(doctype, fieldname, filters=filters, as_dict=as_dict, debug=debug, parent=parent)


def check_field_levels(doctype, *parts, parent=None):
	"""Refuses a field (named in the fields or the filters) whose permission level the user cannot read,
	in any DocType, Frappe's own too (Frappe 15's get_value checks the DocType, not the field)."""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		return  # Frappe answers for a DocType that does not exist
	meta = frappe.get_meta(doctype)
	readable = set(meta.get_permlevel_access("read", parenttype=parent) or []) | {0}
	named = set()
	for part in parts:
		if part not in (None, ""):
			named |= set(_IDENTIFIER.findall(part if isinstance(part, str) else frappe.as_json(part)))
	refused = [df for df in meta.fields if df.fieldname in named and (df.permlevel or 0) not in readable]
	if refused:
		labels = "、".join(_(df.label or df.fieldname) for df in refused)
		frappe.throw(_("You may not read {0} of {1}.").format(labels, _(doctype)), frappe.PermissionError)


@frappe.whitelist()
def set_seen_value(value, user):
	if is_restricted() and user != frappe.session.user:
		frappe.throw(_("Only your own notifications can be marked as seen."), frappe.PermissionError)
	return frappe_set_seen_value(value, user)
