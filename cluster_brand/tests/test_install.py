"""The app as installed on the site: fixtures, module, translations."""

import frappe

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import (
	ASSOCIATION,
	PROVINCIAL,
)
from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW
from cluster_brand.tests.support.records import IntegrationTestCase, language


class TestInstall(IntegrationTestCase):
	def test_app_and_doctypes_are_installed(self):
		self.assertIn("cluster_brand", frappe.get_installed_apps())
		for doctype in (
			PILOT_BATCH,
			"Recommending Authority",
			"Organizing Unit",
			"Industrial Cluster",
			"Cluster Enterprise",
			APPLICATION,
			"Application Task",
		):
			self.assertEqual(frappe.db.get_value("DocType", doctype, "module"), "Cluster Brand")

	def test_fixtures_are_synced(self):
		authorities = frappe.get_all("Recommending Authority", fields=["authority_type", "region_type"])
		provincial = [a for a in authorities if a.authority_type == PROVINCIAL]
		self.assertEqual(len(provincial), 37)
		self.assertEqual(sum(a.region_type == "Separately Planned City" for a in provincial), 5)
		self.assertEqual(sum(a.authority_type == ASSOCIATION for a in authorities), 7)
		for role in PROGRAMME_ROLES:
			self.assertTrue(frappe.db.exists("Role", role), role)
		self.assertTrue(frappe.db.exists("Workflow State", PENDING_PROVINCIAL_REVIEW))

	def test_chinese_translations_are_loaded(self):
		with language("zh"):
			# the official wording of the notice and its annexes, pinned on purpose
			self.assertEqual(frappe._(APPLICATION), "产业集群区域品牌建设试点申报书")
			self.assertEqual(
				frappe._("Sales Revenue of the Leading Industry (100 million yuan)"),
				"主导产业销售收入（亿元）",
			)
			self.assertEqual(
				frappe._("Implement the Regional Brand Development Strategy"), "实施区域品牌发展战略"
			)

	def test_workspace_is_installed(self):
		self.assertTrue(frappe.db.exists("Workspace", "Cluster Brand"))
