"""Frappe's list sidebar counts (frappe.desk.listview.get_group_by_count) for the programme's roles
(override_whitelisted_methods in hooks.py): the group-by field is checked as any list query's
(permissions/query_fields.py), and the count of ``assigned_to``, which Frappe makes over every document's
assignments, naming every assignee, is the user's own."""

import frappe
from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count

from cluster_brand.permissions.query_fields import check_query_fields
from cluster_brand.permissions.scope import is_restricted


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	if field != "assigned_to" or not is_restricted():
		check_query_fields(doctype, [field], current_filters)
		return frappe_get_group_by_count(doctype, current_filters, field)
	user = frappe.session.user
	names = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name")
	count = frappe.db.count(
		"ToDo",
		{
			"allocated_to": user,
			"reference_type": doctype,
			"reference_name": ("in", names or [""]),
			"status": ("!=", "Cancelled"),
		},
	)
	return [{"name": user, "count": count}] if count else []
