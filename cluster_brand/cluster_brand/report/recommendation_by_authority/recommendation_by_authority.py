# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""各地推荐情况: per recommending authority, for a batch — its quota, the applications submitted to it, how
many it recommended, did not recommend, returned or still has to decide, its deadline and the paper copies
received (cluster_brand.rules.views.programme_reports.recommendation_by_authority). Read in at most four queries,
through the reader's permissions: a province sees its own row, an association its industry's applications."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.permissions.applications import application_conditions
from cluster_brand.readers.applications import batch_applications
from cluster_brand.readers.batches import report_batch
from cluster_brand.readers.recommendation_settings import recommendation_settings
from cluster_brand.rules.views import programme_reports as computed

FIELDS = ["recommending_authority", "workflow_state", "paper_copies_required", "paper_copies_received"]
# the application's field behind each column that is not at permission level 0
SOURCE_FIELD = {
	"paper_copies_expected": "paper_copies_received",
	"paper_copies_received": "paper_copies_received",
	"paper_copies_complete": "paper_copies_received",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	batch = report_batch(filters)
	if not batch:
		return columns(), []
	applications = batch_applications(batch, FIELDS)
	settings = recommendation_settings(batch.name)
	# the whole programme's authorities for who reads every application, even those without one
	authorities = []
	if not application_conditions():
		authorities = frappe.get_list(
			"Recommending Authority", filters={"disabled": 0}, pluck="name", limit_page_length=0
		)
	rows = computed.recommendation_by_authority(
		authorities, settings, applications, batch.provincial_recommendation_deadline
	)
	if rows:
		rows[-1]["recommending_authority"] = _("Total: {0} authorities").format(rows[-1]["authorities"])
	return layout.readable_columns(columns(), SOURCE_FIELD), rows


def columns() -> list[dict]:
	column = layout.column
	return [
		layout.authority_column(280),  # the longest authority's name whole
		column("recommendation_quota", _("Recommendation Quota"), "Int", 60),
		column("submitted", _("Applications Submitted"), "Int", 60),
		column("recommended", _("Recommended"), "Int", 60),
		column("not_recommended", _("Not Recommended"), "Int", 60),
		column("returned", _("Returned"), "Int", 60),
		column("pending", _("Pending Provincial Review"), "Int", 60),
		column("quota_left", _("Quota Left"), "Int", 60),
		column("recommendation_deadline", _("Recommendation Deadline"), "Date", 110),
		column("paper_copies_expected", _("Paper Copies Expected"), "Int", 60),
		column("paper_copies_received", _("Paper Copies Received"), "Int", 60),
		column("paper_copies_complete", _("Applications with All Paper Copies"), "Int", 60),
	]
