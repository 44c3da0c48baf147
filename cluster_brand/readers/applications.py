"""The applications as the programme's reports, the workspaces' status and the 申报书汇编 read them: through
``frappe.get_list``, so through the reader's row-level permissions (cluster_brand/permissions/) and field
levels — those the reader may read, a batch's (申报汇总表, 各地推荐情况, 主要指标对比), the recommended ones
(专家评审排名, the paper copies, the 申报书汇编) — with what the reports need of their expert assignments read
for those applications only, in one query whatever their number."""

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application import workflow


def readable_applications(fields: list[str], filters=None, order_by: str | None = None) -> list[dict]:
	"""The applications the reader may read (those of ``filters``), with ``fields``."""
	return frappe.get_list(
		APPLICATION, filters=filters, fields=fields, order_by=order_by, limit_page_length=0
	)


def recommended_applications(
	pilot_batch: str | None,
	fields: list[str],
	authorities: list[str] | None = None,
	order_by: str | None = None,
) -> list[dict]:
	"""The recommended-or-later applications the reader may read (of ``pilot_batch`` if given, of
	``authorities`` if given), with ``fields``."""
	filters = {"workflow_state": ("in", workflow.RECOMMENDED_OR_LATER)}
	if pilot_batch:
		filters["pilot_batch"] = pilot_batch
	if authorities is not None:
		filters["recommending_authority"] = ("in", authorities)
	# frappe.get_list: the reader's row-level permissions apply here as everywhere else
	return frappe.get_list(
		APPLICATION, filters=filters, fields=fields, order_by=order_by, limit_page_length=0
	)


def batch_applications(batch, fields: list[str]) -> list[dict]:
	"""The applications of ``batch`` the reader may see (name, modified_at: its modified as text), with
	those of ``fields`` it may read."""
	if not batch:
		return []
	return frappe.get_list(
		APPLICATION,
		filters={"pilot_batch": batch.name},
		# the modified as the database writes it: the figures' cache compares it, no need to parse 2,000 dates
		fields=["name", "cast(modified as char) as modified_at", *fields],
		order_by="name asc",
		limit_page_length=0,
	)


def assignment_counts(applications: list[dict]) -> dict[str, tuple[int, int]]:
	"""By application: the experts assigned and the sheets they have submitted, in one query."""
	if not applications:
		return {}
	rows = frappe.db.sql(
		"""select parent, count(*), coalesce(sum(review_submitted), 0) from `tabExpert Assignment`
		where parenttype = %(parenttype)s and parentfield = 'expert_assignments' and parent in %(parents)s
		group by parent""",
		{"parenttype": APPLICATION, "parents": tuple(a.name for a in applications)},
	)
	return {parent: (int(assigned), int(submitted)) for parent, assigned, submitted in rows}
