# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class AnnualSummaryBackboneEnterprise(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assets: DF.Float
		contact_details: DF.Data | None
		contact_person: DF.Data | None
		enterprise: DF.Link
		enterprise_name: DF.Data | None
		main_products: DF.Data | None
		own_brand: DF.Data | None
		own_brand_sales_revenue: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		sales_revenue: DF.Float
		total_profit: DF.Float
	# end: auto-generated types
	pass
