# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	validate_is_provincial,
)
from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.registration import workflow
from cluster_brand.rules.registration.form import (
	JOIN_UNIT,
	NEW_UNIT,
	check_credit_code_free,
	check_names_free,
	check_registration,
)


class UnitRegistration(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cluster_name: DF.Data | None
		contact_person: DF.Data
		email: DF.Data
		industrial_cluster: DF.Link | None
		industry_sector: DF.Literal[
			"",
			"Machinery",
			"Textiles",
			"Light Industry",
			"Building Materials",
			"Petroleum and Chemicals",
			"Iron and Steel",
			"Nonferrous Metals",
			"Electronics and Information",
			"Pharmaceuticals",
			"Other",
		]
		leading_industry: DF.Data | None
		mobile: DF.Data
		organizing_unit: DF.Link | None
		recommending_authority: DF.Link
		registration_kind: DF.Literal["New Organizing Unit", "Join a Registered Unit"]
		rejection_reason: DF.SmallText | None
		unified_social_credit_code: DF.Data
		unit_name: DF.Data
		unit_type: DF.Literal[
			"",
			"Government Management Agency of the Locality",
			"People's Government at or above County Level",
			"People's Government below County Level",
			"Other",
		]
		user: DF.Link | None
		verified_by: DF.Link | None
		verified_on: DF.Date | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code) or None
		self.email = (self.email or "").strip().lower() or None
		if self.is_new():
			self.validate_new_registration()
		validate_storable(self)
		self.validate_decision()

	def validate_new_registration(self):
		"""What a registration must hold when it is made (the public page checks it before the account is made)."""
		self.take_the_joined_units_record()
		self.validate_items()
		self.validate_credit_code_free()
		validate_is_provincial(self.recommending_authority, _("Unit Registration"))

	def take_the_joined_units_record(self):
		"""A person joining a unit names it by its credit code: its name, type and province are the unit's."""
		if (self.registration_kind or NEW_UNIT) != JOIN_UNIT or not self.unified_social_credit_code:
			return
		unit = frappe.db.get_value(
			"Organizing Unit",
			{"unified_social_credit_code": self.unified_social_credit_code},
			["name", "unit_name", "unit_type", "recommending_authority"],
			as_dict=True,
		)
		if unit:
			self.organizing_unit = unit.name
			self.update({k: unit[k] for k in ("unit_name", "unit_type", "recommending_authority")})
			self.cluster_name = self.leading_industry = self.industry_sector = None

	def validate_items(self):
		sectors = tuple(o for o in (self.meta.get_options("industry_sector") or "").split("\n") if o)
		throw_violations(check_registration(doc_as_rule_input(self), sectors), _("Unit Registration"))

	def validate_credit_code_free(self):
		code = self.unified_social_credit_code
		registered_with = frappe.db.get_value(
			"Organizing Unit", {"unified_social_credit_code": code}, "recommending_authority"
		)
		pending_with = frappe.db.get_value(
			"Unit Registration",
			{
				"unified_social_credit_code": code,
				"registration_kind": NEW_UNIT,
				"workflow_state": workflow.PENDING_VERIFICATION,
				"name": ("!=", self.name or ""),
			},
			"recommending_authority",
		)
		# the province to contact, by its official name
		violation = check_credit_code_free(
			self.registration_kind or NEW_UNIT,
			code,
			registered_with and official_name(registered_with),
			pending_with and official_name(pending_with),
		)
		if violation:
			throw_violations([violation], _("Unit Registration"))
		if (self.registration_kind or NEW_UNIT) == NEW_UNIT:
			throw_violations(
				check_names_free(
					bool(frappe.db.exists("Organizing Unit", self.unit_name)),
					bool(frappe.db.exists("Industrial Cluster", self.cluster_name)),
				),
				_("Unit Registration"),
			)

	def validate_decision(self):
		"""The province's (or the ministry's) decision: a rejection gives its reason; who decided and when is
		recorded."""
		if not self.has_value_changed("workflow_state") or self.is_new():
			return
		if self.workflow_state == workflow.REJECTED:
			throw_violations(
				workflow.check_decision(workflow.REJECT, self.rejection_reason), _("Unit Registration")
			)
		if self.workflow_state in (workflow.VERIFIED, workflow.REJECTED):
			self.verified_by = frappe.session.user
			self.verified_on = today()

	def on_update(self):
		if self.flags.in_insert or not self.has_value_changed("workflow_state"):
			return
		from cluster_brand.cluster_brand.doctype.unit_registration.verification import (
			register_the_unit,
			tell_the_unit,
		)

		if self.workflow_state == workflow.VERIFIED:
			register_the_unit(self)
		if self.workflow_state in (workflow.VERIFIED, workflow.REJECTED):
			tell_the_unit(self)
