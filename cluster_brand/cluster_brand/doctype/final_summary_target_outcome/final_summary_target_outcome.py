# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class FinalSummaryTargetOutcome(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		achieved_in_year: DF.Int
		achieved_value: DF.Float
		baseline_value: DF.Float
		gap: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		percent_of_target: DF.Float
		result: DF.Literal["", "Achieved", "Not Achieved", "No Figure"]
		target_indicator: DF.Data | None
		target_value: DF.Float
		target_year: DF.Int
		unit: DF.Data | None
	# end: auto-generated types
	pass
