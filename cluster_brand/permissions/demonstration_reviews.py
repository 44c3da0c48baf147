"""The demonstration applications' review sheets (示范申报评审表), isolated as the application's sheets
(applications.py expert_review_query): an expert reads and writes its own sheets only, while its assignment of
that stage stands; the ministry all; units, provinces and associations none. Their score rows follow them
(child_tables.py)."""

import frappe

from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION, DEMONSTRATION_REVIEW
from cluster_brand.permissions.scope import row_visible, sees_all, user_scope


def demonstration_review_conditions(
	user: str | None = None, table: str = f"`tab{DEMONSTRATION_REVIEW}`"
) -> str:
	"""The SQL condition of the sheets ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	if sees_all(user):
		return ""
	scope = user_scope(user)
	if "Review Expert" not in scope.roles or not scope.expert:
		return "1=0"
	expert = frappe.db.escape(scope.expert)
	# only while assigned: the assignment row of the sheet's stage is the permission
	return (
		f"({table}.expert = {expert} and exists (select 1 from `tabDemonstration Expert Assignment` assignment"
		f" where assignment.parent = {table}.demonstration_application"
		f" and assignment.parenttype = {frappe.db.escape(DEMONSTRATION_APPLICATION)}"
		f" and assignment.expert = {expert} and assignment.stage = {table}.stage))"
	)


def demonstration_review_query(user):
	return demonstration_review_conditions(user)


def demonstration_review_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if sees_all(user):
		return True
	if doc.is_new() or not doc.name or not frappe.db.exists(DEMONSTRATION_REVIEW, doc.name):
		return False  # the sheets are made from the ministry's assignments, never by an expert
	scope = user_scope(user)
	# the sheet as stored and as sent is the expert's own: a write that names another expert, application or
	# stage is refused (Frappe fetches the linked values before the read-only fields are put back)
	return (
		bool(scope.expert)
		and doc.expert == scope.expert
		and bool(
			frappe.db.exists(
				"Demonstration Expert Assignment",
				{
					"parent": doc.demonstration_application,
					"parenttype": DEMONSTRATION_APPLICATION,
					"expert": scope.expert,
					"stage": doc.stage,
				},
			)
		)
		and row_visible(DEMONSTRATION_REVIEW, doc.name, demonstration_review_conditions(user))
	)
