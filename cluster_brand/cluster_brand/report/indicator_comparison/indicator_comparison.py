# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""主要指标对比: the 11 main indicators and the derived ratios of the last indicator year across the
applications of a batch, with each application's rank and quartile by the indicator chosen (sales revenue
unless another is), among the applications the reader sees
(cluster_brand.rules.views.programme_reports.indicator_comparison). Read in three queries, through the reader's
permissions."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.readers.applications import batch_applications
from cluster_brand.readers.batches import report_batch
from cluster_brand.readers.indicator_figures import last_year_figures
from cluster_brand.rules.application.indicators import COUNT, INDICATOR_BY_KEY, SALES
from cluster_brand.rules.views import programme_reports as computed

FIELDS = ["recommending_authority", "organizing_unit", "industrial_cluster"]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rank_by = filters.get("rank_by") or SALES
	if rank_by not in computed.FIELD_OF:
		frappe.throw(_("Rank By: {0} is not one of the main indicators or derived ratios.").format(rank_by))
	batch = report_batch(filters)
	applications = batch_applications(batch, FIELDS)
	figures = last_year_figures(applications)
	rows = computed.indicator_comparison(applications, figures, rank_by)
	return columns(layout.last_indicator_year(batch), rank_by), rows


def columns(year: str, rank_by: str) -> list[dict]:
	column = layout.column
	return [
		column("rank", _("Rank by {0}").format(_(rank_by)), "Int", 60),
		column("quartile", _("Quartile (1 = Top Quarter)"), "Int", 60),
		*layout.application_columns(),
		*(figure_column(field, f"{_(key)} {year}".strip(), key) for field, key in computed.COMPARED),
	]


def figure_column(field: str, label: str, key: str) -> dict:
	"""A count (enterprises) as a whole number, money and ratios with two decimals."""
	indicator = INDICATOR_BY_KEY.get(key)
	if indicator and indicator.kind == COUNT:
		return layout.column(field, label, "Int", 80)
	return layout.column(field, label, "Float", 90, precision=2)
