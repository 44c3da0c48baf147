# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	validate_is_provincial,
)
from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.duplicates import existing_duplicate
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.notifications.deadlines import refresh_deadlines
from cluster_brand.rules.pilot_years.calendar import check_province_due


class RecommendationSetting(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		annual_summary_due_date: DF.Date | None
		pilot_batch: DF.Link
		recommendation_deadline: DF.Date | None
		recommendation_quota: DF.Int
		recommending_authority: DF.Link
	# end: auto-generated types
	"""A recommending authority's own deadline in a batch (set by the province) and its quota (set by the
	ministry)."""

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.validate_provincial_authority()
		self.validate_one_setting_per_batch()
		self.validate_deadline_not_after_the_batch()
		self.validate_annual_summary_due_date()

	def on_update(self):
		if self.has_value_changed("recommendation_deadline"):
			refresh_deadlines(self.pilot_batch, self.recommending_authority)

	def after_delete(self):
		refresh_deadlines(self.pilot_batch, self.recommending_authority)

	def validate_provincial_authority(self):
		validate_is_provincial(self.recommending_authority, _("Recommendation Setting"))

	def validate_one_setting_per_batch(self):
		existing = existing_duplicate(self, ("pilot_batch", "recommending_authority"))
		if existing:
			frappe.throw(
				_("{0} already has a recommendation setting for {1}.").format(
					self.recommending_authority, self.pilot_batch
				),
				frappe.DuplicateEntryError,
			)

	def validate_deadline_not_after_the_batch(self):
		batch_deadline = frappe.db.get_value(
			"Pilot Batch", self.pilot_batch, "provincial_recommendation_deadline"
		)
		if (
			self.recommendation_deadline
			and batch_deadline
			and getdate(self.recommendation_deadline) > getdate(batch_deadline)
		):
			frappe.throw(
				_("The own deadline of {0} ({1}) may be earlier than the batch's ({2}), not later.").format(
					self.recommending_authority, self.recommendation_deadline, batch_deadline
				)
			)

	def validate_annual_summary_due_date(self):
		"""The pilots' summaries: a province may ask for them before 30 November, not after."""
		due = getdate(self.annual_summary_due_date) if self.annual_summary_due_date else None
		throw_violations(check_province_due(due), _("Recommendation Setting"))
