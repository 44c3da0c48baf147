# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""专家评审排名: the recommended applications of a batch with their experts assigned and sheets submitted, ranked
by the mean of the submitted sheets' total scores (cluster_brand.rules.ranking.review_progress)."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.doctype.expert_review.expert_review import assignments_and_submitted_sheets
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules import ranking, workflow


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
	return [
		{"fieldname": "rank", "label": _("Rank"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "application",
			"label": _("Cluster Brand Application"),
			"fieldtype": "Link",
			"options": APPLICATION,
			"width": 150,
		},
		{
			"fieldname": "industrial_cluster",
			"label": _("Industrial Cluster"),
			"fieldtype": "Link",
			"options": "Industrial Cluster",
			"width": 220,
		},
		{
			"fieldname": "recommending_authority",
			"label": _("Recommending Authority"),
			"fieldtype": "Link",
			"options": "Recommending Authority",
			"width": 200,
		},
		{"fieldname": "experts_assigned", "label": _("Experts Assigned"), "fieldtype": "Int", "width": 100},
		{"fieldname": "sheets_submitted", "label": _("Sheets Submitted"), "fieldtype": "Int", "width": 110},
		{"fieldname": "mean", "label": _("Mean Score"), "fieldtype": "Float", "precision": 2, "width": 100},
		{
			"fieldname": "spread",
			"label": _("Score Spread (Highest − Lowest)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 150,
		},
		{
			"fieldname": "stdev",
			"label": _("Standard Deviation"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
	]
