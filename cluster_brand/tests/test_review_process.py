"""The review process on a real site: every transition by its role only, the conditions of each step,
the edit locks, the experts, the decision and the notifications."""

from datetime import date

import frappe
from frappe.utils import add_days, getdate, today

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.notifications.application import send_deadline_reminders
from cluster_brand.rules.application.workflow import (
	APPROVED_AS_PILOT,
	DRAFT,
	IN_PUBLIC_NOTICE,
	NOT_RECOMMENDED,
	NOT_SELECTED,
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	RECOMMENDED_OR_LATER,
	RETURNED,
	UNDER_EXPERT_REVIEW,
	WITHDRAWN,
)
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import (
	act,
	drive_to,
	edit,
	make_cast,
	new_application,
	next_free_rank,
	on_day,
	submit_review,
)
from cluster_brand.tests.support.records import TEST_BATCH, IntegrationTestCase, language

REFUSED = (frappe.PermissionError, frappe.ValidationError)

# (state the application is in, action, state it reaches, the cast member allowed to do it)
TRANSITIONS = (
	(DRAFT, "Submit Application", PENDING_PROVINCIAL_REVIEW, "applicant"),
	(DRAFT, "Withdraw", WITHDRAWN, "applicant"),
	(PENDING_PROVINCIAL_REVIEW, "Withdraw", WITHDRAWN, "applicant"),
	(RETURNED, "Resubmit Application", PENDING_PROVINCIAL_REVIEW, "applicant"),
	(RETURNED, "Withdraw", WITHDRAWN, "applicant"),
	(PENDING_PROVINCIAL_REVIEW, "Return for Revision", RETURNED, "province"),
	(PENDING_PROVINCIAL_REVIEW, "Recommend", RECOMMENDED, "province"),
	(PENDING_PROVINCIAL_REVIEW, "Do Not Recommend", NOT_RECOMMENDED, "province"),
	(RECOMMENDED, "Start Expert Review", UNDER_EXPERT_REVIEW, "ministry"),
	(UNDER_EXPERT_REVIEW, "Publish for Public Notice", IN_PUBLIC_NOTICE, "ministry"),
	(UNDER_EXPERT_REVIEW, "Do Not Select", NOT_SELECTED, "ministry"),
	(IN_PUBLIC_NOTICE, "Approve as Pilot", APPROVED_AS_PILOT, "ministry"),
	(IN_PUBLIC_NOTICE, "Do Not Select", NOT_SELECTED, "ministry"),
)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 5, 4)


@frozen_day(DAY)
class TestReviewProcess(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def prepare(self, state: str, action: str) -> str:
		"""An application in ``state`` with what ``action`` needs (opinion, paper, review, notice) in place."""
		tag = f"{self._testMethodName[-20:]}-{frappe.generate_hash(length=6)}"
		name = drive_to(self.cast, state, tag)
		if action in ("Return for Revision", "Recommend", "Do Not Recommend"):
			edit(
				self.cast.province,
				name,
				recommendation_opinion="意见",
				recommendation_rank=next_free_rank(name),
			)
		if action == "Start Expert Review":
			edit(self.cast.receiver, name, paper_copies_received=2, paper_copies_stamped=1)
			edit(self.cast.ministry, name, expert_assignments=[{"expert": self.cast.expert}])
		if state == UNDER_EXPERT_REVIEW:
			submit_review(self.cast, name)
			edit(
				self.cast.ministry,
				name,
				public_notice_start=today(),
				public_notice_end=add_days(today(), 10),
			)
		if action == "Approve as Pilot":
			edit(self.cast.ministry, name, designation_notice_number="工信厅科函〔2017〕999号")
		return name

	def test_every_transition_by_its_role_only(self):
		for state, action, target, allowed in TRANSITIONS:
			with self.subTest(action=action, state=state):
				name = self.prepare(state, action)
				for key, user in self.cast.items():
					if key == allowed:
						continue
					with self.assertRaises(REFUSED, msg=f"{key} must not {action}"):
						act(user, name, action)
					self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), state)
				act(self.cast[allowed], name, action)
				self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), target)

	def test_returned_application_is_edited_and_resubmitted(self):
		name = self.prepare(PENDING_PROVINCIAL_REVIEW, "Return for Revision")
		act(self.cast.province, name, "Return for Revision")
		edit(self.cast.applicant, name, honours="补充：2016年获评省级示范产业集群。")
		for key in ("province", "ministry", "other_applicant"):
			with self.assertRaises(REFUSED):
				act(self.cast[key], name, "Resubmit Application")
		act(self.cast.applicant, name, "Resubmit Application")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), PENDING_PROVINCIAL_REVIEW)

	# --- conditions

	def refused(self, user, name, action, *texts):
		with language("zh"), self.assertRaises(REFUSED) as refused:
			act(user, name, action)
		for text in texts:
			self.assertIn(text, str(refused.exception))

	def test_submission_needs_a_complete_application_before_the_deadline(self):
		name = new_application(f"incomplete-{frappe.generate_hash(length=6)}").name
		frappe.db.set_value(APPLICATION, name, "supporting_policies", "")
		self.refused(self.cast.applicant, name, "Submit Application", "支持政策")
		frappe.db.set_value(APPLICATION, name, "supporting_policies", "有")
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.online_submission_deadline = add_days(today(), -1)
		batch.save()
		try:
			self.refused(self.cast.applicant, name, "Submit Application", "在线申报截止日期", "已过")
		finally:
			batch.reload()
			batch.online_submission_deadline = add_days(today(), 30)
			batch.save()

	def test_recommendation_needs_opinion_rank_deadline_and_quota(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"rec-{frappe.generate_hash(length=6)}")
		self.refused(self.cast.province, name, "Recommend", "请先填写推荐意见", "推荐排序")
		self.refused(self.cast.province, name, "Return for Revision", "请先填写推荐意见")
		edit(
			self.cast.province,
			name,
			recommendation_opinion="同意推荐。",
			recommendation_rank=next_free_rank(name),
		)
		zhejiang = frappe.db.get_value(APPLICATION, name, "recommending_authority")
		# the province sets its own, earlier deadline; a quota it sets is not kept (the ministry's part)
		frappe.set_user(self.cast.province)
		setting = frappe.get_doc(
			{
				"doctype": "Recommendation Setting",
				"pilot_batch": TEST_BATCH,
				"recommending_authority": zhejiang,
				"recommendation_deadline": add_days(today(), -1),
				"recommendation_quota": 99,
			}
		).insert()
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value("Recommendation Setting", setting.name, "recommendation_quota"), 0
		)
		try:
			edit(
				self.cast.province, name, recommending_officer="王五"
			)  # a save takes the authority's deadline
			self.refused(self.cast.province, name, "Recommend", "推荐截止日期", "已过")
			recommended = frappe.db.count(
				APPLICATION,
				{
					"recommending_authority": zhejiang,
					"pilot_batch": TEST_BATCH,
					"workflow_state": ("in", RECOMMENDED_OR_LATER),
				},
			)
			frappe.db.set_value(
				"Recommendation Setting", setting.name, "recommendation_deadline", add_days(today(), 5)
			)
			frappe.set_user(self.cast.ministry)
			ministry_setting = frappe.get_doc("Recommendation Setting", setting.name)
			ministry_setting.recommendation_quota = recommended
			ministry_setting.save()
			frappe.set_user("Administrator")
			edit(self.cast.province, name, recommending_officer="赵六")
			self.assertEqual(
				getdate(frappe.db.get_value(APPLICATION, name, "recommendation_deadline")),
				getdate(add_days(today(), 5)),
			)
			if recommended:
				self.refused(self.cast.province, name, "Recommend", "推荐名额已用完")
			frappe.db.set_value(
				"Recommendation Setting", setting.name, "recommendation_quota", recommended + 1
			)
			act(self.cast.province, name, "Recommend")
		finally:
			frappe.set_user("Administrator")
			frappe.delete_doc("Recommendation Setting", setting.name, force=True)

	def test_a_province_sets_its_own_deadline_only_and_never_later_than_the_batch(self):
		batch_deadline = frappe.db.get_value(PILOT_BATCH, TEST_BATCH, "provincial_recommendation_deadline")
		frappe.set_user(self.cast.province)
		later = {
			"doctype": "Recommendation Setting",
			"pilot_batch": TEST_BATCH,
			"recommending_authority": frappe.db.get_value(
				"User Permission", {"user": self.cast.province}, "for_value"
			),
			"recommendation_deadline": add_days(batch_deadline, 1),
		}
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(later).insert()
		other = {
			**later,
			"recommending_authority": "山东省工业和信息化主管部门",
			"recommendation_deadline": today(),
		}
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(other).insert()

	def test_review_starts_only_with_the_stamped_paper_copies(self):
		name = drive_to(self.cast, RECOMMENDED, f"paper-{frappe.generate_hash(length=6)}")
		self.refused(self.cast.ministry, name, "Start Expert Review", "已收到0份", "尚未确认")
		edit(self.cast.receiver, name, paper_copies_received=1, paper_copies_stamped=1)
		self.refused(self.cast.ministry, name, "Start Expert Review", "应报送2份")

	def test_public_notice_needs_every_review_and_approval_needs_the_notice_to_end(self):
		name = drive_to(self.cast, UNDER_EXPERT_REVIEW, f"notice-{frappe.generate_hash(length=6)}")
		edit(self.cast.ministry, name, public_notice_start=today(), public_notice_end=add_days(today(), 7))
		self.refused(self.cast.ministry, name, "Publish for Public Notice", "已分配1位专家，已提交评审0份")
		submit_review(self.cast, name)
		act(self.cast.ministry, name, "Publish for Public Notice")
		edit(self.cast.ministry, name, designation_notice_number="工信厅科函〔2017〕999号")
		self.refused(self.cast.ministry, name, "Approve as Pilot", "公示期尚未结束")

	def test_review_starts_only_with_an_expert_assigned(self):
		# issue 19: the ministry started the expert review with no expert assigned
		name = drive_to(self.cast, RECOMMENDED, f"noexpert-{frappe.generate_hash(length=6)}")
		edit(self.cast.receiver, name, paper_copies_received=2, paper_copies_stamped=1)
		self.refused(self.cast.ministry, name, "Start Expert Review", "尚未为申报书分配评审专家")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), RECOMMENDED)
		edit(self.cast.ministry, name, expert_assignments=[{"expert": self.cast.expert}])
		act(self.cast.ministry, name, "Start Expert Review")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), UNDER_EXPERT_REVIEW)

	def test_a_notice_runs_from_its_publication_and_the_approval_waits_for_its_end(self):
		# issue 19: a notice that began 12 days before it was published, approved the day it was published
		name = drive_to(self.cast, UNDER_EXPERT_REVIEW, f"backdate-{frappe.generate_hash(length=6)}")
		submit_review(self.cast, name)
		day = getdate(today())
		edit(
			self.cast.ministry,
			name,
			public_notice_start=add_days(day, -12),
			public_notice_end=add_days(day, -1),
		)
		self.refused(self.cast.ministry, name, "Publish for Public Notice", "不能早于公示发布之日")
		edit(self.cast.ministry, name, public_notice_start=day, public_notice_end=add_days(day, 6))
		act(self.cast.ministry, name, "Publish for Public Notice")
		edit(self.cast.ministry, name, designation_notice_number="工信厅科函〔2017〕999号")
		self.refused(self.cast.ministry, name, "Approve as Pilot", "公示期尚未结束")
		# nor can the published period be moved back so as to have ended already
		with language("zh"), self.assertRaises(REFUSED) as moved:
			edit(
				self.cast.ministry,
				name,
				public_notice_start=add_days(day, -12),
				public_notice_end=add_days(day, -1),
			)
		self.assertIn("公示期不能再更改", str(moved.exception))
		with on_day(add_days(day, 6)):
			self.refused(self.cast.ministry, name, "Approve as Pilot", "公示期尚未结束")
		with on_day(add_days(day, 7)):
			act(self.cast.ministry, name, "Approve as Pilot")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), APPROVED_AS_PILOT)

	def test_a_cluster_in_its_pilot_period_is_not_approved_again(self):
		# issue 19: the same cluster approved as a pilot a second time, without a word
		earlier = drive_to(self.cast, APPROVED_AS_PILOT, f"first-{frappe.generate_hash(length=6)}")
		pilot = frappe.db.get_value(APPLICATION, earlier, "brand_pilot")
		name = drive_to(self.cast, IN_PUBLIC_NOTICE, f"again-{frappe.generate_hash(length=6)}")
		cluster = frappe.db.get_value(APPLICATION, name, "industrial_cluster")
		# the cluster designated from an earlier application (of an earlier batch: one per cluster and batch)
		frappe.db.set_value(BRAND_PILOT, pilot, "industrial_cluster", cluster)
		edit(self.cast.ministry, name, designation_notice_number="工信厅科函〔2018〕999号")
		self.refused(self.cast.ministry, name, "Approve as Pilot", f"该产业集群已是试点（{pilot}）")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), IN_PUBLIC_NOTICE)
		# once its pilot has ended, a cluster may be designated again (the notice forbids no new batch)
		frappe.db.set_value(BRAND_PILOT, pilot, "status", "Pilot Completed")
		act(self.cast.ministry, name, "Approve as Pilot")
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), APPROVED_AS_PILOT)

	# --- who edits what, when

	def test_content_is_locked_once_it_leaves_the_applicant(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"lock-{frappe.generate_hash(length=6)}")
		for key in ("applicant", "province", "ministry"):
			with language("zh"), self.assertRaises(REFUSED, msg=key):
				edit(self.cast[key], name, honours="改动")
		self.assertNotEqual(frappe.db.get_value(APPLICATION, name, "honours"), "改动")
		edit(self.cast.province, name, recommendation_opinion="初审意见")  # the province's own part
		with self.assertRaises(REFUSED):
			edit(
				self.cast.receiver, name, paper_copies_received=2
			)  # not yet: the paper part opens when recommended

	def test_tables_are_locked_too(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"lock-table-{frappe.generate_hash(length=6)}")
		frappe.set_user(self.cast.applicant)
		doc = frappe.get_doc(APPLICATION, name)
		doc.indicators[4].year_3_value = 999
		with self.assertRaises(REFUSED):
			doc.save()
		frappe.set_user("Administrator")
		self.assertNotEqual(frappe.get_doc(APPLICATION, name).indicators[4].year_3_value, 999)
		approved = drive_to(self.cast, APPROVED_AS_PILOT, f"lock-assign-{frappe.generate_hash(length=6)}")
		with self.assertRaises(REFUSED):
			edit(self.cast.ministry, approved, expert_assignments=[{"expert": self.cast.other_expert}])

	def test_a_draft_is_edited_by_its_applicant_only(self):
		name = new_application(f"draft-{frappe.generate_hash(length=6)}").name
		edit(self.cast.applicant, name, honours="新增荣誉")
		with self.assertRaises(REFUSED):
			edit(self.cast.other_applicant, name, honours="他人改动")
		with self.assertRaises(REFUSED):
			edit(self.cast.ministry, name, honours="部里改动")

	def test_an_applicant_cannot_file_for_another_unit(self):
		from cluster_brand.tests.support.records import make_test_application_values

		values = make_test_application_values(
			"-process-other",
			demo_file="application_shandong.json",
			cluster_suffix=f"-x-{frappe.generate_hash(length=6)}",
		)
		frappe.set_user(self.cast.applicant)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(values).insert()

	# --- experts

	def test_experts_of_the_applicants_province_are_never_assigned(self):
		name = drive_to(self.cast, RECOMMENDED, f"recuse-{frappe.generate_hash(length=6)}")
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			edit(self.cast.ministry, name, expert_assignments=[{"expert": self.cast.zhejiang_expert}])
		self.assertIn("应回避", str(refused.exception))

	def test_a_review_is_submitted_with_a_declaration_and_scored_on_the_rubric(self):
		name = drive_to(self.cast, UNDER_EXPERT_REVIEW, f"sheet-{frappe.generate_hash(length=6)}")
		frappe.set_user(self.cast.expert)
		sheet = frappe.get_doc(EXPERT_REVIEW, {"application": name})
		self.assertEqual(sum(row.weight for row in sheet.scores), 100)
		for row in sheet.scores:
			row.score = 90
		sheet.recommendation = "Recommend as Pilot"
		sheet.save()
		self.assertAlmostEqual(sheet.total_score, 90)
		with self.assertRaises(frappe.ValidationError):
			sheet.submit()  # no conflict-of-interest declaration
		sheet.reload()
		sheet.scores[0].score = 120
		with self.assertRaises(frappe.ValidationError):
			sheet.save()
		frappe.set_user("Administrator")
		submit_review(self.cast, name, score=70)
		application = frappe.get_doc(APPLICATION, name)
		self.assertEqual(application.mean_score, 70)
		self.assertTrue(application.expert_assignments[0].review_submitted)

	def test_an_expert_sees_an_application_only_while_assigned(self):
		name = drive_to(self.cast, UNDER_EXPERT_REVIEW, f"assigned-{frappe.generate_hash(length=6)}")
		self.assertTrue(frappe.has_permission(APPLICATION, doc=name, user=self.cast.expert))
		self.assertFalse(frappe.has_permission(APPLICATION, doc=name, user=self.cast.other_expert))
		edit(self.cast.ministry, name, expert_assignments=[{"expert": self.cast.other_expert}])
		frappe.set_user("Administrator")
		self.assertFalse(frappe.has_permission(APPLICATION, doc=name, user=self.cast.expert))
		self.assertTrue(frappe.has_permission(APPLICATION, doc=name, user=self.cast.other_expert))
		self.assertFalse(frappe.db.exists(EXPERT_REVIEW, {"application": name, "expert": self.cast.expert}))

	# --- decision and notifications

	def test_approval_designates_a_brand_pilot_for_three_years(self):
		name = drive_to(self.cast, APPROVED_AS_PILOT, f"pilot-{frappe.generate_hash(length=6)}")
		application = frappe.get_doc(APPLICATION, name)
		pilot = frappe.get_doc(BRAND_PILOT, application.brand_pilot)
		self.assertEqual(pilot.application, name)
		self.assertEqual(pilot.organizing_unit, application.organizing_unit)
		self.assertEqual(pilot.designation_notice_number, "工信厅科函〔2017〕999号")
		self.assertEqual(getdate(pilot.planned_end_date).year - getdate(pilot.start_date).year, 3)
		self.assertTrue(pilot.name.startswith("BP-2017-"))

	def test_whoever_acts_next_is_assigned_and_nobody_else(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"notify-{frappe.generate_hash(length=6)}")

		def open_todos():
			return set(
				frappe.get_all("ToDo", {"reference_name": name, "status": "Open"}, pluck="allocated_to")
			)

		self.assertIn(self.cast.province, open_todos())
		self.assertNotIn(self.cast.other_province, open_todos())
		# the ToDo is due on the stage's deadline, not on the day it was assigned
		due = frappe.db.get_value(
			"ToDo", {"reference_name": name, "allocated_to": self.cast.province, "status": "Open"}, "date"
		)
		self.assertEqual(str(due), str(frappe.db.get_value(APPLICATION, name, "recommendation_deadline")))
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": self.cast.province, "document_name": name})
		)
		self.assertFalse(
			frappe.db.exists(
				"Notification Log", {"for_user": self.cast.other_province, "document_name": name}
			)
		)
		edit(self.cast.province, name, recommendation_opinion="请补充材料。")
		act(self.cast.province, name, "Return for Revision")
		self.assertEqual(open_todos(), {self.cast.applicant})

	def test_what_is_written_for_others_is_in_the_sites_language(self):
		# whoever acts in English (an administrator's session, a script), the recipients read Chinese
		with language("en"):
			name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"zh-{frappe.generate_hash(length=6)}")
		todo = frappe.db.get_value(
			"ToDo", {"reference_name": name, "allocated_to": self.cast.province}, "description"
		)
		self.assertIn("当前状态为“待省级推荐”", todo)
		bell = frappe.get_all(
			"Notification Log", {"for_user": self.cast.province, "document_name": name}, pluck="subject"
		)
		self.assertTrue(bell)
		for subject in bell:
			for english in ("assigned", "is now", "Cluster Brand Application", "Pending"):
				self.assertNotIn(english, subject)

	def test_daily_reminder_of_deadlines_within_three_days(self):
		name = new_application(f"remind-{frappe.generate_hash(length=6)}").name
		frappe.db.set_value(APPLICATION, name, "online_submission_deadline", add_days(today(), 2))
		send_deadline_reminders()
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": self.cast.applicant, "document_name": name, "type": "Alert"}
			)
		)
		self.assertFalse(
			frappe.db.exists(
				"Notification Log", {"for_user": self.cast.other_applicant, "document_name": name}
			)
		)

	def test_each_transition_is_on_the_timeline(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"audit-{frappe.generate_hash(length=6)}")
		# Frappe's tests skip versions unless asked for; on a site every save makes one (track_changes).
		self.assertTrue(frappe.get_meta(APPLICATION).track_changes)
		frappe.set_user(self.cast.province)
		doc = frappe.get_doc(APPLICATION, name)
		doc.update({"recommendation_opinion": "同意推荐。", "recommendation_rank": next_free_rank(name)})
		doc.save(ignore_version=False)
		frappe.set_user("Administrator")
		version = frappe.get_last_doc("Version", {"ref_doctype": APPLICATION, "docname": name})
		self.assertEqual(version.owner, self.cast.province)
		self.assertIn("recommendation_opinion", version.data)
		act(self.cast.province, name, "Recommend")
		comments = frappe.get_all(
			"Comment",
			{"reference_name": name, "comment_type": "Workflow"},
			["content", "owner"],
			order_by="creation",
		)
		self.assertEqual([c.content for c in comments], [PENDING_PROVINCIAL_REVIEW, RECOMMENDED])
		self.assertEqual([c.owner for c in comments], [self.cast.applicant, self.cast.province])
