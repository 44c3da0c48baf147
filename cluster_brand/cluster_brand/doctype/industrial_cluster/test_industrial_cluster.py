# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.tests.support.records import IntegrationTestCase, language


class TestIndustrialCluster(IntegrationTestCase):
	def make(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Industrial Cluster",
				"cluster_name": "测试链接产业集群",
				"leading_industry": "五金工具",
				"industry_sector": "Machinery",
				**values,
			}
		)

	def test_the_organizing_unit_must_exist(self):
		# Frappe 15.44.2 does not check a link whose row fetches from it (recommending_authority).
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.make(organizing_unit="不存在的组织实施单位").insert()
		self.assertIn("组织实施单位“不存在的组织实施单位”不存在", str(refused.exception))
		self.assertFalse(frappe.db.exists("Industrial Cluster", "测试链接产业集群"))

	def test_values_the_columns_cannot_hold_are_refused_by_name(self):
		unit = frappe.get_all("Organizing Unit", limit=1, pluck="name")[0]
		for values, text in (
			({"description": "集" * 30_000}, "简介过长：最多65,535字节"),
			({"location": "地" * 141}, "所在地区过长：最多140个字符，现为141个字符"),
		):
			with language("zh"), self.assertRaises(frappe.ValidationError, msg=text) as refused:
				self.make(organizing_unit=unit, **values).insert()
			self.assertIn(text, str(refused.exception))
			self.assertFalse(frappe.db.exists("Industrial Cluster", "测试链接产业集群"))
