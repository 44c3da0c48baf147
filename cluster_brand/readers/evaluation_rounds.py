"""What the pilot's form reads of its batch's evaluation round (总结评价): the round and its final summary
deadline, through the reader's own permissions (a unit reads the rounds of its own pilots' batches); and what
the daily reminders of the round's deadlines read, whole (notifications/deadlines.py)."""

import frappe
from frappe.utils import getdate

from cluster_brand.doctype_names import (
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.rules.pilot_end.evaluation_round import DEADLINES, IN_PROGRESS
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED
from cluster_brand.rules.pilot_end.reminders import IN_PILOT


def batch_round(pilot_batch: str | None) -> dict | None:
	"""The evaluation round of ``pilot_batch`` with its status and final summary deadline, None without one."""
	if not pilot_batch:
		return None
	rounds = frappe.get_list(
		EVALUATION_ROUND,
		filters={"pilot_batch": pilot_batch},
		fields=["name", "status", "final_summary_deadline"],
		limit_page_length=1,
	)
	return rounds[0] if rounds else None


def open_rounds() -> list[dict]:
	"""The open evaluation rounds the user reads, with their deadlines (the ministry's status block)."""
	return frappe.get_list(
		EVALUATION_ROUND,
		filters={"status": IN_PROGRESS},
		fields=["name", "title", *(field for field, _label in DEADLINES)],
		order_by="creation desc",
		limit_page_length=0,
	)


def batch_rounds(pilot_batches: list[str]) -> dict[str, dict]:
	"""batch_round of each of ``pilot_batches`` the user reads, by batch, in one query."""
	return {
		r.pilot_batch: r
		for r in frappe.get_list(
			EVALUATION_ROUND,
			filters={"pilot_batch": ("in", sorted(set(pilot_batches)) or [""])},
			fields=["name", "pilot_batch", "status", "final_summary_deadline"],
			limit_page_length=0,
		)
	}


# --- the pilot's end reminders (notifications/deadlines.py): read whole, as the daily job reads -------------
def rounds_in_progress() -> list[dict]:
	"""Every round in progress, with its deadlines."""
	return frappe.get_all(
		EVALUATION_ROUND,
		filters={"status": IN_PROGRESS},
		fields=["name", "pilot_batch", "status", *(field for field, _label in DEADLINES)],
	)


def pilots_to_remind() -> list[dict]:
	"""The pilots in pilot or completed, with their status, period, unit and province, their final summary
	(final_summary, final_summary_state) and their demonstration application's state (application_state), in
	one query each."""
	pilots = frappe.get_all(
		BRAND_PILOT,
		filters={"status": ("in", [IN_PILOT, PILOT_COMPLETED])},
		fields=[
			"name",
			"status",
			"pilot_batch",
			"planned_end_date",
			"industrial_cluster",
			"organizing_unit",
			"recommending_authority",
		],
	)
	names = [p.name for p in pilots] or [""]
	summaries = {
		s.brand_pilot: s
		for s in frappe.get_all(
			FINAL_SUMMARY, {"brand_pilot": ("in", names)}, ["name", "brand_pilot", "workflow_state"]
		)
	}
	applications = dict(
		frappe.get_all(
			DEMONSTRATION_APPLICATION,
			{"brand_pilot": ("in", names)},
			["brand_pilot", "workflow_state"],
			order_by="creation asc",
			as_list=True,
		)
	)
	for pilot in pilots:
		summary = summaries.get(pilot.name) or {}
		pilot.planned_end_date = getdate(pilot.planned_end_date) if pilot.planned_end_date else None
		pilot.final_summary = summary.get("name")
		pilot.final_summary_state = summary.get("workflow_state")
		pilot.application_state = applications.get(pilot.name)
	return pilots


def round_applications(rounds: list[str]) -> list[dict]:
	"""The demonstration applications of ``rounds`` with their state and province."""
	return frappe.get_all(
		DEMONSTRATION_APPLICATION,
		filters={"evaluation_round": ("in", rounds or [""])},
		fields=["name", "evaluation_round", "workflow_state", "recommending_authority"],
	)
