"""The review process's print formats through Frappe (省级推荐意见, 专家评审表, 产业集群区域品牌建设试点名单), read
back from their PDFs with pdftotext, and the PDF download that stamps page numbers ("— 3 —").

	bench --site <site> run-tests --module cluster_brand.tests.test_print_review_formats
"""

import io
import re
from datetime import date
from unittest.mock import patch

import frappe
from frappe.handler import execute_cmd
from frappe.utils import getdate, today
from pypdf import PdfReader
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.print import pdf as printing
from cluster_brand.print import readers
from cluster_brand.print.format_names import (
	APPLICATION_FORMAT,
	DESIGNATION_LIST_FORMAT,
	EXPERT_REVIEW_FORMAT,
	RECOMMENDATION_FORMAT,
)
from cluster_brand.print.review_forms import CONFLICT_DECLARATION, DESIGNATION_TITLE, EXPERT_REVIEW_TITLE
from cluster_brand.rules.application.workflow import APPROVED_AS_PILOT, DRAFT
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.process import ZHEJIANG, drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DOWNLOAD = "frappe.utils.print_format.download_pdf"
SCRIPT = "<script>alert(1)</script>"
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$", re.M)


def day_text(value) -> str:
	day = getdate(value)
	return f"{day.year}年{day.month}月{day.day}日"


def page_count(pdf: bytes) -> int:
	return len(PdfReader(io.BytesIO(pdf)).pages)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 2, 16)


@frozen_day(DAY)
class TestReviewPrintFormats(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.name = drive_to(cls.cast, APPROVED_AS_PILOT, "print-review")
		frappe.set_user("Administrator")
		cls.application = frappe.get_doc(APPLICATION, cls.name)
		cls.review = frappe.get_doc(EXPERT_REVIEW, {"application": cls.name})
		cls.pilot = frappe.get_doc(BRAND_PILOT, {"application": cls.name})
		cls.batch = cls.application.pilot_batch

	def tearDown(self):
		frappe.set_user("Administrator")

	def printed(self, doctype: str, name: str, print_format: str) -> str:
		"""The PDF's text as compared (see test_print_format.fold), from the PDF the desk's button gets."""
		pdf = printing.get_pdf(doctype, name, print_format)
		self.assertTrue(pdf.startswith(b"%PDF"))
		return fold(pdf_text(pdf))

	def download(self, user: str, doctype: str, name: str, print_format: str | None) -> bytes:
		"""The PDF the desk's button gets: cluster_brand.print.pdf.download_pdf as ``user``."""
		frappe.set_user(user)
		response = frappe.local.response
		frappe.local.response = frappe._dict()
		try:
			printing.download_pdf(doctype, name, format=print_format)
			self.assertEqual(frappe.local.response.type, "pdf")
			return frappe.local.response.filecontent
		finally:
			frappe.local.response = response
			frappe.set_user("Administrator")

	def assertPageNumbers(self, pdf: bytes, cover: bool = False):
		pages = page_count(pdf)
		numbers = [int(n) for n in PAGE_NUMBER.findall(pdf_text(pdf))]
		self.assertEqual(numbers, list(range(1, pages + (0 if cover else 1))))

	# --- the formats ---------------------------------------------------------------------------------------

	def test_formats_are_standard_and_only_the_review_sheet_is_a_default(self):
		for name, doctype in (
			(RECOMMENDATION_FORMAT, APPLICATION),
			(EXPERT_REVIEW_FORMAT, EXPERT_REVIEW),
			(DESIGNATION_LIST_FORMAT, PILOT_BATCH),
		):
			print_format = frappe.get_doc("Print Format", name)
			self.assertEqual(
				(print_format.doc_type, print_format.standard, print_format.module, print_format.disabled),
				(doctype, "Yes", "Cluster Brand", 0),
			)
		self.assertEqual(frappe.get_meta(EXPERT_REVIEW).default_print_format, EXPERT_REVIEW_FORMAT)
		self.assertEqual(frappe.get_meta(APPLICATION).default_print_format, APPLICATION_FORMAT)
		self.assertIn('class="cb-form cb-expert-review"', frappe.get_print(EXPERT_REVIEW, self.review.name))

	def test_recommendation_pdf(self):
		text = self.printed(APPLICATION, self.name, RECOMMENDATION_FORMAT)
		# headed and sealed with the authority's official name; the opinion once, under the list
		official = frappe.db.get_value("Recommending Authority", ZHEJIANG, "official_name")
		self.assertEqual(official, "浙江省经济和信息化委员会")
		self.assertIn(fold(f"{official}2017年产业集群区域品牌建设试点推荐意见"), text)
		self.assertNotIn(fold(ZHEJIANG), text)
		self.assertIn(fold("推荐排序 组织实施单位 产业集群（园区） 主导产业"), text)
		doc = self.application
		row = (
			f"{doc.recommendation_rank} {doc.organizing_unit} {doc.industrial_cluster} {doc.leading_industry}"
		)
		self.assertIn(fold(row), text)
		self.assertEqual(text.count(fold("同意推荐。")), 1)
		self.assertIn(fold(f"经办人：张三 推荐日期：{day_text(today())}"), text)
		self.assertIn(fold(f"{official}（盖章）年月日"), text)

	def test_recommendation_lists_the_authoritys_recommended_applications_in_rank_order(self):
		rows = readers.recommended_applications(self.application)
		self.assertIn(self.name, [r.name for r in rows])
		ranks = [r.recommendation_rank for r in rows]
		self.assertEqual(ranks, sorted(ranks))
		states = frappe.get_all(
			APPLICATION,
			{"name": ("in", [r.name for r in rows])},
			["recommending_authority", "workflow_state"],
		)
		self.assertTrue(all(s.recommending_authority == ZHEJIANG for s in states))
		self.assertNotIn(DRAFT, {s.workflow_state for s in states})

	def test_recommendation_list_follows_the_readers_permissions(self):
		# An applicant of another unit may print nothing of it; its own list leaves this application out.
		frappe.set_user(self.cast.other_applicant)
		self.assertNotIn(self.name, [r.name for r in readers.recommended_applications(self.application)])
		frappe.set_user(self.cast.province)
		self.assertIn(self.name, [r.name for r in readers.recommended_applications(self.application)])

	def test_expert_review_pdf(self):
		text = self.printed(EXPERT_REVIEW, self.review.name, EXPERT_REVIEW_FORMAT)
		review = self.review
		self.assertIn(fold(EXPERT_REVIEW_TITLE), text)
		self.assertIn(fold(f"产业集群（园区） {review.industrial_cluster}"), text)
		self.assertIn(fold(f"申报书编号 {self.name} 申报批次 {self.batch}"), text)
		self.assertIn(fold(f"专家姓名 {review.expert_name}"), text)
		# the en dash as typed (the text layer had the figure dash ‒, which shares its glyph)
		self.assertIn(fold("序号 评审指标 权重 得分（0–100） 加权得分"), text)
		first = review.scores[0]
		# the rubric's guidance (评分要点) under its criterion
		self.assertIn(fold(f"1 {first.criterion} 评分要点：{first.guidance} {first.weight:g} 80"), text)
		self.assertIn(fold(f"总分 100 {review.total_score:g}"), text)
		self.assertIn(fold(f"评审意见 {review.comments}"), text)
		self.assertIn(fold("评审建议 ☑ 建议确定为试点 ☐ 不建议确定为试点"), text)
		self.assertIn(fold(f"☑ {CONFLICT_DECLARATION}"), text)
		self.assertIn(fold("专家签名："), text)

	def test_designation_list_pdf(self):
		text = self.printed(PILOT_BATCH, self.batch, DESIGNATION_LIST_FORMAT)
		pilot = self.pilot
		self.assertIn(fold(f"2017年{DESIGNATION_TITLE}"), text)
		self.assertIn(fold(f"申报批次：{self.batch}"), text)
		self.assertIn(fold("通知文号：工信厅科函〔2017〕433号"), text)
		self.assertIn(fold("工信厅科函〔2017〕999号"), text)
		self.assertIn(fold("序号 产业集群（园区） 组织实施单位 推荐单位 试点开始日期 计划结束日期"), text)
		self.assertIn(
			fold(
				f"{pilot.industrial_cluster} {pilot.organizing_unit} 浙江省经济和信息化委员会"
				f" {day_text(pilot.start_date)} {day_text(pilot.planned_end_date)}"
			),
			text,
		)

	def test_designation_list_follows_the_readers_permissions(self):
		frappe.set_user(self.cast.province)
		self.assertIn(self.pilot.name, [p.name for p in readers.batch_pilots(frappe._dict(name=self.batch))])
		frappe.set_user(self.cast.other_province)
		html = frappe.get_print(PILOT_BATCH, self.batch, print_format=DESIGNATION_LIST_FORMAT)
		self.assertNotIn(self.pilot.industrial_cluster, html)

	def test_user_text_prints_as_text(self):
		# Straight into the database, past the sanitising of save: the print must not trust stored values.
		frappe.db.set_value(APPLICATION, self.name, "recommendation_opinion", SCRIPT)
		frappe.db.set_value(EXPERT_REVIEW, self.review.name, "comments", SCRIPT)
		frappe.db.set_value(BRAND_PILOT, self.pilot.name, "designation_notice_number", SCRIPT)
		for doctype, name, print_format, count in (
			(APPLICATION, self.name, RECOMMENDATION_FORMAT, 1),  # the opinion prints once
			(EXPERT_REVIEW, self.review.name, EXPERT_REVIEW_FORMAT, 1),
			(PILOT_BATCH, self.batch, DESIGNATION_LIST_FORMAT, 1),
		):
			html = frappe.get_print(doctype, name, print_format=print_format)
			self.assertNotIn(SCRIPT, html)
			self.assertGreaterEqual(html.count("&lt;script&gt;alert(1)&lt;/script&gt;"), count)

	# --- page numbers -------------------------------------------------------------------------------------

	def test_download_stamps_page_numbers_on_every_page(self):
		self.assertFalse(frappe.utils.pdf.is_wkhtmltopdf_valid(), "this test needs an unpatched wkhtmltopdf")
		application = self.download(self.cast.province, APPLICATION, self.name, APPLICATION_FORMAT)
		unstamped = frappe.get_print(APPLICATION, self.name, print_format=APPLICATION_FORMAT, as_pdf=True)
		self.assertEqual(page_count(application), page_count(unstamped))
		self.assertGreater(page_count(application), 5)
		self.assertPageNumbers(application, cover=True)  # the cover is not numbered
		self.assertEqual(fold(pdf_text(application)).count("—1—"), 1)
		self.assertIn(fold("第一部分 区域产业发展情况"), fold(pdf_text(application)))  # the page is intact
		for user, doctype, name, print_format in (
			(self.cast.province, APPLICATION, self.name, RECOMMENDATION_FORMAT),
			(self.cast.expert, EXPERT_REVIEW, self.review.name, None),  # the DocType's default
			(self.cast.province, PILOT_BATCH, self.batch, DESIGNATION_LIST_FORMAT),
		):
			pdf = self.download(user, doctype, name, print_format)
			self.assertPageNumbers(pdf)
			self.assertTrue(PAGE_NUMBER.search(pdf_text(pdf)))

	def test_the_desk_and_rest_reach_the_apps_download(self):
		self.assertEqual(
			frappe.get_hooks("override_whitelisted_methods")[DOWNLOAD],
			["cluster_brand.print.pdf.download_pdf"],
		)
		# the /api/method call, as Frappe's handler runs it
		frappe.set_user(self.cast.province)
		form_dict, response = frappe.local.form_dict, frappe.local.response
		frappe.local.form_dict = frappe._dict(
			doctype=APPLICATION, name=self.name, format=RECOMMENDATION_FORMAT, no_letterhead="1", _lang="zh"
		)
		frappe.local.response = frappe._dict()
		try:
			request = Request(EnvironBuilder(method="GET", path=f"/api/method/{DOWNLOAD}").get_environ())
			# In a GET request Frappe commits the print's Access Log, and with it this test's data.
			with (
				patch.object(frappe.local, "request", request, create=True),
				patch.object(frappe.db, "commit"),
			):
				execute_cmd(DOWNLOAD)
			self.assertEqual(PAGE_NUMBER.findall(pdf_text(frappe.local.response.filecontent))[0], "1")
		finally:
			frappe.local.form_dict, frappe.local.response = form_dict, response

	def test_other_formats_are_not_stamped(self):
		pdf = self.download("Administrator", PILOT_BATCH, self.batch, "Standard")
		self.assertFalse(PAGE_NUMBER.search(pdf_text(pdf)))

	def test_no_stamp_where_wkhtmltopdf_draws_the_footer(self):
		# A patched wkhtmltopdf draws the templates' own footer (the unpatched one here draws none).
		with patch("frappe.utils.pdf.is_wkhtmltopdf_valid", return_value=True):
			pdf = self.download(self.cast.province, APPLICATION, self.name, RECOMMENDATION_FORMAT)
		self.assertFalse(PAGE_NUMBER.search(pdf_text(pdf)))

	def test_download_keeps_frappes_permission_check(self):
		for doctype, name, print_format in (
			(APPLICATION, self.name, RECOMMENDATION_FORMAT),
			(APPLICATION, self.name, APPLICATION_FORMAT),
			(EXPERT_REVIEW, self.review.name, EXPERT_REVIEW_FORMAT),
		):
			with self.assertRaises(frappe.PermissionError):
				self.download(self.cast.other_province, doctype, name, print_format)

	def test_stamping_keeps_the_pdf_small(self):
		pdf = frappe.get_print(APPLICATION, self.name, print_format=APPLICATION_FORMAT, as_pdf=True)
		stamped = printing.stamp_page_numbers(pdf)
		self.assertLess(len(stamped), len(pdf) * 1.1)
		self.assertEqual(page_count(stamped), page_count(pdf))
