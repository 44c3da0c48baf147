# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document


class FinalSummaryMeasureOutcome(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		final_status: DF.Literal["", "Not Started", "In Progress", "Completed", "Delayed"]
		last_reported_year: DF.Int
		measure: DF.SmallText | None
		measure_no: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason_not_completed: DF.SmallText | None
		time_node: DF.Date | None
		work_done: DF.SmallText | None
		work_item: DF.Literal[
			"Implement the Regional Brand Development Strategy",
			"Establish the Regional Brand Management Mechanism",
			"Consolidate the Foundation of Regional Brand Development",
			"Guide Enterprises to Cultivate Their Own Brands",
			"Improve the Regional Brand Protection Mechanism",
			"Build the Regional Brand Marketing and Publicity Platform",
			"Improve the Regional Brand Evaluation System",
		]
	# end: auto-generated types
	pass
