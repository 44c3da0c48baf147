# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.tests.support.records import IntegrationTestCase, language

VALID_CODE = "91330000MA2CB0001" + credit_code_check_character("91330000MA2CB0001")


class TestClusterEnterprise(IntegrationTestCase):
	def make(self, **values):
		# an enterprise belongs to a cluster (产业集群 is required): any of the site's
		cluster = frappe.get_all("Industrial Cluster", pluck="name", limit=1)[0]
		return frappe.get_doc(
			{
				"doctype": "Cluster Enterprise",
				"enterprise_name": "测试五金有限公司",
				"industrial_cluster": cluster,
				**values,
			}
		)

	def test_valid_code_names_the_enterprise_and_is_normalised(self):
		doc = self.make(
			unified_social_credit_code=VALID_CODE.lower(), contact_phone="0571-88886666", mobile="13812345678"
		).insert()
		self.assertEqual(doc.name, VALID_CODE)
		self.assertEqual(doc.unified_social_credit_code, VALID_CODE)

	def test_invalid_code_is_refused_and_nothing_saved(self):
		wrong = VALID_CODE[:17] + ("0" if VALID_CODE[17] != "0" else "1")
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.make(unified_social_credit_code=wrong).insert()
		self.assertIn(f"统一社会信用代码“{wrong}”不是有效的统一社会信用代码", str(refused.exception))
		self.assertFalse(frappe.db.exists("Cluster Enterprise", wrong))

	def test_contact_formats(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.make(
				unified_social_credit_code=VALID_CODE, contact_phone="12345", email="no-at-sign"
			).insert()
		self.assertIn("联系电话“12345”不是有效的电话号码", str(refused.exception))
		self.assertIn("邮箱“no-at-sign”不是有效的电子邮箱地址", str(refused.exception))
		self.assertFalse(frappe.db.exists("Cluster Enterprise", VALID_CODE))
