"""The pilot stage (the Brand Pilot's years: the Annual Work Summary), isolated as the applications are: a
unit sees its own pilots' summaries, a province its province's once the unit has submitted them (a draft is
the unit's own unfinished work, as an application's is), the ministry all. Their rows follow them
(child_tables.py), and so do the Workflow Actions that name them (frappe_records.py)."""

import frappe

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT, FINAL_SUMMARY
from cluster_brand.permissions.scope import any_of, row_visible, sees_all, sql_in, user_scope
from cluster_brand.rules.application.workflow import DRAFT


def annual_summary_conditions(user: str | None = None, table: str = f"`tab{ANNUAL_WORK_SUMMARY}`") -> str:
	"""The SQL condition of the summaries ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	if sees_all(user):
		return ""
	return any_of(pilot_report_conditions(user_scope(user), table))


def pilot_report_conditions(scope, table: str) -> list[str]:
	"""What a unit and a province see of a report of the pilot (a summary, the demonstration application):
	the unit its own, the province its province's once the unit has submitted it (each a condition to OR)."""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(sql_in(f"{table}.organizing_unit", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(
			f"({sql_in(f'{table}.recommending_authority', scope.authorities)}"
			f" and ifnull({table}.workflow_state, '') not in ('', {frappe.db.escape(DRAFT)}))"
		)
	return allowed


def annual_summary_query(user):
	return annual_summary_conditions(user)


def annual_summary_visible(name: str, user: str) -> bool:
	return row_visible(ANNUAL_WORK_SUMMARY, name, annual_summary_conditions(user))


def annual_summary_has_permission(doc, ptype=None, user=None, **kwargs):
	return pilot_report_has_permission(doc, user, annual_summary_visible)


def pilot_report_has_permission(doc, user, visible) -> bool:
	"""A report of the pilot (a year's summary, the final summary, the demonstration application): its unit
	starts it, then as ``visible``."""
	user = user or frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return True
	if doc.is_new() or not doc.name or not frappe.db.exists(doc.doctype, doc.name):
		# starting a summary: a unit, for its own pilot only
		unit = (
			frappe.db.get_value(BRAND_PILOT, doc.brand_pilot, "organizing_unit")
			if doc.get("brand_pilot")
			else doc.get("organizing_unit")
		)
		return "Cluster Applicant" in scope.roles and (not unit or unit in scope.units)
	return visible(doc.name, user)


# --- the pilot's final summary (issue 21): isolated as its annual summaries ----------------------------------
def final_summary_conditions(user: str | None = None, table: str = f"`tab{FINAL_SUMMARY}`") -> str:
	return annual_summary_conditions(user, table)


def final_summary_query(user):
	return final_summary_conditions(user)


def final_summary_visible(name: str, user: str) -> bool:
	return row_visible(FINAL_SUMMARY, name, final_summary_conditions(user))


def final_summary_has_permission(doc, ptype=None, user=None, **kwargs):
	return pilot_report_has_permission(doc, user, final_summary_visible)
