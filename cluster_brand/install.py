"""Install and uninstall.

On install: Frappe's setup completed in the programme's conventions, so that nobody meets the setup wizard.
Until System Settings' ``setup_complete`` is set, Frappe's desk sends every user to /app/setup-wizard, which
only the Administrator may open: the programme's users would see a blank page and "not permitted" dialogs.

On uninstall: Frappe drops the app's DocTypes and whatever names its module; the records the app put into
Frappe's own DocTypes (its fixtures: roles, workflows, the workspace status blocks …, the User Permissions on
its DocTypes, its scheduled jobs) name no module, so the app removes them itself. A completed setup wizard stays:
it is the site's, and undoing it would lock every user out again.
"""

import frappe
from frappe.utils import cint

from cluster_brand.account_security import apply_account_settings
from cluster_brand.controllers.blank_numbers import make_columns_nullable
from cluster_brand.desk.front_door import close_registration, open_front_door
from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.rules.system_accounts import SYSTEM_ACCOUNT_ROLE

# The wizard's answers for a site of the programme: Chinese, China, Beijing time, yuan. Frappe takes the date,
# time and number formats from the country (China: yyyy-mm-dd).
LANGUAGE = "zh"
COUNTRY = "China"
TIME_ZONE = "Asia/Shanghai"
CURRENCY = "CNY"
# Fields of System Settings that Frappe's wizard sets from the country or to its own defaults; a value the
# site chose before (one that differs from the field's default) is kept.
WIZARD_FORMAT_FIELDS = ("date_format", "time_format", "number_format", "float_precision", "rounding_method")


def after_install():
	complete_setup()
	make_columns_nullable()
	# the login page's sign-up opens the registration of organizing units (issue 22)
	open_front_door()
	apply_account_settings()  # accounts that hold (issue 22)


def before_uninstall():
	remove_records_in_frappe_doctypes()
	close_registration()  # Frappe's own sign-up is not left open (issue 22)


def remove_records_in_frappe_doctypes():
	app_doctypes = set(frappe.get_all("DocType", filters={"module": PROGRAMME_MODULE}, pluck="name"))
	# the roles' assignments go with the roles; their users stay
	frappe.db.delete("Has Role", {"role": ("in", [*PROGRAMME_ROLES, SYSTEM_ACCOUNT_ROLE])})
	frappe.db.delete("User Permission", {"allow": ("in", list(app_doctypes))})
	frappe.db.delete("Scheduled Job Type", {"method": ("like", "cluster_brand.%")})
	_release_users_from_module_profile()
	for doctype in {fixture["dt"] for fixture in _fixtures()} - app_doctypes:  # the app's own: dropped
		for name in set(_fixture_names(doctype)) - _named_by_other_workflows(doctype):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_on_trash=True)
	frappe.clear_cache()


def _fixtures() -> list[dict]:
	return frappe.get_hooks("fixtures", app_name="cluster_brand")


def _fixture_names(doctype: str) -> list[str]:
	"""The records of ``doctype`` that the app's fixtures hold (hooks.py names them by filters)."""
	names = []
	for fixture in _fixtures():
		if fixture["dt"] == doctype:
			names += frappe.get_all(doctype, filters=fixture.get("filters"), pluck="name")
	return names


def _release_users_from_module_profile():
	"""The users given the programme's module profile get Frappe's modules back (the profile blocked them)."""
	profiles = _fixture_names("Module Profile") or [""]
	users = frappe.get_all("User", filters={"module_profile": ("in", profiles)}, pluck="name")
	if users:
		frappe.db.delete("Block Module", {"parenttype": "User", "parent": ("in", users)})
		User = frappe.qb.DocType("User")
		frappe.qb.update(User).set(User.module_profile, None).where(User.name.isin(users)).run()


def _named_by_other_workflows(doctype: str) -> set[str]:
	"""The states or actions that the site's other workflows name (another app's may also say 「Draft」)."""
	columns = {
		"Workflow State": {
			"Workflow Document State": ("state",),
			"Workflow Transition": ("state", "next_state"),
		},
		"Workflow Action Master": {"Workflow Transition": ("action",)},
	}.get(doctype, {})
	our_workflows = _fixture_names("Workflow") or [""]
	named = set()
	for table, fields in columns.items():
		Table = frappe.qb.DocType(table)
		for row in frappe.qb.from_(Table).select(*fields).where(Table.parent.notin(our_workflows)).run():
			named |= set(row)
	return named


def complete_setup() -> bool:
	"""Complete Frappe's setup the way Frappe completes it for its own test sites
	(``frappe.utils.install.complete_setup_wizard``): the wizard's stages with the programme's answers, where
	the site has not answered already. Returns whether it did; a completed setup is left as it is."""
	from frappe.desk.page.setup_wizard.setup_wizard import get_setup_stages, process_setup_stages

	if cint(frappe.db.get_single_value("System Settings", "setup_complete")):
		return False
	if others := apps_with_own_setup_wizard():
		# Their wizard asks what only the site's owner can answer (ERPNext: the company).
		print(f"cluster_brand: the setup wizard is left to {', '.join(others)}.")
		return False

	settings = frappe.get_single("System Settings")
	kept = {field: settings.get(field) for field in WIZARD_FORMAT_FIELDS if _chosen(settings, field)}
	language = frappe.db.get_value("Language", settings.language or LANGUAGE, "language_name")
	args = frappe._dict(
		language=language,
		lang=language,
		country=settings.country or COUNTRY,
		timezone=settings.time_zone or TIME_ZONE,
		currency=frappe.db.get_default("currency") or CURRENCY,
	)
	lang = frappe.local.lang
	try:
		process_setup_stages(get_setup_stages(args), args)
	finally:
		frappe.local.lang = lang  # the wizard switches the running process to the site's language

	if kept:
		settings = frappe.get_single("System Settings")
		settings.update(kept)
		settings.save()
	# Frappe's wizard leaves the currency to the apps that use one (ERPNext's Global Defaults set this default).
	if not frappe.db.get_default("currency"):
		frappe.db.set_default("currency", args.currency)
	frappe.db.set_value("Currency", args.currency, "enabled", 1)
	frappe.db.commit()
	frappe.clear_cache()
	return True


def apps_with_own_setup_wizard() -> list[str]:
	return [
		app
		for app in frappe.get_installed_apps()
		if app not in ("frappe", "cluster_brand")
		and any(
			frappe.get_hooks(hook, app_name=app)
			for hook in ("setup_wizard_stages", "setup_wizard_complete", "setup_wizard_requires")
		)
	]


def _chosen(settings, field: str) -> bool:
	value = settings.get(field)
	default = settings.meta.get_field(field).default
	return value not in (None, "", 0) and str(value) != str(default or "")
