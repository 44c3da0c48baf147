# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	validate_is_provincial,
)
from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.registry import check_organizing_unit

# Who sets a unit's province (the ministry); Administrator too.
SETS_THE_PROVINCE = {"Ministry Administrator", "System Manager"}


class OrganizingUnit(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.SmallText | None
		contact_person: DF.Data | None
		contact_phone: DF.Data | None
		email: DF.Data | None
		mobile: DF.Data | None
		postcode: DF.Data | None
		recommending_authority: DF.Link
		unified_social_credit_code: DF.Data | None
		unit_name: DF.Data
		unit_type: DF.Literal[
			"Government Management Agency of the Locality",
			"People's Government at or above County Level",
			"People's Government below County Level",
			"Other",
		]

	# end: auto-generated types
	def validate(self):
		validate_storable(self)
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code) or None
		validate_links(self)
		self.validate_province_set_by_the_ministry()
		self.validate_recommended_by_province()
		self.validate_unit_rules()

	def validate_province_set_by_the_ministry(self):
		"""The unit's province decides who recommends, ranks and counts its applications against a quota:
		the ministry sets it. A province (if it may register units at all) registers its own only."""
		user = frappe.session.user
		if user == "Administrator" or SETS_THE_PROVINCE & set(frappe.get_roles(user)):
			return
		if self.is_new():
			own = frappe.get_all(
				"User Permission", {"user": user, "allow": "Recommending Authority"}, pluck="for_value"
			)
			if self.recommending_authority not in own:
				frappe.throw(
					_("Only organizing units of your own province can be registered."),
					frappe.PermissionError,
					title=_("Organizing Unit"),
				)
		elif self.has_value_changed("recommending_authority"):
			frappe.throw(
				_("The {0} of an organizing unit is changed by the {1} only.").format(
					_("Recommending Authority"), _("Ministry Administrator")
				),
				frappe.PermissionError,
				title=_("Organizing Unit"),
			)

	def validate_recommended_by_province(self):
		# The applicant reports to the provincial-level authority of its region (申报程序 一).
		validate_is_provincial(self.recommending_authority, _("Organizing Unit"))

	def validate_unit_rules(self):
		throw_violations(check_organizing_unit(doc_as_rule_input(self)), _("Organizing Unit"))
