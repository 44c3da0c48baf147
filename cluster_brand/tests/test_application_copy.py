"""The programme's copy of an application into a new batch (cluster_brand/cluster_brand/doctype/cluster_brand_application/application_copy.py, issue 19), as the
applicant unit calls it from its form: through the allowlist, with the unit's own permissions."""

from datetime import date

import frappe
from frappe.utils import add_days, getdate, today

from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.rules.application.indicators import YEAR_FIELDS
from cluster_brand.rules.application.workflow import DRAFT, RECOMMENDED
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, language, test_batch_values

COPY = "cluster_brand.cluster_brand.doctype.cluster_brand_application.application_copy.copy_to_batch"
DAY = date(2026, 9, 14)
OPEN_2018, CLOSED_2019 = "测试批次（2018）", "测试批次（2019，申报已截止）"


def make_batch(name: str, year: int, submission_in_days: int) -> str:
	"""An opened batch; its status follows its stage (pilot_batch.stage_of): open for application until its
	online submission deadline."""
	values = {
		**test_batch_values(),
		"batch_title": name,
		"batch_year": year,
		"status": "Open for Application",
		"online_submission_deadline": add_days(today(), submission_in_days),
		"provincial_recommendation_deadline": add_days(today(), submission_in_days + 30),
	}
	if frappe.db.exists(PILOT_BATCH, name):
		frappe.get_doc(PILOT_BATCH, name).update(values).save()
	else:
		frappe.get_doc({"doctype": PILOT_BATCH, **values}).insert()
	return name


@frozen_day(DAY)
class TestApplicationCopy(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		make_batch(OPEN_2018, 2018, submission_in_days=40)
		make_batch(CLOSED_2019, 2019, submission_in_days=-1)
		frappe.set_user("Administrator")
		# an application that went through the province: its date, scan and opinion are the 2017 batch's
		cls.source = frappe.get_doc(
			APPLICATION, drive_to(cls.cast, RECOMMENDED, f"copy-{frappe.generate_hash(length=6)}")
		)
		cls.copy = frappe.get_doc(
			APPLICATION, call_as(cls.cast.applicant, COPY, application=cls.source.name, pilot_batch=OPEN_2018)
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_years_shifted(self):
		self.assertEqual((self.copy.pilot_batch, self.copy.batch_year), (OPEN_2018, 2018))
		self.assertEqual(self.copy.indicator_years, "2015, 2016, 2017")
		self.assertEqual(len(self.copy.indicators), 11)
		for old, new in zip(self.source.indicators, self.copy.indicators, strict=True):
			with self.subTest(indicator=new.indicator):
				self.assertEqual(new.indicator, old.indicator)
				# 2015 and 2016 stay in their years; 2017 is left blank
				self.assertEqual((new.year_1_value, new.year_2_value), (old.year_2_value, old.year_3_value))
				self.assertIsNone(new.year_3_value)
		# the work plan moves with the pilot cycle: each time node a year on
		self.assertEqual(
			[getdate(row.time_node).replace(year=getdate(row.time_node).year - 1) for row in self.copy.tasks],
			[getdate(row.time_node) for row in self.source.tasks],
		)
		# the derived rows are recomputed from the shifted values: the new year has none
		stored = frappe.get_all(
			"Application Derived Indicator", {"parent": self.copy.name}, ["derived_indicator", *YEAR_FIELDS]
		)
		self.assertTrue(stored)
		self.assertEqual({row.year_3_value for row in stored}, {None})
		before = {
			row.derived_indicator: row.year_3_value
			for row in self.source.derived_indicators
			if not row.derived_indicator.startswith("Year-on-Year Growth")
		}
		for row in stored:
			if row.derived_indicator in before:
				self.assertAlmostEqual(row.year_2_value, before[row.derived_indicator], places=2)

	def test_date_scan_state_and_review_cleared(self):
		self.assertTrue(self.source.application_date and self.source.stamped_form_scan)
		self.assertEqual(self.copy.workflow_state, DRAFT)
		self.assertEqual(self.copy.organizing_unit, self.source.organizing_unit)
		self.assertEqual(self.copy.industrial_cluster, self.source.industrial_cluster)
		self.assertEqual(self.copy.leading_industry_profile, self.source.leading_industry_profile)
		for fieldname in (
			"application_date",
			"stamped_form_scan",
			"recommendation_opinion",
			"recommendation_date",
			"recommending_officer",
			"paper_received_date",
			"decision_date",
			"brand_pilot",
		):
			with self.subTest(fieldname=fieldname):
				self.assertFalse(self.copy.get(fieldname))
		self.assertFalse(self.copy.recommendation_rank or self.copy.paper_copies_received)
		self.assertEqual(self.copy.expert_assignments, [])
		# 完整性检查 does not call the copy complete while its date and scan are missing
		with language("zh"):
			report = call_as(self.cast.applicant, "cluster_brand.api.check_completeness", name=self.copy.name)
		self.assertFalse(report["complete"])
		self.assertIn("申报日期", report["missing"])
		self.assertIn("加盖公章的申报书扫描件", report["missing"])

	def test_link_back(self):
		self.assertEqual(self.copy.copied_from, self.source.name)
		self.assertFalse(self.source.get("copied_from"))
		# read-only: a save of the copy by its unit keeps it
		frappe.set_user(self.cast.applicant)
		doc = frappe.get_doc(APPLICATION, self.copy.name)
		doc.copied_from = None
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(APPLICATION, self.copy.name, "copied_from"), self.source.name)

	def test_refused_across_units(self):
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.other_applicant, COPY, application=self.source.name, pilot_batch=OPEN_2018)
		# a role that reads the application but is no unit of it copies nothing either
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.ministry, COPY, application=self.source.name, pilot_batch=OPEN_2018)
		self.assertEqual(
			frappe.db.count(APPLICATION, {"copied_from": self.source.name}), 1, "only the unit's own copy"
		)

	def test_refused_into_a_closed_batch(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			call_as(self.cast.applicant, COPY, application=self.source.name, pilot_batch=CLOSED_2019)
		self.assertIn("不在申报期内", str(refused.exception))
		# nor a second application of the cluster in the batch that has its copy
		with self.assertRaises(frappe.ValidationError) as refused:
			call_as(self.cast.applicant, COPY, application=self.source.name, pilot_batch=OPEN_2018)
		self.assertIn(self.copy.name, str(refused.exception))
		# nor back into its own batch
		with self.assertRaises(frappe.ValidationError):
			call_as(
				self.cast.applicant, COPY, application=self.source.name, pilot_batch=self.source.pilot_batch
			)
		self.assertFalse(frappe.db.exists(APPLICATION, {"pilot_batch": CLOSED_2019}))

	def test_raw_duplicate_not_offered(self):
		# allow_copy is Frappe's 「隐藏复制」: the form's menu offers no 复制 (Duplicate), nor its Shift+D
		frappe.set_user(self.cast.applicant)
		self.assertEqual(frappe.get_meta(APPLICATION).allow_copy, 1)
		frappe.set_user("Administrator")
