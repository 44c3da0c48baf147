# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	validate_is_provincial,
)
from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.registry import check_organizing_unit
from cluster_brand.validation import doc_as_rule_input, throw_violations


class OrganizingUnit(Document):
	def validate(self):
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code) or None
		self.validate_recommended_by_province()
		self.validate_unit_rules()

	def validate_recommended_by_province(self):
		# The applicant reports to the provincial-level authority of its region (申报程序 一).
		validate_is_provincial(self.recommending_authority, _("Organizing Unit"))

	def validate_unit_rules(self):
		throw_violations(check_organizing_unit(doc_as_rule_input(self)), _("Organizing Unit"))
