# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""专家评审排名: the recommended applications of a batch with their experts assigned and sheets submitted, ranked
by the mean of the submitted sheets' total scores (cluster_brand.rules.review.ranking.review_progress)."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.doctype.expert_review.expert_review import assignments_and_submitted_sheets
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.readers import programme_reports as reads
from cluster_brand.rules.application import workflow
from cluster_brand.rules.review import ranking


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = {"workflow_state": ("in", workflow.RECOMMENDED_OR_LATER)}
	if filters.pilot_batch:
		conditions["pilot_batch"] = filters.pilot_batch
	# frappe.get_list: the reader's row-level permissions apply here as everywhere else
	applications = frappe.get_list(
		APPLICATION,
		filters=conditions,
		fields=["name", "industrial_cluster", "recommending_authority"],
		limit_page_length=0,
	)
	assignments, sheets = assignments_and_submitted_sheets(
		[a.name for a in applications], filters.pilot_batch
	)
	return columns(), ranking.review_progress(applications, assignments, sheets)


def columns():
	column = reads.column
	return [
		column("rank", _("Rank"), "Int", 50),
		column("application", _("Cluster Brand Application"), "Link", 150, options=APPLICATION),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 220, options="Industrial Cluster"),
		column(
			"recommending_authority",
			_("Recommending Authority"),
			"Link",
			200,
			options="Recommending Authority",
		),
		column("experts_assigned", _("Experts Assigned"), "Int", 60),
		column("sheets_submitted", _("Sheets Submitted"), "Int", 60),
		column("mean", _("Mean Score"), "Float", 70, precision=2),
		column("spread", _("Score Spread (Highest − Lowest)"), "Float", 70, precision=2),
		column("stdev", _("Standard Deviation"), "Float", 70, precision=2),
	]
