# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ExpertAssignment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assigned_on: DF.Date | None
		expert: DF.Link
		expert_name: DF.Data | None
		expert_review: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		review_submitted: DF.Check
	# end: auto-generated types
	pass
