# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _

from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.violations import throw_violations, validate_links, validate_storable
from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW
from cluster_brand.rules.review import scoring as rules


class ExpertReview(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.expert_review_score.expert_review_score import (
			ExpertReviewScore,
		)

		amended_from: DF.Link | None
		application: DF.Link
		comments: DF.Text | None
		conflict_statement: DF.SmallText | None
		expert: DF.Link
		expert_name: DF.Data | None
		expert_review_deadline: DF.Date | None
		expert_user: DF.Link | None
		industrial_cluster: DF.Link | None
		no_conflict_of_interest: DF.Check
		pilot_batch: DF.Link | None
		recommendation: DF.Literal["", "Recommend as Pilot", "Do Not Recommend"]
		scores: DF.Table[ExpertReviewScore]
		total_score: DF.Float
	# end: auto-generated types
	"""An expert's score sheet; its total stays blank (NULL) until every criterion is scored
	(cluster_brand/controllers/blank_numbers.py)."""

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.validate_expert_is_assigned()
		self.validate_rubric_is_the_batchs()
		self.set_weighted_scores()
		self.validate_scores()

	def before_submit(self):
		throw_violations(
			rules.check_scores_complete([row.as_dict() for row in self.scores]), _("Expert Review")
		)
		self.validate_declaration()

	def on_submit(self):
		refresh_review_status(self.application)

	def on_cancel(self):
		refresh_review_status(self.application)

	def validate_expert_is_assigned(self):
		if not frappe.db.exists(
			"Expert Assignment",
			{"parent": self.application, "parenttype": APPLICATION, "expert": self.expert},
		):
			frappe.throw(
				_("{0} is not assigned to review {1}.").format(
					self.expert_name or self.expert, self.application
				)
			)

	def validate_rubric_is_the_batchs(self):
		# pilot_batch is fetched from the application on every save, so the sheet cannot choose its rubric.
		rubric = frappe.get_all(
			"Review Criterion",
			{"parent": self.pilot_batch, "parenttype": "Pilot Batch", "parentfield": "review_criteria"},
			["criterion", "weight", "guidance"],
			order_by="idx",
		)
		throw_violations(
			rules.check_sheet_rubric([row.as_dict() for row in self.scores], rubric),
			_("Expert Review"),
			_(rules.SHEET_RUBRIC_INTRO),
		)
		# the guidance (评分要点) as the ministry words it now
		for row, criterion in zip(self.scores, rubric, strict=True):
			row.guidance = criterion.guidance

	def set_weighted_scores(self):
		for row in self.scores:
			row.score = rules.score_value(row.score)
		# None (stored NULL) for a criterion not scored yet, and for the total of a sheet not fully scored
		weighted, self.total_score = rules.weighted_scores([row.as_dict() for row in self.scores])
		for row, value in zip(self.scores, weighted, strict=True):
			row.weighted_score = value

	def validate_scores(self):
		throw_violations(rules.check_scores([row.as_dict() for row in self.scores]), _("Expert Review"))

	def validate_declaration(self):
		missing = []
		if not self.no_conflict_of_interest:
			missing.append(_("the declaration that you have no conflict of interest"))
		if not self.recommendation:
			missing.append(_("Recommendation"))
		if missing:
			frappe.throw(
				_("Before submitting the review, complete: {0}").format("、".join(missing)),
				title=_("Expert Review"),
			)


# --- the sheets of an application, kept in step with its expert assignments ---------------------------


def sync_expert_reviews(application):
	"""One Expert Review sheet per assigned expert, scored on the batch's rubric; a draft sheet goes
	when its expert is unassigned (access ends with the assignment). Called by the application's on_update."""
	assigned = {row.expert for row in application.expert_assignments}
	sheets = {
		sheet.expert: sheet
		for sheet in frappe.get_all(
			EXPERT_REVIEW,
			{"application": application.name, "docstatus": ("<", 2)},
			["name", "expert", "docstatus"],
		)
	}
	for expert, sheet in sheets.items():
		if expert not in assigned and sheet.docstatus == 0:
			frappe.delete_doc(EXPERT_REVIEW, sheet.name, ignore_permissions=True)
	for row in application.expert_assignments:
		sheet = sheets.get(row.expert) or _new_review_sheet(application, row.expert)
		submitted = sheet.docstatus == 1
		if row.expert_review != sheet.name or bool(row.review_submitted) != submitted:
			row.db_set({"expert_review": sheet.name, "review_submitted": submitted})


def _new_review_sheet(application, expert: str):
	criteria = frappe.get_all(
		"Review Criterion",
		{"parent": application.pilot_batch, "parenttype": "Pilot Batch"},
		["criterion", "weight"],
		order_by="idx",
	)
	return frappe.get_doc(
		{
			"doctype": EXPERT_REVIEW,
			"application": application.name,
			"expert": expert,
			"scores": [{"criterion": c.criterion, "weight": c.weight} for c in criteria],
		}
	).insert(ignore_permissions=True)


def refresh_review_status(application: str):
	"""After an expert submits or cancels a sheet: the assignment rows and the mean score."""
	doc = frappe.get_doc(APPLICATION, application)
	experts = [row.expert for row in doc.expert_assignments]
	submitted = (
		frappe.get_all(
			EXPERT_REVIEW,
			{"application": application, "expert": ("in", experts), "docstatus": 1},
			["expert", "total_score"],
		)
		if experts
		else []
	)
	by_expert = {sheet.expert for sheet in submitted}
	# figures the sheets derive, not an edit: an expert who submits does not become who last changed the
	# application (its sidebar and list would name a reviewer to the unit; who reviews is the ministry's)
	for row in doc.expert_assignments:
		row.db_set("review_submitted", row.expert in by_expert, update_modified=False)
	doc.db_set(
		"mean_score", rules.mean_score([sheet.total_score for sheet in submitted]), update_modified=False
	)


def refresh_review_deadlines(pilot_batch: str, deadline):
	"""The sheets show the batch's expert review deadline: a draft copies it (fetch_from) when saved, and one
	nobody saves, or one submitted, would keep showing the old date."""
	frappe.db.set_value(
		EXPERT_REVIEW,
		{"pilot_batch": pilot_batch, "docstatus": ("<", 2)},
		"expert_review_deadline",
		deadline,
		update_modified=False,
	)
