# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document


class FinalSummarySelfEvaluation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		evaluation_date: DF.Date | None
		method: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reporting_year: DF.Int
		result: DF.SmallText | None
	# end: auto-generated types
	pass
