"""The evaluation round at the pilot's end on a real site (issue 21): an In Progress round of the pilot's batch
that sets the final summary deadline opens the final summaries before the planned end's year (the pilot's
button and the save follow it; the summary is due on the round's deadline), and the daily job reminds, in the
week before each of the round's deadlines, the units whose final summary is due, the units of completed pilots
that have not applied, and the provinces with applications pending their recommendation."""

from datetime import date

import frappe

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_final_summary
from cluster_brand.doctype_names import (
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.notifications.deadlines import send_pilot_end_reminders
from cluster_brand.rules.pilot_end import demonstration_workflow as demonstration
from cluster_brand.rules.pilot_end import evaluation_round as rules
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pilot_stage import as_user, make_pilot
from cluster_brand.tests.support.process import ZHEJIANG, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 9, 24)
DEADLINES = {
	"final_summary_deadline": "2026-09-30",
	"demonstration_application_deadline": "2026-10-01",
	"provincial_recommendation_deadline": "2026-10-01",
	"hearing_date": "2026-12-10",
}


@frozen_day(DAY)
class TestPilotEndRound(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		# designated today: its planned end is three years away
		cls.pilot = make_pilot(cls.cast, f"pe-{tag}")
		cls.completed = make_pilot(cls.cast, f"pe-done-{tag}")
		frappe.db.set_value(BRAND_PILOT, cls.completed, "status", "Pilot Completed")
		cls.batch = frappe.db.get_value(BRAND_PILOT, cls.pilot, "pilot_batch")

	def setUp(self):
		frappe.set_user("Administrator")
		for name in frappe.get_all(EVALUATION_ROUND, {"pilot_batch": self.batch}, pluck="name"):
			frappe.delete_doc(EVALUATION_ROUND, name, force=True)
		for name in frappe.get_all(FINAL_SUMMARY, {"brand_pilot": self.pilot}, pluck="name"):
			frappe.delete_doc(FINAL_SUMMARY, name, force=True)
		# each test counts its own reminders
		frappe.db.delete("Notification Log", {"document_name": ("in", [self.pilot, self.completed])})

	def tearDown(self):
		frappe.set_user("Administrator")

	def make_round(self, **changes):
		return frappe.get_doc(
			{
				"doctype": EVALUATION_ROUND,
				"title": f"总结评价 {frappe.generate_hash(length=6)}",
				"pilot_batch": self.batch,
				"notice_number": "工信厅科函〔2018〕283号",
				"status": rules.IN_PROGRESS,
				**DEADLINES,
				rules.HEARING_RUBRIC_TABLE: [
					{"criterion": "创新性", "weight": 40},
					{"criterion": "先进性", "weight": 30},
					{"criterion": "示范性", "weight": 30},
				],
				**changes,
			}
		).insert()

	def can_start(self) -> bool:
		pilot = as_user(self.cast.applicant, frappe.get_doc, BRAND_PILOT, self.pilot)
		as_user(self.cast.applicant, pilot.run_method, "onload")
		return pilot.get_onload().final_summary["can_start"]

	def start(self):
		return as_user(self.cast.applicant, start_final_summary, self.pilot)

	# --- the round opens the final summaries early ----------------------------------------------------------
	def test_without_an_open_round_the_final_summary_waits_for_the_planned_ends_year(self):
		self.assertFalse(self.can_start())
		with self.assertRaises(frappe.ValidationError):
			self.start()
		# a round that sets no final summary deadline opens nothing
		self.make_round(
			final_summary_deadline=None,
		)
		self.assertFalse(self.can_start())
		with self.assertRaises(frappe.ValidationError):
			self.start()
		self.assertFalse(frappe.db.exists(FINAL_SUMMARY, {"brand_pilot": self.pilot}))

	def test_the_open_round_opens_it_due_on_the_rounds_deadline(self):
		evaluation_round = self.make_round()
		self.assertTrue(self.can_start())
		name = self.start()
		self.assertEqual(str(frappe.db.get_value(FINAL_SUMMARY, name, "due_date")), "2026-09-30")
		# once the round is concluded, a new one waits again
		frappe.delete_doc(FINAL_SUMMARY, name, force=True)
		evaluation_round.db_set("status", rules.CONCLUDED)
		self.assertFalse(self.can_start())
		with self.assertRaises(frappe.ValidationError):
			self.start()

	# --- the reminders of the round's deadlines ---------------------------------------------------------
	def reminded(self, user: str, document: str) -> list[str]:
		return frappe.get_all(
			"Notification Log", {"for_user": user, "document_name": document}, pluck="subject"
		)

	def test_the_round_reminds_whoever_has_still_to_act(self):
		evaluation_round = self.make_round()
		pending = frappe.get_doc(
			{
				"doctype": DEMONSTRATION_APPLICATION,
				"brand_pilot": self.completed,
				"evaluation_round": evaluation_round.name,
				"recommending_authority": ZHEJIANG,
				"workflow_state": demonstration.PENDING_PROVINCIAL_RECOMMENDATION,
			}
		)
		pending.name = f"DA-pe-{frappe.generate_hash(length=6)}"
		pending.db_insert()  # the application as the round reads it, whatever its own controller checks
		try:
			send_pilot_end_reminders()
			# the unit: its final summary (due on the round's deadline) and, as its other pilot has completed
			# and applied, no reminder to apply for that one
			(subject,) = self.reminded(self.cast.applicant, self.pilot)
			self.assertIn("2026-09-30", subject)
			self.assertEqual(self.reminded(self.cast.applicant, self.completed), [])
			# the province of the pending application, not the other province
			(subject,) = self.reminded(self.cast.province, evaluation_round.name)
			self.assertIn("2026-10-01", subject)
			self.assertEqual(self.reminded(self.cast.other_province, evaluation_round.name), [])
			# the application back with the unit: the unit is reminded to apply, the province of nothing
			pending.db_set("workflow_state", demonstration.RETURNED)
			send_pilot_end_reminders()
			(subject,) = self.reminded(self.cast.applicant, self.completed)
			self.assertIn("2026-10-01", subject)
			self.assertEqual(len(self.reminded(self.cast.province, evaluation_round.name)), 1)
		finally:
			frappe.delete_doc(DEMONSTRATION_APPLICATION, pending.name, force=True)

	def test_a_week_before_the_pilots_end_without_a_round(self):
		frappe.db.set_value(BRAND_PILOT, self.pilot, "planned_end_date", "2026-09-28")
		try:
			send_pilot_end_reminders()
			self.assertTrue(any("2026-09-28" in s for s in self.reminded(self.cast.applicant, self.pilot)))
		finally:
			frappe.db.set_value(BRAND_PILOT, self.pilot, "planned_end_date", "2029-09-24")
