"""产业集群区域品牌建设试点年度工作总结 through Frappe: the standard, default print format of the Annual Work
Summary, read back from its PDF with pdftotext, printed for whoever may read the summary only.

	bench --site <site> run-tests --module cluster_brand.tests.test_print_annual_summary
"""

from datetime import date

import frappe

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY
from cluster_brand.print import pdf as printing
from cluster_brand.print.format_names import ANNUAL_SUMMARY_FORMAT
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.isolation import SEES_SUMMARY
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.pilot_stage import edit_summary, inspection_values, make_pilot, summary_in
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

FORMAT = ANNUAL_SUMMARY_FORMAT


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 6, 22)


@frozen_day(DAY)
class TestAnnualSummaryPrintFormat(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"print-py-{frappe.generate_hash(length=6)}")
		cls.name = summary_in(cls.cast, cls.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		frappe.set_user("Administrator")
		cls.doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, cls.name)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_format_is_standard_and_the_summarys_default(self):
		print_format = frappe.get_doc("Print Format", FORMAT)
		self.assertEqual(
			(print_format.doc_type, print_format.standard, print_format.module, print_format.disabled),
			(ANNUAL_WORK_SUMMARY, "Yes", "Cluster Brand", 0),
		)
		self.assertEqual(frappe.get_meta(ANNUAL_WORK_SUMMARY).default_print_format, FORMAT)

	def test_the_pdf(self):
		pdf = printing.get_pdf(ANNUAL_WORK_SUMMARY, self.name, FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		text = fold(pdf_text(pdf))
		doc = self.doc
		self.assertIn(fold(f"{doc.industrial_cluster}{FORMAT}（{doc.reporting_year}年度）"), text)
		self.assertIn(fold("省级主管部门：浙江省经济和信息化委员会"), text)
		# the progress by work item, each measure with its time node and its reason for the delay
		self.assertIn(fold("序号 主要措施 时间节点 进展状态 完成情况"), text)
		first = doc.measure_progress[0]
		self.assertIn(fold(f"1 实施区域品牌发展战略 {first.measure_no}"), text)
		self.assertIn(fold("延期原因：受年度资金安排影响，部分内容顺延。"), text)
		# the indicators beside the baseline year
		self.assertIn(
			fold(f"指标名称 基期（{doc.baseline_year}年） 报告年度（{doc.reporting_year}年） 增减"), text
		)
		self.assertIn(fold("主导产业新产品产值（亿元）"), text)
		for heading in ("工作成效", "存在问题", "下一步计划"):
			self.assertIn(fold(heading), text)
		self.assertIn(fold("区域品牌影响力明显提升。"), text)
		self.assertIn(fold(f"{doc.organizing_unit}（盖章）"), text)
		# the province's inspection prints once it has decided, not while it is being written
		self.assertNotIn(fold("督导检查意见"), text)

	def test_the_inspection_prints_once_recorded(self):
		year = self.doc.reporting_year + 1
		name = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION, year)
		self.assertNotIn("督导检查意见", frappe.get_print(ANNUAL_WORK_SUMMARY, name, print_format=FORMAT))
		edit_summary(self.cast.province, name, **inspection_values())
		html = frappe.get_print(ANNUAL_WORK_SUMMARY, name, print_format=FORMAT)
		self.assertIn("省级主管部门督导检查意见", html)
		self.assertIn("试点工作按计划推进，台账完整。", html)

	def test_printed_for_its_readers_only(self):
		for key, sees in SEES_SUMMARY.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					printed = FORMAT in frappe.get_print(ANNUAL_WORK_SUMMARY, self.name, print_format=FORMAT)
				except frappe.PermissionError:
					printed = False
				frappe.set_user("Administrator")
				self.assertEqual(printed, sees)
