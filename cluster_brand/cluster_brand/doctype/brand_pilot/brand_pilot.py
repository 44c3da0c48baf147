# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname


class BrandPilot(Document):
	def autoname(self):
		year = frappe.db.get_value("Pilot Batch", self.pilot_batch, "batch_year")
		self.name = make_autoname(f"BP-{year}-.###", doc=self)
