# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""年度工作总结: a pilot's report on one year of its pilot period (Annex 1 四(五), 三.7). Made by the pilot's
organizing unit, inspected by its province, accepted by the ministry (the Workflow "Annual Work Summary
Review"). A save is one trip, in the application's shape (validate, in named steps): the pilot's values
copied in, a new summary started from the plan, the facts gathered once, one pure function deciding
(cluster_brand/rules/pilot_years/save.py: every kind of problem and the derived values), the derived values
applied in one place, the problems refused."""

import frappe
from frappe import _
from frappe.utils import cint, getdate, today

from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.column_sizes import column_sizes, values_as_sent
from cluster_brand.controllers.duplicates import existing_duplicate
from cluster_brand.controllers.edit_locks import changed_levels, session_editable_levels
from cluster_brand.controllers.messages import throw_violations, translate_violation
from cluster_brand.controllers.pilot_values import OfItsPilot
from cluster_brand.controllers.rows import apply_derived
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.controllers.set_wise_save import SetWiseSave
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION
from cluster_brand.notifications.annual_summary import notify_summary_transition
from cluster_brand.permissions.fields import WithholdsFromReader
from cluster_brand.readers.pilot_years import province_due_date
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import save as summary_save
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.pilot_years.save import SummaryFacts, SummaryOutcome


class AnnualWorkSummary(OfItsPilot, SetWiseSave, WithholdsFromReader, NullableNumbers):
	# the pilot's values the form shows and the row rules read: copied, never typed
	PILOT_FIELDS = (
		"industrial_cluster",
		"organizing_unit",
		"recommending_authority",
		"pilot_batch",
		"baseline_year",
	)

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.annual_summary_backbone_enterprise.annual_summary_backbone_enterprise import (
			AnnualSummaryBackboneEnterprise,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_derived_indicator.annual_summary_derived_indicator import (
			AnnualSummaryDerivedIndicator,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_funding.annual_summary_funding import (
			AnnualSummaryFunding,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_indicator.annual_summary_indicator import (
			AnnualSummaryIndicator,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_measure_progress.annual_summary_measure_progress import (
			AnnualSummaryMeasureProgress,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_self_evaluation.annual_summary_self_evaluation import (
			AnnualSummarySelfEvaluation,
		)
		from cluster_brand.cluster_brand.doctype.annual_summary_target_progress.annual_summary_target_progress import (
			AnnualSummaryTargetProgress,
		)

		acceptance_date: DF.Date | None
		acceptance_opinion: DF.Text | None
		backbone_enterprises: DF.Table[AnnualSummaryBackboneEnterprise]
		baseline_year: DF.Int
		brand_pilot: DF.Link
		derived_indicators: DF.Table[AnnualSummaryDerivedIndicator]
		due_date: DF.Date | None
		indicators: DF.Table[AnnualSummaryIndicator]
		industrial_cluster: DF.Link | None
		inspection_date: DF.Date | None
		inspection_findings: DF.Text | None
		inspection_opinion: DF.Text | None
		inspectors: DF.Data | None
		measure_progress: DF.Table[AnnualSummaryMeasureProgress]
		next_year_plan: DF.Text | None
		organizing_unit: DF.Link | None
		own_brand_sales_share: DF.Percent
		pilot_batch: DF.Link | None
		policies_and_funds: DF.Table[AnnualSummaryFunding]
		problems: DF.Text | None
		recommending_authority: DF.Link | None
		reporting_year: DF.Int
		self_evaluations: DF.Table[AnnualSummarySelfEvaluation]
		submitted_on: DF.Date | None
		target_progress: DF.Table[AnnualSummaryTargetProgress]
		total_funds: DF.Float
		work_results: DF.Text | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def autoname(self):
		# one per pilot and year: BP-2017-001-2018
		self.name = f"{self.brand_pilot}-{cint(self.reporting_year)}"

	def validate(self):
		self.set_pilot_values()
		self.prefill_from_the_plan()
		facts = gather_summary_facts(self, changed_levels(self, summary_workflow.EDITABLE_IN))
		outcome = summary_save.check_save(facts)
		self.apply_derived(outcome)
		self.throw_problems(outcome)

	def on_update(self):
		if self.has_value_changed("workflow_state"):
			notify_summary_transition(self)

	# --- the steps of a save ----------------------------------------------------------------------------

	def prefill_from_the_plan(self):
		"""A new summary starts from its pilot: a row per measure of the approved plan, the indicators beside
		their baseline, the quantitative targets, and the backbone enterprises of the previous year (the last
		summary, or the 申报书 for the first year)."""
		pilot = self.pilot()
		if not self.is_new() or pilot is None:
			return
		previous = self.previous_summary()
		if not self.measure_progress:
			rows = summary_progress.measure_progress_rows(
				[row.as_dict() for row in pilot.work_plan],
				[row.as_dict() for row in previous.measure_progress] if previous else None,
			)
			self.set("measure_progress", rows)
		if not self.indicators:
			baseline = {row.indicator: row.baseline_value for row in pilot.baseline_indicators}
			self.set("indicators", summary_indicators.indicator_rows(baseline))
		if not self.target_progress:
			self.set(
				"target_progress",
				summary_progress.target_rows([row.as_dict() for row in pilot.quantitative_targets]),
			)
		if not self.backbone_enterprises:
			source = (
				previous.backbone_enterprises
				if previous
				else frappe.get_doc(APPLICATION, pilot.application).backbone_enterprises
			)
			self.set(
				"backbone_enterprises", summary_indicators.backbone_rows([row.as_dict() for row in source])
			)

	def previous_summary(self):
		name = frappe.db.get_value(
			ANNUAL_WORK_SUMMARY,
			{"brand_pilot": self.brand_pilot, "reporting_year": ("<", cint(self.reporting_year))},
			"name",
			order_by="reporting_year desc",
		)
		return frappe.get_doc(ANNUAL_WORK_SUMMARY, name) if name else None

	def apply_derived(self, outcome: SummaryOutcome):
		"""What the save derives, in one place: the summary's values, its rows' (each in its place) and the
		derived indicators' rows, updated in place (matched on their indicator)."""
		apply_derived(self, outcome.derived, outcome.row_values, summary_save.DERIVED_ROWS_KEY)

	def throw_problems(self, outcome: SummaryOutcome):
		"""Each kind of problem in its turn, as the user has always been told them."""
		problems = outcome.problems
		throw_violations(problems[summary_save.REPORTING_YEAR], _("Annual Work Summary"))
		throw_violations(
			problems[summary_save.EDIT_LOCKS], _("This part of the summary cannot be changed now")
		)
		throw_violations(problems[summary_save.ENTRIES], _("The annual work summary has errors"), doc=self)
		throw_violations(problems[summary_save.STORABLE], _(self.doctype), doc=self)
		throw_violations(problems[summary_save.LINKS], _("The annual work summary has errors"), doc=self)
		throw_violations(problems[summary_save.DUPLICATE], None, exc=frappe.DuplicateEntryError)
		# with the document: the answer locates the first missing cell, which the form opens (InvalidCellError)
		throw_violations(
			problems[summary_save.TRANSITION],
			_("The annual work summary cannot move to {0}").format(_(self.workflow_state)),
			_("The summary cannot be submitted until the following items are complete:")
			if self.workflow_state == summary_workflow.PENDING_PROVINCIAL_INSPECTION
			else None,
			doc=self,
		)

	def rule_input(self) -> dict:
		return doc_as_rule_input(self)

	# --- reading ---------------------------------------------------------------------------------------

	def onload(self):
		self.set_onload(
			"editable_levels",
			session_editable_levels(
				summary_workflow.EDITABLE_IN, summary_workflow.editable_levels, self.workflow_state
			),
		)

	@frappe.whitelist()
	def check_completeness(self) -> dict:
		"""The form's 完整性检查 button: every missing item by its name, without saving."""
		return completeness_report(self)


def gather_summary_facts(doc, changed: set[int] | None = None) -> SummaryFacts:
	"""Every fact that the rules of the summary's save read (rules/pilot_years/save.py), gathered once.
	``changed``: the levels that the save changes (controllers/edit_locks.changed_levels)."""
	before = doc.get_doc_before_save()
	pilot = doc.pilot()
	sizes = column_sizes(doc.meta)
	return SummaryFacts(
		summary=doc.rule_input(),
		today=getdate(today()),
		is_new=not before,
		previous_state=before.workflow_state if before else None,
		changed_levels=frozenset(changed or ()),
		is_administrator=frappe.session.user == "Administrator",
		roles=frozenset(frappe.get_roles()),
		pilot_start=getdate(pilot.start_date) if pilot and pilot.start_date else None,
		pilot_end=getdate(pilot.planned_end_date) if pilot and pilot.planned_end_date else None,
		province_due=province_due_date(doc) if doc.reporting_year else None,
		duplicate=existing_duplicate(doc, ("brand_pilot", "reporting_year")),
		column_sizes=sizes,
		values_as_sent=values_as_sent(doc, sizes),
		missing_links=tuple(doc.missing_links()),
	)


def completeness_report(doc) -> dict:
	"""The 完整性检查 (the form's button): the save's own entry point, asked what the summary would lack to
	go to its province, without saving."""
	outcome = summary_save.check_save(gather_summary_facts(doc), completeness=True)
	doc.apply_derived(outcome)
	problems = [
		*outcome.problems[summary_save.REPORTING_YEAR],
		*outcome.problems[summary_save.ENTRIES],
		*outcome.problems[summary_save.LINKS],
		*outcome.problems[summary_save.INCOMPLETE],
	]
	return {"complete": not problems, "missing": [translate_violation(v) for v in problems]}
