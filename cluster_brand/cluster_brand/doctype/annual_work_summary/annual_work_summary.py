# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""年度工作总结: a pilot's report on one year of its pilot period (Annex 1 四(五), 三.7). Made by the pilot's
organizing unit, inspected by its province, accepted by the ministry (the Workflow "Annual Work Summary
Review"); the rules are in cluster_brand/rules/ (summary_workflow.py, pilot_calendar.py, summary_progress.py,
summary_indicators.py, summary_completeness.py)."""

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, today

from cluster_brand.cluster_brand.doctype.cluster_brand_application.cluster_brand_application import (
	_update_rows_in_place,
)
from cluster_brand.cluster_brand.doctype.cluster_brand_application.save_facts import changed_levels
from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.set_wise_save import SetWiseSave
from cluster_brand.controllers.violations import (
	doc_as_rule_input,
	existing_duplicate,
	link_violations,
	throw_violations,
	translate_violation,
	validate_links,
	validate_storable,
)
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
from cluster_brand.notifications.annual_summary import notify_summary_transition
from cluster_brand.permissions.fields import WithholdsFromReader
from cluster_brand.readers.pilot_years import province_due_date
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import completeness as summary_completeness
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow

# the pilot's values the summary shows (and the row rules read): copied, never typed
PILOT_FIELDS = (
	"industrial_cluster",
	"organizing_unit",
	"recommending_authority",
	"pilot_batch",
	"baseline_year",
)


class AnnualWorkSummary(SetWiseSave, WithholdsFromReader, NullableNumbers):
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
		# first: the due date and the progress are dates of the reporting year
		self.check_reporting_year()
		self.prefill_from_the_plan()
		self.set_due_date()
		self.set_derived_values()
		self.check_edit_locks()
		self.check_entries()
		self.check_one_per_pilot_and_year()
		self.check_transition()

	def on_update(self):
		if self.has_value_changed("workflow_state"):
			notify_summary_transition(self)

	# --- the checks, in order ---------------------------------------------------------------------------

	def pilot(self):
		if not hasattr(self, "_pilot"):
			self._pilot = frappe.get_doc(BRAND_PILOT, self.brand_pilot) if self.brand_pilot else None
		return self._pilot

	def set_pilot_values(self):
		"""The pilot's unit, cluster, province and batch: the summary is scoped by them (permissions)."""
		pilot = self.pilot()
		if pilot is None:
			return
		for fieldname in PILOT_FIELDS:
			self.set(fieldname, pilot.get(fieldname))

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

	def set_due_date(self):
		if self.reporting_year:
			self.due_date = pilot_calendar.due_date(cint(self.reporting_year), province_due_date(self))

	def set_derived_values(self):
		"""What the summary computes: each measure's overdue flag, the change of each indicator against its
		baseline and the derived ratios, the own-brand share, each target's % and the funds' total."""
		as_of = summary_progress.progress_as_of(
			cint(self.reporting_year) or getdate(today()).year, getdate(today())
		)
		for row in self.measure_progress:
			node = getdate(row.time_node) if row.time_node else None
			row.overdue = int(
				summary_progress.measure_is_overdue({"time_node": node, "status": row.status}, as_of)
			)
		rows = [row.as_dict() for row in self.indicators]
		compared, derived = summary_indicators.compare_indicators(rows)
		for row, values in zip(self.indicators, compared, strict=True):
			row.unit = (summary_indicators.SUMMARY_INDICATOR_BY_KEY.get(row.indicator) or row).unit
			row.change_percent = values["change_percent"]
		_update_rows_in_place(self, "derived_indicators", "derived_indicator", derived)
		self.own_brand_sales_share = summary_indicators.own_brand_sales_share(
			[row.as_dict() for row in self.backbone_enterprises]
		)
		for row in self.target_progress:
			row.percent_of_target = summary_progress.percent_of_target(row.target_value, row.achieved_value)
		self.total_funds = sum(flt(row.amount) for row in self.policies_and_funds)

	def check_edit_locks(self):
		before = self.get_doc_before_save()
		if before is None or frappe.session.user == "Administrator":
			return
		throw_violations(
			summary_workflow.forbidden_edits(
				before.workflow_state, changed_levels(self), set(frappe.get_roles())
			),
			_("This part of the summary cannot be changed now"),
		)

	def check_entries(self):
		throw_violations(
			summary_completeness.entry_problems(self.rule_input()),
			_("The annual work summary has errors"),
			doc=self,
		)
		validate_storable(self)
		validate_links(self, _("The annual work summary has errors"))

	def check_one_per_pilot_and_year(self):
		existing = existing_duplicate(self, ("brand_pilot", "reporting_year"))
		if existing:
			frappe.throw(
				_("{0} already has an annual work summary for {1}: {2}.").format(
					self.brand_pilot, self.reporting_year, existing
				),
				frappe.DuplicateEntryError,
			)

	def check_reporting_year(self):
		pilot = self.pilot()
		start = getdate(pilot.start_date) if pilot and pilot.start_date else None
		end = getdate(pilot.planned_end_date) if pilot and pilot.planned_end_date else None
		throw_violations(
			pilot_calendar.check_reporting_year(self.reporting_year, start, end), _("Annual Work Summary")
		)

	def check_transition(self):
		before = self.get_doc_before_save()
		previous = before.workflow_state if before else None
		if not before or previous == self.workflow_state:
			return
		violations = summary_workflow.check_transition(
			summary_workflow.SummaryTransition(
				previous, self.workflow_state, getdate(today()), self.rule_input()
			)
		)
		title = _("The annual work summary cannot move to {0}").format(_(self.workflow_state))
		intro = (
			_("The summary cannot be submitted until the following items are complete:")
			if self.workflow_state == summary_workflow.PENDING_PROVINCIAL_INSPECTION
			else None
		)
		# with the document: the answer locates the first missing cell, which the form opens (InvalidCellError)
		throw_violations(violations, title, intro, doc=self)
		if self.workflow_state == summary_workflow.PENDING_PROVINCIAL_INSPECTION:
			self.submitted_on = today()

	def rule_input(self) -> dict:
		return doc_as_rule_input(self)

	# --- reading ---------------------------------------------------------------------------------------

	def onload(self):
		roles = set(frappe.get_roles())
		levels = (
			sorted(summary_workflow.EDITABLE_IN)
			if frappe.session.user == "Administrator"
			else summary_workflow.editable_levels(self.workflow_state, roles)
		)
		self.set_onload("editable_levels", levels)

	@frappe.whitelist()
	def check_completeness(self) -> dict:
		"""The form's 完整性检查 button: every missing item by its name, without saving."""
		return completeness_report(self)


def completeness_report(doc) -> dict:
	doc.set_derived_values()
	problems = (
		summary_completeness.entry_problems(doc.rule_input())
		+ link_violations(doc)
		+ summary_completeness.missing_items(doc.rule_input(), getdate(today()))
	)
	return {"complete": not problems, "missing": [translate_violation(v) for v in problems]}
