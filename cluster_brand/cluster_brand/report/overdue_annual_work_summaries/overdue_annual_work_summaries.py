# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""逾期未报年度工作总结: each pilot and reporting year whose Annual Work Summary is past its due date and has
not reached the province (not started, in draft or returned), for the provinces (their own pilots) and the
ministry (all): cluster_brand.pilot_years.overdue_summaries, with the reader's permissions."""

from frappe import _

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.pilot_years import overdue_summaries


def execute(filters=None):
	filters = filters or {}
	return columns(), overdue_summaries(filters.get("as_of"))


def columns():
	return [
		{
			"fieldname": "brand_pilot",
			"label": _("Brand Pilot"),
			"fieldtype": "Link",
			"options": BRAND_PILOT,
			"width": 130,
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
		{"fieldname": "reporting_year", "label": _("Reporting Year"), "fieldtype": "Int", "width": 90},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_overdue", "label": _("Days Overdue"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "annual_work_summary",
			"label": _("Annual Work Summary"),
			"fieldtype": "Link",
			"options": ANNUAL_WORK_SUMMARY,
			"width": 160,
		},
		{"fieldname": "workflow_state", "label": _("Status"), "fieldtype": "Data", "width": 110},
	]
