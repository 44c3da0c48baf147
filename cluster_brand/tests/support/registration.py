"""The front door's test support (issue 22): the outgoing e-mail account that Frappe's welcome e-mail needs."""

import frappe


def make_outbox():
	"""A default outgoing e-mail account (never connected to in the tests): Frappe's welcome e-mail needs one."""
	if not frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "Cluster Brand Test Outbox",
				"email_id": "noreply.test@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)
