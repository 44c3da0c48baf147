"""Row-level isolation of the pilot stage (Brand Pilot's years: the Annual Work Summary), as for the
applications: a unit sees its own pilots' summaries, a province its province's once the unit has submitted
them (a draft is the unit's own unfinished work), the ministry all."""

import frappe

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.permissions import _in, _row_visible, _scope, _sees_all
from cluster_brand.rules.workflow import DRAFT

SUMMARY_TABLE = f"`tab{ANNUAL_WORK_SUMMARY}`"


def annual_summary_conditions(user: str | None = None, table: str = SUMMARY_TABLE) -> str:
	"""The SQL condition of the summaries ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(_in(f"{table}.organizing_unit", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(
			f"({_in(f'{table}.recommending_authority', scope.authorities)}"
			f" and ifnull({table}.workflow_state, '') not in ('', {frappe.db.escape(DRAFT)}))"
		)
	return "(" + " or ".join(allowed) + ")" if allowed else "1=0"


def annual_summary_query(user):
	return annual_summary_conditions(user)


def annual_summary_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return True
	if doc.is_new() or not doc.name or not frappe.db.exists(ANNUAL_WORK_SUMMARY, doc.name):
		# starting a summary: a unit, for its own pilot only
		unit = (
			frappe.db.get_value(BRAND_PILOT, doc.brand_pilot, "organizing_unit")
			if doc.get("brand_pilot")
			else doc.get("organizing_unit")
		)
		return "Cluster Applicant" in scope.roles and (not unit or unit in scope.units)
	return _row_visible(ANNUAL_WORK_SUMMARY, doc.name, annual_summary_conditions(user))
