# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from cluster_brand.cluster_brand.doctype.expert_review.expert_review import refresh_review_deadlines
from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.notifications.deadlines import refresh_deadlines
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.indicators import indicator_years
from cluster_brand.rules.registry import check_pilot_batch
from cluster_brand.rules.review import scoring

# What the open applications copy from their batch (fetch_from), refreshed when it changes.
DATES_COPIED_TO_APPLICATIONS = (
	"online_submission_deadline",
	"provincial_recommendation_deadline",
	"paper_copies_required",
)


class PilotBatch(Document):
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.set_indicator_years()
		self.set_default_rubric()
		self.validate_batch_rules()
		self.validate_rubric()
		self.status = stage_of(self)

	def on_update(self):
		if any(self.has_value_changed(field) for field in DATES_COPIED_TO_APPLICATIONS):
			refresh_deadlines(self.name)
		if self.has_value_changed("expert_review_deadline"):
			refresh_review_deadlines(self.name, self.expert_review_deadline)

	def set_indicator_years(self):
		if self.batch_year:
			self.indicator_years = ", ".join(str(y) for y in indicator_years(self.batch_year))

	def set_default_rubric(self):
		"""A batch without a rubric starts from the previous batch's (the ministry adjusts what changed), the
		programme's default for the first batch."""
		if self.review_criteria:
			return
		previous = previous_batch(self.batch_year, self.name)
		rows = (
			frappe.get_all(
				"Review Criterion",
				{"parent": previous, "parenttype": "Pilot Batch", "parentfield": "review_criteria"},
				["criterion", "weight", "guidance"],
				order_by="idx",
			)
			if previous
			else []
		)
		if not rows:
			rows = [
				{"criterion": criterion, "weight": weight, "guidance": guidance}
				for criterion, weight, guidance in scoring.DEFAULT_RUBRIC
			]
		for row in rows:
			self.append("review_criteria", dict(row))

	def validate_batch_rules(self):
		throw_violations(check_pilot_batch(doc_as_rule_input(self)), _("Pilot Batch"))

	def validate_rubric(self):
		throw_violations(
			scoring.check_rubric([row.as_dict() for row in self.review_criteria]),
			_("Expert Review Rubric"),
		)


def previous_batch(batch_year: int | None, name: str | None = None) -> str | None:
	"""The batch before one of ``batch_year`` (the latest one when the year is not given yet)."""
	filters = {"name": ("!=", name or "")}
	if batch_year:
		filters["batch_year"] = ("<", batch_year)
	batches = frappe.get_all(
		"Pilot Batch", filters, pluck="name", order_by="batch_year desc, creation desc", limit=1
	)
	return batches[0] if batches else None


def stage_of(batch) -> str:
	"""The batch's status as its stage (rules/application/workflow.py batch_status), from its applications' states."""
	application_states = (
		# each state once: a batch of thousands of applications is read at every application's step
		frappe.get_all(
			APPLICATION, filters={"pilot_batch": batch.name}, pluck="workflow_state", distinct=True
		)
		if batch.name and not batch.is_new()
		else []
	)
	deadline = batch.online_submission_deadline
	return workflow.batch_status(
		batch.status, getdate(today()), getdate(deadline) if deadline else None, application_states
	)


def refresh_batch_status(name: str):
	"""After an application's step, and daily (a deadline passes): the batch's status follows its stage."""
	batch = frappe.get_doc(PILOT_BATCH, name)
	status = stage_of(batch)
	if status != batch.status:
		batch.db_set("status", status, update_modified=False)


def refresh_batch_statuses():
	for name in frappe.get_all(PILOT_BATCH, filters={"status": ("!=", workflow.BATCH_DRAFT)}, pluck="name"):
		refresh_batch_status(name)
