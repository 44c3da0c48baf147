# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class AnnualSummaryFunding(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Float
		funding_source: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		policy: DF.Data | None
		use_of_funds: DF.SmallText | None
	# end: auto-generated types
	pass
