"""Whitelisted methods called in this process as a request would call them: as a user, through the allowlist
and the app's overrides (call_as), or as the desk requests them (call)."""

from unittest.mock import patch

import frappe
from frappe.handler import execute_cmd


def call_as(user: str, method: str, /, **kwargs):
	"""A whitelisted method as ``user`` in this process, through the allowlist (an auth hook) and the app's
	overrides, resolved as frappe.handler.execute_cmd does (the last override wins). Positional: the method's
	own arguments may be named ``user`` or ``method``."""
	from cluster_brand.permissions.allowlist import refuse_unlisted_methods

	frappe.set_user(user)
	frappe.local.form_dict = frappe._dict(cmd=method, **kwargs)
	frappe.local.response = frappe._dict({"docs": []})  # as each request starts
	try:
		refuse_unlisted_methods()
		overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(method, [])
		return frappe.call(frappe.get_attr(overrides[-1] if overrides else method), **kwargs)
	finally:
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()


def call(cmd: str, **form):
	"""``cmd`` as the desk requests it (Frappe's handler, with the app's overrides)."""
	form_dict = frappe.local.form_dict
	frappe.local.form_dict = frappe._dict(cmd=cmd, **form)
	try:
		with patch.object(frappe.local, "request", frappe._dict(method="POST"), create=True):
			return execute_cmd(cmd)
	finally:
		frappe.local.form_dict = form_dict
