# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""示范区申报书 (issue 21): a completed pilot's application to be a demonstration zone, one per pilot in its
batch's evaluation round. Started by its organizing unit from the pilot (start_demonstration_application in
brand_pilot.py), recommended by its province, reviewed by the experts and decided by the ministry. A save is
one trip in the final summary's shape: the pilot's values copied in, condition 3 computed from the pilot's
figures, the facts gathered, one pure function deciding (rules/pilot_end/demonstration_workflow.py), what the
step records itself applied, the problems refused."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from cluster_brand.cluster_brand.doctype.demonstration_review.demonstration_review import (
	sync_demonstration_reviews,
)
from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.edit_locks import changed_levels, session_editable_levels
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.pilot_values import OfItsPilot
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.controllers.set_wise_save import SetWiseSave
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
)
from cluster_brand.notifications.demonstration import notify_demonstration_transition
from cluster_brand.permissions.fields import WithholdsFromReader
from cluster_brand.rules.pilot_end import demonstration
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end.demonstration_review import DOCUMENT_REVIEW, HEARING
from cluster_brand.rules.pilot_end.demonstration_workflow import DemonstrationFacts
from cluster_brand.rules.pilot_years.indicators import own_brand_sales_share
from cluster_brand.rules.pilot_years.workflow import ACCEPTED

# the columns of a ratio row, as rules/pilot_end/demonstration.py RatioChange names them
RATIO_COLUMNS = (
	"ratio",
	"baseline_year",
	"baseline_value",
	"last_year",
	"last_value",
	"change",
	"verdict",
	"first_year_as_baseline",
)


class DemonstrationApplication(OfItsPilot, SetWiseSave, WithholdsFromReader, NullableNumbers):
	# the pilot's values the form shows and the permissions scope by: copied, never typed
	PILOT_FIELDS = ("industrial_cluster", "organizing_unit", "recommending_authority", "pilot_batch")

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.demonstration_expert_assignment.demonstration_expert_assignment import (
			DemonstrationExpertAssignment,
		)
		from cluster_brand.cluster_brand.doctype.demonstration_promotion_activity.demonstration_promotion_activity import (
			DemonstrationPromotionActivity,
		)
		from cluster_brand.cluster_brand.doctype.demonstration_ratio_change.demonstration_ratio_change import (
			DemonstrationRatioChange,
		)

		application_deadline: DF.Date | None
		brand_pilot: DF.Link
		condition_3_met: DF.Check
		decision: DF.Literal["", "Demonstration Zone", "Typical Experience Recommended", "Not Selected"]
		decision_date: DF.Date | None
		decision_opinion: DF.Text | None
		evaluation_mechanism: DF.Text | None
		evaluation_round: DF.Link
		expert_assignments: DF.Table[DemonstrationExpertAssignment]
		funds_delivered: DF.Float
		improvement_measures: DF.Text | None
		industrial_cluster: DF.Link | None
		monitoring_evidence: DF.Attach | None
		organizing_unit: DF.Link | None
		pilot_batch: DF.Link | None
		promotion_activities: DF.Table[DemonstrationPromotionActivity]
		ratio_changes: DF.Table[DemonstrationRatioChange]
		recommendation_date: DF.Date | None
		recommendation_opinion: DF.Text | None
		recommendation_rank: DF.Int
		recommending_authority: DF.Link | None
		shortlisted: DF.Check
		strategy_document: DF.Attach | None
		strategy_positioning: DF.Text | None
		strategy_published_on: DF.Date | None
		typical_experience: DF.Text | None
		workflow_state: DF.Link | None

	# end: auto-generated types

	def autoname(self):
		# one per pilot: BP-2017-001-DA
		self.name = f"{self.brand_pilot}-DA"

	def validate(self):
		self.set_pilot_values()
		self.compute_condition_3()
		facts = gather_demonstration_facts(self)
		problems = workflow.check_save(facts)
		self.update(workflow.derived(facts))
		self.throw_problems(problems)

	def on_update(self):
		# the review sheets the ministry's expert assignments ask for (demonstration_review.py)
		sync_demonstration_reviews(self)
		if self.has_value_changed("workflow_state"):
			notify_demonstration_transition(self)

	# --- the steps of a save ----------------------------------------------------------------------------

	def compute_condition_3(self):
		"""示范区条件 (3) from the pilot's figures, on every save: each ratio of its last accepted annual
		summary against the baseline (rules/pilot_end/demonstration.py); rows rewritten only when they change."""
		pilot = self.pilot()
		if pilot is None:
			return
		changes = demonstration.ratio_changes(pilot_baseline(pilot), accepted_summaries(pilot.name))
		rows = [{column: getattr(change, column) for column in RATIO_COLUMNS} for change in changes]
		current = [{column: row.get(column) for column in RATIO_COLUMNS} for row in self.ratio_changes]
		if _as_compared(current) != _as_compared(rows):
			self.set("ratio_changes", rows)
		self._ratio_changes = changes

	def throw_problems(self, problems: dict):
		throw_violations(problems[workflow.START], _("Demonstration Application"))
		throw_violations(
			problems[workflow.EDIT_LOCKS],
			_("This part of the demonstration application cannot be changed now"),
		)
		throw_violations(problems[workflow.DUPLICATE], None, exc=frappe.DuplicateEntryError)
		throw_violations(
			problems[workflow.TRANSITION],
			_("The demonstration application cannot move to {0}").format(_(self.workflow_state)),
			_("The demonstration application cannot be submitted until the following items are complete:")
			if self.workflow_state == workflow.PENDING_PROVINCIAL_RECOMMENDATION
			else None,
			doc=self,
		)

	# --- reading ---------------------------------------------------------------------------------------

	def onload(self):
		self.set_onload(
			"editable_levels",
			session_editable_levels(workflow.EDITABLE_IN, workflow.editable_levels, self.workflow_state),
		)


def _as_compared(rows: list[dict]) -> list[tuple]:
	return [
		tuple(
			round(float(value), 2) if isinstance(value, int | float) else value or None
			for value in row.values()
		)
		for row in rows
	]


def pilot_baseline(pilot) -> dict:
	"""The baseline of condition 3 as the pilot carries it: the 申报书's last indicator year (the pilot's
	baseline indicators) and the own-brand share of the 申报书's backbone enterprises."""
	enterprises = (
		frappe.get_all(
			"Application Backbone Enterprise",
			{"parent": pilot.application, "parenttype": APPLICATION},
			["sales_revenue", "own_brand_sales_revenue"],
		)
		if pilot.application
		else []
	)
	return {
		"year": pilot.baseline_year,
		"indicators": {row.indicator: row.baseline_value for row in pilot.baseline_indicators},
		"own_brand_sales_share": own_brand_sales_share(enterprises),
	}


def accepted_summaries(pilot: str) -> list[dict]:
	"""The pilot's accepted annual work summaries, each with its indicator rows (two reads)."""
	summaries = frappe.get_all(
		ANNUAL_WORK_SUMMARY,
		{"brand_pilot": pilot, "workflow_state": ACCEPTED},
		["name", "reporting_year", "own_brand_sales_share"],
	)
	if not summaries:
		return []
	rows = frappe.get_all(
		"Annual Summary Indicator",
		{"parent": ("in", [s.name for s in summaries]), "parenttype": ANNUAL_WORK_SUMMARY},
		["parent", "indicator", "reporting_value"],
	)
	for summary in summaries:
		summary["indicators"] = [row for row in rows if row.parent == summary.name]
	return summaries


def submitted_sheets(application: str) -> dict[str, int]:
	"""The submitted Demonstration Review sheets of ``application``, counted by stage."""
	return {
		stage: frappe.db.count(
			DEMONSTRATION_REVIEW, {"demonstration_application": application, "stage": stage, "docstatus": 1}
		)
		for stage in (DOCUMENT_REVIEW, HEARING)
	}


def recommended_in_province(doc) -> int:
	"""The province's other applications of the round that it has recommended (its quota counts them)."""
	return frappe.db.count(
		DEMONSTRATION_APPLICATION,
		{
			"evaluation_round": doc.evaluation_round,
			"recommending_authority": doc.recommending_authority,
			"workflow_state": ("in", workflow.RECOMMENDED_STATES),
			"name": ("!=", doc.name or ""),
		},
	)


def gather_demonstration_facts(doc) -> DemonstrationFacts:
	before = doc.get_doc_before_save()
	pilot = doc.pilot()
	round_ = (
		frappe.db.get_value(
			EVALUATION_ROUND,
			doc.evaluation_round,
			["pilot_batch", "demonstration_application_deadline"],
			as_dict=True,
		)
		if doc.evaluation_round
		else None
	) or frappe._dict()
	previous = before.workflow_state if before else None
	stepping = before is not None and doc.workflow_state != previous
	sheets = submitted_sheets(doc.name) if stepping and not doc.is_new() else {}
	return DemonstrationFacts(
		application={**doc_as_rule_input(doc), "name": doc.name},
		today=getdate(today()),
		pilot_status=pilot.status if pilot else None,
		pilot_batch=pilot.pilot_batch if pilot else None,
		round_batch=round_.pilot_batch,
		deadline=getdate(round_.demonstration_application_deadline)
		if round_.demonstration_application_deadline
		else None,
		is_new=not before,
		previous_state=previous,
		changed_levels=frozenset(changed_levels(doc, workflow.EDITABLE_IN)),
		is_administrator=frappe.session.user == "Administrator",
		roles=frozenset(frappe.get_roles()),
		duplicate=frappe.db.exists(
			DEMONSTRATION_APPLICATION,
			{
				"brand_pilot": doc.brand_pilot,
				"evaluation_round": doc.evaluation_round,
				"name": ("!=", doc.name or ""),
			},
		)
		if doc.brand_pilot and doc.evaluation_round
		else None,
		ratio_changes=doc.__dict__.get("_ratio_changes", []),
		quotas=[
			row.as_dict() for row in frappe.get_doc(EVALUATION_ROUND, doc.evaluation_round).provincial_quotas
		]
		if stepping and doc.workflow_state == workflow.UNDER_EXPERT_REVIEW and doc.evaluation_round
		else [],
		recommended_in_province=recommended_in_province(doc)
		if stepping and doc.workflow_state == workflow.UNDER_EXPERT_REVIEW
		else 0,
		document_sheets=sheets.get(DOCUMENT_REVIEW, 0),
		hearing_sheets=sheets.get(HEARING, 0),
	)
