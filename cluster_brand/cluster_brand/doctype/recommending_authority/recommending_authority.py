# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.validation import validate_links, validate_storable

PROVINCIAL = "Provincial Industry and Information Technology Authority"
ASSOCIATION = "National Industry Association"


class RecommendingAuthority(Document):
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.clear_fields_of_other_type()

	def clear_fields_of_other_type(self):
		# A province has no industry sector and an association no region.
		if self.authority_type == PROVINCIAL:
			self.industry_sector = None
		else:
			self.region = self.region_type = None


def validate_is_provincial(authority: str, title: str | None = None):
	"""Applications are recommended by the provincial-level authorities only (申报程序 一、二)."""
	if frappe.db.get_value("Recommending Authority", authority, "authority_type") != PROVINCIAL:
		frappe.throw(
			_("{0} must be a provincial-level industry and information technology authority.").format(
				_("Recommending Authority")
			),
			title=title,
		)
