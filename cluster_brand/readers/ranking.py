"""What the expert review ranking (专家评审排名) and the 申报书汇编's order read of a batch's recommended
applications (readers/applications.py): their expert assignments and their submitted score sheets, through the
reader's permissions and set-wise (one query each, whatever the number of applications). What they compute of them is
cluster_brand/rules/review/ranking.py (review_progress) and batch_order.py (print_order)."""

import frappe

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW


def assignments_and_submitted_sheets(
	applications: list[str], pilot_batch: str | None = None
) -> tuple[list, list]:
	"""The expert assignments of ``applications`` (read through the permissions; of ``pilot_batch`` if
	given) and their submitted sheets, as the ranking reads them (rules.ranking.review_progress): the
	ranking report and the batch PDF's order. Of a batch, read by the batch and kept for ``applications``:
	a thousand names in a query's IN list cost more than the rows of the batch's other applications."""
	readable = set(applications)
	if pilot_batch:
		assignments = frappe.db.sql(
			"""select assignment.parent, assignment.expert
			from `tabExpert Assignment` assignment
			join `tabCluster Brand Application` application on application.name = assignment.parent
			where assignment.parenttype = %(parenttype)s and assignment.parentfield = 'expert_assignments'
				and application.pilot_batch = %(pilot_batch)s""",
			{"parenttype": APPLICATION, "pilot_batch": pilot_batch},
			as_dict=True,
		)
		of_sheets = {"pilot_batch": pilot_batch}
	else:
		assignments = frappe.get_all(
			"Expert Assignment",
			filters={
				"parenttype": APPLICATION,
				"parentfield": "expert_assignments",
				"parent": ("in", applications or [""]),
			},
			fields=["parent", "expert"],
		)
		of_sheets = {"application": ("in", applications or [""])}
	sheets = frappe.get_list(
		EXPERT_REVIEW,
		filters={"docstatus": 1, **of_sheets},
		fields=["application", "expert", "total_score"],
		limit_page_length=0,
	)
	return (
		[row for row in assignments if row.parent in readable],
		[sheet for sheet in sheets if sheet.application in readable],
	)
