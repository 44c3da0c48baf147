# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class ApplicationFunding(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Float
		funding_source: DF.Literal[
			"Central Government Funds",
			"Provincial Government Funds",
			"Municipal and County Government Funds",
			"Enterprise Self-Raised Funds",
			"Social Capital",
			"Other",
		]
		investment_step: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		support_direction: DF.SmallText | None
	# end: auto-generated types
	pass
