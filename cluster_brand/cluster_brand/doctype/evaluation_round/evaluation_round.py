# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""总结评价: the ministry's evaluation round of a batch of pilots (工信厅科函〔2018〕283号): its notice, its
deadlines, the rubrics of the document review and of the central hearing, the provinces' quotas. Its status is
the ministry's to set (In Progress while the round runs, Concluded once the demonstration zones are named): the dates
alone do not tell when the ministry has decided. A save in the registers' shape: storable, links, the facts
gathered, one pure check (rules/pilot_end/evaluation_round.py), the problems refused.

Who reads a round: permissions/registers.py evaluation_round_query. Its quota rows name every province with a
quota: their link ignores Frappe's user permissions (a province's scope), so that each province reads the
ministry's published quotas whole, as it reads the Pilot Batch."""

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	validate_is_provincial,
)
from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import EVALUATION_ROUND
from cluster_brand.rules.pilot_end import evaluation_round as rules


class EvaluationRound(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.evaluation_round_quota.evaluation_round_quota import (
			EvaluationRoundQuota,
		)
		from cluster_brand.cluster_brand.doctype.review_criterion.review_criterion import ReviewCriterion

		demonstration_application_deadline: DF.Date | None
		document_review_criteria: DF.Table[ReviewCriterion]
		final_summary_deadline: DF.Date | None
		hearing_criteria: DF.Table[ReviewCriterion]
		hearing_date: DF.Date | None
		notice_number: DF.Data | None
		pilot_batch: DF.Link
		provincial_quotas: DF.Table[EvaluationRoundQuota]
		provincial_recommendation_deadline: DF.Date | None
		status: DF.Literal["In Progress", "Concluded"]
		title: DF.Data
	# end: auto-generated types

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.set_default_rubrics()
		self.validate_quota_authorities()
		self.validate_round_rules()

	def set_default_rubrics(self):
		"""A new round without a rubric starts from the programme's (the form shows them before the first save)."""
		if not self.is_new():
			return
		for table, rows in rules.default_rubrics().items():
			if not self.get(table):
				for row in rows:
					self.append(table, row)

	def validate_quota_authorities(self):
		for row in self.provincial_quotas:
			if row.recommending_authority:
				validate_is_provincial(row.recommending_authority, title=_("Provincial Quotas"))

	def validate_round_rules(self):
		other_round = frappe.db.get_value(
			EVALUATION_ROUND, {"pilot_batch": self.pilot_batch, "name": ("!=", self.name or "")}
		)
		throw_violations(
			rules.check_one_round_per_batch(self.pilot_batch, other_round)
			+ rules.check_evaluation_round(doc_as_rule_input(self)),
			_("Evaluation Round"),
			doc=self,
		)


@frappe.whitelist()
def default_rubrics() -> dict[str, list[dict]]:
	"""The rubrics a new round's form starts from (the ministry's, who creates the rounds)."""
	frappe.has_permission(EVALUATION_ROUND, "create", throw=True)
	return rules.default_rubrics()
