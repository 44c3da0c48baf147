# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links

PROVINCIAL = "Provincial Industry and Information Technology Authority"
ASSOCIATION = "National Industry Association"


class RecommendingAuthority(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		authority_name: DF.Data
		authority_type: DF.Literal[
			"Provincial Industry and Information Technology Authority", "National Industry Association"
		]
		disabled: DF.Check
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
		official_name: DF.Data | None
		region: DF.Data | None
		region_type: DF.Literal[
			"",
			"Province",
			"Autonomous Region",
			"Municipality",
			"Separately Planned City",
			"Xinjiang Production and Construction Corps",
		]

	# end: auto-generated types
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
