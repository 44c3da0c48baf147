"""What the pilot's form reads of its batch's evaluation round (总结评价): the round and its final summary
deadline, through the reader's own permissions (a unit reads the rounds of its own pilots' batches)."""

import frappe

from cluster_brand.doctype_names import EVALUATION_ROUND
from cluster_brand.rules.pilot_end.evaluation_round import DEADLINES, IN_PROGRESS


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
