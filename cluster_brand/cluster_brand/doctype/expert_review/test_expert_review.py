# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from datetime import date

import frappe

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.rules.application.workflow import UNDER_EXPERT_REVIEW
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, language

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 7, 27)


@frozen_day(DAY)
class TestExpertReview(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.application = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"sheet-{frappe.generate_hash(length=6)}")
		cls.batch = frappe.db.get_value(APPLICATION, cls.application, "pilot_batch")

	def setUp(self):
		frappe.set_user(self.cast.expert)

	def tearDown(self):
		frappe.set_user("Administrator")

	def sheet(self):
		return frappe.get_doc(EXPERT_REVIEW, {"application": self.application, "expert": self.cast.expert})

	def rubric(self):
		return frappe.get_all(
			"Review Criterion",
			{"parent": self.batch, "parenttype": PILOT_BATCH},
			["criterion", "weight"],
			order_by="idx",
		)

	def assert_refused(self, sheet, *texts):
		before = self.sheet()
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			sheet.save()
		for text in texts:
			self.assertIn(text, str(refused.exception))
		after = self.sheet()
		self.assertEqual(after.modified, before.modified)
		self.assertEqual(
			[(r.criterion, r.weight) for r in after.scores], [(r.criterion, r.weight) for r in self.rubric()]
		)

	def test_the_sheet_is_scored_on_the_batchs_rubric(self):
		sheet = self.sheet()
		self.assertEqual(
			[(r.criterion, r.weight) for r in sheet.scores], [(r.criterion, r.weight) for r in self.rubric()]
		)
		for row in sheet.scores:
			row.score = 80
		sheet.save()
		self.assertAlmostEqual(sheet.total_score, 80)

	def test_the_expert_cannot_rewrite_the_rubric(self):
		first, last = self.rubric()[0], self.rubric()[-1]
		sheet = self.sheet()
		sheet.scores[0].weight = 1000
		sheet.scores[0].score = 100
		self.assert_refused(
			sheet,
			"评分表的评审指标和权重为本批次的评审指标，不能修改",
			f"第1行：“{first.criterion}”的权重应为{first.weight:g}，不能为1000",
		)

		sheet = self.sheet()
		sheet.append("scores", {"criterion": "附加指标", "weight": 500, "score": 100})
		self.assert_refused(sheet, f"第{len(sheet.scores)}行：“附加指标”不是本批次的评审指标")

		sheet = self.sheet()
		sheet.scores = sheet.scores[:-1]
		self.assert_refused(sheet, f"缺少本批次的评审指标“{last.criterion}”")

		sheet = self.sheet()
		sheet.scores[0].criterion = "改名的指标"
		self.assert_refused(sheet, f"第1行：评审指标应为“{first.criterion}”，不能为“改名的指标”")

		sheet = self.sheet()
		sheet.scores = sheet.scores[::-1]
		self.assert_refused(sheet, f"第1行：评审指标应为“{first.criterion}”")

	def test_values_the_columns_cannot_hold_are_refused_by_name(self):
		sheet = self.sheet()
		sheet.comments = "评" * 30_000
		self.assert_refused(sheet, "评审意见过长：最多65,535字节")
