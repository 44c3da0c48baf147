"""Numbers the desk shows blank until someone gives them (issue 19): the 申报书's 推荐排序 and 专家平均分 read
as no value, not 0, before the province ranks it and before any expert submits a sheet, in the database and
as the form loads it, and its backbone enterprises' share of the industry's sales before the industry's sales
are entered; the patch blanks the 0 an older site stored."""

from datetime import date

import frappe
from frappe.desk.form.load import getdoc

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.patches.v0_1 import rank_and_mean_score_blank_until_given as patch
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import make_cast, new_application
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 6, 16)
BLANK_UNTIL_GIVEN = ("recommendation_rank", "mean_score")


@frozen_day(DAY)
class TestBlankNumbers(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()

	def setUp(self):
		frappe.set_user("Administrator")
		self.name = new_application(frappe.generate_hash(length=6)).name

	def test_no_rank_and_no_mean_score_before_any(self):
		stored = frappe.db.get_value(APPLICATION, self.name, BLANK_UNTIL_GIVEN, as_dict=True)
		self.assertEqual(stored, {"recommendation_rank": None, "mean_score": None})
		frappe.set_user(self.cast.applicant)
		getdoc(APPLICATION, self.name)
		loaded = frappe.response.docs[0]
		self.assertIsNone(loaded.get("recommendation_rank"))
		self.assertIsNone(loaded.get("mean_score"))

	def test_a_rank_given_is_kept(self):
		frappe.db.set_value(APPLICATION, self.name, "recommendation_rank", 1)
		doc = frappe.get_doc(APPLICATION, self.name)
		doc.save()
		self.assertEqual(frappe.db.get_value(APPLICATION, self.name, "recommendation_rank"), 1)
		self.assertIsNone(frappe.db.get_value(APPLICATION, self.name, "mean_score"))

	def test_no_sales_coverage_without_the_industry_s_sales(self):
		# 骨干企业销售收入占主导产业销售收入比重 showed 0% before the indicator table held the industry's sales
		doc = frappe.get_doc(APPLICATION, self.name)
		self.assertIsNotNone(doc.backbone_sales_coverage)
		for row in doc.indicators:
			row.year_1_value = row.year_2_value = row.year_3_value = None
		doc.save()
		self.assertIsNone(frappe.db.get_value(APPLICATION, self.name, "backbone_sales_coverage"))

	def test_an_enterprise_figure_not_entered_stays_blank(self):
		# 资产（万元） of a backbone enterprise read 0.00 before anybody entered it
		doc = frappe.get_doc(APPLICATION, self.name)
		row = doc.backbone_enterprises[0]
		row.assets = None
		row.total_profit = 0  # a loss-free year: 0 is a figure, kept
		doc.save()
		stored = frappe.db.get_value(
			"Application Backbone Enterprise", row.name, ("assets", "total_profit"), as_dict=True
		)
		self.assertEqual(stored, {"assets": None, "total_profit": 0})

	def test_the_patch_blanks_the_zero_stored_for_none(self):
		frappe.db.sql(
			"update `tabCluster Brand Application` set recommendation_rank = 0, mean_score = 0 where name = %s",
			self.name,
		)
		patch.execute()
		stored = frappe.db.get_value(APPLICATION, self.name, BLANK_UNTIL_GIVEN, as_dict=True)
		self.assertEqual(stored, {"recommendation_rank": None, "mean_score": None})
