"""Accounts that hold (issue 22): the programme's System Settings (cluster_brand/rules/accounts.py) applied on
install and on every migrate, and the second factor kept to the roles that need it.

A site's own stricter values stay; a looser one is raised, unless the site names the setting in its site_config
(``cluster_brand_own_settings``). The second factor is Frappe's per-role setting (Role.two_factor_auth): the
role fixture turns it on for TWO_FACTOR_ROLES, and the roles a site turned it on for itself keep it through the
fixture's sync (remember_two_factor_roles before the migrate, apply_account_settings after it).
"""

import frappe

from cluster_brand.rules.accounts import ACCOUNT_SETTINGS, OWN_SETTINGS_KEY, TWO_FACTOR_ROLES, changes

# Frappe's role of every user: System Settings' validate turns its second factor on at each save, which would
# demand the code of every unit and association too
EVERY_USER_ROLE = "All"


def apply_account_settings():
	"""after_install and after_migrate: raise the looser settings, and the second factor per role."""
	settings = frappe.get_single("System Settings")
	own = set(frappe.conf.get(OWN_SETTINGS_KEY) or ())
	current = settings.as_dict()
	if to_write := changes(current, own):
		# written without System Settings' validate, which would also demand the code of every user (see above)
		frappe.db.set_single_value("System Settings", dict(to_write))
	# and into the defaults, as its on_update writes them: Frappe reads the session's expiry from there
	for setting in ACCOUNT_SETTINGS:
		frappe.db.set_default(setting.fieldname, to_write.get(setting.fieldname, current[setting.fieldname]))
	frappe.cache.delete_value("system_settings")
	roles = set(TWO_FACTOR_ROLES) | set(frappe.flags.get("cluster_brand_two_factor_roles") or ())
	for role in roles:
		if frappe.db.exists("Role", role):
			frappe.db.set_value("Role", role, "two_factor_auth", 1)
	keep_two_factor_per_role()
	frappe.db.commit()
	frappe.clear_cache()


def remember_two_factor_roles():
	"""before_migrate: the roles with a second factor, which the role fixture's sync would reset."""
	frappe.flags.cluster_brand_two_factor_roles = frappe.get_all(
		"Role", filters={"two_factor_auth": 1, "name": ("!=", EVERY_USER_ROLE)}, pluck="name"
	)


def keep_two_factor_per_role(doc=None, method=None):
	"""System Settings on_update (and after each apply): the second factor stays with the roles that have it."""
	if frappe.db.get_value("Role", EVERY_USER_ROLE, "two_factor_auth"):
		frappe.db.set_value("Role", EVERY_USER_ROLE, "two_factor_auth", 0)


def hand_over_second_factor(user: str) -> tuple[str, str]:
	"""The key of ``user``'s authenticator app, as an otpauth:// URI (Frappe's OTP secret, made if missing),
	and the code the app shows now. Handing the key over stands for the QR code that Frappe e-mails at the
	first login: Frappe then asks for the code at once, without that mail, which a site without a mail server
	cannot send (``bench --site <site> cluster-brand-login-code``, README: Security)."""
	import pyotp
	from frappe.twofactor import get_otpsecret_for_
	from frappe.twofactor import set_default as set_two_factor_default

	totp = pyotp.TOTP(get_otpsecret_for_(user))
	set_two_factor_default(f"{user}_otplogin", 1)  # Frappe's mark of a finished set-up
	frappe.db.commit()
	issuer = frappe.db.get_single_value("System Settings", "otp_issuer_name")
	return totp.provisioning_uri(user, issuer_name=issuer), totp.now()
