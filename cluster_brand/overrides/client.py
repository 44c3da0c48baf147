"""Frappe's frappe.client methods that the desk calls for the programme's roles, made to keep to the row and
field rules (override_whitelisted_methods in hooks.py):

- ``validate_link`` (a Link field's check as it is typed) tells whether any document exists: for these users
  it answers only for documents they may read.
- ``get_value`` (the print preview reads the default Letter Head with it) reads any field of any DocType it
  may read: these users read only the fields whose level they may read, never a field that a state withholds
  (the list queries' rule, permissions/query_fields.py), through frappe.get_list's row rules.
"""

import frappe
from frappe.client import get_value as frappe_get_value
from frappe.client import validate_link as frappe_validate_link

from cluster_brand.permissions.query_fields import check_field_levels, check_query_fields
from cluster_brand.permissions.scope import is_restricted


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	if (
		is_restricted()
		and isinstance(doctype, str)
		and isinstance(docname, str)
		and frappe.db.exists(doctype, docname)
		and not frappe.has_permission(doctype, "read", docname)
		and not frappe.has_permission(doctype, "select", docname)
	):
		return frappe._dict()  # as if it did not exist
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_value(doctype, fieldname, filters=None, as_dict=True, debug=False, parent=None):
	if is_restricted():
		debug = False  # the query's SQL is no one's business
		check_query_fields(doctype, fieldname, filters)
		check_field_levels(doctype, fieldname, filters, parent=parent)
	return frappe_get_value(doctype, fieldname, filters=filters, as_dict=as_dict, debug=debug, parent=parent)
