"""Issue 19 on a real site: the actions say what they will do and what happened (the texts each user's desk
gets with its boot), the province's decision is dated, a batch's status follows its stage, the breadcrumb
leads to the user's own workspace and the status comes with its block. The desk itself (the confirmation,
the toast) is seen in the browser tier (test_desk_walk.py)."""

from datetime import date

import frappe
from frappe.utils import add_days, getdate

from cluster_brand.cluster_brand.doctype.pilot_batch.pilot_batch import refresh_batch_statuses
from cluster_brand.desk.status_block import boot_session as desk_boot_session
from cluster_brand.desk.status_block import latest_batch
from cluster_brand.desk.workflow_messages import action_texts
from cluster_brand.desk.workflow_messages import boot_session as texts_boot_session
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, PILOT_BATCH, PROGRAMME_MODULE
from cluster_brand.print.review_forms import recommendation_print_context
from cluster_brand.rules.application import workflow as states
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import act, drive_to, edit, make_cast, next_free_rank, on_day
from cluster_brand.tests.support.records import TEST_BATCH, IntegrationTestCase, language

DAY = date(2026, 6, 15)


@frozen_day(DAY)
class TestDeskActions(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_boot_brings_each_actions_texts_in_chinese(self):
		self.assertIn("cluster_brand.desk.workflow_messages.boot_session", frappe.get_hooks("boot_session"))
		frappe.set_user(self.cast.applicant)
		with language("zh"):
			bootinfo = frappe._dict()
			texts_boot_session(bootinfo)
		submit = bootinfo.cb_action_texts[APPLICATION][states.DRAFT]["Submit Application"]
		self.assertEqual(submit["done"], "已提交申报。")
		self.assertEqual(submit["next"], "下一步：省级主管部门审核推荐。")
		self.assertTrue(submit["confirm"].endswith("审核期间不能修改。"), submit["confirm"])
		recommend = bootinfo.cb_action_texts[APPLICATION][states.PENDING_PROVINCIAL_REVIEW]["Recommend"]
		self.assertEqual(recommend["done"], "已推荐。")
		self.assertIn("工业和信息化部启动专家评审", recommend["next"])

	def test_every_action_of_both_workflows_has_its_texts(self):
		texts = action_texts()
		for doctype in (APPLICATION, ANNUAL_WORK_SUMMARY):
			workflow = frappe.get_all("Workflow", {"document_type": doctype, "is_active": 1}, pluck="name")[0]
			for t in frappe.get_all(
				"Workflow Transition", {"parent": workflow}, ["state", "action", "next_state"]
			):
				with self.subTest(doctype=doctype, action=t.action, state=t.state):
					self.assertTrue(all(texts[doctype][t.state][t.action].values()))
		self.assertTrue(all(texts["Expert Review"]["submit"].values()))

	def test_a_recommendation_without_a_date_is_dated_the_day_it_is_made(self):
		name = drive_to(
			self.cast, states.PENDING_PROVINCIAL_REVIEW, f"dated-{frappe.generate_hash(length=6)}"
		)
		edit(
			self.cast.province,
			name,
			recommendation_opinion="同意推荐。",
			recommendation_rank=next_free_rank(name),
			recommendation_date=None,
		)
		act(self.cast.province, name, "Recommend")
		doc = frappe.get_doc(APPLICATION, name)
		self.assertEqual(getdate(doc.recommendation_date), DAY)
		# the printed 省级推荐意见 is dated
		self.assertTrue(recommendation_print_context(doc.as_dict())["own"]["date"])

	def test_a_batch_is_concluded_once_its_applications_are_decided(self):
		name = drive_to(self.cast, states.APPROVED_AS_PILOT, f"batch-{frappe.generate_hash(length=6)}")
		self.assertEqual(frappe.db.get_value(PILOT_BATCH, TEST_BATCH, "status"), states.BATCH_OPEN)
		# the other applications of the test batch decided too (those other tests left on their way)
		for other in frappe.get_all(
			APPLICATION,
			{"pilot_batch": TEST_BATCH, "name": ("!=", name), "workflow_state": ("in", states.IN_REVIEW)},
			pluck="name",
		):
			frappe.db.set_value(APPLICATION, other, "workflow_state", states.WITHDRAWN)
		deadline = frappe.db.get_value(PILOT_BATCH, TEST_BATCH, "online_submission_deadline")
		with on_day(add_days(deadline, 1)):
			refresh_batch_statuses()
		self.assertEqual(frappe.db.get_value(PILOT_BATCH, TEST_BATCH, "status"), states.BATCH_CONCLUDED)

	def test_the_breadcrumb_leads_to_the_users_own_workspace(self):
		frappe.set_user(self.cast.applicant)
		bootinfo = frappe._dict(
			module_wise_workspaces={
				PROGRAMME_MODULE: ["Cluster Brand", "Applicant Desk", "Provincial Review"]
			},
			allowed_workspaces=[{"name": "Applicant Desk"}],
		)
		desk_boot_session(bootinfo)
		self.assertEqual(bootinfo.module_wise_workspaces[PROGRAMME_MODULE], ["Applicant Desk"])
		# and the number cards' batch: the latest, as the status block says
		self.assertEqual(bootinfo.cb_latest_batch, latest_batch())

	def test_the_status_comes_with_its_block(self):
		frappe.set_user(self.cast.province)
		block = frappe.get_doc("Custom HTML Block", "Recommendation Status")
		block.run_method("onload")
		self.assertIn('data-view="recommender"', block.get_onload().get("cb_status"))
