"""The units' registrations waiting for verification (issue 22), read with the reader's permissions
(frappe.get_list: a province its own province's, the ministry all; any other role none)."""

import frappe
from frappe.utils import getdate

from cluster_brand.doctype_names import UNIT_REGISTRATION
from cluster_brand.rules.registration.workflow import PENDING_VERIFICATION


def waiting_registrations() -> list[dict]:
	if not frappe.has_permission(UNIT_REGISTRATION, "read"):
		return []  # a role that verifies no registration: nothing, and no refusal
	rows = frappe.get_list(
		UNIT_REGISTRATION,
		filters={"workflow_state": PENDING_VERIFICATION},
		fields=[
			"name",
			"unit_name",
			"registration_kind",
			"cluster_name",
			"recommending_authority",
			"creation",
		],
		order_by="creation asc",
		limit_page_length=0,
	)
	for row in rows:
		row.registered_on = getdate(row.creation)
	return rows
