"""The programme's reports as Excel for whoever may read them (issue 23; cluster_brand/api/report_export.py):
for each report and each role, the sheet holds the rows and columns the report gives that reader on screen
(the same run), a province's sheet no other province's row, the columns withheld from a reader absent; a
role the report does not permit is refused; Frappe's export of a programme report is the same sheet.

	bench --site <site> run-tests --module cluster_brand.tests.test_report_export
"""

import json
from datetime import date
from io import BytesIO
from urllib.parse import quote

import frappe
from frappe.desk.query_report import run as run_report
from openpyxl import load_workbook

from cluster_brand.api import report_export
from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.office.report_sheet import cell_value
from cluster_brand.rules.application import workflow as states
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import OTHER_UNIT, OWN_UNIT, SHANDONG, ZHEJIANG, make_cast
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	language,
	make_test_application_values,
	test_batch_values,
)

BATCH = "导出测试批次（2017）"
DAY = date(2026, 11, 9)
SUMMARY = "Application Summary"
READERS = ("ministry", "province", "other_province", "association", "applicant", "receiver", "expert")


def report_filters(report: str) -> dict:
	"""The filters the report's page would send (its required ones set)."""
	if report in ("Application Summary", "Recommendation By Authority", "Expert Review Ranking"):
		return {"pilot_batch": BATCH}
	if report == "Indicator Comparison":
		return {"pilot_batch": BATCH, "rank_by": "Sales Revenue of the Leading Industry (100 million yuan)"}
	if report == "Demonstration Review Ranking":
		return {"evaluation_round": frappe.db.get_value("Evaluation Round", {}, "name")}
	if report == "Overdue Annual Work Summaries":
		return {"as_of": "2026-11-09"}
	return {}


def sheet_of(content: bytes):
	return load_workbook(BytesIO(content)).active


def table_of(sheet) -> tuple[list[str], list[list], list[str]]:
	"""The sheet's head lines, its column heads and its rows (the heads follow the blank row)."""
	rows = [list(row) for row in sheet.iter_rows(values_only=True)]
	blank = next(index for index, row in enumerate(rows) if all(value is None for value in row))
	head = [row[0] for row in rows[1:blank]]
	return head, rows[blank + 1], rows[blank + 2 :]


def comparable(value):
	# openpyxl reads a date cell back as a datetime (tested by its hour: the frozen clock replaces the classes)
	return value.date() if hasattr(value, "hour") and hasattr(value, "date") else value


def sheet_rows(rows: list[list]) -> list[list]:
	return [[comparable(value) for value in row] for row in rows]


@frozen_day(DAY)
class TestReportExport(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		frappe.set_user("Administrator")
		frappe.get_doc({**test_batch_values(), "doctype": PILOT_BATCH, "batch_title": BATCH}).insert()
		cls.names = {}
		# a recommended application in each of two provinces, one of the applicant's unit, with a mean score
		# that only the ministry reads
		for key, unit, demo_file in (
			("zhejiang", OWN_UNIT, "application_zhejiang.json"),
			("shandong", OTHER_UNIT, "application_shandong.json"),
		):
			values = make_test_application_values(unit, demo_file=demo_file, cluster_suffix=f"-export-{key}")
			name = frappe.get_doc({**values, "pilot_batch": BATCH}).insert().name
			frappe.db.set_value(
				APPLICATION,
				name,
				{"workflow_state": states.RECOMMENDED, "recommendation_rank": 1, "mean_score": 81.5},
			)
			cls.names[key] = name
		cls.reports = frappe.get_all(
			"Report", filters={"module": "Cluster Brand", "is_standard": "Yes"}, pluck="name", order_by="name"
		)

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def export(self, key: str, report: str, filters: dict | None = None, method=None) -> dict:
		"""The download (filename, content) the reader gets, in Chinese."""
		frappe.set_user(self.cast[key])
		frappe.local.response = frappe._dict()
		try:
			with language("zh"):
				if method:
					method()
				else:
					report_export.export_report(report, json.dumps(report_filters(report) | (filters or {})))
			return frappe._dict(frappe.local.response)
		finally:
			frappe.set_user("Administrator")

	def screen(self, key: str, report: str) -> dict:
		"""The report as the reader's page gets it."""
		frappe.set_user(self.cast[key])
		try:
			with language("zh"):
				return run_report(report, filters=report_filters(report), are_default_filters=False)
		finally:
			frappe.set_user("Administrator")

	def permitted(self, key: str, report: str) -> bool:
		frappe.set_user(self.cast[key])
		try:
			return frappe.get_doc("Report", report).is_permitted()
		finally:
			frappe.set_user("Administrator")

	def test_each_reader_exports_the_rows_the_screen_shows(self):
		self.assertEqual(len(self.reports), 7, self.reports)
		exported = 0
		for report in self.reports:
			for key in READERS:
				if not self.permitted(key, report):
					continue
				with self.subTest(report=report, user=key):
					screen = self.screen(key, report)
					answer = self.export(key, report)
					self.assertEqual(answer.type, "download")
					head, headings, rows = table_of(sheet_of(answer.filecontent))
					columns = [c for c in screen["columns"] if not c.get("hidden")]
					self.assertEqual(headings, [c["label"] for c in columns])
					self.assertEqual(
						sheet_rows(rows),
						[
							[comparable(cell_value(c, row.get(c["fieldname"]))) for c in columns]
							for row in screen["result"]
						],
					)
					exported += 1
		self.assertGreaterEqual(exported, 20)

	def test_the_head_names_the_report_its_filters_the_time_and_the_reader(self):
		answer = self.export("province", SUMMARY)
		# the Chinese name in filename* (Frappe's own header would garble it), the English one in filename
		self.assertEqual(answer.filename, "Application-Summary-2026-11-09.xlsx")
		self.assertEqual(
			answer.display_content_as,
			f"attachment; filename*=UTF-8''{quote('申报汇总表-2026-11-09.xlsx')}",
		)
		sheet = sheet_of(answer.filecontent)
		self.assertEqual(sheet["A1"].value, "申报汇总表")
		head, _headings, _rows = table_of(sheet)
		self.assertEqual(head[0], f"申报批次：{BATCH}")
		self.assertTrue(head[1].startswith("导出时间：2026-11-09"), head)
		self.assertIn(self.cast.province, head[2])
		self.assertTrue(head[2].startswith("导出人："), head)
		# a Select filter by its Chinese name
		answer = self.export("ministry", "Indicator Comparison")
		head, _headings, _rows = table_of(sheet_of(answer.filecontent))
		self.assertIn("排名依据：主导产业销售收入（亿元）", head)

	def test_a_province_exports_its_own_provinces_rows_only(self):
		for report in (
			"Application Summary",
			"Recommendation By Authority",
			"Indicator Comparison",
			"Pilot Progress",
		):
			with self.subTest(report=report):
				own = self.cells(self.export("province", report).filecontent)
				every = self.cells(self.export("ministry", report).filecontent)
				self.assertFalse([cell for cell in own if SHANDONG in cell or "山东" in cell], report)
				if report != "Pilot Progress" or any(SHANDONG in cell for cell in every):
					self.assertTrue([cell for cell in every if SHANDONG in cell], report)
		own = self.cells(self.export("province", SUMMARY).filecontent)
		self.assertIn(self.names["zhejiang"], own)
		self.assertIn(ZHEJIANG, own)
		self.assertNotIn(self.names["shandong"], own)
		# the Shandong applicant: its own application, not Zhejiang's
		unit = self.cells(self.export("other_applicant", SUMMARY).filecontent)
		self.assertIn(self.names["shandong"], unit)
		self.assertNotIn(self.names["zhejiang"], unit)

	def cells(self, content: bytes) -> set[str]:
		return {str(c) for row in sheet_of(content).iter_rows(values_only=True) for c in row if c is not None}

	def test_a_withheld_column_is_absent(self):
		# who reviews and the mean score are the ministry's (the application's permission levels)
		_h, ministry, ministry_rows = table_of(sheet_of(self.export("ministry", SUMMARY).filecontent))
		_h, province, _rows = table_of(sheet_of(self.export("province", SUMMARY).filecontent))
		for label in ("平均分", "已分配专家数"):
			self.assertIn(label, ministry)
			self.assertNotIn(label, province)
		self.assertIn(81.5, [row[ministry.index("平均分")] for row in ministry_rows])
		self.assertNotIn(81.5, {c for c in self.cells(self.export("province", SUMMARY).filecontent)})

	def test_a_role_the_report_does_not_permit_is_refused(self):
		refused = 0
		for report in self.reports:
			for key in READERS:
				if self.permitted(key, report):
					continue
				with self.subTest(report=report, user=key):
					with self.assertRaises(frappe.PermissionError) as caught:
						self.export(key, report)
					frappe.clear_messages()
					# named as the desk names the report
					self.assertIn(_zh(report), str(caught.exception))
					refused += 1
		# the receiver and the experts read none of them; the ranking is the ministry's alone
		self.assertGreaterEqual(refused, 14)

	def test_frappes_export_of_a_programme_report_is_the_readers_sheet(self):
		def frappes_export(file_format="Excel", report=SUMMARY, visible_idx="[]"):
			def call():
				# the request's form as the report page's export dialog sends it (set_user clears the form)
				frappe.local.form_dict = frappe._dict(
					report_name=report,
					file_format_type=file_format,
					filters=json.dumps(report_filters(report)),
					visible_idx=visible_idx,
				)
				report_export.export_query()

			return call

		# the province, whom Frappe refused (export permission on the DocType): its own rows
		answer = self.export("province", SUMMARY, method=frappes_export())
		own = self.cells(answer.filecontent)
		self.assertIn(self.names["zhejiang"], own)
		self.assertNotIn(self.names["shandong"], own)
		# CSV: the same table
		answer = self.export("ministry", SUMMARY, method=frappes_export("CSV"))
		self.assertTrue(answer.filename.endswith(".csv"))
		text = answer.filecontent.decode("utf-8-sig")
		self.assertIn(self.names["shandong"], text)
		self.assertIn(f"申报批次：{BATCH}", text)
		# the rows the page's column filter left (their indexes): those only
		screen = self.screen("ministry", SUMMARY)
		first = screen["result"][0]["application"]
		answer = self.export("ministry", SUMMARY, method=frappes_export(visible_idx="[0]"))
		_h, _headings, rows = table_of(sheet_of(answer.filecontent))
		self.assertEqual([row[1] for row in rows], [first])
		# another report keeps Frappe's export and its permission
		with self.assertRaises(frappe.PermissionError):
			self.export("province", None, method=frappes_export(report="Permitted Documents For User"))
		frappe.clear_messages()

	def test_the_method_exports_the_programmes_reports_only(self):
		frappe.set_user("Administrator")
		with self.assertRaises(frappe.DoesNotExistError):
			report_export.export_report("Permitted Documents For User", "{}")
		with self.assertRaises(frappe.ValidationError):
			report_export.export_report(SUMMARY, "[1]")
		frappe.clear_messages()


def _zh(report: str) -> str:
	with language("zh"):
		return frappe._(report)
