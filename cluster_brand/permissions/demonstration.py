"""The demonstration applications (示范区申报书, issue 21), isolated as the pilot's reports are
(pilot_stage.py): a unit sees its own, a province its province's once the unit has submitted them, the
ministry all; a Review Expert only the applications whose expert assignments name them (the assignment row
is the permission, as for the 申报书's experts: applications.py), and never the assignments themselves
(level 3, the ministry's); every other role nothing. Their rows follow them (child_tables.py); the review
sheets are demonstration_reviews.py's."""

import frappe

from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION
from cluster_brand.permissions.pilot_stage import pilot_report_conditions, pilot_report_has_permission
from cluster_brand.permissions.scope import any_of, row_visible, sees_all, user_scope

ASSIGNMENTS = "Demonstration Expert Assignment"


def demonstration_conditions(
	user: str | None = None, table: str = f"`tab{DEMONSTRATION_APPLICATION}`"
) -> str:
	"""The SQL condition of the demonstration applications ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return ""
	allowed = pilot_report_conditions(scope, table)
	if "Review Expert" in scope.roles and scope.expert:
		allowed.append(
			f"{table}.name in (select parent from `tab{ASSIGNMENTS}`"
			f" where parenttype = {frappe.db.escape(DEMONSTRATION_APPLICATION)}"
			f" and expert = {frappe.db.escape(scope.expert)})"
		)
	return any_of(allowed)


def demonstration_query(user):
	return demonstration_conditions(user)


def demonstration_visible(name: str, user: str) -> bool:
	return row_visible(DEMONSTRATION_APPLICATION, name, demonstration_conditions(user))


def demonstration_has_permission(doc, ptype=None, user=None, **kwargs):
	"""Its unit starts it, for its own pilot only; then as ``demonstration_conditions``."""
	return pilot_report_has_permission(doc, user, demonstration_visible)
