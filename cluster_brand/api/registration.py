"""The registration of an organizing unit, posted by the public page /register (issue 22): a guest's call,
rate-limited per IP and per e-mail address, that makes the Unit Registration and its account (a Website User
without roles) in one transaction and sends Frappe's welcome e-mail, whose link sets the password. Nothing is
made on any error."""

from functools import wraps

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.doctype_names import UNIT_REGISTRATION
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.registration import workflow
from cluster_brand.rules.registration.form import NEW_UNIT, check_account_free

# what the page posts: the registration's own items
FIELDS = (
	"registration_kind",
	"unit_name",
	"unit_type",
	"unified_social_credit_code",
	"recommending_authority",
	"cluster_name",
	"leading_industry",
	"industry_sector",
	"contact_person",
	"mobile",
	"email",
)
# a day's registrations from one address and for one e-mail address: enough for a unit's people and typing
# errors, not for a script
PER_IP, PER_EMAIL, WINDOW = 10, 3, 24 * 60 * 60


def one_address_one_count(fn):
	"""The per-e-mail limit counts an address however it is written (Frappe's limiter keys on the raw value)."""

	@wraps(fn)
	def counted_by_address(*args, **kwargs):
		if isinstance(frappe.form_dict.get("email"), str):
			frappe.form_dict.email = frappe.form_dict.email.strip().lower()
		return fn(*args, **kwargs)

	return counted_by_address


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=PER_IP, seconds=WINDOW)
@one_address_one_count
@rate_limit(key="email", limit=PER_EMAIL, seconds=WINDOW, ip_based=False)
def register(**values) -> dict:
	values = {f: (values.get(f) or "").strip() if isinstance(values.get(f), str) else "" for f in FIELDS}
	values["email"] = values["email"].lower()
	account = rejected_account()
	if account:
		values["email"] = account  # registers again, as the account its province rejected
	else:
		has_account = bool(values["email"]) and bool(frappe.db.exists("User", values["email"]))
		throw_violations(check_account_free(values["email"], has_account), _("Organizing Unit Registration"))
	registration = frappe.get_doc(
		{
			"doctype": UNIT_REGISTRATION,
			**values,
			"registration_kind": values["registration_kind"] or NEW_UNIT,
			"workflow_state": workflow.PENDING_VERIFICATION,
		}
	)
	registration.validate_new_registration()  # the items are refused before an account is made
	if account:
		registration.user = account
		registration.insert(ignore_permissions=True)
		return answer(registration)
	user = make_account(values["email"], values["contact_person"])
	registration.user = user.name
	registration.insert(ignore_permissions=True)
	# made by the account that registers, not by "Guest" (the province's form names who registered)
	registration.db_set({"owner": user.name, "modified_by": user.name}, update_modified=False)
	user.db_set({"owner": user.name, "modified_by": user.name}, update_modified=False)
	# queued, not sent in the guest's request: a slow mail server neither holds the page nor fails it
	user.flags.delay_emails = True
	try:
		user.send_welcome_mail_to_user()
	except frappe.OutgoingEmailError:
		# without the e-mail the account cannot set its password: nothing is kept (the request rolls back)
		frappe.throw(
			_(
				"The registration could not be completed: this site cannot send e-mail yet. Please tell the programme's administrator."
			),
			title=_("Organizing Unit Registration"),
		)
	return answer(registration)


def answer(registration) -> dict:
	return {
		"registration": registration.name,
		"province": registration.recommending_authority,
		"province_name": official_name(registration.recommending_authority),
	}


def make_account(email: str, full_name: str):
	"""A Website User without roles: it sets its password through the welcome e-mail's link and reads its
	registration's status until its province verifies it."""
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": full_name,
			"user_type": "Website User",
			"language": "zh",
			"send_welcome_email": 0,
		}
	)
	user.flags.ignore_permissions = True
	user.flags.no_welcome_mail = True
	user.insert()
	return user


def rejected_account() -> str | None:
	"""The logged-in account whose registrations its province has all rejected (and that has no role): it
	registers again with corrected information, under its own login."""
	user = frappe.session.user
	if user in ("Guest", "Administrator") or set(frappe.get_roles(user)) - {"All", "Guest"}:
		return None
	states = frappe.get_all(UNIT_REGISTRATION, {"user": user}, pluck="workflow_state")
	return user if states and set(states) == {workflow.REJECTED} else None
