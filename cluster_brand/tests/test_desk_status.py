"""The status block at the top of each role's workspace, on a real site: each role sees its own work only,
with the current deadlines (moved deadlines reach the open applications and their assignments)."""

from datetime import date

import frappe
from frappe.utils import add_days, getdate, today

from cluster_brand.doctype_names import APPLICATION, EVALUATION_ROUND, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.rules.application import workflow as states
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import OTHER_UNIT, drive_to, make_cast, new_application
from cluster_brand.tests.support.records import (
	TEST_BATCH,
	IntegrationTestCase,
	make_test_application_values,
	make_test_batch,
)
from cluster_brand.tests.support.views import status_as

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 3, 16)


@frozen_day(DAY)
class TestDeskStatus(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		cls.draft = new_application(f"status-draft-{tag}").name
		cls.pending = drive_to(cls.cast, states.PENDING_PROVINCIAL_REVIEW, f"status-pending-{tag}")
		cls.reviewed = drive_to(cls.cast, states.UNDER_EXPERT_REVIEW, f"status-review-{tag}")
		frappe.set_user("Administrator")
		cls.other_unit_draft = (
			frappe.get_doc(
				make_test_application_values(
					OTHER_UNIT, demo_file="application_shandong.json", cluster_suffix=f"status-{tag}"
				)
			)
			.insert()
			.name
		)
		cls.sheet = frappe.db.get_value(EXPERT_REVIEW, {"application": cls.reviewed}, "name")

	def tearDown(self):
		frappe.set_user("Administrator")
		make_test_batch()  # the batch's deadlines as the other tests expect them

	def test_each_role_sees_only_its_own_work(self):
		applicant = status_as(self.cast.applicant, "applicant")
		self.assertIn(self.draft, applicant)
		self.assertIn("完成申报书，运行完整性检查后提交省级主管部门", applicant)
		self.assertIn(self.pending, applicant)
		self.assertNotIn(self.other_unit_draft, applicant)
		self.assertIn("还剩", applicant)  # the days left to the online submission deadline
		self.assertNotIn(self.draft, status_as(self.cast.other_applicant, "applicant"))

		province = status_as(self.cast.province, "recommender")
		self.assertIn(self.pending, province)
		self.assertIn("待您决定", province)
		self.assertNotIn(self.draft, province)  # the unit's own unfinished work
		self.assertNotIn(self.pending, status_as(self.cast.other_province, "recommender"))

		self.assertIn(self.pending, status_as(self.cast.association, "association"))
		self.assertNotIn(self.pending, status_as(self.cast.other_association, "association"))

		receiver = status_as(self.cast.receiver, "receiver")
		self.assertIn(self.reviewed, receiver)
		self.assertNotIn(self.pending, receiver)

		self.assertIn(self.sheet, status_as(self.cast.expert, "expert"))
		self.assertNotIn(self.sheet, status_as(self.cast.other_expert, "expert"))

		ministry = status_as(self.cast.ministry, "ministry", pilot_batch=TEST_BATCH)
		self.assertIn("浙江省工业和信息化主管部门", ministry)
		self.assertIn("待省级推荐", ministry)
		self.assertIn(frappe.db.get_value("Review Expert", self.cast.expert, "expert_name"), ministry)
		# the ministry's view goes through the permissions too: an applicant reads no expert's sheet
		with self.assertRaises(frappe.PermissionError):
			status_as(self.cast.applicant, "ministry", pilot_batch=TEST_BATCH)

	def test_the_ministry_sees_the_open_evaluation_rounds_deadlines(self):
		for name in frappe.get_all(EVALUATION_ROUND, pluck="name"):
			frappe.delete_doc(EVALUATION_ROUND, name, force=True)
		hearing = [{"criterion": c, "weight": w} for c, w in (("创新性", 40), ("先进性", 30), ("示范性", 30))]
		title = f"总结评价 {frappe.generate_hash(length=6)}"
		frappe.get_doc(
			{
				"doctype": EVALUATION_ROUND,
				"title": title,
				"pilot_batch": TEST_BATCH,
				"final_summary_deadline": add_days(DAY, 5),
				"hearing_criteria": hearing,
			}
		).insert()
		ministry = status_as(self.cast.ministry, "ministry", pilot_batch=TEST_BATCH)
		self.assertIn(title, ministry)
		self.assertIn("试点工作总结报告截止日期", ministry)
		self.assertIn(f'data-tone="near">{add_days(DAY, 5)}', ministry)
		# a closed round is done with
		frappe.db.set_value(EVALUATION_ROUND, title, "status", "Closed")
		self.assertNotIn(title, status_as(self.cast.ministry, "ministry", pilot_batch=TEST_BATCH))

	def test_the_province_and_the_ministry_see_the_registrations_waiting_for_them(self):
		from cluster_brand.tests.support.registration import make_registration

		name = make_registration(frappe.generate_hash(length=6))  # a Zhejiang unit's
		province = status_as(self.cast.province, "recommender")
		self.assertIn("待审核的注册", province)
		self.assertIn(name, province)
		self.assertIn(name, status_as(self.cast.ministry, "ministry"))
		self.assertNotIn(name, status_as(self.cast.other_province, "recommender"))
		self.assertNotIn(name, status_as(self.cast.applicant, "applicant"))
		frappe.db.set_value("Unit Registration", name, "workflow_state", "Not Verified")
		self.assertNotIn(name, status_as(self.cast.province, "recommender"))  # decided: no longer waiting

	def test_unknown_view_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			status_as(self.cast.applicant, "everything")

	def test_moved_deadlines_reach_open_applications_and_their_assignments(self):
		recommended_before = frappe.db.get_value(APPLICATION, self.reviewed, "recommendation_deadline")
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.online_submission_deadline = add_days(today(), 20)
		batch.provincial_recommendation_deadline = add_days(today(), 40)
		batch.save()
		self.assertEqual(
			getdate(frappe.db.get_value(APPLICATION, self.draft, "online_submission_deadline")),
			getdate(add_days(today(), 20)),
		)
		self.assertEqual(
			getdate(frappe.db.get_value(APPLICATION, self.pending, "recommendation_deadline")),
			getdate(add_days(today(), 40)),
		)
		todo = {"reference_type": APPLICATION, "reference_name": self.pending, "status": "Open"}
		self.assertEqual(getdate(frappe.db.get_value("ToDo", todo, "date")), getdate(add_days(today(), 40)))
		# a stage already passed keeps its dates
		self.assertEqual(
			frappe.db.get_value(APPLICATION, self.reviewed, "recommendation_deadline"), recommended_before
		)
		self.assertIn(str(getdate(add_days(today(), 20))), status_as(self.cast.applicant, "applicant"))

		# the province's own, earlier deadline, and back to the batch's when the setting goes
		authority = frappe.db.get_value(APPLICATION, self.pending, "recommending_authority")
		existing = frappe.db.get_value(
			"Recommendation Setting", {"pilot_batch": TEST_BATCH, "recommending_authority": authority}
		)
		if existing:
			frappe.delete_doc("Recommendation Setting", existing, force=True)
		setting = frappe.get_doc(
			{
				"doctype": "Recommendation Setting",
				"pilot_batch": TEST_BATCH,
				"recommending_authority": authority,
				"recommendation_deadline": add_days(today(), 10),
				"recommendation_quota": 5,
			}
		).insert()
		self.assertEqual(getdate(frappe.db.get_value("ToDo", todo, "date")), getdate(add_days(today(), 10)))
		province = status_as(self.cast.province, "recommender")
		self.assertIn("推荐名额已用", province)
		self.assertIn(str(getdate(add_days(today(), 10))), province)
		frappe.delete_doc("Recommendation Setting", setting.name, force=True)
		self.assertEqual(
			getdate(frappe.db.get_value(APPLICATION, self.pending, "recommendation_deadline")),
			getdate(add_days(today(), 40)),
		)
