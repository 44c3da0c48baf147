# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.permissions.scope import add_user_scope
from cluster_brand.tests.support.process import SHANDONG, ZHEJIANG, make_user
from cluster_brand.tests.support.records import IntegrationTestCase, language


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

	# --- the unit's province is the ministry's to set (issue 7)

	def test_only_the_ministry_moves_a_unit_to_another_province(self):
		unit = self.make(unit_name="测试迁移县人民政府").insert()
		applicant = make_user("t.unit.applicant@example.com", "Cluster Applicant")
		add_user_scope(applicant, "Organizing Unit", unit.name)
		frappe.set_user(applicant)
		try:
			doc = frappe.get_doc("Organizing Unit", unit.name)
			doc.recommending_authority = SHANDONG
			with language("zh"), self.assertRaises(frappe.PermissionError) as refused:
				doc.save()
			doc.reload()
			doc.contact_person = "李四"  # the applicant keeps editing its other data
			doc.save()
		finally:
			frappe.set_user("Administrator")
		self.assertIn("推荐单位只能由工业和信息化部（科技司）变更", str(refused.exception))
		self.assertEqual(
			frappe.db.get_value("Organizing Unit", unit.name, "recommending_authority"), ZHEJIANG
		)

		frappe.set_user(make_user("t.unit.ministry@example.com", "Ministry Administrator"))
		try:
			doc = frappe.get_doc("Organizing Unit", unit.name)
			doc.recommending_authority = SHANDONG
			doc.save()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value("Organizing Unit", unit.name, "recommending_authority"), SHANDONG
		)

	def test_a_province_registers_units_of_its_own_province_only(self):
		province = make_user("t.unit.province.zj@example.com", "Provincial Reviewer")
		add_user_scope(province, "Recommending Authority", ZHEJIANG)
		frappe.set_user(province)
		try:
			with self.assertRaises(frappe.PermissionError):  # registering units is the ministry's
				self.make(unit_name="测试省级登记县人民政府").insert()
			with language("zh"), self.assertRaises(frappe.PermissionError) as refused:
				self.make(unit_name="测试省级登记县人民政府", recommending_authority=SHANDONG).insert(
					ignore_permissions=True
				)
		finally:
			frappe.set_user("Administrator")
		self.assertIn("只能登记本省的组织实施单位", str(refused.exception))
		self.assertFalse(frappe.db.exists("Organizing Unit", "测试省级登记县人民政府"))

	# --- what the database cannot hold is refused by name (issue 7)

	def test_values_the_columns_cannot_hold_are_refused_by_name(self):
		for values, text in (
			({"address": "产" * 30_000}, "通信地址过长：最多65,535字节"),
			({"postcode": 3_100_000}, "邮政编码过长：最多6个字符，现为7个字符"),
		):
			with language("zh"), self.assertRaises(frappe.ValidationError, msg=text) as refused:
				self.make(unit_name="测试超长县人民政府", **values).insert()
			self.assertIn(text, str(refused.exception))
			self.assertFalse(frappe.db.exists("Organizing Unit", "测试超长县人民政府"))
		unit = self.make(unit_name="测试数字邮编县人民政府", postcode=310000).insert()
		self.assertEqual(frappe.db.get_value("Organizing Unit", unit.name, "postcode"), "310000")
