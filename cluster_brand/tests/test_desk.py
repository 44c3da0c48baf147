"""A programme user's first day in the desk: no setup wizard, its own workspace and nothing of Frappe's in the
sidebar, Frappe's own strings in correct Chinese."""

from unittest.mock import patch

import frappe
from frappe.core.doctype.user.user import User
from frappe.desk.desktop import get_workspace_sidebar_items
from frappe.sessions import get as get_session_boot
from frappe.translate import clear_cache as clear_translation_cache
from frappe.translate import get_all_translations

from cluster_brand import install
from cluster_brand.demo.site import make_user
from cluster_brand.desk.landing import MODULE_PROFILE, ROLE_WORKSPACES
from cluster_brand.install import complete_setup
from cluster_brand.tests.support.frappe_strings import FRAPPE_STRINGS_CORRECTED
from cluster_brand.tests.support.records import IntegrationTestCase, language

# What Frappe's setup wizard sets and the test below changes; restored afterwards.
WIZARD_SETTINGS = (
	"setup_complete",
	"language",
	"country",
	"time_zone",
	"date_format",
	"time_format",
	"number_format",
	"float_precision",
	"rounding_method",
	"enable_scheduler",
	"enable_onboarding",
	"backup_limit",
	"enable_telemetry",
)


def new_user(roles: list[str], **values) -> frappe._dict:
	email = f"desk-{frappe.generate_hash(length=8)}@example.com"
	user = frappe.get_doc(
		{"doctype": "User", "email": email, "first_name": "测试", "send_welcome_email": 0, **values}
	)
	user.flags.no_welcome_mail = True
	user.insert(ignore_permissions=True)
	user.add_roles(*roles)
	return user


def as_user(email: str):
	"""The sidebar and the session's boot, as the desk asks for them for ``email``."""
	frappe.set_user(email)
	frappe.local.request = None  # get_session_boot() reads it; outside a request it is unset
	try:
		with language("zh"):
			frappe.cache.hdel("bootinfo", email)
			return get_workspace_sidebar_items(), get_session_boot()
	finally:
		del frappe.local.request
		frappe.set_user("Administrator")


class TestSiteSetup(IntegrationTestCase):
	def test_setup_is_complete_after_install(self):
		# after_install on a new site, the patch on an existing one (what they set: the test below)
		self.assertEqual(frappe.db.get_single_value("System Settings", "setup_complete"), 1)

	def test_a_programme_user_is_not_sent_to_the_setup_wizard(self):
		user = new_user(["Cluster Applicant"])
		_, boot = as_user(user.name)
		self.assertEqual(boot.setup_complete, 1)  # the desk's router sends to /app/setup-wizard when 0
		self.assertNotEqual(boot.home_page, "setup-wizard")
		self.assertNotIn("setup_wizard_requires", boot)
		self.assertEqual([page.name for page in boot.allowed_workspaces], ["Applicant Desk"])

	def test_completing_the_setup_keeps_what_the_site_chose(self):
		frappe.db.rollback()  # the wizard commits: nothing of the other tests with it
		settings = frappe.get_single("System Settings")
		saved = {field: settings.get(field) for field in WIZARD_SETTINGS}
		saved_defaults = {key: frappe.db.get_default(key) for key in ("desktop:home_page", "currency")}
		saved_zones = dict(
			frappe.get_all(
				"User", {"name": ("in", frappe.STANDARD_USERS)}, ["name", "time_zone"], as_list=True
			)
		)
		try:
			# A site whose setup never completed, with a time zone and a date format already chosen.
			for field, value in {
				"setup_complete": 0,
				"language": None,
				"country": None,
				"time_zone": "Asia/Urumqi",
				"date_format": "dd.mm.yyyy",
			}.items():
				frappe.db.set_single_value("System Settings", field, value)
			frappe.db.set_default("desktop:home_page", "setup-wizard")
			frappe.defaults.clear_default("currency")
			frappe.clear_cache()

			self.assertTrue(complete_setup())

			settings = frappe.get_single("System Settings")
			self.assertEqual(settings.setup_complete, 1)
			self.assertEqual(frappe.db.get_default("desktop:home_page"), "workspace")
			self.assertEqual(
				(settings.language, settings.country, settings.time_zone, settings.date_format),
				(install.LANGUAGE, install.COUNTRY, "Asia/Urumqi", "dd.mm.yyyy"),
			)
			self.assertEqual(frappe.db.get_default("currency"), install.CURRENCY)
			self.assertEqual(frappe.db.get_value("Currency", install.CURRENCY, "enabled"), 1)
			# A completed setup is left alone.
			frappe.db.set_single_value("System Settings", "time_zone", "Asia/Shanghai")
			self.assertFalse(complete_setup())
			self.assertEqual(frappe.db.get_single_value("System Settings", "time_zone"), "Asia/Shanghai")
		finally:
			settings = frappe.get_single("System Settings")
			settings.update(saved)
			settings.flags.ignore_mandatory = True  # a site whose setup had not completed has no time zone
			settings.save()
			for key, value in saved_defaults.items():
				if value is None:
					frappe.defaults.clear_default(key)
				else:
					frappe.db.set_default(key, value)
			for name, zone in saved_zones.items():
				frappe.db.set_value("User", name, "time_zone", zone)
			frappe.db.commit()
			frappe.clear_cache()

	def test_new_site_defaults_are_the_programme_conventions(self):
		# complete_setup fills what the site has not chosen with Chinese, China, Beijing time, yuan: the
		# programme's conventions, pinned on purpose
		self.assertEqual(
			(install.LANGUAGE, install.COUNTRY, install.TIME_ZONE, install.CURRENCY),
			("zh", "China", "Asia/Shanghai", "CNY"),
		)
		self.assertEqual(frappe.db.get_value("Country", "China", "date_format"), "yyyy-mm-dd")


class TestLanding(IntegrationTestCase):
	def test_each_role_lands_on_its_own_workspace_and_sees_only_it(self):
		for role, workspace in ROLE_WORKSPACES.items():
			with self.subTest(role=role):
				user = new_user([role])
				self.assertEqual(user.default_workspace, workspace)
				self.assertEqual(user.module_profile, MODULE_PROFILE)
				sidebar, boot = as_user(user.name)
				self.assertEqual([page.name for page in sidebar["pages"]], [workspace])
				self.assertEqual(boot.user.default_workspace["name"], workspace)
				self.assertEqual([page.name for page in boot.allowed_workspaces], [workspace])
				with language("zh"):
					self.assertEqual(sidebar["pages"][0]["label"], frappe._(workspace))

	def test_a_programme_user_is_not_made_system_manager(self):
		# Once the setup is complete, Frappe makes a user System Manager when nobody but Administrator is: on a
		# new site, the first user saved (the demo's applicant, inserted and then given its role).
		demo_email = f"desk-demo-{frappe.generate_hash(length=8)}@example.com"
		with patch.object(User, "get_other_system_managers", return_value=[]):
			user = new_user(["Cluster Applicant"])
			make_user(demo_email, "演示申报员", ["Cluster Applicant"])
		for email in (user.name, demo_email):
			self.assertIn("Cluster Applicant", frappe.get_roles(email))
			self.assertNotIn("System Manager", frappe.get_roles(email))
			self.assertEqual(frappe.db.get_value("User", email, "default_workspace"), "Applicant Desk")

	def test_frappe_workspaces_are_not_in_a_programme_users_sidebar(self):
		user = new_user(["Provincial Reviewer"])
		sidebar, _ = as_user(user.name)
		names = {page.name for page in sidebar["pages"]}
		self.assertFalse(names & {"Users", "Build", "Tools", "Website", "Integrations", "Welcome Workspace"})

	def test_demo_users_land_on_their_workspace(self):
		email = f"desk-demo-{frappe.generate_hash(length=8)}@example.com"
		make_user(email, "演示评审专家", ["Review Expert"])
		user = frappe.get_doc("User", email)
		self.assertEqual(user.default_workspace, "Expert Review Desk")
		self.assertIn("Core", [row.module for row in user.block_modules])

	def test_a_changed_role_changes_the_workspace(self):
		user = new_user(["Cluster Applicant"])
		user.remove_roles("Cluster Applicant")
		user.reload()
		user.add_roles("Provincial Reviewer")
		self.assertEqual(frappe.db.get_value("User", user.name, "default_workspace"), "Provincial Review")

	def test_a_users_own_settings_stay(self):
		if not frappe.db.exists("Module Profile", "Desk Test Profile"):
			frappe.get_doc({"doctype": "Module Profile", "module_profile_name": "Desk Test Profile"}).insert()
		user = new_user(["Materials Receiver"], module_profile="Desk Test Profile")
		self.assertEqual(user.module_profile, "Desk Test Profile")
		self.assertEqual(user.default_workspace, "Paper Materials Desk")

	def test_administrators_keep_frappes_desk(self):
		user = new_user(["System Manager", "Ministry Administrator"])
		self.assertFalse(user.module_profile)
		self.assertFalse(user.default_workspace)


class TestFrappeStringsInChinese(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		clear_translation_cache()  # the translations as the app's zh.csv has them now

	def test_frappe_strings_read_as_the_app_corrects_them(self):
		messages = get_all_translations("zh")  # what the desk's __() gets in the boot
		with language("zh"):
			for (source, context), zh in FRAPPE_STRINGS_CORRECTED.items():
				with self.subTest(source=source, context=context):
					self.assertEqual(frappe._(source, context=context), zh)
					self.assertEqual(messages[f"{source}:{context}" if context else source], zh)

	def test_the_reported_ones(self):
		with language("zh"):
			self.assertEqual(frappe._("{0} m").format(8), "8分钟")
			self.assertEqual(frappe._("Clear"), "清除")
			self.assertEqual(frappe._("Public", context="Workspace Category"), "公共")
			self.assertEqual(frappe._("Reports & Masters"), "报表和主数据")
			self.assertEqual(
				frappe._("Search or type a command ({0})").format("Ctrl + G"), "搜索或输入命令（Ctrl + G）"
			)
