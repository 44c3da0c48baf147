"""Default deny: every whitelisted method of the installed Frappe is refused to the programme's roles unless
it is on the allowlist with an isolation test of its own, so that an upgrade adding a side path fails here."""

import importlib
import pkgutil
from datetime import date

import frappe

from cluster_brand.permissions.allowlist import (
	ALLOWED_DOC_METHODS,
	ALLOWED_METHODS,
	RUN_DOC_METHOD,
	refuse_unlisted_methods,
)
from cluster_brand.permissions.scope import is_restricted, sees_all
from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.tests.dates import frozen_day
from cluster_brand.tests.process import CAST, make_cast
from cluster_brand.tests.utils import IntegrationTestCase

# Names the handler answers to besides a whitelisted function's dotted path: its shorthands, and
# run_doc_method, which it runs without the whitelist (the controller method is checked instead).
HANDLER_NAMES = {"login", "logout", "upload_file", "run_doc_method", "frappe.handler.run_doc_method"}


def whitelisted_methods() -> set[str]:
	"""The dotted path of every whitelisted function of the installed apps (each module imported)."""
	for app in frappe.get_installed_apps():
		package = importlib.import_module(app)
		for module in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
			if ".tests" in module.name or ".test_" in module.name or "patches" in module.name:
				continue
			try:
				importlib.import_module(module.name)
			except Exception:
				continue  # optional dependencies of modules that cannot serve a request either
	return {f"{fn.__module__}.{fn.__qualname__}" for fn in frappe.whitelisted}


# The day these tests run on, whatever the day they are run (cluster_brand/tests/dates.py).
DAY = date(2026, 4, 20)


@frozen_day(DAY)
class TestAllowlist(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.methods = whitelisted_methods()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()

	def refused(self, user: str, cmd: str, **form) -> bool:
		frappe.set_user(user)
		frappe.local.form_dict = frappe._dict(cmd=cmd, **form)
		try:
			refuse_unlisted_methods()
			return False
		except frappe.PermissionError:
			return True
		finally:
			frappe.set_user("Administrator")
			frappe.clear_messages()

	def test_the_enumeration_finds_frappes_methods(self):
		# a broken enumeration would make the next test pass on nothing
		self.assertGreater(len(self.methods), 300)
		self.assertIn("frappe.client.get_count", self.methods)
		self.assertIn("frappe.desk.search.search_link", self.methods)

	def test_every_unlisted_method_is_refused_to_every_programme_role(self):
		users = {CAST[key][1]: self.cast[key] for key in CAST}
		self.assertEqual(set(users), set(PROGRAMME_ROLES))
		unlisted = sorted(self.methods - set(ALLOWED_METHODS))
		self.assertGreater(len(unlisted), 300)
		for role, user in users.items():
			leaked = [m for m in unlisted if not self.refused(user, m)]
			self.assertEqual(leaked, [], role)

	def test_every_listed_method_exists_and_has_an_isolation_test(self):
		overrides = frappe.get_hooks("override_whitelisted_methods")
		for method, test in ALLOWED_METHODS.items():
			with self.subTest(method=method):
				# a published path that moved answers through its override (cluster_brand.batch_print.*)
				served = overrides[method][-1] if method in overrides else method
				self.assertTrue(served in self.methods or method in HANDLER_NAMES, "no such method")
				module, cls, name = test.split(".")
				test_class = getattr(importlib.import_module(f"cluster_brand.tests.{module}"), cls)
				self.assertTrue(callable(getattr(test_class, name, None)), f"no test {test}")

	def test_listed_methods_are_allowed_and_controller_methods_are_checked(self):
		applicant = self.cast.applicant
		self.assertFalse(self.refused(applicant, "frappe.desk.form.load.getdoc"))
		for method in RUN_DOC_METHOD:
			for doctype, doc_method in ALLOWED_DOC_METHODS:
				self.assertFalse(self.refused(applicant, method, dt=doctype, method=doc_method))
			self.assertTrue(self.refused(applicant, method, dt="User", method="reset_password"))
		# upload_file would run any whitelisted method named in its own arguments
		self.assertFalse(self.refused(applicant, "upload_file"))
		self.assertTrue(self.refused(applicant, "upload_file", method="frappe.client.get_count"))

	def test_the_chart_widget_reads_chart_definitions_only(self):
		province = self.cast.province
		self.assertFalse(self.refused(province, "frappe.client.get", doctype="Dashboard Chart", name="x"))
		for doctype in ("Cluster Brand Application", "User", "Number Card", None):
			self.assertTrue(self.refused(province, "frappe.client.get", doctype=doctype, name="x"), doctype)

	def test_system_managers_keep_frappes_desk(self):
		self.assertFalse(self.refused("Administrator", "frappe.client.get_count"))
		manager = "t.allowlist.sysmanager@example.com"
		if not frappe.db.exists("User", manager):
			user = frappe.get_doc(
				{"doctype": "User", "email": manager, "first_name": "sm", "send_welcome_email": 0}
			)
			user.insert(ignore_permissions=True)
			user.add_roles("System Manager", "Ministry Administrator")
		self.assertFalse(self.refused(manager, "frappe.client.get_count"))

	def test_seeing_every_row_and_being_held_to_the_list_are_two_questions(self):
		# sees_all answers for the rows, is_restricted for Frappe's own paths (this list, the files): the
		# ministry sees every row and is held to the list all the same
		cast = self.cast
		for user, expected in (
			("Administrator", (True, False)),
			(cast.ministry, (True, True)),
			(cast.province, (False, True)),
			(cast.applicant, (False, True)),
			(cast.expert, (False, True)),
		):
			with self.subTest(user=user):
				self.assertEqual((sees_all(user), is_restricted(user)), expected)
		frappe.set_user(cast.ministry)
		self.assertTrue(sees_all() and is_restricted(), "the session user by default")
