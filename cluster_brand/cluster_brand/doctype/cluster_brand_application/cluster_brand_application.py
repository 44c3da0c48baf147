# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.naming import make_autoname

from cluster_brand import review_process
from cluster_brand.rules import application as application_rules
from cluster_brand.rules import review as review_rules
from cluster_brand.rules.indicators import INDICATOR_BY_KEY, INDICATORS, indicator_years
from cluster_brand.rules.work_plan import WORK_ITEM_KEYS, WORK_ITEM_NUMBER, number_measures, sort_tasks
from cluster_brand.validation import (
	doc_as_rule_input,
	existing_duplicate,
	keep_fetched_values,
	link_violations,
	throw_violations,
	translate_violation,
	validate_links,
	validate_storable,
)

# The states in which the applicant still edits the form; leaving them requires a complete application.
APPLICANT_STATES = (None, "", *review_rules.APPLICANT_STATES)


class ClusterBrandApplication(Document):
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
		self.keep_fetched_values()
		self.validate_edits_allowed_in_state()
		self.set_official_rows()
		rule_input = self.set_derived_values()
		self.set_review_values()
		self.validate_entries(rule_input)
		self.validate_storable()
		self.validate_links()
		self.validate_cluster_belongs_to_unit()
		self.validate_one_application_per_cluster_and_batch()
		self.validate_expert_assignments()
		if self.is_leaving_applicant():
			self.validate_ready_to_leave_draft(rule_input)
		if self.is_changing_state():
			self.validate_transition()

	def onload(self):
		self.set_onload("editable_levels", self.editable_levels())

	def editable_levels(self) -> list[int]:
		"""The permission levels that the reader may change in the application's present state: the edit locks
		of validate_edits_allowed_in_state (its role's part, in its stage). The form makes every other field
		read-only, so that nothing looks editable that a save would refuse."""
		levels = sorted(review_rules.EDITABLE_IN)
		if frappe.session.user == "Administrator":
			return levels
		roles = set(frappe.get_roles())
		return [
			level
			for level in levels
			if not review_rules.locked_levels(self.workflow_state, {level})
			and review_process.EDITOR_ROLE[level] in roles
		]

	def on_update(self):
		review_process.sync_expert_reviews(self)
		if self.has_value_changed("workflow_state"):
			if self.workflow_state == review_rules.APPROVED_AS_PILOT:
				review_process.create_brand_pilot(self)
			review_process.notify_next_actors(self)

	def keep_fetched_values(self):
		"""What the application fetched from the registers (its unit's province, its cluster's industry, its
		batch's deadline and copies, its enterprises' names and contacts) is part of the edit locks: once the
		application has left the applicant, a save keeps the values from before it.

		Kept, not refused: a change of a register is no edit of the application, and refusing would block
		every later save of it (the province's opinion, the receipt, the ministry's decision) until the
		register was changed back. The application is the record of what was declared, and to whom, when it
		was submitted (as on its stamped paper copies); a unit moved to another province by the ministry
		applies to that unit's next application, or to this one if it is returned to the applicant."""
		if not self.is_with_applicant():
			keep_fetched_values(self)

	def validate_edits_allowed_in_state(self):
		"""Each part of the application is edited by its role in its stage only; the content is locked
		once it leaves the applicant (Frappe's Workflow checks transitions, not edits)."""
		throw_violations(
			review_process.forbidden_edits(self), _("This part of the application cannot be changed now")
		)

	def set_review_values(self):
		self.recommendation_deadline = review_process.recommendation_deadline(self)
		self.mean_score = review_process.mean_score(self)

	def validate_expert_assignments(self):
		throw_violations(review_process.assignment_problems(self), _("Expert assignment"))

	def is_with_applicant(self) -> bool:
		"""New, or in a state in which the applicant still edits it (before this save)."""
		before = self.get_doc_before_save()
		return not before or before.workflow_state in APPLICANT_STATES

	def is_changing_state(self) -> bool:
		before = self.get_doc_before_save()
		return bool(before) and before.workflow_state != self.workflow_state

	def validate_transition(self):
		before = self.get_doc_before_save()
		violations = review_rules.check_transition(
			before.workflow_state, self.workflow_state, review_process.transition_facts(self)
		)
		throw_violations(violations, _("The application cannot move to {0}").format(_(self.workflow_state)))

	def get_batch_year(self) -> int | None:
		if not self.batch_year and self.pilot_batch:
			self.batch_year = frappe.db.get_value("Pilot Batch", self.pilot_batch, "batch_year")
		return self.batch_year

	def set_official_rows(self):
		"""The 11 main indicators and the 7 work items always stand in the official order."""
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

	def set_derived_values(self):
		batch_year = self.get_batch_year()
		rule_input = doc_as_rule_input(self)
		derived = application_rules.derived_values(rule_input, batch_year)
		self.indicator_years = ", ".join(str(y) for y in indicator_years(batch_year)) if batch_year else None
		_update_rows_in_place(self, "derived_indicators", "derived_indicator", derived["derived_indicators"])
		# set_official_rows has sorted and numbered the tasks in place; copies would replace the rows
		derived.pop("tasks")
		derived.pop("measure_numbers")
		self.update({key: value for key, value in derived.items() if key != "derived_indicators"})
		# the entry and completeness checks of this save read the same input, with what was just derived
		rule_input.update(derived)
		return rule_input

	def validate_storable(self):
		"""Every value fits its column. After the entry checks, which name an indicator, an enterprise or a
		funding row by its official name and year (they read any value without failing); this check names
		every other item, and the derived values too (资金合计 of 9e11 + 9e11 is beyond its column)."""
		validate_storable(self)

	def validate_links(self):
		# After the entry checks, so that an enterprise code that fails GB 32100 is named as such first.
		validate_links(self, _("The application form has errors"))

	def validate_cluster_belongs_to_unit(self):
		unit = frappe.db.get_value("Industrial Cluster", self.industrial_cluster, "organizing_unit")
		if unit and unit != self.organizing_unit:
			frappe.throw(
				_("Industrial Cluster {0} is organized by {1}, not by the applicant unit {2}.").format(
					self.industrial_cluster, unit, self.organizing_unit
				),
				title=_("Cluster Brand Application"),
			)

	def validate_one_application_per_cluster_and_batch(self):
		existing = existing_duplicate(self, ("industrial_cluster", "pilot_batch"))
		if existing:
			frappe.throw(
				_("Industrial Cluster {0} already has application {1} in batch {2}.").format(
					self.industrial_cluster, existing, self.pilot_batch
				),
				frappe.DuplicateEntryError,
				title=_("Cluster Brand Application"),
			)

	def validate_entries(self, rule_input: dict):
		throw_violations(
			application_rules.check_entries(rule_input, self.get_batch_year()),
			_("The application form has errors"),
			doc=self,
		)

	def is_leaving_applicant(self) -> bool:
		before = self.get_doc_before_save()
		previous_state = before.workflow_state if before else None
		return self.workflow_state not in APPLICANT_STATES and previous_state in APPLICANT_STATES

	def validate_ready_to_leave_draft(self, rule_input: dict):
		throw_violations(
			self.get_incompleteness(rule_input),
			_("The application is not complete"),
			_("The application cannot be submitted until the following items are complete and correct:"),
		)

	def get_incompleteness(self, rule_input: dict | None = None):
		return application_rules.check_ready_to_leave_draft(
			rule_input or doc_as_rule_input(self), self.get_batch_year()
		)

	def apply_fieldlevel_read_permissions(self):
		"""Frappe's field levels, and what the reader may not read in this state (form, REST, print)."""
		super().apply_fieldlevel_read_permissions()
		for fieldname in self.fields_withheld_from_reader():
			self.set(fieldname, None)

	def fields_withheld_from_reader(self) -> tuple[str, ...]:
		if frappe.session.user == "Administrator":
			return ()
		return review_rules.withheld_from_reader(self.workflow_state, set(frappe.get_roles()))

	@frappe.whitelist()
	def check_completeness(self) -> dict:
		"""The form's 完整性检查 button: every missing or inconsistent item by its official name."""
		return completeness_report(self)


def _update_rows_in_place(doc, table: str, key: str, values: list[dict]):
	"""The rows of ``table`` become ``values`` (matched on ``key``) without losing their names, so that a save
	updates them rather than deleting and re-adding every row (and the timeline records only real changes)."""
	existing = {row.get(key): row for row in doc.get(table) or []}
	rows = []
	for value in values:
		row = existing.pop(value[key], None)
		if row is not None:
			# the year values are stored blank when there is none (cluster_brand/nullable_numbers.py)
			row.update(value)
		rows.append(row if row is not None else value)
	doc.set(table, rows)


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
	doc.set_official_rows()
	doc.set_derived_values()
	problems = (
		application_rules.check_entries(doc_as_rule_input(doc), doc.get_batch_year())
		+ link_violations(doc)
		+ doc.get_incompleteness()
	)
	return {"complete": not problems, "missing": [translate_violation(v) for v in problems]}
