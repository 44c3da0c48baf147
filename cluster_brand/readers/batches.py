"""What the workspaces, the reports and the charts read of the pilot batches: the batch they show first (the
latest), the batch a report is filtered on, and the deadlines of the batches of a set of rows (their online
submission, provincial recommendation and expert review deadlines), in one query whatever the rows. Pilot
Batch is readable by every programme role."""

import frappe
from frappe.utils import getdate

from cluster_brand.doctype_names import PILOT_BATCH

# the batch's deadlines that an application's step may fall back on
BATCH_DATES = (
	"online_submission_deadline",
	"provincial_recommendation_deadline",
	"expert_review_deadline",
)
LATEST_FIRST = "batch_year desc, creation desc"


def batch_dates(rows) -> dict[str, dict]:
	"""The deadlines of the batches of ``rows`` (each with its pilot_batch), as dates, by batch."""
	names = sorted({row.get("pilot_batch") for row in rows if row.get("pilot_batch")})
	if not names:
		return {}
	batches = frappe.get_all(PILOT_BATCH, filters={"name": ("in", names)}, fields=["name", *BATCH_DATES])
	return {
		batch.name: {field: getdate(batch[field]) if batch[field] else None for field in BATCH_DATES}
		for batch in batches
	}


def latest_batch() -> str | None:
	"""The batch the workspaces show first: the status block of the ministry and the number cards."""
	names = frappe.get_list(PILOT_BATCH, order_by=LATEST_FIRST, limit=1, pluck="name")
	return names[0] if names else None


def batch_with_dates(pilot_batch: str | None = None) -> frappe._dict | None:
	"""The batch ``pilot_batch``, else the latest, with its deadlines (the ministry's status block)."""
	batches = frappe.get_list(
		PILOT_BATCH,
		filters={"name": pilot_batch} if pilot_batch else None,
		fields=["name", *BATCH_DATES],
		order_by=LATEST_FIRST,
		limit=1,
	)
	return batches[0] if batches else None


def report_batch(filters) -> frappe._dict | None:
	"""A report's batch: the one filtered on, else the latest (as the desk presets the filter)."""
	batches = frappe.get_list(
		PILOT_BATCH,
		filters={"name": filters.pilot_batch} if filters.get("pilot_batch") else None,
		fields=["name", "batch_year", "provincial_recommendation_deadline"],
		order_by=LATEST_FIRST,
		limit=1,
	)
	return batches[0] if batches else None
