"""/register: the registration of an organizing unit (组织实施单位注册, issue 22), public; posted to
cluster_brand.api.registration.register."""

import frappe
from frappe import _

from cluster_brand.api.registration import FIELDS, rejected_account
from cluster_brand.rules.registration.form import JOIN_UNIT, NEW_UNIT, UNIT_TYPES

PROVINCIAL = "Provincial Industry and Information Technology Authority"

no_cache = 1


def get_context(context):
	context.no_cache = 1
	context.title = _("Organizing Unit Registration")
	context.kind = JOIN_UNIT if frappe.form_dict.get("kind") == "join" else NEW_UNIT
	context.kinds = [(NEW_UNIT, _(NEW_UNIT)), (JOIN_UNIT, _(JOIN_UNIT))]
	context.unit_types = [(value, _(value)) for value in UNIT_TYPES]
	sectors = frappe.get_meta("Unit Registration").get_options("industry_sector").split("\n")
	context.sectors = [(value, _(value)) for value in sectors if value]
	# 推荐单位: the provincial-level authorities only, by their official names
	context.provinces = frappe.get_all(
		"Recommending Authority",
		{"authority_type": PROVINCIAL, "disabled": 0},
		["name", "official_name"],
		order_by="name",
	)
	context.fields = FIELDS
	# an account whose registration was rejected registers again under its own login
	context.account_email = rejected_account()
	return context
