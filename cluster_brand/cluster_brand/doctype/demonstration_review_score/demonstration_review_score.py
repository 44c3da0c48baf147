# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class DemonstrationReviewScore(NullableNumbers):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		criterion: DF.Data | None
		guidance: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		score: DF.Float
		weight: DF.Float
		weighted_score: DF.Float
	# end: auto-generated types
	"""Its score and weighted score stay blank (NULL) until the expert scores the criterion:
	cluster_brand/controllers/blank_numbers.py."""
