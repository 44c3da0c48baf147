# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _

from cluster_brand.nullable_numbers import NullableNumbers
from cluster_brand.review_process import refresh_review_status
from cluster_brand.rules import review as rules
from cluster_brand.validation import throw_violations, validate_links, validate_storable


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
	(cluster_brand/nullable_numbers.py)."""

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
			{"parent": self.application, "parenttype": "Cluster Brand Application", "expert": self.expert},
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
