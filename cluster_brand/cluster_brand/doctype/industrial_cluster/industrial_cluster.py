# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document

from cluster_brand.validation import validate_links, validate_storable


class IndustrialCluster(Document):
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.clear_demonstration_base_title()

	def clear_demonstration_base_title(self):
		if not self.is_national_demonstration_base:
			self.demonstration_base_title = None
