"""The province's verification of a registration, in one step (issue 22): the Organizing Unit (or the registered
one a person joins), its Industrial Cluster, the account's role, module profile and scope; and the unit is told
of the decision, a rejection with its reason."""

import frappe
from frappe import _

from cluster_brand.notifications.messages import in_site_language
from cluster_brand.permissions.scope import add_user_scope
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.registration import workflow
from cluster_brand.rules.registration.form import NEW_UNIT

APPLICANT_ROLE = "Cluster Applicant"


def register_the_unit(registration):
	"""Makes what the verified registration stands for; run in the verifier's transaction (a failure undoes
	the verification too). The verifier may not create units or users itself: the step is the registration's."""
	if registration.registration_kind == NEW_UNIT or not registration.organizing_unit:
		unit = frappe.get_doc(
			{
				"doctype": "Organizing Unit",
				"unit_name": registration.unit_name,
				"unit_type": registration.unit_type,
				"recommending_authority": registration.recommending_authority,
				"unified_social_credit_code": registration.unified_social_credit_code,
				"contact_person": registration.contact_person,
				"mobile": registration.mobile,
				"email": registration.email,
			}
		).insert(ignore_permissions=True)
		cluster = frappe.get_doc(
			{
				"doctype": "Industrial Cluster",
				"cluster_name": registration.cluster_name,
				"organizing_unit": unit.name,
				"recommending_authority": registration.recommending_authority,
				"leading_industry": registration.leading_industry,
				"industry_sector": registration.industry_sector,
			}
		).insert(ignore_permissions=True)
		registration.db_set({"organizing_unit": unit.name, "industrial_cluster": cluster.name})
	if registration.user:
		give_the_applicant_role(registration.user, registration.organizing_unit)


def give_the_applicant_role(user_name: str, unit: str):
	"""The account becomes the unit's applicant: its role (with it the module profile and the workspace,
	desk/landing.py) and its User Permission on the unit."""
	user = frappe.get_doc("User", user_name)
	user.flags.ignore_permissions = True
	user.add_roles(APPLICANT_ROLE)
	add_user_scope(user_name, "Organizing Unit", unit)


@in_site_language
def tell_the_unit(registration):
	"""An e-mail (and, once verified, the bell) tells the account the province's decision."""
	if not registration.user:
		return
	province = official_name(registration.recommending_authority)
	if registration.workflow_state == workflow.VERIFIED:
		subject = _("Your registration has been verified by {0}: you may log in and apply.").format(province)
		message = subject
	else:
		subject = _("Your registration has not been verified by {0}.").format(province)
		message = (
			f"{subject}<br>{_('Rejection Reason')}: {frappe.utils.escape_html(registration.rejection_reason)}"
		)
	try:
		frappe.sendmail(recipients=[registration.user], subject=subject, message=message, now=False)
	except frappe.OutgoingEmailError:
		# a site without outgoing mail still decides: the unit reads the decision on /registration-status
		pass
