"""Uninstalling leaves a site as it was before the install: a site of its own (new-site, with Frappe's setup
completed, as a site the app is installed on has it) is read record by record, the app installed and
uninstalled, and read again. The site is made from the code under test (the PYTHONPATH this process runs with)
and dropped afterwards.
"""

import os
import subprocess
import sys
from pathlib import Path

import frappe
import pymysql
from frappe.tests.utils import FrappeTestCase

from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.rules.accounts import ACCOUNT_SETTINGS, holds

# What any install and uninstall writes, whatever the app: logs, and rows that Frappe renames when it rewrites
# its list of installed apps
LOGS = {
	"tabDeleted Document",
	"tabVersion",
	"tabPatch Log",
	"tabError Log",
	"tabActivity Log",
	"tabScheduled Job Log",
	"tabInstalled Application",
	"tabRoute History",
	"tabAccess Log",
}


# What the uninstall leaves on purpose: the programme's System Settings (issue 22; see
# test_the_install_sets_the_account_settings_and_they_stay_with_the_site), in the defaults Frappe reads them from
ACCOUNT_SETTINGS_KEPT = {
	"tabDefaultValue": {
		f"__default {setting.fieldname}={value}"
		for setting in ACCOUNT_SETTINGS
		for value in (setting.value, str(setting.value))
	},
}


def read_account_settings(site: str) -> dict:
	"""The site's System Settings of ACCOUNT_SETTINGS, {field: value}."""
	with connect(site) as connection, connection.cursor() as cursor:
		cursor.execute("SELECT field, value FROM `tabSingles` WHERE doctype = 'System Settings'")
		fields = {setting.fieldname for setting in ACCOUNT_SETTINGS}
		return {field: value for field, value in cursor.fetchall() if field in fields}


def connect(site: str):
	config = frappe.get_site_config(site_path=Path(frappe.utils.get_bench_path()) / "sites" / site)
	return pymysql.connect(
		host=config.get("db_host") or "127.0.0.1",
		port=int(config.get("db_port") or 3306),
		user=config.db_name,
		password=config.db_password,
		database=config.db_name,
	)


def read_site(site: str) -> dict:
	"""Every table of the site with the names of its records (or its row count, where it has no name), read
	over a connection of its own (the other site runs no app code here to read itself with)."""
	connection = connect(site)
	records = {}
	with connection, connection.cursor() as cursor:
		cursor.execute("SHOW TABLES")
		for (table,) in cursor.fetchall():
			cursor.execute(f"SHOW COLUMNS FROM `{table}`")
			columns = {column for (column, *_) in cursor.fetchall()}
			if table == "tabDefaultValue":  # named at random: read by what it holds
				cursor.execute(
					"SELECT CONCAT(parent, ' ', defkey, '=', IFNULL(defvalue, '')) FROM `tabDefaultValue`"
				)
				records[table] = sorted(value for (value,) in cursor.fetchall())
			elif "name" in columns:
				cursor.execute(f"SELECT name FROM `{table}`")
				records[table] = sorted(str(name) for (name,) in cursor.fetchall())
			else:
				cursor.execute(f"SELECT COUNT(*) FROM `{table}`")
				records[table] = cursor.fetchone()[0]
	return records


def db_root_password() -> str:
	"""bin/test's: its variable, or the line that scripts/setup-bench.sh wrote."""
	if password := os.environ.get("CB_DB_ROOT_PASSWORD"):
		return password
	config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "cluster_brand" / "bench"
	for line in config.read_text(encoding="utf-8").splitlines() if config.is_file() else ():
		if line.startswith("CB_DB_ROOT_PASSWORD="):
			return line.split("=", 1)[1]
	raise AssertionError(
		"a site of its own needs MariaDB's root password: CB_DB_ROOT_PASSWORD (bin/test sets it)"
	)


class TestUninstall(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.site = f"cbuninstall-{os.getpid()}.localhost"
		cls.addClassCleanup(
			cls.bench,
			"drop-site",
			cls.site,
			"--db-root-password",
			db_root_password(),
			"--force",
			"--no-backup",
		)
		cls.bench("new-site", cls.site, "--db-root-password", db_root_password(), "--admin-password", "admin")
		cls.bench("--site", cls.site, "execute", "frappe.utils.install.complete_setup_wizard")
		cls.before = read_site(cls.site)
		cls.before_settings = read_account_settings(cls.site)
		cls.bench("--site", cls.site, "install-app", "cluster_brand")
		cls.installed = read_site(cls.site)
		cls.installed_settings = read_account_settings(cls.site)
		cls.bench("--site", cls.site, "uninstall-app", "cluster_brand", "--yes", "--no-backup")
		cls.after = read_site(cls.site)
		cls.after_settings = read_account_settings(cls.site)

	@classmethod
	def bench(cls, *args):
		# Frappe's commands as bench runs them, from the bench's sites folder, with this process's PYTHONPATH
		done = subprocess.run(
			[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", *args],
			cwd=frappe.utils.get_bench_path() + "/sites",
			capture_output=True,
			text=True,
			timeout=900,
		)
		if done.returncode:
			raise AssertionError(
				f"{' '.join(args[:3])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
			)

	def test_the_install_wrote_what_the_uninstall_must_remove(self):
		# the comparison below proves something only if the install wrote into Frappe's own tables
		self.assertTrue(set(PROGRAMME_ROLES) <= set(self.installed["tabRole"]))
		self.assertIn("Cluster Brand Application Review", self.installed["tabWorkflow"])
		self.assertIn(PROGRAMME_MODULE, self.installed["tabModule Def"])
		self.assertIn("tabCluster Brand Application", self.installed)

	def test_the_site_is_as_it_was_before_the_install(self):
		left = {}
		for table in (set(self.before) | set(self.after)) - LOGS:
			before, after = self.before.get(table), self.after.get(table)
			if before != after:
				left[table] = (
					sorted(set(after) - set(before) - ACCOUNT_SETTINGS_KEPT.get(table, set()))
					if isinstance(after, list) and isinstance(before, list)
					else after
				)
		left = {table: added for table, added in left.items() if added != []}
		self.assertEqual(left, {}, "records or tables the uninstall left behind (table: what was added)")

	def test_the_install_sets_the_account_settings_and_they_stay_with_the_site(self):
		# the programme's System Settings (issue 22), set by the install; they stay, as a completed setup does:
		# undoing them would open the accounts again
		for setting in ACCOUNT_SETTINGS:
			self.assertTrue(holds(setting, self.installed_settings.get(setting.fieldname)), setting.fieldname)
		self.assertEqual(self.after_settings, self.installed_settings)
		self.assertFalse(all(holds(s, self.before_settings.get(s.fieldname)) for s in ACCOUNT_SETTINGS))
