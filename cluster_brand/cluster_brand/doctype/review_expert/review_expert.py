# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.validation import validate_links, validate_storable


class ReviewExpert(Document):
	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.validate_user_has_expert_role()

	def validate_user_has_expert_role(self):
		if "Review Expert" not in frappe.get_roles(self.user):
			frappe.throw(_("User {0} does not have the role {1}.").format(self.user, _("Review Expert")))
