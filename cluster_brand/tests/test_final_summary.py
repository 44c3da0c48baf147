"""The pilot's end on a real site (issue 21): the unit starts its pilot's final summary (试点工作总结报告) from
the pilot, assembled from the pilot and its accepted annual summaries; the Pilot Final Summary workflow moves by
role only, with its conditions; the ministry's acceptance ends the pilot, completed or not."""

from datetime import date

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import today

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_final_summary
from cluster_brand.desk.status_block import get_desk_status
from cluster_brand.desk.workflow_messages import action_texts
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT, FINAL_SUMMARY
from cluster_brand.print import pdf as printing
from cluster_brand.print.format_names import FINAL_SUMMARY_FORMAT
from cluster_brand.rules.application import workflow
from cluster_brand.rules.pilot_end import final_summary as rules
from cluster_brand.rules.pilot_end import final_summary_workflow as fs_workflow
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.pilot_stage import (
	FINAL_CHECK,
	act_on_final_summary,
	as_user,
	edit_final_summary,
	final_acceptance,
	final_summary_in,
	final_summary_texts,
	make_pilot,
	reporting_year,
	summary_in,
)
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 6, 15)
# the pilot's planned end, moved into the year of DAY: its last reporting year has come
LAST_YEAR_END = date(2026, 12, 31)

ACTIONS = (
	(workflow.DRAFT, "Submit to Provincial Authority", "applicant"),
	(fs_workflow.PENDING_PROVINCIAL_CHECK, "Forward to Ministry", "province"),
	(fs_workflow.PENDING_PROVINCIAL_CHECK, "Return for Revision", "province"),
	(workflow.RETURNED, "Submit to Provincial Authority", "applicant"),
	(fs_workflow.FORWARDED_TO_MINISTRY, "Accept Final Summary", "ministry"),
	(fs_workflow.FORWARDED_TO_MINISTRY, "Return for Revision", "ministry"),
)


@frozen_day(DAY)
class TestFinalSummary(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"fs-{frappe.generate_hash(length=6)}")
		cls.year = reporting_year(cls.pilot)
		cls.annual = summary_in(cls.cast, cls.pilot, summary_workflow.ACCEPTED, cls.year)
		frappe.db.set_value(BRAND_PILOT, cls.pilot, "planned_end_date", LAST_YEAR_END)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.set_value(
			BRAND_PILOT, self.pilot, {"status": "In Pilot", "planned_end_date": LAST_YEAR_END}
		)
		for name in frappe.get_all(FINAL_SUMMARY, {"brand_pilot": self.pilot}, pluck="name"):
			frappe.delete_doc(FINAL_SUMMARY, name, force=True)

	def tearDown(self):
		frappe.set_user("Administrator")

	def start(self, user=None):
		return as_user(user or self.cast.applicant, start_final_summary, self.pilot)

	def in_state(self, state):
		return final_summary_in(self.cast, self.pilot, state)

	# --- starting it ---------------------------------------------------------------------------------------
	def test_the_unit_starts_it_assembled_from_the_pilot_and_its_accepted_summaries(self):
		name = self.start()
		self.assertEqual(name, f"{self.pilot}-FS")
		doc = frappe.get_doc(FINAL_SUMMARY, name)
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		annual = frappe.get_doc(ANNUAL_WORK_SUMMARY, self.annual)
		self.assertEqual(doc.workflow_state, workflow.DRAFT)
		self.assertEqual(doc.organizing_unit, pilot.organizing_unit)
		self.assertEqual(str(doc.due_date), str(LAST_YEAR_END))
		self.assertEqual(doc.reporting_years, str(self.year))
		self.assertEqual(
			[r.measure_no for r in doc.measure_outcomes], [r.measure_no for r in pilot.work_plan]
		)
		self.assertEqual({r.last_reported_year for r in doc.measure_outcomes}, {self.year})
		reported = {r.indicator: r.reporting_value for r in annual.indicators}
		self.assertEqual({r.indicator: r.year_1_value for r in doc.indicator_years}, reported)
		self.assertEqual(doc.funds_delivered, annual.total_funds)
		self.assertEqual([r.reporting_year for r in doc.self_evaluations], [self.year])
		self.assertEqual(len(doc.target_outcomes), len(pilot.quantitative_targets))
		# a second start opens the same one
		self.assertEqual(self.start(), name)
		self.assertEqual(frappe.db.count(FINAL_SUMMARY, {"brand_pilot": self.pilot}), 1)

	def test_it_is_started_from_1_january_of_the_last_reporting_year_only(self):
		frappe.db.set_value(BRAND_PILOT, self.pilot, "planned_end_date", "2027-06-15")
		with self.assertRaises(frappe.ValidationError):
			self.start()
		self.assertFalse(frappe.db.exists(FINAL_SUMMARY, {"brand_pilot": self.pilot}))
		pilot = as_user(self.cast.applicant, frappe.get_doc, BRAND_PILOT, self.pilot)
		as_user(self.cast.applicant, pilot.run_method, "onload")
		self.assertFalse(pilot.get_onload().final_summary["can_start"])

	def test_no_one_but_the_unit_starts_it(self):
		for key in ("other_applicant", "province", "expert", "association"):
			if key not in self.cast:
				continue
			with self.subTest(user=key), self.assertRaises(frappe.PermissionError):
				self.start(self.cast[key])
		self.assertFalse(frappe.db.exists(FINAL_SUMMARY, {"brand_pilot": self.pilot}))

	# --- the workflow ----------------------------------------------------------------------------------------
	def test_each_action_is_taken_by_its_role_only(self):
		for state, action, role in ACTIONS:
			name = self.in_state(state)
			if state in (workflow.DRAFT, workflow.RETURNED):
				edit_final_summary(self.cast.applicant, name, **final_summary_texts(name))
			if state == fs_workflow.PENDING_PROVINCIAL_CHECK:
				edit_final_summary(self.cast.province, name, **FINAL_CHECK)
			if state == fs_workflow.FORWARDED_TO_MINISTRY:
				edit_final_summary(self.cast.ministry, name, **final_acceptance())
			for key in self.cast:
				if key == role:
					continue
				with self.subTest(action=action, user=key):
					frappe.set_user(self.cast[key])
					with self.assertRaises((frappe.PermissionError, frappe.ValidationError)):
						apply_workflow(frappe.get_doc(FINAL_SUMMARY, name).as_dict(), action)
					frappe.set_user("Administrator")
					self.assertEqual(frappe.db.get_value(FINAL_SUMMARY, name, "workflow_state"), state)
			act_on_final_summary(self.cast[role], name, action)
			self.assertNotEqual(frappe.db.get_value(FINAL_SUMMARY, name, "workflow_state"), state)
			frappe.delete_doc(FINAL_SUMMARY, name, force=True)
			frappe.db.set_value(BRAND_PILOT, self.pilot, "status", "In Pilot")

	def test_the_conditions_of_each_step(self):
		name = self.start()
		with self.assertRaises(frappe.ValidationError):  # the texts missing
			act_on_final_summary(self.cast.applicant, name, "Submit to Provincial Authority")
		edit_final_summary(self.cast.applicant, name, **final_summary_texts(name))
		act_on_final_summary(self.cast.applicant, name, "Submit to Provincial Authority")
		# the province is told: the summary is assigned to its reviewers
		assigned = frappe.get_all(
			"ToDo",
			{"reference_type": FINAL_SUMMARY, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
		self.assertIn(self.cast.province, assigned)
		self.assertNotIn(self.cast.other_province, assigned)
		with self.assertRaises(frappe.ValidationError):  # no check recorded
			act_on_final_summary(self.cast.province, name, "Forward to Ministry")
		edit_final_summary(self.cast.province, name, **FINAL_CHECK)
		act_on_final_summary(self.cast.province, name, "Forward to Ministry")
		edit_final_summary(self.cast.ministry, name, acceptance_opinion="同意验收。")
		with self.assertRaises(frappe.ValidationError):  # no outcome
			act_on_final_summary(self.cast.ministry, name, "Accept Final Summary")
		self.assertEqual(frappe.db.get_value(BRAND_PILOT, self.pilot, "status"), "In Pilot")

	def test_each_part_is_edited_by_its_role_in_its_stage(self):
		name = self.in_state(fs_workflow.PENDING_PROVINCIAL_CHECK)
		with self.assertRaises(frappe.ValidationError):
			edit_final_summary(self.cast.applicant, name, lessons="改写")
		# the province's part is not the unit's to write: Frappe keeps its saved value
		edit_final_summary(self.cast.applicant, name, check_opinion="自己审核")
		self.assertFalse(frappe.db.get_value(FINAL_SUMMARY, name, "check_opinion"))
		edit_final_summary(self.cast.province, name, **FINAL_CHECK)
		self.assertEqual(
			frappe.db.get_value(FINAL_SUMMARY, name, "check_opinion"), FINAL_CHECK["check_opinion"]
		)

	def test_the_assembled_figures_are_not_typed(self):
		name = self.start()
		funds = frappe.db.get_value(FINAL_SUMMARY, name, "funds_delivered")
		values = final_summary_texts(name)
		before = values[rules.MEASURES_TABLE][0]["work_done"]
		values[rules.MEASURES_TABLE][0]["work_done"] = "改写的完成情况"
		edit_final_summary(self.cast.applicant, name, funds_delivered=99999, **values)
		doc = frappe.get_doc(FINAL_SUMMARY, name)
		self.assertEqual(doc.funds_delivered, funds)
		self.assertEqual(doc.measure_outcomes[0].work_done, before)
		# the reason not completed is the unit's to write
		self.assertTrue(doc.measure_outcomes[0].reason_not_completed)

	# --- the pilot's end ------------------------------------------------------------------------------------
	def test_acceptance_ends_the_pilot_completed_or_not(self):
		for outcome, status in (
			(rules.OUTCOME_COMPLETED, "Pilot Completed"),
			(rules.OUTCOME_NOT_COMPLETED, "Pilot Not Completed"),
		):
			with self.subTest(outcome=outcome):
				frappe.db.set_value(BRAND_PILOT, self.pilot, "status", "In Pilot")
				name = self.in_state(fs_workflow.FORWARDED_TO_MINISTRY)
				self.assertEqual(frappe.db.get_value(BRAND_PILOT, self.pilot, "status"), "In Pilot")
				edit_final_summary(self.cast.ministry, name, **final_acceptance(outcome))
				act_on_final_summary(self.cast.ministry, name, "Accept Final Summary")
				self.assertEqual(frappe.db.get_value(BRAND_PILOT, self.pilot, "status"), status)
				# the unit's workspace says how its pilot ended
				block = as_user(self.cast.applicant, get_desk_status, "applicant")
				self.assertIn(name, block)
				self.assertIn(frappe._(status), block)
				# an ended pilot reports no more years: its form offers no 「开始年度工作总结」, even with
				# years of its planned period left (a pilot in progress with the same period is offered one)
				frappe.db.set_value(BRAND_PILOT, self.pilot, "planned_end_date", date(2028, 6, 15))
				self.assertIsNone(as_user(self.cast.applicant, self.suggested_year))
				frappe.db.set_value(BRAND_PILOT, self.pilot, "status", "In Pilot")
				self.assertIsNotNone(as_user(self.cast.applicant, self.suggested_year))
				frappe.db.set_value(BRAND_PILOT, self.pilot, "planned_end_date", LAST_YEAR_END)
				frappe.delete_doc(FINAL_SUMMARY, name, force=True)

	def suggested_year(self):
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		pilot.run_method("onload")
		return pilot.get_onload().get("suggested_reporting_year")

	def test_the_province_sees_it_once_submitted_and_others_never(self):
		name = self.start()

		def visible(key):
			try:
				return as_user(self.cast[key], frappe.get_list, FINAL_SUMMARY, {"name": name}, "name")
			except frappe.PermissionError:  # a role without the DocType (the experts, the associations)
				return []

		self.assertTrue(visible("applicant"))
		self.assertFalse(visible("province"))
		self.assertFalse(visible("other_applicant"))
		self.assertTrue(visible("ministry"))
		edit_final_summary(self.cast.applicant, name, **final_summary_texts(name))
		act_on_final_summary(self.cast.applicant, name, "Submit to Provincial Authority")
		self.assertTrue(visible("province"))
		for key in ("other_applicant", "expert", "association", "other_province"):
			if key in self.cast:
				with self.subTest(user=key):
					self.assertFalse(visible(key))

	def test_the_province_check_is_withheld_from_the_unit_until_forwarded(self):
		name = self.in_state(fs_workflow.PENDING_PROVINCIAL_CHECK)
		edit_final_summary(self.cast.province, name, **FINAL_CHECK)

		def read(key):
			doc = frappe.get_doc(FINAL_SUMMARY, name)
			doc.apply_fieldlevel_read_permissions()
			return doc

		self.assertFalse(as_user(self.cast.applicant, read, "applicant").check_opinion)
		self.assertEqual(
			as_user(self.cast.province, read, "province").check_opinion, FINAL_CHECK["check_opinion"]
		)
		act_on_final_summary(self.cast.province, name, "Forward to Ministry")
		self.assertEqual(
			as_user(self.cast.applicant, read, "applicant").check_opinion, FINAL_CHECK["check_opinion"]
		)
		self.assertEqual(today(), str(DAY))

	# --- the print format -------------------------------------------------------------------------------------
	def test_the_pdf_prints_the_report_and_its_measures(self):
		self.assertEqual(frappe.get_meta(FINAL_SUMMARY).default_print_format, FINAL_SUMMARY_FORMAT)
		name = self.in_state(fs_workflow.FORWARDED_TO_MINISTRY)
		edit_final_summary(self.cast.ministry, name, **final_acceptance(rules.OUTCOME_NOT_COMPLETED))
		act_on_final_summary(self.cast.ministry, name, "Accept Final Summary")
		pdf = printing.get_pdf(FINAL_SUMMARY, name, FINAL_SUMMARY_FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		text = fold(pdf_text(pdf))
		doc = frappe.get_doc(FINAL_SUMMARY, name)
		self.assertIn(fold(f"{doc.industrial_cluster}{FINAL_SUMMARY_FORMAT}"), text)
		self.assertIn(fold(doc.measure_outcomes[0].measure_no), text)
		self.assertIn(fold(f"{self.year}年"), text)
		self.assertIn(fold("验收结论：未完成试点任务"), text)

	def test_the_desk_says_what_each_action_does(self):
		texts = as_user(self.cast.applicant, action_texts)[FINAL_SUMMARY]
		submit = texts[workflow.DRAFT]["Submit to Provincial Authority"]
		self.assertEqual(
			submit["confirm"],
			frappe._(fs_workflow.FINAL_SUMMARY_ACTIONS["Submit to Provincial Authority"].confirm),
		)
		self.assertEqual(
			submit["next"],
			frappe._(fs_workflow.FINAL_SUMMARY_NEXT_STEP[fs_workflow.PENDING_PROVINCIAL_CHECK]),
		)
		accept = texts[fs_workflow.FORWARDED_TO_MINISTRY]["Accept Final Summary"]
		self.assertEqual(
			accept["done"], frappe._(fs_workflow.FINAL_SUMMARY_ACTIONS["Accept Final Summary"].done)
		)
