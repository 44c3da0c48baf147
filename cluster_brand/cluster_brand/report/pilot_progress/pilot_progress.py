# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""试点进展: per pilot and reporting year, the state of its Annual Work Summary, its measures done / in all /
overdue, and the growth of sales and value added, and the own-brand share, against the baseline of its
申报书 (cluster_brand.rules.views.pilot_progress). For the ministry (every pilot) and the provinces (their own; a
unit's draft reads as not started, as everywhere a province looks). Read set-wise through the reader's
permissions: the pilots and their summaries (cluster_brand.readers.pilot_years), the summaries' fields, then
one query each for their measure rows, their indicator rows and the 申报书's own-brand shares. At the pilot's
end (issue 21): each pilot's status (completed or not), its final summary and its demonstration application
with how far it went (rules/views/pilot_end.py), read set-wise through the permissions (readers/pilot_end.py)."""

import frappe
from frappe import _
from frappe.utils import cint, getdate, today

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	FINAL_SUMMARY,
)
from cluster_brand.readers import pilot_end as pilot_end_reads
from cluster_brand.readers import pilot_years as pilot_reads
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, PILOT_NOT_COMPLETED
from cluster_brand.rules.views import pilot_end as ended
from cluster_brand.rules.views import pilot_progress as computed
from cluster_brand.rules.views.programme_reports import share_percent

SHOWN_STATUSES = (ended.IN_PILOT, PILOT_COMPLETED, PILOT_NOT_COMPLETED)  # a revoked pilot is not followed


def execute(filters=None):
	filters = frappe._dict(filters or {})
	day = getdate(today())
	# the pilots at their end too: completed or not, and how their demonstration application went (issue 21)
	pilots = pilot_reads.readable_pilots(SHOWN_STATUSES)
	if filters.recommending_authority:
		pilots = [p for p in pilots if p.recommending_authority == filters.recommending_authority]
	if filters.pilot_status:
		pilots = [p for p in pilots if p.status == filters.pilot_status]
	years = pilot_reads.summary_status_rows(day, pilots)
	if filters.reporting_year:
		years = [y for y in years if y["reporting_year"] == cint(filters.reporting_year)]
	names = sorted({y["summary"] for y in years if y.get("summary")})
	summaries = pilot_reads.summary_own_brand_shares(names)
	readable = sorted(summaries)  # read again through the permissions, as every report reads
	years = [y if y.get("summary") in summaries else {**y, "summary": None} for y in years]
	rows = computed.pilot_progress(
		years,
		summaries,
		pilot_reads.summary_rows_by_parent(
			"Annual Summary Measure Progress", "measure_progress", readable, ["status", "time_node"]
		),
		pilot_reads.summary_rows_by_parent(
			"Annual Summary Indicator",
			"indicators",
			readable,
			["indicator", "baseline_value", "reporting_value"],
			indicator=("in", [key for _field, key in computed.FOLLOWED_GROWTH]),
		),
		{pilot: share_percent(*sales) for pilot, sales in pilot_reads.baseline_sales(pilots).items()},
		day,
	)
	status_of = {p.name: p.status for p in pilots}
	ends = pilot_end_reads.pilot_ends(sorted(status_of))
	for row in rows:
		row["workflow_state"] = _(row["workflow_state"]) if row["workflow_state"] else _("Not Started")
		row.update(
			ended.pilot_end_columns(status_of.get(row["brand_pilot"]), ends.get(row["brand_pilot"]) or {})
		)
		for field in ("pilot_status", "final_summary_state", "demonstration_stage"):
			row[field] = _(row[field]) if row[field] else None
	return columns(), rows


def columns() -> list[dict]:
	column = layout.column
	return [
		layout.authority_column(150),
		column("brand_pilot", _("Brand Pilot"), "Link", 120, options=BRAND_PILOT),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 150, options="Industrial Cluster"),
		column("pilot_status", _("Pilot Status"), width=130),
		column("reporting_year", _("Reporting Year"), "Int", 60),
		column("annual_work_summary", _("Annual Work Summary"), "Link", 168, options=ANNUAL_WORK_SUMMARY),
		column("workflow_state", _("Status"), width=115),
		column("due_date", _("Due Date"), "Date", 110),
		column("overdue", _("Overdue"), "Check", 50),
		column("measures_done", _("Measures Completed"), "Int", 60),
		column("measures_total", _("Measures in the Plan"), "Int", 60),
		column("measures_overdue", _("Measures Overdue"), "Int", 60),
		column("sales_growth", _("Sales Revenue against the Baseline (%)"), "Float", 80, precision=2),
		column("value_added_growth", _("Value Added against the Baseline (%)"), "Float", 80, precision=2),
		column("own_brand_share", _("Own-Brand Share of the Backbone Enterprises' Sales"), "Percent", 80),
		column(
			"own_brand_share_change",
			_("Own-Brand Share against the Baseline (percentage points)"),
			"Float",
			80,
			precision=2,
		),
		column("final_summary", _("Pilot Final Summary"), "Link", 150, options=FINAL_SUMMARY),
		column("final_summary_state", _("Final Summary Status"), width=115),
		column(
			"demonstration_application",
			_("Demonstration Application"),
			"Link",
			150,
			options=DEMONSTRATION_APPLICATION,
		),
		column("demonstration_stage", _("Demonstration Stage"), width=130),
	]
