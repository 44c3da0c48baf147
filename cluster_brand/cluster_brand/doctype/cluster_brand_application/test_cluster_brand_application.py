# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.api import check_completeness
from cluster_brand.rules.indicators import INDICATORS, SALES
from cluster_brand.rules.work_plan import WORK_ITEM_KEYS
from cluster_brand.tests.utils import (
	IntegrationTestCase,
	language,
	make_test_application,
	make_test_application_values,
)

APPLICATION = "Cluster Brand Application"
SUBMITTED = "Pending Provincial Review"


class TestClusterBrandApplication(IntegrationTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.application = make_test_application(f"-{self._testMethodName}")

	def assert_refused(self, doc, *expected_texts):
		"""Saving ``doc`` fails with a Chinese message containing each text, and the stored record is unchanged."""
		stored = bool(doc.name) and frappe.db.exists(APPLICATION, doc.name)
		before = frappe.get_doc(APPLICATION, doc.name).as_dict() if stored else None
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			doc.save() if stored else doc.insert()
		for text in expected_texts:
			self.assertIn(text, str(refused.exception))
		if before:
			after = frappe.get_doc(APPLICATION, doc.name).as_dict()
			self.assertEqual(before.modified, after.modified)
			self.assertEqual(before.workflow_state, after.workflow_state)
		return str(refused.exception)

	# --- a full valid application

	def test_full_application_is_saved_with_derived_values(self):
		app = frappe.get_doc(APPLICATION, self.application.name)
		self.assertTrue(app.name.startswith("CBA-2017-"))
		self.assertEqual(app.indicator_years, "2014, 2015, 2016")
		self.assertEqual(app.statistics_year, 2016)
		self.assertEqual([r.indicator for r in app.indicators], [i.key for i in INDICATORS])
		self.assertEqual(app.indicators[0].unit, "个")
		self.assertEqual([r.work_item_no for r in app.work_items], list(range(1, 8)))
		self.assertEqual(app.tasks[0].measure_no, "1.1")
		self.assertEqual(app.tasks[1].measure_no, "1.2")
		self.assertEqual(app.tasks[-1].measure_no[0], "7")
		sales = sum(r.sales_revenue for r in app.backbone_enterprises)
		self.assertAlmostEqual(app.total_sales_revenue, sales)
		industry = next(r.year_3_value for r in app.indicators if r.indicator == SALES)
		self.assertAlmostEqual(
			app.backbone_sales_coverage, round(sales / (industry * 10000) * 100, 2), places=2
		)
		self.assertGreaterEqual(app.backbone_sales_coverage, 80)
		self.assertEqual(len(app.derived_indicators), 6)
		self.assertEqual(str(app.cycle_end), "2020-12-31")
		self.assertEqual(app.total_funding, sum(r.amount for r in app.funding_plan))

	def test_complete_application_leaves_draft(self):
		self.assertEqual(check_completeness(self.application.name), {"complete": True, "missing": []})
		self.application.workflow_state = SUBMITTED
		self.application.save()
		self.assertEqual(frappe.db.get_value(APPLICATION, self.application.name, "workflow_state"), SUBMITTED)

	def test_an_incomplete_draft_can_be_saved(self):
		self.application.leading_industry_profile = ""
		self.application.save()
		with language("zh"):
			report = check_completeness(self.application.name)
		self.assertFalse(report["complete"])
		self.assertEqual(report["missing"], ["一、主导产业简介"])

	def test_missing_rows_of_official_tables_are_restored_in_order(self):
		self.application.indicators = self.application.indicators[::-1][:5]
		self.application.work_items = self.application.work_items[3:]
		self.application.save()
		self.assertEqual([r.indicator for r in self.application.indicators], [i.key for i in INDICATORS])
		self.assertEqual([r.work_item for r in self.application.work_items], list(WORK_ITEM_KEYS))

	# --- each rule violated: refused with its message, nothing saved

	def test_completeness_lists_missing_items_by_official_name(self):
		self.application.leading_industry_profile = ""
		self.application.supporting_policies = ""
		self.application.stamped_form_scan = None
		self.application.workflow_state = SUBMITTED
		self.assert_refused(
			self.application,
			"一、主导产业简介",
			"支持政策",
			"加盖公章的申报书扫描件",
			"以下内容填写完整、正确后方可提交",
		)

	def test_basic_conditions_must_be_declared(self):
		self.application.no_major_incident_in_three_years = 0
		self.application.workflow_state = SUBMITTED
		self.assert_refused(self.application, "未声明", "近三年区域内未出现重特大质量安全")

	def test_backbone_sales_must_cover_eighty_percent(self):
		self.application.backbone_enterprises = self.application.backbone_enterprises[:3]
		self.application.workflow_state = SUBMITTED
		self.assert_refused(self.application, "骨干企业累计销售收入", "应占到80%以上", "2016年")

	def test_detailed_enterprises_must_be_the_top_three(self):
		self.application.top_enterprises[2].enterprise = self.application.backbone_enterprises[-1].enterprise
		self.application.workflow_state = SUBMITTED
		self.assert_refused(
			self.application, "重点骨干企业应为骨干企业汇总表中主导产业销售收入排名前三的企业"
		)

	def test_every_work_item_needs_a_measure(self):
		last_item = WORK_ITEM_KEYS[-1]
		self.application.tasks = [t for t in self.application.tasks if t.work_item != last_item]
		self.application.workflow_state = SUBMITTED
		self.assert_refused(self.application, "第7项工作项目“健全区域品牌评价制度”没有主要措施")

	def test_time_node_must_lie_in_the_cycle(self):
		self.application.tasks[0].time_node = "2021-03-01"
		self.assert_refused(self.application, "时间节点2021-03-01不在试点周期（2017-01-01至2020-12-31）内")

	def test_money_may_not_be_negative_but_profit_may(self):
		self.application.backbone_enterprises[-1].total_profit = -12.5
		self.application.save()  # a loss is allowed
		self.application.backbone_enterprises[0].assets = -1
		self.assert_refused(self.application, "骨干企业汇总表第1行", "资产（万元）不能为负数")

	def test_indicator_ranges(self):
		share = next(r for r in self.application.indicators if r.indicator == INDICATORS[9].key)
		share.year_2_value = 120
		count = self.application.indicators[0]
		count.year_1_value = 12.5
		self.assert_refused(
			self.application, "主导产业国内市场占有率（%）为百分比", "主导产业企业数（个）应为非负整数"
		)

	def test_contact_formats_of_the_top_enterprises(self):
		self.application.top_enterprises[0].mobile = "1381234"
		self.application.top_enterprises[1].email = "someone@"
		self.assert_refused(
			self.application, "手机“1381234”不是有效的手机号码", "邮箱“someone@”不是有效的电子邮箱地址"
		)

	def test_cluster_must_belong_to_the_applicant_unit(self):
		other = make_test_application_values("-other-unit")
		self.application.organizing_unit = other["organizing_unit"]
		self.assert_refused(self.application, "的组织实施单位为")

	def test_one_application_per_cluster_and_batch(self):
		values = make_test_application_values(f"-{self._testMethodName}")
		count = frappe.db.count(APPLICATION)
		with self.assertRaises(frappe.DuplicateEntryError):
			frappe.get_doc(values).insert()
		self.assertEqual(frappe.db.count(APPLICATION), count)

	def test_invalid_new_application_is_not_inserted(self):
		values = make_test_application_values("-invalid-new")
		values["backbone_enterprises"][0]["sales_revenue"] = -5
		count = frappe.db.count(APPLICATION)
		self.assert_refused(frappe.get_doc(values), "销售收入（万元）不能为负数")
		self.assertEqual(frappe.db.count(APPLICATION), count)
