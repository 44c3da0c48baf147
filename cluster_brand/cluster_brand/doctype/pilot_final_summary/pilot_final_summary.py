# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""试点工作总结报告 (issue 21): the pilot's report on its whole pilot period, one per pilot. Started by its
organizing unit once the last reporting year has come (start_final_summary in brand_pilot.py), assembled
from the pilot and its accepted annual work summaries (rules/pilot_end/final_summary.py: never typed),
checked by its province and accepted by the ministry, whose outcome ends the pilot (completed or not). A save
is one trip in the annual summary's shape: the pilot's values copied in, the figures assembled once, the facts
gathered, one pure function deciding (rules/pilot_end/final_summary_workflow.py), the problems refused."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from cluster_brand.controllers.duplicates import existing_duplicate
from cluster_brand.controllers.edit_locks import changed_levels, session_editable_levels
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.pilot_values import OfItsPilot
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
from cluster_brand.notifications.final_summary import notify_final_summary_transition
from cluster_brand.permissions.fields import WithholdsFromReader
from cluster_brand.readers.evaluation_rounds import batch_round
from cluster_brand.rules.pilot_end import final_summary as rules
from cluster_brand.rules.pilot_end import final_summary_workflow as workflow
from cluster_brand.rules.pilot_end.final_summary_workflow import FinalSummaryFacts
from cluster_brand.rules.pilot_years.workflow import ACCEPTED

# the assembled figures that are fields of the summary itself (the rest are its tables)
FIGURE_FIELDS = ("funds_planned", "funds_delivered", "funds_percent_of_plan")
ASSEMBLED_TABLES = (rules.MEASURES_TABLE, "indicator_years", "target_outcomes", "self_evaluations")


class PilotFinalSummary(OfItsPilot, WithholdsFromReader, Document):
	# the pilot's values the form shows and the row rules read: copied, never typed
	PILOT_FIELDS = ("industrial_cluster", "organizing_unit", "recommending_authority", "pilot_batch")

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.final_summary_indicator.final_summary_indicator import (
			FinalSummaryIndicator,
		)
		from cluster_brand.cluster_brand.doctype.final_summary_measure_outcome.final_summary_measure_outcome import (
			FinalSummaryMeasureOutcome,
		)
		from cluster_brand.cluster_brand.doctype.final_summary_self_evaluation.final_summary_self_evaluation import (
			FinalSummarySelfEvaluation,
		)
		from cluster_brand.cluster_brand.doctype.final_summary_target_outcome.final_summary_target_outcome import (
			FinalSummaryTargetOutcome,
		)

		acceptance_date: DF.Date | None
		acceptance_opinion: DF.Text | None
		brand_pilot: DF.Link
		check_date: DF.Date | None
		check_opinion: DF.Text | None
		due_date: DF.Date | None
		funds_delivered: DF.Float
		funds_percent_of_plan: DF.Float
		funds_planned: DF.Float
		indicator_years: DF.Table[FinalSummaryIndicator]
		industrial_cluster: DF.Link | None
		lessons: DF.Text | None
		measure_outcomes: DF.Table[FinalSummaryMeasureOutcome]
		organizing_unit: DF.Link | None
		outcome: DF.Literal["", "Pilot Tasks Completed", "Pilot Tasks Not Completed"]
		pilot_batch: DF.Link | None
		problems: DF.Text | None
		recommending_authority: DF.Link | None
		reporting_years: DF.Data | None
		self_evaluations: DF.Table[FinalSummarySelfEvaluation]
		target_outcomes: DF.Table[FinalSummaryTargetOutcome]
		work_results: DF.Text | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def autoname(self):
		# one per pilot: BP-2017-001-FS
		self.name = f"{self.brand_pilot}-FS"

	def validate(self):
		self.set_pilot_values()
		self.assemble_on_creation()
		self.keep_assembled_rows()
		problems = workflow.check_save(gather_final_summary_facts(self))
		self.throw_problems(problems)

	def on_update(self):
		if self.has_value_changed("workflow_state"):
			if self.workflow_state == ACCEPTED:
				self.end_the_pilot()
			notify_final_summary_transition(self)

	# --- the steps of a save ----------------------------------------------------------------------------

	def set_pilot_values(self):
		super().set_pilot_values()
		if self.pilot() is not None:
			# the batch's open evaluation round sets when it is due, else the pilot's planned end
			self.due_date = rules.due_date(
				self.pilot().planned_end_date, batch_round(self.pilot().pilot_batch)
			)

	def assemble_on_creation(self):
		"""A new final summary: the measures, indicators, targets, funds and self-evaluations of the pilot and
		of its accepted annual work summaries (read whole: the unit's own, or the province's or ministry's)."""
		pilot = self.pilot()
		if not self.is_new() or pilot is None:
			return
		names = frappe.get_all(
			ANNUAL_WORK_SUMMARY,
			{"brand_pilot": pilot.name, "workflow_state": ACCEPTED},
			pluck="name",
			order_by="reporting_year",
		)
		summaries = [frappe.get_doc(ANNUAL_WORK_SUMMARY, name).as_dict() for name in names]
		planned = frappe.get_doc(APPLICATION, pilot.application).funding_plan if pilot.application else []
		figures = rules.assemble(pilot.as_dict(), [row.as_dict() for row in planned], summaries)
		years = figures["reporting_years"]
		self.set(rules.MEASURES_TABLE, figures[rules.MEASURES_TABLE])
		self.set("indicator_years", rules.indicator_year_rows(figures["indicator_years"], years))
		self.set("target_outcomes", figures["target_outcomes"])
		self.set("self_evaluations", figures["self_evaluations"])
		for fieldname in FIGURE_FIELDS:
			self.set(fieldname, figures[fieldname])
		self.reporting_years = "、".join(str(year) for year in years)

	def keep_assembled_rows(self):
		"""The assembled rows keep their saved values on every write path: read_only.py keeps a DocType's own
		read-only fields, not its rows' (only the reason a measure was not completed is the unit's to write)."""
		before = self.get_doc_before_save()
		if not before:
			return
		for table in ASSEMBLED_TABLES:
			saved = {row.name: row for row in before.get(table)}
			columns = [
				df.fieldname
				for df in frappe.get_meta(self.meta.get_field(table).options).fields
				if df.read_only
			]
			for row in self.get(table):
				for column in columns:
					row.set(column, saved[row.name].get(column) if row.name in saved else None)

	def throw_problems(self, problems: dict):
		throw_violations(problems[workflow.START], _("Pilot Final Summary"))
		throw_violations(
			problems[workflow.EDIT_LOCKS], _("This part of the final summary cannot be changed now")
		)
		throw_violations(problems[workflow.DUPLICATE], None, exc=frappe.DuplicateEntryError)
		throw_violations(
			problems[workflow.TRANSITION],
			_("The pilot's final summary cannot move to {0}").format(_(self.workflow_state)),
			_("The final summary cannot be submitted until the following items are complete:")
			if self.workflow_state == workflow.PENDING_PROVINCIAL_CHECK
			else None,
			doc=self,
		)

	def end_the_pilot(self):
		"""The ministry's acceptance ends the pilot: completed, or not, as its outcome says."""
		status = rules.pilot_status(self.outcome)
		if status:
			frappe.db.set_value(BRAND_PILOT, self.brand_pilot, "status", status)

	# --- reading ---------------------------------------------------------------------------------------

	def onload(self):
		self.set_onload(
			"editable_levels",
			session_editable_levels(workflow.EDITABLE_IN, workflow.editable_levels, self.workflow_state),
		)
		# the indicator table's year columns are headed by the years they report (the form script)
		self.set_onload("reporting_years", [y for y in (self.reporting_years or "").split("、") if y])


def gather_final_summary_facts(doc) -> FinalSummaryFacts:
	before = doc.get_doc_before_save()
	pilot = doc.pilot()
	return FinalSummaryFacts(
		summary=doc_as_rule_input(doc),
		today=getdate(today()),
		pilot_end=getdate(pilot.planned_end_date) if pilot and pilot.planned_end_date else None,
		is_new=not before,
		previous_state=before.workflow_state if before else None,
		changed_levels=frozenset(changed_levels(doc, workflow.EDITABLE_IN)),
		is_administrator=frappe.session.user == "Administrator",
		roles=frozenset(frappe.get_roles()),
		duplicate=existing_duplicate(doc, ("brand_pilot",)),
		evaluation_round=batch_round(pilot.pilot_batch) if pilot else None,
	)
