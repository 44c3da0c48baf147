# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname

from cluster_brand.validation import validate_links, validate_storable


class BrandPilot(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		application: DF.Link
		designation_notice_number: DF.Data | None
		industrial_cluster: DF.Link
		organizing_unit: DF.Link
		pilot_batch: DF.Link
		planned_end_date: DF.Date
		recommending_authority: DF.Link | None
		start_date: DF.Date
		status: DF.Literal["In Pilot", "Pilot Completed", "Pilot Revoked"]

	# end: auto-generated types
	def autoname(self):
		year = frappe.db.get_value("Pilot Batch", self.pilot_batch, "batch_year")
		self.name = make_autoname(f"BP-{year}-.###", doc=self)

	def validate(self):
		validate_storable(self)
		validate_links(self)
