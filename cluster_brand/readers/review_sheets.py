"""The experts' score sheets (Expert Review) as the workspaces' status reads them: an expert its own sheets,
the ministry a batch's, through the reader's permissions and in one query. The ranking's reading of the
submitted sheets is readers/ranking.py."""

import frappe

from cluster_brand.doctype_names import EXPERT_REVIEW


def review_sheets(
	fields: list[str], pilot_batch: str | None = None, order_by: str | None = None
) -> list[dict]:
	"""The sheets the reader may read (of ``pilot_batch`` if given), with ``fields``."""
	return frappe.get_list(
		EXPERT_REVIEW,
		filters={"pilot_batch": pilot_batch} if pilot_batch else None,
		fields=fields,
		order_by=order_by,
		limit_page_length=0,
	)
