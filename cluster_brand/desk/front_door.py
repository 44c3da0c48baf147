"""The programme's front door (issue 22): the login page offers the registration of organizing units, and an
account whose registration its province has not verified yet sees that registration's status only."""

import frappe

from cluster_brand.rules.registration import workflow

REGISTRATION = "Unit Registration"
STATUS_PAGE = "registration-status"
# the name the login page gives the site (Website Settings' app_name): Frappe's default, and the programme's
FRAPPES_NAME = "Frappe"
PROGRAMME = "产业集群区域品牌建设试点"


def account_registration(user: str):
	"""The latest registration made by ``user``'s account, or None."""
	names = frappe.get_all(REGISTRATION, {"user": user}, pluck="name", order_by="creation desc", limit=1)
	return frappe.get_doc(REGISTRATION, names[0]) if names else None


def website_user_home_page(user: str) -> str | None:
	"""hooks get_website_user_home_page: a registered account without the applicant's role yet (its registration
	waits or was rejected) lands on its registration's status; any other website user where Frappe sends it."""
	if user in ("Guest", "Administrator"):
		return None
	if frappe.db.exists(REGISTRATION, {"user": user}) and "Cluster Applicant" not in frappe.get_roles(user):
		return STATUS_PAGE
	return None


def is_waiting(registration) -> bool:
	return registration.workflow_state in (None, "", workflow.PENDING_VERIFICATION)


def open_registration():
	"""after_install and after_migrate: the login page's sign-up (Website Settings) opens the programme's
	registration form (hooks signup_form_template); Frappe's own sign-up stays closed (overrides/user.py). The
	page names the programme (「登录产业集群区域品牌建设试点」, not Frappe's 「登录Frappe」) unless the site named
	itself."""
	if frappe.db.get_single_value("Website Settings", "disable_signup"):
		frappe.db.set_single_value("Website Settings", "disable_signup", 0)
	if (frappe.db.get_single_value("Website Settings", "app_name") or FRAPPES_NAME) == FRAPPES_NAME:
		frappe.db.set_single_value("Website Settings", "app_name", PROGRAMME)


def close_registration():
	"""before_uninstall: without the app, the login page's sign-up would be Frappe's own, which makes an account
	for anyone: it is closed again."""
	frappe.db.set_single_value("Website Settings", "disable_signup", 1)
