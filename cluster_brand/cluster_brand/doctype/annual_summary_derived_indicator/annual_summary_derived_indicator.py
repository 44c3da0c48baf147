# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class AnnualSummaryDerivedIndicator(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		baseline_value: DF.Float
		change: DF.Float
		derived_indicator: DF.Literal[
			"Industrial Value-Added Rate (%)", "Cost-Profit Ratio (%)", "Export Share of Sales Revenue (%)"
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reporting_value: DF.Float
	# end: auto-generated types
	pass
