"""Frappe's link search (frappe.desk.search.search_link), the search behind every Link field, for the programme's
roles (override_whitelisted_methods in hooks.py): its ``ignore_user_permissions`` flag would skip every row
rule, so it is dropped for them, and its ``query`` argument would call any whitelisted method past the
allowlist, so it is refused to them."""

import frappe
from frappe import _
from frappe.desk.search import search_link as frappe_search_link

from cluster_brand.permissions.scope import is_restricted


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	if is_restricted():
		# the flag skips every row rule; a named query would call any whitelisted method past the allowlist
		if query:
			frappe.throw(
				_("This search is not available to the users of the programme."), frappe.PermissionError
			)
		ignore_user_permissions = False
	return frappe_search_link(
		doctype,
		txt,
		query=query,
		filters=filters,
		page_length=page_length,
		searchfield=searchfield,
		reference_doctype=reference_doctype,
		ignore_user_permissions=ignore_user_permissions,
	)
