# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links


class IndustrialCluster(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cluster_name: DF.Data
		demonstration_base_title: DF.Data | None
		description: DF.SmallText | None
		industry_sector: DF.Literal[
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
		is_national_demonstration_base: DF.Check
		leading_industry: DF.Data
		location: DF.Data | None
		organizing_unit: DF.Link
		recommending_authority: DF.Link | None

	# end: auto-generated types
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.clear_demonstration_base_title()

	def clear_demonstration_base_title(self):
		if not self.is_national_demonstration_base:
			self.demonstration_base_title = None
