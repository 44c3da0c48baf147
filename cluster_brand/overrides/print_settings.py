"""Frappe's print preview (/app/print/…) asks which print settings to offer for a document
(frappe.printing.page.print.print.get_print_settings_to_show), loading the document with no permission
check: for the programme's roles only for a document they may print (override_whitelisted_methods in
hooks.py; issue 19)."""

import frappe
from frappe import _
from frappe.printing.page.print.print import (
	get_print_settings_to_show as frappe_get_print_settings_to_show,
)

from cluster_brand.permissions.scope import is_restricted


@frappe.whitelist()
def get_print_settings_to_show(doctype: str, docname: str):
	if is_restricted() and not frappe.has_permission(doctype, "print", docname):
		frappe.throw(_("You may not print this document."), frappe.PermissionError)
	return frappe_get_print_settings_to_show(doctype, docname)
