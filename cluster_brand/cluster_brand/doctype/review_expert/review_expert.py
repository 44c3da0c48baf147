# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links


class ReviewExpert(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		disabled: DF.Check
		expert_name: DF.Data
		organizing_unit: DF.Link | None
		recommending_authority: DF.Link | None
		speciality: DF.Data | None
		user: DF.Link
		work_unit: DF.Data | None

	# end: auto-generated types
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.validate_user_has_expert_role()

	def validate_user_has_expert_role(self):
		if "Review Expert" not in frappe.get_roles(self.user):
			frappe.throw(_("User {0} does not have the role {1}.").format(self.user, _("Review Expert")))
