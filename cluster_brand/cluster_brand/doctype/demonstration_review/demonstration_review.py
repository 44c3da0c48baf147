# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""示范申报评审表: one expert's sheet of one demonstration application, in the document review (材料评审) or the
central hearing (集中答辩), scored on the evaluation round's rubric of that stage. Its save is the Expert
Review's (expert_review.py): the facts gathered once, the one pure check of a score sheet
(rules/review/save.py), the derived scores applied, the problems refused. Below the controller: the sheets
kept in step with the application's expert assignments (rules/pilot_end/demonstration_review.py)."""

import frappe
from frappe import _

from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.column_sizes import column_sizes, values_as_sent
from cluster_brand.controllers.links import link_violations
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rows import apply_derived
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION, DEMONSTRATION_REVIEW, EVALUATION_ROUND
from cluster_brand.notifications.demonstration_review import assign_sheets
from cluster_brand.rules.pilot_end import demonstration_review as rules
from cluster_brand.rules.review import save as sheet_save
from cluster_brand.rules.review import scoring
from cluster_brand.rules.review.save import SheetFacts, SheetOutcome

ASSIGNMENT_ROW = "Demonstration Expert Assignment"


class DemonstrationReview(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.demonstration_review_score.demonstration_review_score import (
			DemonstrationReviewScore,
		)

		amended_from: DF.Link | None
		comments: DF.Text | None
		conflict_statement: DF.SmallText | None
		demonstration_application: DF.Link
		evaluation_round: DF.Link | None
		expert: DF.Link
		expert_name: DF.Data | None
		expert_user: DF.Link | None
		industrial_cluster: DF.Link | None
		no_conflict_of_interest: DF.Check
		recommending_authority: DF.Link | None
		scores: DF.Table[DemonstrationReviewScore]
		stage: DF.Literal["Document Review", "Hearing"]
		total_score: DF.Float
	# end: auto-generated types
	"""An expert's sheet of one stage; its total stays blank (NULL) until every criterion is scored
	(cluster_brand/controllers/blank_numbers.py)."""

	def validate(self):
		facts = gather_sheet_facts(self)
		outcome = sheet_save.check_save(facts)
		self.apply_derived(outcome)
		self.throw_problems(outcome)

	def apply_derived(self, outcome: SheetOutcome):
		"""Each criterion's score as stored, its weighted score and the rubric's guidance, and the total."""
		apply_derived(self, outcome.derived, outcome.row_values)

	def throw_problems(self, outcome: SheetOutcome):
		problems = outcome.problems
		title = _(DEMONSTRATION_REVIEW)
		throw_violations(problems[sheet_save.STORABLE], title, doc=self)
		throw_violations(problems[sheet_save.LINKS], title, doc=self)
		throw_violations(problems[sheet_save.ASSIGNMENT], None)
		throw_violations(problems[sheet_save.RUBRIC], title, _(scoring.SHEET_RUBRIC_INTRO))
		throw_violations(problems[sheet_save.SCORES], title)

	def before_submit(self):
		throw_violations(
			rules.check_submit([row.as_dict() for row in self.scores], self.no_conflict_of_interest),
			_(DEMONSTRATION_REVIEW),
			doc=self,
		)

	def on_submit(self):
		refresh_submitted(self)

	def on_cancel(self):
		refresh_submitted(self)


def stage_rubric(evaluation_round: str | None, stage: str | None) -> list[dict]:
	"""The round's criteria of ``stage`` (criterion, weight, guidance), in order."""
	if not evaluation_round or stage not in rules.RUBRIC_TABLE:
		return []
	return frappe.get_all(
		"Review Criterion",
		{
			"parent": evaluation_round,
			"parenttype": EVALUATION_ROUND,
			"parentfield": rules.RUBRIC_TABLE[stage],
		},
		["criterion", "weight", "guidance"],
		order_by="idx",
	)


def gather_sheet_facts(doc) -> SheetFacts:
	"""Every fact that the rules of the sheet's save read, gathered once."""
	# the round is the application's, read from it on every save: the sheet cannot choose its rubric
	evaluation_round = frappe.db.get_value(
		DEMONSTRATION_APPLICATION, doc.demonstration_application, "evaluation_round"
	)
	sizes = column_sizes(doc.meta)
	sheet = doc_as_rule_input(doc)
	sheet["application"] = doc.demonstration_application  # as the rules of a score sheet name it
	return SheetFacts(
		sheet=sheet,
		expert_assigned=bool(
			frappe.db.exists(
				ASSIGNMENT_ROW,
				{
					"parent": doc.demonstration_application,
					"parenttype": DEMONSTRATION_APPLICATION,
					"expert": doc.expert,
					"stage": doc.stage,
				},
			)
		),
		rubric=tuple(stage_rubric(evaluation_round, doc.stage)),
		column_sizes=sizes,
		values_as_sent=values_as_sent(doc, sizes),
		missing_links=tuple(link_violations(doc)),
	)


def refresh_submitted(sheet):
	"""The assignment row of the sheet's expert and stage says whether the sheet is submitted (a figure the
	sheet derives: the application is not modified by the expert)."""
	for row in frappe.get_all(
		ASSIGNMENT_ROW,
		{
			"parent": sheet.demonstration_application,
			"parenttype": DEMONSTRATION_APPLICATION,
			"expert": sheet.expert,
			"stage": sheet.stage,
		},
		pluck="name",
	):
		frappe.db.set_value(
			ASSIGNMENT_ROW,
			row,
			{"review_submitted": int(sheet.docstatus == 1), "demonstration_review": sheet.name},
			update_modified=False,
		)


# --- the sheets of an application, kept in step with its expert assignments ---------------------------


def check_expert_assignments(application):
	"""The ministry's assignment of experts refused as the application's: an expert twice in one stage,
	disabled, or of the applicant's province or unit (recusal); a hearing expert before the shortlist."""
	rows = [row.as_dict() for row in application.get("expert_assignments") or []]
	names = {row.expert for row in rows if row.get("expert")}
	experts = {
		e.name.casefold(): e
		for e in frappe.get_all(
			"Review Expert",
			{"name": ("in", list(names) or [""])},
			["name", "expert_name", "recommending_authority", "organizing_unit", "disabled"],
		)
	}
	facts = {
		"name": application.name,
		"recommending_authority": application.get("recommending_authority"),
		"organizing_unit": application.get("organizing_unit"),
		"shortlisted": application.get("shortlisted"),
	}
	throw_violations(
		rules.assignment_problems(rows, experts, facts), _("Expert Assignments"), doc=application
	)


def sync_demonstration_reviews(application) -> None:
	"""Called by the Demonstration Application's on_update: one sheet per assignment row (expert and stage),
	on the round's rubric of its stage; a draft sheet goes when its assignment does (access ends with it).
	Each new sheet is assigned to its expert (ToDo and e-mail)."""
	check_expert_assignments(application)
	rows = application.get("expert_assignments") or []
	sheets = frappe.get_all(
		DEMONSTRATION_REVIEW,
		{"demonstration_application": application.name, "docstatus": ("<", 2)},
		["name", "expert", "stage", "docstatus"],
	)
	plan = rules.sync_plan([row.as_dict() for row in rows], sheets)
	for row in rows:
		# a row given another expert or stage in place still names its old sheet: unlinked, so that it can go
		if row.demonstration_review in plan["delete"]:
			row.db_set("demonstration_review", None, update_modified=False)
	for name in plan["delete"]:
		frappe.delete_doc(DEMONSTRATION_REVIEW, name, ignore_permissions=True)
	made = {key: _new_sheet(application, *key) for key in plan["make"]}
	for row, (sheet, submitted) in zip(rows, plan["rows"], strict=True):
		sheet = sheet or made[rules.sheet_key(row.as_dict())]
		if row.demonstration_review != sheet or bool(row.review_submitted) != submitted:
			row.db_set(
				{"demonstration_review": sheet, "review_submitted": int(submitted)}, update_modified=False
			)
	if made:
		assign_sheets(application, list(made.values()))


def _new_sheet(application, expert: str, stage: str) -> str:
	criteria = stage_rubric(application.get("evaluation_round"), stage)
	return (
		frappe.get_doc(
			{
				"doctype": DEMONSTRATION_REVIEW,
				"demonstration_application": application.name,
				"stage": stage,
				"expert": expert,
				"scores": [
					{"criterion": c.criterion, "weight": c.weight, "guidance": c.guidance} for c in criteria
				],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
