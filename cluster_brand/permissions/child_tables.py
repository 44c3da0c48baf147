"""Child rows, listed with their parent's row rules.

Frappe lists a child table (frappe.client.get_list with parent=…, /api/resource/<child>, number cards)
with its parent's DocType permission but without the parent's row rules: each row is listed exactly
when its parent document is visible. (A single row is checked on its parent document by Frappe.)
"""

import frappe

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	CHILD_TABLE_PARENTS,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.permissions.applications import (
	application_conditions,
	brand_pilot_query,
	expert_review_query,
)
from cluster_brand.permissions.demonstration import ASSIGNMENTS, demonstration_conditions
from cluster_brand.permissions.demonstration_reviews import demonstration_review_conditions
from cluster_brand.permissions.pilot_stage import annual_summary_conditions, final_summary_conditions
from cluster_brand.permissions.registers import evaluation_round_query
from cluster_brand.permissions.scope import sees_all, user_scope

# each parent: the condition of its rows the user may see ("" for all)
PARENT_CONDITIONS = {
	APPLICATION: application_conditions,
	"Expert Review": expert_review_query,
	BRAND_PILOT: brand_pilot_query,
	ANNUAL_WORK_SUMMARY: annual_summary_conditions,
	EVALUATION_ROUND: evaluation_round_query,
	FINAL_SUMMARY: final_summary_conditions,
	DEMONSTRATION_APPLICATION: demonstration_conditions,
	DEMONSTRATION_REVIEW: demonstration_review_conditions,
}

# Who an application's experts are is the ministry's to know (an expert knows only its own assignment).
CONFIDENTIAL_CHILD_TABLES = {"Expert Assignment"}
# A demonstration application's experts: not even the expert lists them (permissions/demonstration.py)
MINISTRY_ONLY_CHILD_TABLES = {ASSIGNMENTS}


def child_table_query(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of every child table (Frappe passes the DocType)."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return ""
	table = f"`tab{doctype}`"
	if doctype in MINISTRY_ONLY_CHILD_TABLES:
		return "1=0"
	if doctype in CONFIDENTIAL_CHILD_TABLES:
		return f"{table}.expert = {frappe.db.escape(scope.expert)}" if scope.expert else "1=0"
	parent = CHILD_TABLE_PARENTS[doctype]
	condition = PARENT_CONDITIONS[parent](user)
	return (
		f"({table}.parenttype = {frappe.db.escape(parent)} and {table}.parent in "
		f"(select name from `tab{parent}` where {condition or '1=1'}))"
	)
