"""System accounts (issue 24): a User with API keys, of one programme role and the scope of a person of that role
(permissions/scope.py add_user_scope), marked by the Role SYSTEM_ACCOUNT_ROLE. Made (or re-keyed) by
``bench --site <site> cluster-brand-system-account`` (commands.py) and by the tests alike.

Why a Role for the mark, not a custom field: Frappe shows a user's roles on the User form and filters users by
role, without a change to Frappe's User DocType; the role carries no permission, so it adds no right. The account's
full name ends with 「（接口）」, which is what the document's timeline shows for each of its calls.

An account is API-only: it has no password, Frappe's login refuses it (``refuse_password_login``, on_login) and
no password can be set for it (``refuse_password``, User before_validate); token authentication never asks for the second
factor, which is asked at the login only.
"""

import frappe
from frappe import _

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.permissions.scope import add_user_scope
from cluster_brand.rules import Violation
from cluster_brand.rules.system_accounts import (
	SYSTEM_ACCOUNT_ROLE,
	account_full_name,
	account_role,
	account_scope,
)


def is_system_account(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return bool(
		user
		and frappe.db.exists("Has Role", {"parent": user, "parenttype": "User", "role": SYSTEM_ACCOUNT_ROLE})
	)


def make_system_account(email: str, name: str, role: str, scope: str | None = None) -> str:
	"""Creates the system account ``email`` (or re-keys the one there is), named ``name``, of the programme
	``role`` (English or Chinese name) scoped by ``scope`` ("<DocType>=<name>"); returns its "key:secret", which
	is shown this once (Frappe keeps the secret encrypted). Commits."""
	role = _checked(account_role(role))
	scope = _checked(account_scope(role, scope))
	if scope and not frappe.db.exists(*scope):
		frappe.throw(_("{0} {1} not found").format(_(scope[0]), scope[1]), frappe.DoesNotExistError)
	if frappe.db.exists("User", email):
		user = frappe.get_doc("User", email)
		if not is_system_account(email):
			# a person's account keeps its password and roles: a system is a user of its own
			frappe.throw(_("{0} is the account of a person, not of a system").format(email))
	else:
		user = frappe.new_doc("User")
		user.update({"email": email, "send_welcome_email": 0, "language": "zh"})
	user.update({"first_name": account_full_name(name), "last_name": None, "enabled": 1})
	# exactly the role asked for, and the mark: re-keying with another role takes the old one away
	user.set("roles", [])
	user.append("roles", {"role": role})
	user.append("roles", {"role": SYSTEM_ACCOUNT_ROLE})
	user.api_key = user.api_key or frappe.generate_hash(length=15)
	secret = frappe.generate_hash(length=15)
	user.api_secret = secret
	user.save(ignore_permissions=True)
	# exactly the scope asked for
	for permission in frappe.get_all("User Permission", {"user": email}, ["name", "allow", "for_value"]):
		if (permission.allow, permission.for_value) != scope:
			frappe.delete_doc("User Permission", permission.name, ignore_permissions=True)
	if scope:
		add_user_scope(email, *scope)
	frappe.db.commit()
	return f"{user.api_key}:{secret}"


def _checked(result):
	if isinstance(result, Violation):
		throw_violations([result], title=_("System account"))
	return result


def refuse_password_login(login_manager):
	"""on_login: a system account calls the API with its key; it never logs in to the desk."""
	user = login_manager.user
	if is_system_account(user):
		# in the account's language: the login's is the guest's
		lang = frappe.db.get_value("User", user, "language") or None
		frappe.throw(
			_(
				"{0} is a system account: it calls the REST API with its API key and does not log in",
				lang=lang,
			).format(user),
			frappe.AuthenticationError,
		)


def refuse_password(user, method=None):
	"""User before_validate: no password for a system account (on the form, by a reset, by the REST API)."""
	if user.get("new_password") and SYSTEM_ACCOUNT_ROLE in {row.role for row in user.get("roles")}:
		frappe.throw(_("A system account has no password: it calls the REST API with its API key"))
