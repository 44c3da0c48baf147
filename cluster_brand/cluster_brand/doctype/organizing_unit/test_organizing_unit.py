# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.tests.utils import IntegrationTestCase, language


class TestOrganizingUnit(IntegrationTestCase):
	def make(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Organizing Unit",
				"unit_name": "测试县人民政府",
				"unit_type": "People's Government below County Level",
				"recommending_authority": "浙江省工业和信息化主管部门",
				**values,
			}
		)

	def test_both_readings_of_the_unit_type_are_accepted(self):
		self.make().insert()
		self.make(
			unit_name="测试县级以上人民政府", unit_type="People's Government at or above County Level"
		).insert()

	def test_an_association_cannot_be_the_recommending_authority(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.make(recommending_authority="中国机械工业联合会").insert()
		self.assertIn("推荐单位应为省级工业和信息化主管部门", str(refused.exception))
		self.assertFalse(frappe.db.exists("Organizing Unit", "测试县人民政府"))

	def test_postcode_and_credit_code(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.make(postcode="3100", unified_social_credit_code="113300000000000000").insert()
		self.assertIn("邮政编码“3100”应为6位数字", str(refused.exception))
		self.assertIn("不是有效的统一社会信用代码", str(refused.exception))
