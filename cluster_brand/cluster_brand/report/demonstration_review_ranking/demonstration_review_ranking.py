# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""示范申报评审排名: an evaluation round's demonstration applications with both stages of their review, the
document review (材料评审) and, for the shortlisted, the central hearing (集中答辩), each the mean, rank and number
of the submitted sheets, and where the application stands: read (cluster_brand.readers.demonstration_reviews)
→ ranked (cluster_brand.rules.pilot_end.demonstration_review.two_stage_ranking) → laid out. The ministry's
alone, as the Expert Review Ranking."""

import frappe
from frappe import _

from cluster_brand.cluster_brand.report import programme_report as layout
from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION
from cluster_brand.readers.demonstration_reviews import round_applications, submitted_sheets
from cluster_brand.rules.pilot_end import demonstration_review as review


def execute(filters=None):
	filters = frappe._dict(filters or {})
	sheets = submitted_sheets(filters.evaluation_round)
	rows = review.two_stage_ranking(
		round_applications(filters.evaluation_round),
		sheets[review.DOCUMENT_REVIEW],
		sheets[review.HEARING],
	)
	for row in rows:
		row["shortlisted"] = int(row["shortlisted"])
		row["decision"] = _(row["decision"]) if row["decision"] else ""
	layout.translated_states(rows)
	return columns(), rows


def columns():
	column = layout.column
	return [
		layout.authority_column(),
		column("application", _("Demonstration Application"), "Link", 150, options=DEMONSTRATION_APPLICATION),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 200, options="Industrial Cluster"),
		column("document_mean", _("Document Review Mean Score"), "Float", 80, precision=2),
		column("document_rank", _("Document Review Rank"), "Int", 60),
		column("document_sheets", _("Document Review Sheets Submitted"), "Int", 60),
		column("shortlisted", _("Shortlisted for the Hearing"), "Check", 60),
		column("hearing_mean", _("Hearing Mean Score"), "Float", 80, precision=2),
		column("hearing_rank", _("Hearing Rank"), "Int", 60),
		column("hearing_sheets", _("Hearing Sheets Submitted"), "Int", 60),
		column("decision", _("Decision"), width=120),
		column("workflow_state", _("Status"), width=120),
	]
