# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname

from cluster_brand.validation import validate_links, validate_storable


class BrandPilot(Document):
	def autoname(self):
		year = frappe.db.get_value("Pilot Batch", self.pilot_batch, "batch_year")
		self.name = make_autoname(f"BP-{year}-.###", doc=self)

	def validate(self):
		validate_storable(self)
		validate_links(self)
