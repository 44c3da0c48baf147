"""The pilot years on a real site: the Brand Pilot carries the approved plan, a unit starts its year's
Annual Work Summary from it, and the Annual Work Summary Review moves by role only, with its conditions.
What turns on the calendar (the first year, the due date, reminders, the overdue list, the status blocks,
the suggested year) runs once on each of dates.PILOT_YEAR_DAYS: a class per day, TestPilotYearsOn20261130…"""

from datetime import date, timedelta

import frappe
from frappe.desk.query_report import run as run_report
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_annual_summary
from cluster_brand.cluster_brand.report.overdue_annual_work_summaries.overdue_annual_work_summaries import (
	overdue_summaries,
)
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
from cluster_brand.notifications.annual_summary import send_summary_reminders
from cluster_brand.rules.application import indicators, workflow
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.dates import PILOT_YEAR_DAYS, clock_on, each_day, frozen_day
from cluster_brand.tests.support.pilot_stage import (
	act_on_summary,
	complete_values,
	days_after_due,
	edit_summary,
	inspection_values,
	make_pilot,
	reporting_year,
	start_summary,
	summary_in,
)
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, language

# The day the tests that do not turn on the calendar run on; the others run on each of PILOT_YEAR_DAYS.
DAY = date(2026, 6, 15)
NOV_30, DEC_1, DEC_31, LEAP_DAY = PILOT_YEAR_DAYS
# The first year a pilot designated on the day reports on (after 30 November: the next year's).
FIRST_YEAR = {NOV_30: 2026, DEC_1: 2027, DEC_31: 2027, LEAP_DAY: 2028}

# Each action of the workflow: the state it leaves and the only role that takes it.
ACTIONS = (
	(workflow.DRAFT, "Submit to Province", "applicant"),
	(summary_workflow.PENDING_PROVINCIAL_INSPECTION, "Forward to Ministry", "province"),
	(summary_workflow.PENDING_PROVINCIAL_INSPECTION, "Return for Revision", "province"),
	(workflow.RETURNED, "Resubmit to Province", "applicant"),
	(summary_workflow.FORWARDED_TO_MINISTRY, "Accept Summary", "ministry"),
	(summary_workflow.FORWARDED_TO_MINISTRY, "Return for Revision", "ministry"),
)


class PilotYearsCase:
	"""A pilot of the test unit, designated on the class's day (its application approved then), its summaries
	removed before each test."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"py-{frappe.generate_hash(length=6)}")
		cls.year = reporting_year(cls.pilot)

	def setUp(self):
		frappe.set_user("Administrator")
		for name in frappe.get_all(ANNUAL_WORK_SUMMARY, {"brand_pilot": self.pilot}, pluck="name"):
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, name, force=True)

	def tearDown(self):
		frappe.set_user("Administrator")


@frozen_day(DAY)
class TestPilotYears(PilotYearsCase, IntegrationTestCase):
	"""What does not turn on the calendar, on the module's day."""

	def test_the_pilot_carries_the_approved_plan(self):
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		application = frappe.get_doc(APPLICATION, pilot.application)
		self.assertEqual(
			[(r.measure_no, r.measure) for r in pilot.work_plan],
			[(r.measure_no, r.measure) for r in application.tasks],
		)
		self.assertEqual(pilot.baseline_year, application.batch_year - 1)
		baseline = {r.indicator: r.baseline_value for r in pilot.baseline_indicators}
		self.assertEqual(baseline, {r.indicator: r.year_3_value for r in application.indicators})
		self.assertEqual(
			[(r.target_indicator, r.target_value) for r in pilot.quantitative_targets],
			[(r.target_indicator, r.target_value) for r in application.quantitative_targets],
		)
		self.assertEqual(str(pilot.designation_date), str(application.decision_date))

	def test_a_unit_starts_its_own_pilots_summary_only(self):
		name = start_summary(self.cast, self.pilot)
		doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, name)
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		application = frappe.get_doc(APPLICATION, pilot.application)
		self.assertEqual(doc.workflow_state, workflow.DRAFT)
		self.assertEqual(
			[r.measure_no for r in doc.measure_progress], [r.measure_no for r in pilot.work_plan]
		)
		self.assertEqual(len(doc.indicators), len(summary_indicators.SUMMARY_INDICATORS))
		self.assertEqual(
			[r.enterprise for r in doc.backbone_enterprises],
			[r.enterprise for r in application.backbone_enterprises],
		)
		self.assertEqual(str(doc.due_date), f"{self.year}-11-30")
		# starting it again opens the same summary
		self.assertEqual(start_summary(self.cast, self.pilot), name)
		for key in ("other_applicant", "province", "other_province", "association", "expert", "receiver"):
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				with self.assertRaises(frappe.PermissionError):
					start_annual_summary(self.pilot, self.year + 1)
				frappe.set_user("Administrator")

	def test_next_years_summary_starts_from_this_years_enterprises(self):
		first = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		frappe.db.set_value(
			"Annual Summary Backbone Enterprise", {"parent": first, "idx": 1}, "sales_revenue", 987654
		)
		second = frappe.get_doc(ANNUAL_WORK_SUMMARY, start_summary(self.cast, self.pilot, self.year + 1))
		self.assertEqual(second.backbone_enterprises[0].sales_revenue, 987654)
		# the measures carry over their status
		self.assertEqual({r.status for r in second.measure_progress}, {summary_progress.IN_PROGRESS})

	def test_one_summary_per_pilot_and_year(self):
		start_summary(self.cast, self.pilot)
		frappe.set_user(self.cast.applicant)
		with self.assertRaises(frappe.DuplicateEntryError):
			frappe.get_doc(
				{"doctype": ANNUAL_WORK_SUMMARY, "brand_pilot": self.pilot, "reporting_year": self.year}
			).insert()

	def test_a_year_outside_the_pilot_period_is_refused(self):
		frappe.set_user(self.cast.applicant)
		with self.assertRaises(frappe.ValidationError):
			start_annual_summary(self.pilot, self.year - 2)

	def test_an_incomplete_summary_is_not_submitted_and_names_what_is_missing(self):
		name = start_summary(self.cast, self.pilot)
		frappe.set_user(self.cast.applicant)
		report = frappe.get_doc(ANNUAL_WORK_SUMMARY, name).check_completeness()
		self.assertFalse(report["complete"])
		self.assertTrue(any("每年至少开展一次评价" in m for m in report["missing"]), report["missing"])
		with self.assertRaises(frappe.ValidationError) as refused, language("zh"):
			apply_workflow(frappe.get_doc(ANNUAL_WORK_SUMMARY, name).as_dict(), "Submit to Province")
		# each item says what to do (issue 19), not only its name
		self.assertIn("<li>请填写工作成效。</li>", str(refused.exception))
		self.assertIn("请说明延期原因", str(refused.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state"), workflow.DRAFT)
		edit_summary(self.cast.applicant, name, **complete_values(name))
		frappe.set_user(self.cast.applicant)
		self.assertEqual(frappe.get_doc(ANNUAL_WORK_SUMMARY, name).check_completeness()["missing"], [])

	def test_derived_values(self):
		name = start_summary(self.cast, self.pilot)
		doc = edit_summary(self.cast.applicant, name, **complete_values(name))
		self.assertTrue(all(r.overdue for r in doc.measure_progress if str(r.time_node) < str(doc.due_date)))
		output = next(r for r in doc.indicators if r.indicator == indicators.INDICATORS[2].key)
		self.assertIsNotNone(output.change_percent)
		self.assertEqual(
			output.change_percent, summary_indicators.growth_percent(output.baseline_value, 12.5)
		)
		self.assertEqual(
			doc.own_brand_sales_share,
			summary_indicators.own_brand_sales_share([r.as_dict() for r in doc.backbone_enterprises]),
		)
		self.assertEqual(
			[r.derived_indicator for r in doc.derived_indicators], list(summary_indicators.RATIOS)
		)
		self.assertEqual(doc.total_funds, 300)

	def test_a_negative_amount_is_refused_with_its_official_name(self):
		name = start_summary(self.cast, self.pilot)
		doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, name)
		frappe.set_user(self.cast.applicant)
		doc.backbone_enterprises[0].sales_revenue = -5
		with self.assertRaises(frappe.ValidationError) as refused, language("zh"):
			doc.save()
		self.assertIn("销售收入", str(refused.exception))
		frappe.set_user("Administrator")
		self.assertNotEqual(
			frappe.db.get_value(
				"Annual Summary Backbone Enterprise", {"parent": name, "idx": 1}, "sales_revenue"
			),
			-5,
		)

	def test_every_action_by_its_role_only(self):
		for state, action, role in ACTIONS:
			name = summary_in(self.cast, self.pilot, state)
			if state == workflow.DRAFT:
				edit_summary(self.cast.applicant, name, **complete_values(name))
			if state == summary_workflow.PENDING_PROVINCIAL_INSPECTION:
				edit_summary(self.cast.province, name, **inspection_values())
			if state == summary_workflow.FORWARDED_TO_MINISTRY:
				edit_summary(self.cast.ministry, name, acceptance_opinion="同意。")
			for key in self.cast:
				if key == role:
					continue
				with self.subTest(action=action, user=key):
					frappe.set_user(self.cast[key])
					with self.assertRaises((frappe.PermissionError, frappe.ValidationError)):
						apply_workflow(frappe.get_doc(ANNUAL_WORK_SUMMARY, name).as_dict(), action)
					frappe.set_user("Administrator")
					self.assertEqual(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state"), state)
			act_on_summary(self.cast[role], name, action)
			self.assertNotEqual(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state"), state)
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, name, force=True)

	def test_the_province_records_its_inspection_before_it_forwards(self):
		name = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		with self.assertRaises(frappe.ValidationError):
			act_on_summary(self.cast.province, name, "Forward to Ministry")
		edit_summary(self.cast.province, name, **inspection_values())
		act_on_summary(self.cast.province, name, "Forward to Ministry")
		with self.assertRaises(frappe.ValidationError):
			act_on_summary(self.cast.ministry, name, "Accept Summary")

	def test_each_part_is_edited_by_its_role_in_its_stage(self):
		name = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		with self.assertRaises(frappe.ValidationError):
			edit_summary(self.cast.applicant, name, work_results="改过的成效")
		with self.assertRaises(frappe.ValidationError):
			edit_summary(self.cast.province, name, problems="省里改的问题")
		edit_summary(self.cast.province, name, inspectors="王五")
		self.assertEqual(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "inspectors"), "王五")
		# the unit does not read the province's inspection while it is being written
		frappe.set_user(self.cast.applicant)
		doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, name)
		doc.apply_fieldlevel_read_permissions()
		self.assertIsNone(doc.inspectors)

	def test_the_province_is_assigned_the_submitted_summary(self):
		name = summary_in(self.cast, self.pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
		assigned = frappe.get_all(
			"ToDo",
			{"reference_type": ANNUAL_WORK_SUMMARY, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
		self.assertIn(self.cast.province, assigned)
		self.assertNotIn(self.cast.other_province, assigned)

	def test_a_pilot_made_before_the_pilot_years_gets_its_plan(self):
		from cluster_brand.patches.v0_1 import pilots_carry_the_approved_plan

		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		measures = [r.measure_no for r in pilot.work_plan]
		for table in ("work_plan", "baseline_indicators", "quantitative_targets"):
			pilot.set(table, [])
		pilot.baseline_year = None
		pilot.save()
		pilots_carry_the_approved_plan.execute()
		pilot.reload()
		self.assertEqual([r.measure_no for r in pilot.work_plan], measures)
		self.assertEqual(len(pilot.baseline_indicators), len(indicators.INDICATORS))
		self.assertTrue(pilot.quantitative_targets)
		self.assertTrue(pilot.baseline_year)


class TestPilotYearsOn(PilotYearsCase):
	"""The pilot years on each day the calendar turns on (a class per day, below): the pilot designated on
	the day, its first year, due date, reminders, overdue list and the workspaces' status blocks."""

	def status(self, key: str, view: str) -> str:
		from cluster_brand.desk.status_block import get_desk_status

		frappe.set_user(self.cast[key])
		try:
			with language("zh"):
				return get_desk_status(view)
		finally:
			frappe.set_user("Administrator")

	def pilot_row(self, html: str) -> str | None:
		"""The row of this test's pilot in the status block's annual work summaries (its years: one row each). The
		pilot's end has a table of its own, which lists the pilot where an open evaluation round of its batch (one
		that another module's test left on the site) lets the final summary start."""
		table = html.partition("cb-pilot-years")[2].partition("</table>")[0]
		rows = [row for row in table.split("<tr") if self.pilot in row]
		return "<tr".join(rows) or None

	def test_the_first_year_is_the_days(self):
		self.assertEqual(self.year, FIRST_YEAR[self.day])

	def test_the_provinces_earlier_due_date(self):
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		filters = {"pilot_batch": pilot.pilot_batch, "recommending_authority": pilot.recommending_authority}
		setting = (
			frappe.get_doc("Recommendation Setting", filters)
			if frappe.db.exists("Recommendation Setting", filters)
			else frappe.get_doc({"doctype": "Recommendation Setting", **filters})
		)
		setting.annual_summary_due_date = "2018-12-15"
		with self.assertRaises(frappe.ValidationError):
			setting.save()
		setting.annual_summary_due_date = "2018-11-15"
		setting.save()
		try:
			name = start_summary(self.cast, self.pilot)
			self.assertEqual(
				str(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "due_date")), f"{self.year}-11-15"
			)
			# 29 February: on the day in a leap year, else on the 28th; the reminders reckon with it
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, name, force=True)
			setting.db_set("annual_summary_due_date", "2016-02-29")
			name = start_summary(self.cast, self.pilot)
			due = getdate(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "due_date"))
			self.assertEqual(due, date(self.year, 2, 29 if self.year % 4 == 0 else 28))
			send_summary_reminders()
			reminded = frappe.get_all("Notification Log", {"document_name": name}, pluck="for_user")
			self.assertEqual(bool(reminded), 0 <= (due - self.day).days <= 7)
		finally:
			setting.db_set("annual_summary_due_date", None)

	def test_overdue_list_for_the_province_and_the_ministry(self):
		name = start_summary(self.cast, self.pilot)
		late = days_after_due(name, 3)
		for key, listed in (
			("province", True),
			("ministry", True),
			("other_province", False),
			("applicant", True),
			("other_applicant", False),
		):
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				rows = [r for r in overdue_summaries(late) if r["brand_pilot"] == self.pilot]
				frappe.set_user("Administrator")
				self.assertEqual(bool(rows), listed)
				if listed:
					self.assertEqual(rows[0]["reporting_year"], self.year)
					self.assertEqual(rows[0]["days_overdue"], 3)
		# the report of the provinces and the ministry (逾期未报年度工作总结): its rows, with the reader's permissions
		for key, listed in (
			("province", True),
			("ministry", True),
			("other_province", False),
			("applicant", False),
		):
			with self.subTest(report=key):
				frappe.set_user(self.cast[key])
				try:
					rows = run_report("Overdue Annual Work Summaries", filters={"as_of": late})["result"]
				except frappe.PermissionError:
					rows = []
				frappe.set_user("Administrator")
				self.assertEqual(any(r.get("brand_pilot") == self.pilot for r in rows), listed)
		# submitted: no longer overdue
		edit_summary(self.cast.applicant, name, **complete_values(name))
		act_on_summary(self.cast.applicant, name, "Submit to Province")
		frappe.set_user(self.cast.ministry)
		self.assertFalse(
			[
				r
				for r in overdue_summaries(late)
				if r["brand_pilot"] == self.pilot and r["reporting_year"] == self.year
			]
		)

	def test_reminder_in_the_week_before_the_due_date(self):
		name = start_summary(self.cast, self.pilot)
		before = days_after_due(name, -3)
		frappe.db.delete("Notification Log", {"document_name": name})
		with clock_on(getdate(before)):
			send_summary_reminders()
		users = frappe.get_all("Notification Log", {"document_name": name}, pluck="for_user")
		self.assertEqual(users, [self.cast.applicant])
		# on the day itself: reminded only within the week before the due date (30 November: the due date)
		frappe.db.delete("Notification Log", {"document_name": name})
		send_summary_reminders()
		reminded = frappe.get_all("Notification Log", {"document_name": name}, pluck="for_user")
		self.assertEqual(reminded, [self.cast.applicant] if self.day == NOV_30 else [])

	def test_each_workspace_shows_its_summaries_first(self):
		def status(key, view):
			return self.status(key, view)

		# the unit: its years, its draft with it; the province: not the draft, what waits for its inspection
		draft = start_summary(self.cast, self.pilot)
		self.assertIn(draft, status("applicant", "applicant"))
		self.assertNotIn(self.pilot, status("other_applicant", "applicant"))
		self.assertNotIn(draft, status("province", "recommender"))
		edit_summary(self.cast.applicant, draft, **complete_values(draft))
		act_on_summary(self.cast.applicant, draft, "Submit to Province")
		self.assertIn(draft, status("province", "recommender"))
		self.assertNotIn(draft, status("other_province", "recommender"))
		self.assertNotIn(draft, status("ministry", "ministry"))  # not forwarded yet
		edit_summary(self.cast.province, draft, **inspection_values())
		act_on_summary(self.cast.province, draft, "Forward to Ministry")
		self.assertIn(draft, status("ministry", "ministry"))

	def test_what_the_unit_sees_on_the_day(self):
		# before it is started: its year is listed once it is the year's (designated in December: not yet)
		row = self.pilot_row(self.status("applicant", "applicant"))
		if self.year == self.day.year:
			self.assertIn("未开始", row)
		else:
			self.assertIsNone(row)
		# started, whatever its year: with the unit, due on 30 November of its year
		draft = start_summary(self.cast, self.pilot)
		due = date(self.year, 11, 30)
		row = self.pilot_row(self.status("applicant", "applicant"))
		self.assertIn(draft, row)
		self.assertIn(str(due), row)
		left = (due - self.day).days
		self.assertIn("今天截止" if left == 0 else f"还剩 {left} 天", row)
		self.assertNotIn(self.pilot, [r["brand_pilot"] for r in overdue_summaries()])
		# the day after its due date, not submitted: overdue, for the unit, the province and the ministry
		with clock_on(due + timedelta(days=1)):
			self.assertIn("已逾期 1 天", self.pilot_row(self.status("applicant", "applicant")))
			self.assertIn(self.pilot, self.status("province", "recommender"))
			frappe.set_user(self.cast.ministry)
			late = [r for r in overdue_summaries() if r["brand_pilot"] == self.pilot]
			frappe.set_user("Administrator")
			self.assertEqual([(r["reporting_year"], r["days_overdue"]) for r in late], [(self.year, 1)])

	def test_the_suggested_year_is_the_units_alone(self):
		def suggested(key):
			frappe.set_user(self.cast[key])
			try:
				pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
				pilot.run_method("onload")
				return pilot.get_onload().get("suggested_reporting_year")
			finally:
				frappe.set_user("Administrator")

		self.assertEqual(suggested("applicant"), self.year)
		start_summary(self.cast, self.pilot)
		self.assertEqual(suggested("applicant"), self.year + 1)
		# whether the unit has started a summary is not told to those who may not read it, nor proposed to
		# those who start none
		for key in ("province", "association", "ministry"):
			with self.subTest(user=key):
				self.assertIsNone(suggested(key))
		frappe.set_user(self.cast.province)
		with self.assertRaises(frappe.PermissionError):
			start_annual_summary(self.pilot)


globals().update(each_day(TestPilotYearsOn))
