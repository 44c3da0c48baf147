"""/registration-status: what an account registered through /register reads until its province verifies it
(issue 22): that it waits and for whom (the province's official name), or the rejection and its reason."""

import frappe
from frappe import _

from cluster_brand.desk.front_door import account_registration
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.registration import workflow

no_cache = 1


def get_context(context):
	context.no_cache = 1
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/registration-status"
		raise frappe.Redirect
	context.title = _("Registration Status")
	registration = account_registration(frappe.session.user)
	context.registration = registration
	if registration:
		context.state = registration.workflow_state or workflow.PENDING_VERIFICATION
		context.is_waiting = context.state == workflow.PENDING_VERIFICATION
		context.is_verified = context.state == workflow.VERIFIED
		context.is_rejected = context.state == workflow.REJECTED
		context.province = official_name(registration.recommending_authority)
		context.kind = _(registration.registration_kind)
	return context
