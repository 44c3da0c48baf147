"""Who reads the registrations of organizing units (issue 22): the ministry all, a province those of its own
province (which it verifies); nobody else in the desk (an account reads its own on /registration-status)."""

import frappe

from cluster_brand.doctype_names import UNIT_REGISTRATION
from cluster_brand.permissions.scope import row_visible, sees_all, sql_in, user_scope


def registration_query(user):
	user = user or frappe.session.user
	if sees_all(user):
		return ""
	scope = user_scope(user)
	if "Provincial Reviewer" not in scope.roles:
		return "1=0"
	return sql_in(f"`tab{UNIT_REGISTRATION}`.recommending_authority", scope.authorities)


def registration_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.is_new():
		# registered through the public page only (api/registration.py), by no desk user but an administrator
		return sees_all(user)
	return row_visible(UNIT_REGISTRATION, doc.name, registration_query(user))
