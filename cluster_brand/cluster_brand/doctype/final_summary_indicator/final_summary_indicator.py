# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class FinalSummaryIndicator(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		baseline_value: DF.Float
		change_percent: DF.Float
		indicator: DF.Literal[
			"Enterprises in the Leading Industry (units)",
			"Enterprises above Designated Size in the Leading Industry (units)",
			"Gross Output Value of the Leading Industry (100 million yuan)",
			"Value Added of the Leading Industry (100 million yuan)",
			"Sales Revenue of the Leading Industry (100 million yuan)",
			"Total Profit of the Leading Industry (100 million yuan)",
			"Total Tax of the Leading Industry (100 million yuan)",
			"Total Costs and Expenses of the Leading Industry (100 million yuan)",
			"Total Exports of the Leading Industry (100 million yuan)",
			"Domestic Market Share of the Leading Industry (%)",
			"Investment in the Leading Industry (100 million yuan)",
			"New Product Output Value of the Leading Industry (100 million yuan)",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		unit: DF.Data | None
		year_1_value: DF.Float
		year_2_value: DF.Float
		year_3_value: DF.Float
	# end: auto-generated types
	pass
