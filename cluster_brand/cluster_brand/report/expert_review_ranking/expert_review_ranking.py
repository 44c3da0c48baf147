# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""专家评审排名: applications of a batch by the mean of their submitted expert scores, with spread and count."""

import frappe
from frappe import _

from cluster_brand.rules.review import rank_applications


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = {"docstatus": 1}
	if filters.pilot_batch:
		conditions["pilot_batch"] = filters.pilot_batch
	# frappe.get_list: the reader's row-level permissions apply here as everywhere else
	sheets = frappe.get_list(
		"Expert Review", filters=conditions, fields=["application", "total_score"], limit_page_length=0
	)
	scores = {}
	for sheet in sheets:
		scores.setdefault(sheet.application, []).append(sheet.total_score)
	clusters = dict(
		frappe.get_list(
			"Cluster Brand Application",
			filters={"name": ("in", list(scores) or [""])},
			fields=["name", "industrial_cluster"],
			as_list=True,
			limit_page_length=0,
		)
	)
	data = [
		{
			"rank": row.rank,
			"application": row.application,
			"industrial_cluster": clusters.get(row.application),
			"mean": row.mean,
			"spread": row.spread,
			"stdev": row.stdev,
			"count": row.count,
		}
		for row in rank_applications(scores)
		if row.application in clusters
	]
	return columns(), data


def columns():
	return [
		{"fieldname": "rank", "label": _("Rank"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "application",
			"label": _("Cluster Brand Application"),
			"fieldtype": "Link",
			"options": "Cluster Brand Application",
			"width": 160,
		},
		{
			"fieldname": "industrial_cluster",
			"label": _("Industrial Cluster"),
			"fieldtype": "Link",
			"options": "Industrial Cluster",
			"width": 240,
		},
		{"fieldname": "mean", "label": _("Mean Score"), "fieldtype": "Float", "precision": 2, "width": 110},
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
		{"fieldname": "count", "label": _("Submitted Reviews"), "fieldtype": "Int", "width": 110},
	]
