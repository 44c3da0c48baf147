"""The registers: organizing units, clusters and their enterprises, the experts, the provinces' settings."""

import frappe

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EVALUATION_ROUND
from cluster_brand.permissions.applications import application_conditions, brand_pilot_query
from cluster_brand.permissions.scope import any_of, row_visible, sees_all, sql_in, user_scope


def _unit_or_authority_condition(table: str, unit_column: str, user: str) -> str:
	scope = user_scope(user)
	if sees_all(user):
		return ""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(sql_in(f"{table}.{unit_column}", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(sql_in(f"{table}.recommending_authority", scope.authorities))
	return any_of(allowed)


def organizing_unit_query(user):
	return _unit_or_authority_condition("`tabOrganizing Unit`", "name", user or frappe.session.user)


def industrial_cluster_query(user):
	return _unit_or_authority_condition(
		"`tabIndustrial Cluster`", "organizing_unit", user or frappe.session.user
	)


def organizing_unit_has_permission(doc, ptype=None, user=None, **kwargs):
	if doc.is_new():
		return True  # registering units is the ministry's and the provinces' (DocType permissions)
	return row_visible("Organizing Unit", doc.name, organizing_unit_query(user))


def industrial_cluster_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.is_new():
		scope = user_scope(user)
		return sees_all(user) or "Cluster Applicant" not in scope.roles or doc.organizing_unit in scope.units
	return row_visible("Industrial Cluster", doc.name, industrial_cluster_query(user))


def recommendation_setting_query(user):
	"""A province sees and sets its own deadline only."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return ""
	return sql_in("`tabRecommendation Setting`.recommending_authority", scope.authorities)


def recommendation_setting_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = user_scope(user)
	return sees_all(user) or doc.recommending_authority in scope.authorities


def cluster_enterprise_query(user):
	"""An enterprise belongs to the units of its cluster and to the applications that name it: a unit sees
	and edits the enterprises of its own clusters; every other role sees those of the applications it may
	see; the ministry sees the whole register."""
	user = user or frappe.session.user
	if sees_all(user):
		return ""
	table = "`tabCluster Enterprise`"
	allowed = [
		f"{table}.industrial_cluster in (select name from `tabIndustrial Cluster` where "
		f"{industrial_cluster_query(user)})"
	]
	visible = application_conditions(user, table="app")
	for child, column in (
		("Application Top Enterprise", "enterprise"),
		("Application Backbone Enterprise", "enterprise"),
	):
		allowed.append(
			f"{table}.name in (select row.{column} from `tab{child}` row join `tab{APPLICATION}` app"
			f" on app.name = row.parent where {visible})"
		)
	return any_of(allowed)


def cluster_enterprise_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return True
	own_cluster = bool(doc.industrial_cluster) and row_visible(
		"Industrial Cluster", doc.industrial_cluster, industrial_cluster_query(user)
	)
	if ptype in ("write", "create", "delete", "submit", "cancel", "amend"):
		if doc.is_new() and not doc.industrial_cluster and "Cluster Applicant" in scope.roles:
			return True  # the mandatory 产业集群 is refused by name, not as a permission (issue 19)
		# only a unit, for the enterprises of its own clusters
		return "Cluster Applicant" in scope.roles and own_cluster
	if doc.is_new():
		return True
	return row_visible("Cluster Enterprise", doc.name, cluster_enterprise_query(user))


def review_expert_query(user):
	"""The register of experts is the ministry's; an expert sees its own record only."""
	user = user or frappe.session.user
	if sees_all(user):
		return ""
	return f"`tabReview Expert`.user = {frappe.db.escape(user)}"


def review_expert_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	return sees_all(user) or doc.user == user


# the roles that read every evaluation round, as they read every Pilot Batch: a round is the ministry's
# published notice (its deadlines, rubrics and quotas)
READS_EVERY_ROUND = frozenset({"Provincial Reviewer", "Industry Association", "Review Expert"})


def evaluation_round_query(user):
	"""The ministry's evaluation rounds: a unit reads the rounds of its own pilots' batches (their deadlines
	are its own); the provinces, associations and experts read every round."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user) or scope.roles & READS_EVERY_ROUND:
		return ""
	if "Cluster Applicant" not in scope.roles:
		return "1=0"
	return (
		f"`tab{EVALUATION_ROUND}`.pilot_batch in (select `tab{BRAND_PILOT}`.pilot_batch from `tab{BRAND_PILOT}`"
		f" where {brand_pilot_query(user) or '1=1'})"
	)


def evaluation_round_has_permission(doc, ptype=None, user=None, **kwargs):
	if doc.is_new():
		return True  # creating a round is the ministry's (DocType permissions)
	return row_visible(EVALUATION_ROUND, doc.name, evaluation_round_query(user))
