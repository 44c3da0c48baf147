# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document

PROVINCIAL = "Provincial Industry and Information Technology Authority"
ASSOCIATION = "National Industry Association"


class RecommendingAuthority(Document):
	def validate(self):
		self.clear_fields_of_other_type()

	def clear_fields_of_other_type(self):
		# A province has no industry sector and an association no region.
		if self.authority_type == PROVINCIAL:
			self.industry_sector = None
		else:
			self.region = self.region_type = None
