"""Frappe's user methods that the programme replaces (issue 22)."""

import frappe
from frappe import _


@frappe.whitelist(allow_guest=True)
def sign_up(email: str | None = None, full_name: str | None = None, redirect_to: str | None = None):
	"""Frappe's generic sign-up would make a Website User outside the programme's registration: an account is
	made by registering an organizing unit (/register), which its province verifies."""
	frappe.throw(
		_("Accounts are made by registering an organizing unit: open the registration page (/register)."),
		frappe.PermissionError,
		title=_("Organizing Unit Registration"),
	)
