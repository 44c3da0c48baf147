# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class ApplicationDerivedIndicator(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		derived_indicator: DF.Literal[
			"Industrial Value-Added Rate (%)",
			"Cost-Profit Ratio (%)",
			"Export Share of Sales Revenue (%)",
			"Year-on-Year Growth of Sales Revenue (%)",
			"Year-on-Year Growth of Gross Output Value (%)",
			"Year-on-Year Growth of Total Profit (%)",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		year_1_value: DF.Float
		year_2_value: DF.Float
		year_3_value: DF.Float
	# end: auto-generated types
	"""Its year values stay blank (NULL) until filled in: cluster_brand/controllers/blank_numbers.py."""
