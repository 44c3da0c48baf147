"""试点进展 (Pilot Progress) on a real site (issue 12): per pilot and year, the summary's state, its measures
done and overdue and the growth against the baseline; the ministry sees every pilot, a province its own and
no unit's draft, the other roles are refused in Chinese; the same queries for one pilot as for two.

	bench --site <site> run-tests --module cluster_brand.tests.test_pilot_progress
"""

from unittest.mock import patch

import frappe
from frappe.desk.query_report import run as run_report

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.indicators import SALES
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.calls import call
from cluster_brand.tests.support.dates import each_day
from cluster_brand.tests.support.pilot_stage import make_pilot, reporting_year, summary_in
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import language

REPORT = "Pilot Progress"


class TestPilotProgressOn:
	"""试点进展 on each day the calendar turns on (a class per day, below), its pilots designated on the day:
	a pilot designated in December reports first on the next year, and its started summary is listed."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		# a pilot whose year's summary is with the province, and one whose summary is the unit's draft
		cls.submitted_pilot = make_pilot(cls.cast, f"pp-s-{tag}")
		cls.year = reporting_year(cls.submitted_pilot)
		cls.submitted = summary_in(
			cls.cast, cls.submitted_pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION, cls.year
		)
		# one measure done (the summary as filled in has every measure under way)
		first = frappe.get_doc(ANNUAL_WORK_SUMMARY, cls.submitted).measure_progress[0]
		frappe.db.set_value(first.doctype, first.name, "status", summary_progress.COMPLETED)
		cls.draft_pilot = make_pilot(cls.cast, f"pp-d-{tag}")
		cls.draft = summary_in(cls.cast, cls.draft_pilot, workflow.DRAFT, cls.year)

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def rows_as(self, key: str, **filters) -> dict[str, dict]:
		"""The report's rows of this test's pilots, for this test's year, by pilot."""
		frappe.set_user(self.cast[key])
		try:
			with language("zh"):
				result = run_report(REPORT, filters={"reporting_year": self.year, **filters})
		finally:
			frappe.set_user("Administrator")
		mine = (self.submitted_pilot, self.draft_pilot)
		return {row["brand_pilot"]: row for row in result["result"] if row["brand_pilot"] in mine}

	def test_the_years_figures_against_the_baseline(self):
		summary = frappe.get_doc(ANNUAL_WORK_SUMMARY, self.submitted)
		row = self.rows_as("ministry")[self.submitted_pilot]
		self.assertEqual(row["annual_work_summary"], self.submitted)
		self.assertEqual(row["workflow_state"], "待省级督导检查")
		self.assertEqual(row["measures_total"], len(summary.measure_progress))
		self.assertEqual(row["measures_done"], 1)
		sales = next(r for r in summary.indicators if r.indicator == SALES)
		expected = round((sales.reporting_value - sales.baseline_value) / abs(sales.baseline_value) * 100, 2)
		self.assertEqual(row["sales_growth"], expected)
		self.assertEqual(row["own_brand_share"], summary.own_brand_sales_share)

	def test_a_measure_past_its_time_node_and_not_completed_counts_as_overdue(self):
		# the test plan's time nodes are of the 2017 batch: every measure not completed is past its node
		today = self.day
		summary = frappe.get_doc(ANNUAL_WORK_SUMMARY, self.submitted)
		rows = summary.measure_progress
		overdue = [r for r in rows if r.status != summary_progress.COMPLETED and r.time_node < today]
		self.assertTrue(overdue)
		self.assertEqual(self.rows_as("ministry")[self.submitted_pilot]["measures_overdue"], len(overdue))
		# one moved to next year is no longer overdue; a completed one past its node never was
		completed = next(r for r in rows if r.status == summary_progress.COMPLETED)
		moves = (
			(overdue[0], frappe.utils.add_days(today, 30)),
			(completed, frappe.utils.add_days(today, -1)),
		)
		for row, node in moves:
			frappe.db.set_value(row.doctype, row.name, "time_node", node)
		try:
			after = self.rows_as("ministry")[self.submitted_pilot]["measures_overdue"]
		finally:
			for row, _node in moves:
				frappe.db.set_value(row.doctype, row.name, "time_node", row.time_node)
		self.assertEqual(after, len(overdue) - 1)

	def test_the_province_sees_its_own_pilots_and_no_units_draft(self):
		ministry = self.rows_as("ministry")
		province = self.rows_as("province")
		self.assertEqual(set(ministry), {self.submitted_pilot, self.draft_pilot})
		self.assertEqual(ministry[self.draft_pilot]["annual_work_summary"], self.draft)
		self.assertEqual(ministry[self.draft_pilot]["workflow_state"], "草稿")
		if self.year == self.day.year:
			# the year's summary is due: the province sees the draft's year as not started
			self.assertEqual(set(province), set(ministry))
			draft = province[self.draft_pilot]
			self.assertIsNone(draft["annual_work_summary"])
			self.assertEqual(draft["workflow_state"], "未开始")
			self.assertIsNone(draft.get("measures_total"))
			self.assertIsNone(draft.get("sales_growth"))
		else:
			# next year's draft (designated in December) is the unit's alone: not even its year is listed
			self.assertEqual(set(province), {self.submitted_pilot})
		self.assertEqual(province[self.submitted_pilot]["annual_work_summary"], self.submitted)
		# another province's reviewer reads none of them
		self.assertEqual(self.rows_as("other_province"), {})
		# the province filter
		self.assertEqual(self.rows_as("ministry", recommending_authority="山东省工业和信息化主管部门"), {})

	def test_the_other_roles_are_refused_in_chinese(self):
		for key in ("applicant", "association", "expert", "receiver"):
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				with language("zh"), self.assertRaises(frappe.PermissionError) as refused:
					call("frappe.desk.query_report.run", report_name=REPORT, filters={})
				frappe.clear_messages()
				frappe.set_user("Administrator")
				self.assertIn("试点进展", str(refused.exception))

	def test_the_number_of_queries_does_not_grow_with_the_pilots(self):
		"""Set-wise reads: the same queries once another pilot has a summary (after a first run that fills the
		caches)."""

		def queries() -> int:
			frappe.set_user(self.cast.ministry)
			try:
				with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
					self.assertTrue(run_report(REPORT, filters={})["result"])
			finally:
				frappe.set_user("Administrator")
			return sql.call_count

		queries()
		before = queries()
		another = make_pilot(self.cast, f"pp-q-{frappe.generate_hash(length=6)}")
		summary_in(self.cast, another, summary_workflow.PENDING_PROVINCIAL_INSPECTION, self.year)
		queries()
		self.assertEqual(queries(), before)


globals().update(each_day(TestPilotProgressOn))
