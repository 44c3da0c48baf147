"""Smaller parts of the desk as people use it (issue 19): a new batch's rubric, the receiver's paper copies of
several applications at once, and the refused saves of the annual summary and the enterprise register that
locate their failing cell."""

from datetime import date

import frappe
from frappe.utils import today

from cluster_brand.controllers.messages import InvalidCellError
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, PILOT_BATCH
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW, RECOMMENDED
from cluster_brand.rules.review import scoring
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pilot_stage import act_on_summary, make_pilot, reporting_year, start_summary
from cluster_brand.tests.support.process import drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, credit_code, language, test_batch_values

RECORD = "cluster_brand.cluster_brand.doctype.cluster_brand_application.paper_copies.record_paper_copies"
COMMON_ACTIONS = "frappe.model.workflow.get_common_transition_actions"
DAY = date(
	2026, 11, 30
)  # a day on which a pilot designated today reports on its year (tests/support/dates.py)


@frozen_day(DAY)
class TestReceiverAndBatch(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tag = frappe.generate_hash(length=6)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.response.pop("errors", None)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.response.pop("errors", None)

	def test_a_new_batch_starts_from_the_previous_batchs_rubric(self):
		rubric = [
			{"criterion": criterion, "weight": weight, "guidance": f"{guidance}（{self.tag}）"}
			for criterion, weight, guidance in scoring.DEFAULT_RUBRIC
		]
		values = {**test_batch_values(), "doctype": PILOT_BATCH}
		earlier = frappe.get_doc(
			{
				**values,
				"batch_title": f"测试批次（2098，{self.tag}）",
				"batch_year": 2098,
				"review_criteria": rubric,
			}
		).insert()
		later = frappe.get_doc(
			{**values, "batch_title": f"测试批次（2099，{self.tag}）", "batch_year": 2099}
		).insert()
		# no batch of these years is left for the next new batch's form to start from
		for batch in (later, earlier):
			self.addCleanup(frappe.delete_doc, PILOT_BATCH, batch.name, force=True, ignore_permissions=True)
		self.assertEqual(
			[(row.criterion, row.weight, row.guidance) for row in later.review_criteria],
			[(row["criterion"], row["weight"], row["guidance"]) for row in rubric],
		)

	def test_paper_copies_of_several_applications_at_once(self):
		first, second = (drive_to(self.cast, RECOMMENDED, f"paper-{i}-{self.tag}") for i in (1, 2))
		pending = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"paper-p-{self.tag}")
		with language("zh"):
			answer = call_as(
				self.cast.receiver,
				RECORD,
				names=frappe.as_json([first, second, pending]),
				paper_copies_received=2,
				paper_copies_stamped=1,
				paper_received_date=today(),
				paper_receipt_note="两份，均已盖章。",
			)
		self.assertEqual(answer["recorded"], [first, second])
		# one the province has not recommended yet is not the receiver's: named, and the others recorded
		self.assertEqual([r["name"] for r in answer["refused"]], [pending])
		self.assertTrue(answer["refused"][0]["message"])
		for name in (first, second):
			self.assertEqual(
				frappe.db.get_value(
					APPLICATION,
					name,
					["paper_copies_received", "paper_copies_stamped", "paper_received_date"],
				),
				(2, 1, DAY),
			)
		self.assertFalse(frappe.db.get_value(APPLICATION, pending, "paper_copies_received"))
		# the applicant cannot record its own paper copies this way: every save is refused by the edit locks
		answer = call_as(
			self.cast.applicant,
			RECORD,
			names=[pending],
			paper_copies_received=3,
			paper_received_date=today(),
		)
		self.assertEqual((answer["recorded"], len(answer["refused"])), ([], 1))

	def test_common_actions_of_selected_rows_are_read_under_their_permission(self):
		# selecting rows in a list asks for the workflow actions they have in common (the receiver selects the
		# applications whose paper copies came): refused, every selection showed a refusal dialog
		draft = drive_to(self.cast, "Draft", f"common-{self.tag}")
		docs = frappe.as_json([{"name": draft}])
		self.assertEqual(
			sorted(call_as(self.cast.applicant, COMMON_ACTIONS, docs=docs, doctype=APPLICATION)),
			["Submit Application", "Withdraw"],
		)
		# the receiver has no action of the workflow on the applications it reads; a draft it does not read
		recommended = frappe.as_json([{"name": drive_to(self.cast, RECOMMENDED, f"common-r-{self.tag}")}])
		self.assertEqual(
			call_as(self.cast.receiver, COMMON_ACTIONS, docs=recommended, doctype=APPLICATION), []
		)
		for who in ("receiver", "other_applicant"):
			with self.subTest(who=who), self.assertRaises(frappe.PermissionError):
				call_as(self.cast[who], COMMON_ACTIONS, docs=docs, doctype=APPLICATION)

	def test_a_refused_enterprise_locates_its_field(self):
		cluster = frappe.db.get_value(
			APPLICATION, drive_to(self.cast, "Draft", f"ent-{self.tag}"), "industrial_cluster"
		)
		enterprise = frappe.get_doc(
			{
				"doctype": "Cluster Enterprise",
				"enterprise_name": f"测试企业{self.tag}",
				"unified_social_credit_code": credit_code(),
				"industrial_cluster": cluster,
				"mobile": "123",
			}
		)
		frappe.set_user(self.cast.applicant)
		with self.assertRaises(InvalidCellError):
			enterprise.insert()
		[item] = frappe.local.response["errors"]
		self.assertEqual(
			{k: item[k] for k in ("table", "row", "field", "value")},
			{"table": None, "row": None, "field": "mobile", "value": "123"},
		)

	def test_a_refused_summary_submission_locates_its_first_missing_cell(self):
		pilot = make_pilot(self.cast, f"sum-{self.tag}")
		summary = start_summary(self.cast, pilot, reporting_year(pilot))
		with language("zh"), self.assertRaises(InvalidCellError) as refused:
			act_on_summary(self.cast.applicant, summary, "Submit to Province")
		first = frappe.local.response["errors"][0]
		self.assertEqual((first["table"], first["row"]), ("measure_progress", 1))
		# each item says what to do
		self.assertIn("请填写", str(refused.exception))
		self.assertEqual(frappe.db.get_value(ANNUAL_WORK_SUMMARY, summary, "workflow_state"), workflow.DRAFT)
