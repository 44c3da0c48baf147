"""What the desk's status blocks and the workspaces' charts read of the applications' batches: their
deadlines, read set-wise for all the rows at once (Pilot Batch is readable by every programme role)."""

import frappe
from frappe.utils import getdate

# the batch's deadlines that an application's step may fall back on
BATCH_DATES = (
	"online_submission_deadline",
	"provincial_recommendation_deadline",
	"expert_review_deadline",
)


def batch_dates(rows) -> dict[str, dict]:
	"""The deadlines of the batches of ``rows`` (each with its ``pilot_batch``), as dates, by batch."""
	names = sorted({row.get("pilot_batch") for row in rows if row.get("pilot_batch")})
	if not names:
		return {}
	batches = frappe.get_all("Pilot Batch", filters={"name": ("in", names)}, fields=["name", *BATCH_DATES])
	return {
		batch.name: {field: getdate(batch[field]) if batch[field] else None for field in BATCH_DATES}
		for batch in batches
	}
