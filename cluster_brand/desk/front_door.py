"""The programme's front door (issue 22): the login page offers the registration of organizing units, and an
account whose registration its province has not verified yet sees that registration's status only."""

import frappe

from cluster_brand.doctype_names import UNIT_REGISTRATION
from cluster_brand.rules.registration import workflow

STATUS_PAGE = "registration-status"
# the name the login page gives the site (Website Settings' app_name): Frappe's default, and the programme's
FRAPPES_NAME = "Frappe"
PROGRAMME = "产业集群区域品牌建设试点"
# the navbar's link to the public notice page (a Website Settings' top bar item, in the site's language)
PUBLIC_NOTICE_ROUTE = "/public-notice"
PUBLIC_NOTICE_LABEL = "Public Notice of the Pilots"  # Frappe's navbar translates it: 试点公示


def account_registration(user: str):
	"""The latest registration made by ``user``'s account, or None."""
	names = frappe.get_all(UNIT_REGISTRATION, {"user": user}, pluck="name", order_by="creation desc", limit=1)
	return frappe.get_doc(UNIT_REGISTRATION, names[0]) if names else None


def website_user_home_page(user: str) -> str | None:
	"""hooks get_website_user_home_page: a registered account without the applicant's role yet (its registration
	waits or was rejected) lands on its registration's status; any other website user where Frappe sends it."""
	if user in ("Guest", "Administrator"):
		return None
	if frappe.db.exists(UNIT_REGISTRATION, {"user": user}) and "Cluster Applicant" not in frappe.get_roles(
		user
	):
		return STATUS_PAGE
	return None


def is_waiting(registration) -> bool:
	return registration.workflow_state in (None, "", workflow.PENDING_VERIFICATION)


def open_front_door():
	"""after_install and after_migrate: the login page's sign-up (Website Settings) opens the programme's
	registration form (hooks signup_form_template); Frappe's own sign-up stays closed (overrides/user.py). The
	public pages name the programme (「登录产业集群区域品牌建设试点」, not Frappe's 「登录Frappe」) unless the site named
	itself, and their navbar leads to the public notice (www/public-notice), which nothing else links to."""
	settings = frappe.get_single("Website Settings")
	before = settings.as_json()
	settings.disable_signup = 0
	if (settings.app_name or FRAPPES_NAME) == FRAPPES_NAME:
		settings.app_name = PROGRAMME
	if not any(item.url == PUBLIC_NOTICE_ROUTE for item in settings.top_bar_items):
		settings.append("top_bar_items", {"label": PUBLIC_NOTICE_LABEL, "url": PUBLIC_NOTICE_ROUTE})
	if settings.as_json() != before:
		settings.flags.ignore_permissions = True
		settings.save()


def close_registration():
	"""before_uninstall: without the app, the login page's sign-up would be Frappe's own, which makes an account
	for anyone: it is closed again, and the navbar's link to the public notice goes."""
	settings = frappe.get_single("Website Settings")
	settings.disable_signup = 1
	# the navbar's link to a page that goes with the app
	settings.top_bar_items = [item for item in settings.top_bar_items if item.url != PUBLIC_NOTICE_ROUTE]
	settings.flags.ignore_permissions = True
	settings.save()
