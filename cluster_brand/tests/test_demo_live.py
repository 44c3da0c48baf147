"""The demo live on the day it is run (issue 22, demo/live.py), run here on a frozen day: a current batch whose
every deadline lies ahead, a unit's draft, a candidate in public notice taken there by the users of their roles,
a visitor's objection waiting for the ministry; the public page and the workspaces' status blocks show them;
running it again changes nothing."""

from datetime import date

import frappe
from frappe.utils import add_days, getdate

from cluster_brand.demo.live import DRAFT, NOTICE, make_live
from cluster_brand.demo.pilot_end import MINISTRY
from cluster_brand.demo.site import make_demo
from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH, PUBLIC_NOTICE_OBJECTION
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.public_notice import UNHANDLED
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.records import IntegrationTestCase
from cluster_brand.tests.support.views import public_notice_page, status_as

# a day of a year no other batch of the tests has: the demo opens that year's batch
DAY = date(2031, 4, 14)
COUNTED = (
	PILOT_BATCH,
	APPLICATION,
	EXPERT_REVIEW,
	PUBLIC_NOTICE_OBJECTION,
	"File",
	"Notification Log",
	"Version",
)


@frozen_day(DAY)
class TestDemoLive(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		make_demo()  # its users and expert (a site the demo ran on has them: nothing changes)
		cls.live = make_live()

	@classmethod
	def tearDownClass(cls):
		# the demo's live batch of a year to come is this test's alone: the other tests read the latest batch
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for doctype, filters in (
			(PUBLIC_NOTICE_OBJECTION, {"application": ("in", [cls.live["draft"], cls.live["notice"]])}),
			(EXPERT_REVIEW, {"application": cls.live["notice"]}),
			(APPLICATION, {"pilot_batch": cls.live["batch"]}),
			(PILOT_BATCH, {"name": cls.live["batch"]}),
		):
			for name in frappe.get_all(doctype, filters, pluck="name"):
				doc = frappe.get_doc(doctype, name)
				if doc.docstatus == 1:
					doc.flags.ignore_permissions = True
					doc.cancel()
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_every_deadline_of_the_current_batch_lies_ahead(self):
		batch = frappe.get_doc(PILOT_BATCH, self.live["batch"])
		self.assertEqual(batch.batch_year, DAY.year)
		deadlines = [
			f.fieldname for f in batch.meta.fields if f.fieldtype == "Date" and "deadline" in f.fieldname
		]
		self.assertGreaterEqual(len(deadlines), 3)
		for fieldname in deadlines:
			with self.subTest(deadline=fieldname):
				self.assertGreater(getdate(batch.get(fieldname)), DAY)
		self.assertEqual(batch.status, "Open for Application")
		for setting in frappe.get_all(
			"Recommendation Setting", {"pilot_batch": batch.name}, pluck="recommendation_deadline"
		):
			self.assertTrue(setting is None or getdate(setting) > DAY)

	def test_a_units_draft(self):
		draft = frappe.get_doc(APPLICATION, self.live["draft"])
		self.assertEqual(
			(draft.workflow_state, draft.owner, draft.industrial_cluster),
			(states.DRAFT, DRAFT["applicant"], DRAFT["industrial_cluster"]["cluster_name"]),
		)
		# its work plan lies in the batch's pilot cycle
		self.assertTrue(
			all(getdate(task.time_node).year >= DAY.year for task in draft.tasks if task.time_node)
		)

	def test_a_candidate_in_public_notice_through_the_real_steps(self):
		notice = frappe.get_doc(APPLICATION, self.live["notice"])
		self.assertEqual(notice.workflow_state, states.IN_PUBLIC_NOTICE)
		self.assertEqual(getdate(notice.public_notice_start), DAY)
		self.assertGreater(getdate(notice.public_notice_end), add_days(DAY, 5))
		# each step taken by the user of its role
		actors = set(
			frappe.get_all(
				"Comment",
				{"reference_doctype": APPLICATION, "reference_name": notice.name, "comment_type": "Workflow"},
				pluck="owner",
			)
		)
		self.assertEqual(actors, {NOTICE["applicant"], NOTICE["province"], MINISTRY})
		sheet = frappe.get_doc(EXPERT_REVIEW, {"application": notice.name})
		self.assertEqual((sheet.docstatus, sheet.owner != "Administrator"), (1, True))
		self.assertIn(notice.industrial_cluster, public_notice_page())

	def test_an_objection_waits_for_the_ministry(self):
		objection = frappe.get_doc(PUBLIC_NOTICE_OBJECTION, self.live["objection"])
		self.assertEqual(
			(objection.application, objection.status, objection.owner, getdate(objection.received_on)),
			(self.live["notice"], UNHANDLED, "Guest", DAY),
		)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{
					"for_user": MINISTRY,
					"document_type": PUBLIC_NOTICE_OBJECTION,
					"document_name": objection.name,
				},
			)
		)

	def test_the_workspaces_show_the_work_waiting(self):
		ministry = status_as(MINISTRY, "ministry", pilot_batch=self.live["batch"])
		self.assertIn(self.live["objection"], ministry)
		self.assertIn("公示中", ministry)
		self.assertIn("还剩", ministry)  # the batch's deadlines ahead
		applicant = status_as(DRAFT["applicant"], "applicant")
		self.assertIn(self.live["draft"], applicant)
		# the objection is the ministry's alone
		self.assertNotIn(self.live["objection"], status_as(NOTICE["applicant"], "applicant"))

	def test_running_it_again_changes_nothing(self):
		before = {doctype: frappe.db.count(doctype) for doctype in COUNTED}
		self.assertEqual(make_live(), self.live)
		self.assertEqual({doctype: frappe.db.count(doctype) for doctype in COUNTED}, before)
