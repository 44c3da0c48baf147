"""The applications and what hangs on one: the experts' sheets and the pilot it became."""

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.scope import any_of, sees_all, sql_in, sql_not_in, user_scope
from cluster_brand.rules.application import workflow as rules


def application_conditions(user: str | None = None, table: str = f"`tab{APPLICATION}`") -> str:
	"""The SQL condition of the applications ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return ""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(sql_in(f"{table}.organizing_unit", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(
			f"({sql_in(f'{table}.recommending_authority', scope.authorities)} and {sql_not_in(f'{table}.workflow_state', rules.PRIVATE_STATES)})"
		)
	if "Industry Association" in scope.roles:
		allowed.append(
			f"({sql_in(f'{table}.industry_sector', scope.sectors)} and {sql_not_in(f'{table}.workflow_state', rules.PRIVATE_STATES)})"
		)
	if "Materials Receiver" in scope.roles:
		allowed.append(sql_in(f"{table}.workflow_state", rules.RECOMMENDED_OR_LATER))
	if "Review Expert" in scope.roles and scope.expert:
		# only while assigned: the assignment row is the permission
		allowed.append(
			f"{table}.name in (select parent from `tabExpert Assignment` where parenttype = {frappe.db.escape(APPLICATION)}"
			f" and expert = {frappe.db.escape(scope.expert)})"
		)
	return any_of(allowed)


def application_visible(name: str, user: str) -> bool:
	condition = application_conditions(user)
	if not condition:
		return True
	return bool(frappe.db.sql(f"select 1 from `tab{APPLICATION}` where name = %s and {condition}", name))


def linked_to_application(column: str, user: str) -> str:
	"""The condition of the rows whose ``column`` names an application ``user`` may see."""
	condition = application_conditions(user)
	if not condition:
		return ""
	return f"{column} in (select name from `tab{APPLICATION}` where {condition})"


def application_query(user):
	return application_conditions(user)


def application_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.is_new() or not doc.name or not frappe.db.exists(APPLICATION, doc.name):
		# creating: an applicant only for its own unit
		scope = user_scope(user)
		return sees_all(user) or not doc.get("organizing_unit") or doc.organizing_unit in scope.units
	return application_visible(doc.name, user)


def expert_review_query(user):
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return ""
	if "Review Expert" in scope.roles and scope.expert:
		return f"`tabExpert Review`.expert = {frappe.db.escape(scope.expert)} and " + linked_to_application(
			"`tabExpert Review`.application", user
		)
	return "1=0"


def expert_review_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return True
	return bool(scope.expert) and doc.expert == scope.expert and application_visible(doc.application, user)


def brand_pilot_query(user):
	return linked_to_application("`tabBrand Pilot`.application", user or frappe.session.user)


def brand_pilot_has_permission(doc, ptype=None, user=None, **kwargs):
	return application_visible(doc.application, user or frappe.session.user)
