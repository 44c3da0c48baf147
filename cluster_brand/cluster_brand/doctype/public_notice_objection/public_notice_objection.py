# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""公示异议: an objection to a candidate in the ministry's public notice, received from the public page
(www/public-notice.py) or recorded by the ministry, and the ministry's handling of it. Readable and writable
by the Ministry Administrator alone (and System Manager): its DocType permissions name no other role, so no
other role reads it on any path. A new one is notified to the ministry."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.doctype_names import PUBLIC_NOTICE_OBJECTION
from cluster_brand.rules import public_notice as rules


class PublicNoticeObjection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		application: DF.Link
		evidence: DF.Attach | None
		grounds: DF.Text
		handled_by: DF.Link | None
		handled_on: DF.Date | None
		handling: DF.Text | None
		objector_name: DF.Data
		objector_phone: DF.Data
		objector_unit: DF.Data
		received_on: DF.Date | None
		result: DF.Literal["", "Objection Upheld", "Objection Not Upheld"]
		status: DF.Literal["Unhandled", "Handled"]
	# end: auto-generated types

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.validate_entries()
		self.validate_handling()
		self.record_receipt()
		self.record_handler()

	def after_insert(self):
		from cluster_brand.notifications.public_notice import notify_ministry_of_objection

		notify_ministry_of_objection(self)

	def validate_entries(self):
		throw_violations(rules.check_objection(self.as_dict()), _(PUBLIC_NOTICE_OBJECTION), doc=self)

	def validate_handling(self):
		before = self.get_doc_before_save()
		violations = rules.check_reopening(before.status if before else None, self.status)
		violations += rules.check_handling(self.status, self.result, self.handling)
		throw_violations(violations, _(PUBLIC_NOTICE_OBJECTION), doc=self)

	def record_receipt(self):
		# set here, not before_insert: a request's read-only values are put back before validate (read_only.py)
		if not self.received_on:
			self.received_on = getdate(today())

	def record_handler(self):
		"""Who handled it and when: set by the save that marks it handled, not typed."""
		if self.status != rules.HANDLED:
			self.handled_by = self.handled_on = None
			return
		before = self.get_doc_before_save()
		if not before or before.status != rules.HANDLED:
			self.handled_by = frappe.session.user
			self.handled_on = getdate(today())
