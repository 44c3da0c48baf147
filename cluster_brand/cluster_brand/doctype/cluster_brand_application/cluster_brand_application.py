# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""The 申报书 on a real site. A save is one trip (validate, in named steps): the facts are gathered once
(save_facts.py), one pure function decides (cluster_brand/rules/application/save.py: every kind of problem
and the derived values), and the controller applies what it derives in one place and refuses what is wrong.
What a save changes elsewhere is done by the DocType it changes (the sheets by Expert Review, the pilot by
Brand Pilot), called from on_update."""

import frappe
from frappe import _
from frappe.model.naming import make_autoname

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import create_brand_pilot
from cluster_brand.cluster_brand.doctype.cluster_brand_application.save_facts import gather_save_facts
from cluster_brand.cluster_brand.doctype.expert_review.expert_review import sync_expert_reviews
from cluster_brand.cluster_brand.doctype.pilot_batch.pilot_batch import refresh_batch_status
from cluster_brand.controllers.blank_numbers import NullableNumbers
from cluster_brand.controllers.declared_values import keep_declared_values
from cluster_brand.controllers.edit_locks import changed_levels, session_editable_levels
from cluster_brand.controllers.messages import throw_violations, translate_violation
from cluster_brand.controllers.rows import apply_derived
from cluster_brand.controllers.set_wise_save import SetWiseSave
from cluster_brand.doctype_names import PILOT_BATCH
from cluster_brand.notifications.application import notify_transition
from cluster_brand.permissions.fields import WithholdsFromReader
from cluster_brand.rules.application import edit_locks, workflow
from cluster_brand.rules.application import save as application_save
from cluster_brand.rules.application.indicators import INDICATOR_BY_KEY, INDICATORS
from cluster_brand.rules.application.save import SaveOutcome
from cluster_brand.rules.application.work_plan import (
	WORK_ITEM_KEYS,
	WORK_ITEM_NUMBER,
	number_measures,
	sort_tasks,
)


class ClusterBrandApplication(SetWiseSave, WithholdsFromReader, NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.application_backbone_enterprise.application_backbone_enterprise import (
			ApplicationBackboneEnterprise,
		)
		from cluster_brand.cluster_brand.doctype.application_derived_indicator.application_derived_indicator import (
			ApplicationDerivedIndicator,
		)
		from cluster_brand.cluster_brand.doctype.application_funding.application_funding import (
			ApplicationFunding,
		)
		from cluster_brand.cluster_brand.doctype.application_indicator.application_indicator import (
			ApplicationIndicator,
		)
		from cluster_brand.cluster_brand.doctype.application_qualitative_target.application_qualitative_target import (
			ApplicationQualitativeTarget,
		)
		from cluster_brand.cluster_brand.doctype.application_quantitative_target.application_quantitative_target import (
			ApplicationQuantitativeTarget,
		)
		from cluster_brand.cluster_brand.doctype.application_task.application_task import ApplicationTask
		from cluster_brand.cluster_brand.doctype.application_top_enterprise.application_top_enterprise import (
			ApplicationTopEnterprise,
		)
		from cluster_brand.cluster_brand.doctype.application_work_item.application_work_item import (
			ApplicationWorkItem,
		)
		from cluster_brand.cluster_brand.doctype.expert_assignment.expert_assignment import ExpertAssignment

		application_date: DF.Date | None
		backbone_enterprises: DF.Table[ApplicationBackboneEnterprise]
		backbone_sales_coverage: DF.Percent
		batch_year: DF.Int
		brand_development_foundation: DF.Text | None
		brand_management_mechanism: DF.Text | None
		brand_pilot: DF.Link | None
		commits_organisation_and_funding: DF.Check
		competitive_advantages: DF.Text | None
		copied_from: DF.Link | None
		conforms_to_industrial_policy: DF.Check
		cycle_end: DF.Date | None
		cycle_start: DF.Date | None
		decision_date: DF.Date | None
		derived_indicators: DF.Table[ApplicationDerivedIndicator]
		designation_notice_number: DF.Data | None
		development_history: DF.Text | None
		development_prospects: DF.Text | None
		enterprise_brand_cultivation: DF.Text | None
		expert_assignments: DF.Table[ExpertAssignment]
		funding_plan: DF.Table[ApplicationFunding]
		honours: DF.Text | None
		indicator_years: DF.Data | None
		indicators: DF.Table[ApplicationIndicator]
		industrial_cluster: DF.Link
		industry_organisations: DF.Text | None
		industry_sector: DF.Literal[
			"",
			"Machinery",
			"Textiles",
			"Light Industry",
			"Building Materials",
			"Petroleum and Chemicals",
			"Iron and Steel",
			"Nonferrous Metals",
			"Electronics and Information",
			"Pharmaceuticals",
			"Other",
		]
		is_national_demonstration_base: DF.Check
		leading_industry: DF.Data | None
		leading_industry_profile: DF.Text | None
		leading_industry_sales_revenue: DF.Float
		management_systems: DF.Text | None
		marketing_platform: DF.Text | None
		mean_score: DF.Float
		no_major_incident_in_three_years: DF.Check
		online_submission_deadline: DF.Date | None
		organizing_unit: DF.Link
		other_matters: DF.Text | None
		own_brand_building: DF.Text | None
		paper_copies_received: DF.Int
		paper_copies_required: DF.Int
		paper_copies_stamped: DF.Check
		paper_receipt_note: DF.SmallText | None
		paper_received_date: DF.Date | None
		pilot_batch: DF.Link
		pilot_cycle_years: DF.Literal["1", "2", "3"]
		public_notice_end: DF.Date | None
		public_notice_start: DF.Date | None
		qualitative_targets: DF.Table[ApplicationQualitativeTarget]
		quality_level: DF.Text | None
		quality_safety_credit_environment: DF.Text | None
		quantitative_targets: DF.Table[ApplicationQuantitativeTarget]
		recommendation_date: DF.Date | None
		recommendation_deadline: DF.Date | None
		recommendation_opinion: DF.Text | None
		recommendation_rank: DF.Int
		recommending_authority: DF.Link | None
		recommending_officer: DF.Data | None
		regional_brand_evaluation: DF.Text | None
		regional_brand_protection: DF.Text | None
		regional_brand_strategy: DF.Text | None
		regional_industry_composition: DF.Text | None
		safeguard_measures: DF.Text | None
		service_platforms: DF.Text | None
		stamped_form_scan: DF.Attach | None
		standards_participation: DF.Text | None
		statistics_year: DF.Int
		supporting_policies: DF.Text | None
		tasks: DF.Table[ApplicationTask]
		technology_innovation: DF.Text | None
		technology_level: DF.Text | None
		top_enterprises: DF.Table[ApplicationTopEnterprise]
		total_assets: DF.Float
		total_funding: DF.Float
		total_own_brand_sales_revenue: DF.Float
		total_profit_sum: DF.Float
		total_sales_revenue: DF.Float
		work_approach: DF.Text | None
		work_items: DF.Table[ApplicationWorkItem]
		work_objectives: DF.Text | None
		work_organisation: DF.Text | None
		work_tasks: DF.Text | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def autoname(self):
		self.name = make_autoname(f"CBA-{self.get_batch_year()}-.#####", doc=self)

	def validate(self):
		self.keep_declared_values()
		# the parts of the form this save changes, on the rows as sent (before they are put in official order)
		edited = changed_levels(self, edit_locks.EDITABLE_IN)
		self.set_official_rows()
		facts = gather_save_facts(self, edited)
		outcome = application_save.check_save(facts)
		self.apply_derived(outcome.derived)
		self.throw_problems(outcome)

	def throw_problems(self, outcome: SaveOutcome):
		"""Each kind of problem in its turn, as the user has always been told them; the checks of every
		programme form (values its columns hold, links that exist) come after the entries."""
		problems = outcome.problems
		throw_violations(
			problems[application_save.EDIT_LOCKS],
			_("This part of the application cannot be changed now"),
			where=self,
		)
		throw_violations(problems[application_save.ENTRIES], _("The application form has errors"), doc=self)
		throw_violations(problems[application_save.STORABLE], _(self.doctype), doc=self)
		throw_violations(problems[application_save.LINKS], _("The application form has errors"), doc=self)
		throw_violations(problems[application_save.CLUSTER_UNIT], _("Cluster Brand Application"), where=self)
		throw_violations(
			problems[application_save.DUPLICATE],
			_("Cluster Brand Application"),
			exc=frappe.DuplicateEntryError,
			where=self,
		)
		throw_violations(problems[application_save.ASSIGNMENTS], _("Expert assignment"), where=self)
		throw_violations(
			problems[application_save.INCOMPLETE],
			_("The application is not complete"),
			_("The application cannot be submitted until the following items are complete and correct:"),
			where=self,
		)
		throw_violations(
			problems[application_save.TRANSITION],
			_("The application cannot move to {0}").format(_(self.workflow_state)),
			where=self,
		)

	def onload(self):
		self.set_onload("editable_levels", self.editable_levels())

	def editable_levels(self) -> list[int]:
		"""The permission levels that the reader may change in the application's present state: the edit locks
		(its role's part, in its stage)."""
		return session_editable_levels(
			edit_locks.EDITABLE_IN, edit_locks.editable_levels, self.workflow_state
		)

	def on_update(self):
		sync_expert_reviews(self)
		if self.has_value_changed("workflow_state"):
			if self.workflow_state == workflow.APPROVED_AS_PILOT:
				create_brand_pilot(self)
			notify_transition(self)
			# the batch's status follows its stage (issue 19)
			refresh_batch_status(self.pilot_batch)

	def keep_declared_values(self):
		"""What the application fetched from the registers (its unit's province, its cluster's industry, its
		batch's deadline and copies, its enterprises' names and contacts) is part of the edit locks: once the
		application has left the applicant, a save keeps the values from before it.

		Kept, not refused: a change of a register is no edit of the application, and refusing would block
		every later save of it (the province's opinion, the receipt, the ministry's decision) until the
		register was changed back. The application is the record of what was declared, and to whom, when it
		was submitted (as on its stamped paper copies); a unit moved to another province by the ministry
		applies to that unit's next application, or to this one if it is returned to the applicant."""
		before = self.get_doc_before_save()
		if before and before.workflow_state not in workflow.WITH_APPLICANT:
			keep_declared_values(self)

	def get_batch_year(self) -> int | None:
		if not self.batch_year and self.pilot_batch:
			self.batch_year = frappe.db.get_value(PILOT_BATCH, self.pilot_batch, "batch_year")
		return self.batch_year

	def set_official_rows(self):
		"""The 11 main indicators and the 7 work items always stand in the official order; the tasks are
		sorted and numbered in place (their rows keep their names, so a save updates rather than re-inserts)."""
		self.set("indicators", _in_official_order(self.indicators, "indicator", [i.key for i in INDICATORS]))
		for row in self.indicators:
			if row.indicator in INDICATOR_BY_KEY:
				row.unit = INDICATOR_BY_KEY[row.indicator].unit
		self.set("work_items", _in_official_order(self.work_items, "work_item", WORK_ITEM_KEYS))
		for row in self.work_items:
			row.work_item_no = WORK_ITEM_NUMBER.get(row.work_item)
		self.set("tasks", sort_tasks(self.tasks))
		for row, number in zip(self.tasks, number_measures(self.tasks), strict=True):
			row.measure_no = number

	def apply_derived(self, derived: dict):
		"""What the save derives, in one place: the read-only values, and the derived indicators' rows
		updated in place (matched on their indicator)."""
		apply_derived(self, derived, keyed={"derived_indicators": "derived_indicator"})

	@frappe.whitelist()
	def check_completeness(self) -> dict:
		"""The form's 完整性检查 button: every missing or inconsistent item by its official name."""
		return completeness_report(self)


def _in_official_order(rows, fieldname: str, keys: list[str]):
	"""Rows ordered as ``keys``, a blank row added for each key that is missing, unknown rows kept last."""
	by_key = {}
	extra = []
	for row in rows:
		if row.get(fieldname) in keys and row.get(fieldname) not in by_key:
			by_key[row.get(fieldname)] = row
		else:
			extra.append(row)
	return [by_key.get(key) or {fieldname: key} for key in keys] + extra


def completeness_report(doc) -> dict:
	"""The 完整性检查 (the form's button, cluster_brand.api.check_completeness): the save's own entry point,
	asked what the application would lack to leave its applicant, without saving."""
	doc.set_official_rows()
	outcome = application_save.check_save(gather_save_facts(doc), completeness=True)
	doc.apply_derived(outcome.derived)
	problems = [
		*outcome.problems[application_save.ENTRIES],
		*outcome.problems[application_save.LINKS],
		*outcome.problems[application_save.INCOMPLETE],
	]
	return {"complete": not problems, "missing": [translate_violation(v) for v in problems]}
