# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""逾期未报年度工作总结: each pilot and reporting year whose Annual Work Summary is past its due date and has
not reached the province (not started, in draft or returned), for the provinces (their own pilots) and the
ministry (all): the pilots read with the reader's permissions (cluster_brand.readers.pilot_years) → the overdue
years (cluster_brand.rules.views.overdue_summaries) → laid out."""

from frappe import _
from frappe.utils import getdate, today

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.readers.pilot_years import readable_pilots, with_dates
from cluster_brand.rules.views.overdue_summaries import overdue_rows


def execute(filters=None):
	filters = filters or {}
	rows = overdue_summaries(filters.get("as_of"))
	# the state as the desk names it, here rather than in the page's formatter: the Excel export holds the
	# report's cells as they are (cluster_brand/api/report_export.py), as pilot_progress does
	for row in rows:
		row["workflow_state"] = _(row["workflow_state"]) if row.get("workflow_state") else _("Not Started")
	return columns(), rows


def overdue_summaries(as_of: str | None = None) -> list[dict]:
	"""The overdue summaries of the pilots the session user may read, as of ``as_of`` (today by default)."""
	return overdue_rows([with_dates(pilot) for pilot in readable_pilots()], getdate(as_of or today()))


def columns():
	column = layout.column
	return [
		column("brand_pilot", _("Brand Pilot"), "Link", 120, options=BRAND_PILOT),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 200, options="Industrial Cluster"),
		column(
			"recommending_authority",
			_("Recommending Authority"),
			"Link",
			200,
			options="Recommending Authority",
		),
		column("reporting_year", _("Reporting Year"), "Int", 60),
		column("due_date", _("Due Date"), "Date", 110),
		column("days_overdue", _("Days Overdue"), "Int", 60),
		column("annual_work_summary", _("Annual Work Summary"), "Link", 168, options=ANNUAL_WORK_SUMMARY),
		column("workflow_state", _("Status"), "Data", 115),
	]
