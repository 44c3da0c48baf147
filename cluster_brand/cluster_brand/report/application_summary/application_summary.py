# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""申报汇总表: one row per application of a batch — its province, unit, cluster, leading industry, the last
indicator year's sales and value added, the backbone enterprises' coverage and own-brand share, its state
and province rank, experts assigned / sheets submitted and mean score — with totals per province
(cluster_brand.rules.views.programme_reports.application_summary). Read in four queries at most, through the
reader's permissions (cluster_brand/readers/: batches, applications, indicator_figures)."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.fields import unreadable_fields
from cluster_brand.readers.applications import assignment_counts, batch_applications
from cluster_brand.readers.batches import report_batch
from cluster_brand.readers.indicator_figures import last_year_figures
from cluster_brand.rules.application.indicators import SALES, VALUE_ADDED
from cluster_brand.rules.views import programme_reports as computed

FIELDS = [
	"recommending_authority",
	"organizing_unit",
	"industrial_cluster",
	"leading_industry",
	"workflow_state",
	"recommendation_rank",
	"backbone_sales_coverage",
	"total_sales_revenue",
	"total_own_brand_sales_revenue",
	"leading_industry_sales_revenue",
	"mean_score",
]
# the application's field behind each column that is not at permission level 0
SOURCE_FIELD = {
	"recommendation_rank": "recommendation_rank",
	"experts_assigned": "expert_assignments",
	"sheets_submitted": "expert_assignments",
	"mean_score": "mean_score",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	batch = report_batch(filters)
	applications = batch_applications(batch, FIELDS)
	figures = last_year_figures(applications)
	# who reviews is the ministry's to know (the table's permission level)
	assignments = None
	if "expert_assignments" not in unreadable_fields(APPLICATION):
		assignments = assignment_counts(applications)
	rows = computed.application_summary(applications, figures, assignments, set(frappe.get_roles()))
	layout.translated_states(rows)
	for row in rows:
		if row.get("is_total") == computed.SUBTOTAL:
			row["leading_industry"] = _("Subtotal: {0} applications").format(row["applications"])
		elif row.get("is_total") == computed.GRAND_TOTAL:
			row["leading_industry"] = _("Total: {0} applications").format(row["applications"])
	return layout.readable_columns(columns(layout.last_indicator_year(batch)), SOURCE_FIELD), rows


def columns(year: str) -> list[dict]:
	column = layout.column
	return [
		*layout.application_columns(),
		column("leading_industry", _("Leading Industry"), width=120),
		column("sales_revenue", f"{_(SALES)} {year}".strip(), "Float", 100, precision=2),
		column("value_added", f"{_(VALUE_ADDED)} {year}".strip(), "Float", 100, precision=2),
		column(
			"backbone_sales_coverage",
			_("Backbone Enterprises' Share of Leading-Industry Sales Revenue"),
			"Percent",
			80,
		),
		column("own_brand_share", _("Own-Brand Share of the Backbone Enterprises' Sales"), "Percent", 80),
		column("workflow_state", _("Application State"), width=115),
		column("recommendation_rank", _("Rank among the Authority's Recommendations"), "Int", 60),
		column("experts_assigned", _("Experts Assigned"), "Int", 60),
		column("sheets_submitted", _("Sheets Submitted"), "Int", 60),
		column("mean_score", _("Mean Score"), "Float", 70, precision=2),
	]
