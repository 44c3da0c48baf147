"""What the 试点进展 report and the workspaces' chart of the pilots' end read (issue 21): each pilot's final
summary and demonstration application, and the pilots' statuses, as the session user may read them (a province
its province's pilots, a unit its own), set-wise: one query per DocType whatever the number of pilots. How the
pilot ended is the rules' (rules/views/pilot_end.py)."""

import frappe

from cluster_brand.doctype_names import BRAND_PILOT, DEMONSTRATION_APPLICATION, FINAL_SUMMARY
from cluster_brand.permissions.query_fields import check_query_fields


def pilot_ends(pilot_names: list[str]) -> dict[str, dict]:
	"""By pilot of ``pilot_names``: its final summary and its (latest) demonstration application with their
	states, those the user may read (a unit's draft final summary is the unit's: elsewhere it reads as none)."""
	names = list(pilot_names) or [""]
	ends = {name: {} for name in pilot_names}
	for summary in frappe.get_list(
		FINAL_SUMMARY,
		filters={"brand_pilot": ("in", names)},
		fields=["name", "brand_pilot", "workflow_state"],
		limit_page_length=0,
	):
		ends[summary.brand_pilot].update(
			final_summary=summary.name, final_summary_state=summary.workflow_state
		)
	for application in frappe.get_list(
		DEMONSTRATION_APPLICATION,
		filters={"brand_pilot": ("in", names)},
		fields=["name", "brand_pilot", "workflow_state"],
		order_by="creation asc",
		limit_page_length=0,
	):
		ends[application.brand_pilot].update(
			demonstration_application=application.name, application_state=application.workflow_state
		)
	return ends


def pilot_statuses_and_applications(filters=None) -> tuple[list[str], list[str]]:
	"""The statuses of the pilots the user reads (``filters``: the chart's, on the Brand Pilot, checked as any
	list query's) and the states of their demonstration applications."""
	filters = frappe.parse_json(filters) or []
	check_query_fields(BRAND_PILOT, filters)
	pilots = frappe.get_list(BRAND_PILOT, filters=filters, fields=["name", "status"], limit_page_length=0)
	states = frappe.get_list(
		DEMONSTRATION_APPLICATION,
		filters={"brand_pilot": ("in", [p.name for p in pilots] or [""])},
		pluck="workflow_state",
		limit_page_length=0,
	)
	return [p.status for p in pilots], states
