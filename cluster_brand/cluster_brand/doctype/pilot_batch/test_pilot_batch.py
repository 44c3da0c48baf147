# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe

from cluster_brand.doctype_names import PILOT_BATCH
from cluster_brand.tests.support.records import IntegrationTestCase, language


class TestPilotBatch(IntegrationTestCase):
	def test_indicator_years_follow_the_batch_year(self):
		batch = frappe.get_doc(
			{
				"doctype": PILOT_BATCH,
				"batch_title": "测试批次2019",
				"batch_year": 2019,
				"paper_copies_required": 2,
			}
		).insert()
		self.assertEqual(batch.indicator_years, "2016, 2017, 2018")

	def test_deadlines_and_copies(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			frappe.get_doc(
				{
					"doctype": PILOT_BATCH,
					"batch_title": "测试批次错误",
					"batch_year": 2017,
					"paper_copies_required": 0,
					"online_submission_deadline": "2017-09-10",
					"provincial_recommendation_deadline": "2017-08-31",
				}
			).insert()
		self.assertIn("纸质材料份数至少为1", str(refused.exception))
		self.assertIn(
			"在线申报截止日期（2017-09-10）不能晚于省级推荐截止日期（2017-08-31）", str(refused.exception)
		)
		self.assertFalse(frappe.db.exists(PILOT_BATCH, "测试批次错误"))

	def test_values_the_columns_cannot_hold_are_refused_by_name(self):
		for values, text in (
			({"paper_copies_required": 10**20}, "纸质材料份数须在-2,147,483,648至2,147,483,647之间"),
			({"receiving_address": "址" * 30_000}, "通信地址过长：最多65,535字节"),
			(
				{"review_criteria": [{"criterion": "指标", "weight": 100, "guidance": "x" * 70_000}]},
				"评审指标第1行：评分要点过长",
			),
		):
			with language("zh"), self.assertRaises(frappe.ValidationError, msg=text) as refused:
				frappe.get_doc(
					{
						"doctype": PILOT_BATCH,
						"batch_title": "测试批次超长",
						"batch_year": 2019,
						"paper_copies_required": 2,
						**values,
					}
				).insert()
			self.assertIn(text, str(refused.exception))
			self.assertFalse(frappe.db.exists(PILOT_BATCH, "测试批次超长"))
