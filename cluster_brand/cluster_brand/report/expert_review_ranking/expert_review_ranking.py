# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""专家评审排名: the recommended applications of a batch with their experts assigned and sheets submitted, ranked
by the mean of the submitted sheets' total scores: read (cluster_brand.readers.ranking) → ranked
(cluster_brand.rules.review.ranking.review_progress) → laid out."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.readers.applications import recommended_applications
from cluster_brand.readers.ranking import assignments_and_submitted_sheets
from cluster_brand.rules.review import ranking


def execute(filters=None):
	filters = frappe._dict(filters or {})
	applications = recommended_applications(
		filters.pilot_batch, ["name", "industrial_cluster", "recommending_authority"]
	)
	assignments, sheets = assignments_and_submitted_sheets(
		[a.name for a in applications], filters.pilot_batch
	)
	return columns(), ranking.review_progress(applications, assignments, sheets)


def columns():
	column = layout.column
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
