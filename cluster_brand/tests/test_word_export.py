"""The 申报书 and the 年度工作总结 as Word documents through Frappe (cluster_brand/api/word_export.py): each
reader downloads what they may read, as its print shows it, read back with python-docx; whoever may not read
the document is refused; what a state withholds from the reader is not in the file; over REST, the file comes
with its Chinese name.

	bench --site <site> run-tests --module cluster_brand.tests.test_word_export
"""

from datetime import date
from io import BytesIO
from urllib.parse import quote

import docx
import frappe

from cluster_brand.api import word_export
from cluster_brand.demo.values import load_demo_data
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application.workflow import UNDER_EXPERT_REVIEW
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.isolation import SEES, SEES_SUMMARY
from cluster_brand.tests.support.pilot_stage import edit_summary, inspection_values, make_pilot, summary_in
from cluster_brand.tests.support.process import OWN_UNIT, drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, language

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 7, 6)
INSPECTION_HEADING = "省级主管部门督导检查意见"


def export(user: str, method, name: str) -> docx.Document:
	"""``method`` called as ``user`` (in Chinese, the users' language), the answer's file read back."""
	frappe.set_user(user)
	frappe.local.response = frappe._dict()
	try:
		with language("zh"):
			method(name)
		return docx.Document(BytesIO(frappe.local.response.filecontent))
	finally:
		frappe.set_user("Administrator")


def texts(document) -> str:
	cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
	return "\n".join([p.text for p in document.paragraphs] + cells)


@frozen_day(DAY)
class TestWordExport(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		cls.application = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"word-{tag}")
		cls.pilot = make_pilot(cls.cast, f"word-pilot-{tag}")
		cls.summary = summary_in(cls.cast, cls.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def assert_refused(self, user, method, name):
		with self.assertRaises(frappe.PermissionError) as refused:
			export(user, method, name)
		self.assertIn("您无权导出", str(refused.exception))

	def test_the_unit_downloads_its_own_application(self):
		document = export(self.cast.applicant, word_export.application_docx, self.application)
		doc = frappe.get_doc(APPLICATION, self.application)
		headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
		self.assertEqual(
			headings[:4], [form.PARTS[p] for p in (form.PART_1, form.PART_2, form.PART_3, form.PART_4)]
		)
		self.assertIn(f"申报单位：{doc.organizing_unit}（公章）", [p.text for p in document.paragraphs])
		content = texts(document)
		for row in doc.backbone_enterprises:
			self.assertIn(row.enterprise_name, content)
		self.assertIn(doc.work_approach.split("\n")[0], content)
		response = frappe.local.response
		self.assertEqual((response.type, response.content_type), ("download", DOCX))
		self.assertEqual(
			response.display_content_as,
			f"attachment; filename*=UTF-8''{quote(f'申报书-{self.application}.docx')}",
		)

	def test_the_application_for_its_readers_only(self):
		for key, sees in SEES.items():
			with self.subTest(user=key):
				if sees:
					document = export(self.cast[key], word_export.application_docx, self.application)
					self.assertIn(form.PARTS[form.PART_4], texts(document))
				else:
					self.assert_refused(self.cast[key], word_export.application_docx, self.application)

	def test_the_summary_for_its_readers_only(self):
		for key, sees in SEES_SUMMARY.items():
			with self.subTest(user=key):
				if sees:
					document = export(self.cast[key], word_export.annual_summary_docx, self.summary)
					self.assertIn("产业集群区域品牌建设试点年度工作总结", texts(document))
				else:
					self.assert_refused(self.cast[key], word_export.annual_summary_docx, self.summary)

	def test_the_inspection_is_withheld_while_the_province_writes_it(self):
		"""rules/views/withheld.py INSPECTION_IN_PROGRESS: the unit reads the province's inspection once it
		has decided, not while it is written; the province and the ministry read it."""
		year = frappe.db.get_value(ANNUAL_WORK_SUMMARY, self.summary, "reporting_year") + 1
		name = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION, year)
		edit_summary(self.cast.province, name, **inspection_values())
		findings = inspection_values()["inspection_findings"]
		unit = texts(export(self.cast.applicant, word_export.annual_summary_docx, name))
		self.assertNotIn(INSPECTION_HEADING, unit)
		self.assertNotIn(findings, unit)
		for key in ("province", "ministry"):
			with self.subTest(user=key):
				content = texts(export(self.cast[key], word_export.annual_summary_docx, name))
				self.assertIn(INSPECTION_HEADING, content)
				self.assertIn(findings, content)

	def test_the_summary_names_its_province(self):
		document = export(self.cast.province, word_export.annual_summary_docx, self.summary)
		self.assertIn("省级主管部门：浙江省", texts(document))
		self.assertEqual(
			frappe.local.response.display_content_as,
			f"attachment; filename*=UTF-8''{quote(f'年度工作总结-{self.summary}.docx')}",
		)


@frozen_day(DAY)
class TestWordExportOverREST(IntegrationTestCase):
	"""A REST client's GET: the file with its Chinese name, or 403 for another unit's application. The demo's
	applications (cluster-brand-demo) are committed, as a request in a thread of its own reads them."""

	def test_the_unit_gets_its_file_and_not_another_units(self):
		unit = load_demo_data("application_zhejiang.json")["organizing_unit"]["unit_name"]
		other_unit = load_demo_data("application_shandong.json")["organizing_unit"]["unit_name"]
		own = frappe.get_all(APPLICATION, filters={"organizing_unit": unit}, pluck="name", limit=1)
		other = frappe.get_all(APPLICATION, filters={"organizing_unit": other_unit}, pluck="name", limit=1)
		self.assertTrue(own and other, "the demo's applications (bench --site <site> cluster-brand-demo)")
		token = make_api_user(
			f"t.word.rest{OWN_UNIT}@example.com", ["Cluster Applicant"], ("Organizing Unit", unit)
		)
		path = "/api/method/cluster_brand.api.word_export.application_docx?name="
		answer = rest("GET", path + quote(own[0]), token)
		self.assertEqual(answer.status_code, 200, answer.data[:300])
		self.assertEqual(answer.headers["Content-Type"], DOCX)
		disposition = answer.headers["Content-Disposition"]
		self.assertIn(f"filename*=UTF-8''{quote(f'申报书-{own[0]}.docx')}", disposition)
		self.assertIn(f"filename=application-{own[0]}.docx", disposition)
		document = docx.Document(BytesIO(answer.data))
		self.assertIn(unit, texts(document))
		self.assertEqual(rest("GET", path + quote(other[0]), token).status_code, 403)
