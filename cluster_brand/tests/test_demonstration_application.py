"""The demonstration application (示范区申报书, issue 21) on a real site: the unit of a completed pilot starts it
from its pilot while its batch's evaluation round takes applications; condition 3 is computed from the pilot's
figures and a claim they contradict is refused; the workflow moves by role only, with its conditions (the
province's recommendation and quota, the ministry's steps on the experts' submitted sheets)."""

from datetime import date
from urllib.parse import quote

import frappe
from frappe.model.workflow import apply_workflow

from cluster_brand.desk.workflow_messages import action_texts
from cluster_brand.doctype_names import (
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
)
from cluster_brand.print import pdf as printing
from cluster_brand.print.format_names import DEMONSTRATION_APPLICATION_FORMAT
from cluster_brand.rules.application.workflow import DRAFT, RETURNED
from cluster_brand.rules.pilot_end import demonstration
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end.demonstration_application import PILOT_COMPLETED
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration import (
	APPLICATION_VALUES,
	RECOMMENDATION,
	act_on_demonstration,
	completed_pilot,
	demonstration_in,
	edit_demonstration,
	open_round,
	start_demonstration,
	submitted_sheet,
)
from cluster_brand.tests.support.http import REFUSED, ActsOverHTTP, make_api_user
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.pilot_stage import as_user
from cluster_brand.tests.support.process import ZHEJIANG, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 7, 20)

# every transition of the shipped workflow, by the role that takes it
ACTIONS = (
	(DRAFT, workflow.SUBMIT, "applicant"),
	(RETURNED, workflow.SUBMIT, "applicant"),
	(workflow.PENDING_PROVINCIAL_RECOMMENDATION, workflow.RECOMMEND, "province"),
	(workflow.PENDING_PROVINCIAL_RECOMMENDATION, workflow.RETURN, "province"),
	(workflow.PENDING_PROVINCIAL_RECOMMENDATION, workflow.DO_NOT_RECOMMEND, "province"),
	(workflow.UNDER_EXPERT_REVIEW, workflow.SHORTLIST, "ministry"),
	(workflow.UNDER_EXPERT_REVIEW, workflow.PUBLISH, "ministry"),
	(workflow.UNDER_EXPERT_REVIEW, workflow.DO_NOT_SELECT, "ministry"),
	(workflow.SHORTLISTED_FOR_HEARING, workflow.PUBLISH, "ministry"),
	(workflow.SHORTLISTED_FOR_HEARING, workflow.DO_NOT_SELECT, "ministry"),
	(workflow.IN_PUBLIC_NOTICE, workflow.NAME_DEMONSTRATION_ZONE, "ministry"),
	(workflow.IN_PUBLIC_NOTICE, workflow.RECOMMEND_TYPICAL_EXPERIENCE, "ministry"),
	(workflow.IN_PUBLIC_NOTICE, workflow.DO_NOT_SELECT, "ministry"),
)


@frozen_day(DAY)
class TestDemonstrationApplication(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = completed_pilot(cls.cast, f"da-{frappe.generate_hash(length=6)}")
		cls.round = open_round(cls.pilot)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.set_value(BRAND_PILOT, self.pilot, "status", PILOT_COMPLETED)
		frappe.db.set_value(EVALUATION_ROUND, self.round, "demonstration_application_deadline", "2026-10-31")
		for name in frappe.get_all(DEMONSTRATION_APPLICATION, {"evaluation_round": self.round}, pluck="name"):
			self.discard(name)

	@staticmethod
	def discard(name):
		"""The application and its sheets: the next one of the pilot has its name."""
		frappe.db.delete(DEMONSTRATION_REVIEW, {"demonstration_application": name})
		frappe.delete_doc(DEMONSTRATION_APPLICATION, name, force=True)

	def tearDown(self):
		frappe.set_user("Administrator")

	def start(self, user=None):
		return start_demonstration(self.cast, self.pilot, user)

	def in_state(self, state):
		return demonstration_in(self.cast, self.pilot, state)

	def state_of(self, name):
		return frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "workflow_state")

	# --- starting it ---------------------------------------------------------------------------------------
	def test_the_unit_starts_it_from_its_completed_pilot(self):
		# the pilot's form offers it to the unit
		pilot = as_user(self.cast.applicant, frappe.get_doc, BRAND_PILOT, self.pilot)
		as_user(self.cast.applicant, pilot.run_method, "onload")
		self.assertEqual(pilot.get_onload().demonstration_application["evaluation_round"], self.round)
		name = self.start()
		self.assertEqual(name, f"{self.pilot}-DA")
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		self.assertEqual(doc.workflow_state, DRAFT)
		self.assertEqual(doc.evaluation_round, self.round)
		self.assertEqual(doc.organizing_unit, frappe.db.get_value(BRAND_PILOT, self.pilot, "organizing_unit"))
		self.assertEqual(str(doc.application_deadline), "2026-10-31")
		# condition 3 computed from the pilot's figures: its one accepted year cannot be a baseline of itself
		self.assertEqual([r.ratio for r in doc.ratio_changes], list(demonstration.RATIOS))
		new_products = doc.ratio_changes[2]
		self.assertTrue(new_products.first_year_as_baseline)
		self.assertEqual(new_products.verdict, demonstration.MISSING)
		self.assertIsNone(new_products.change)
		self.assertTrue(doc.ratio_changes[0].baseline_year)
		# a second start opens the same one, and the form says so
		self.assertEqual(self.start(), name)
		self.assertEqual(frappe.db.count(DEMONSTRATION_APPLICATION, {"brand_pilot": self.pilot}), 1)
		as_user(self.cast.applicant, pilot.run_method, "onload")
		self.assertEqual(pilot.get_onload().demonstration_application["name"], name)

	def test_a_pilot_not_completed_cannot_apply(self):
		for status in ("In Pilot", "Pilot Not Completed"):
			with self.subTest(status=status):
				frappe.db.set_value(BRAND_PILOT, self.pilot, "status", status)
				with self.assertRaises(frappe.ValidationError):
					self.start()
				pilot = as_user(self.cast.applicant, frappe.get_doc, BRAND_PILOT, self.pilot)
				as_user(self.cast.applicant, pilot.run_method, "onload")
				self.assertIsNone(pilot.get_onload().demonstration_application)
		self.assertFalse(frappe.db.exists(DEMONSTRATION_APPLICATION, {"brand_pilot": self.pilot}))

	def test_no_application_after_the_deadline(self):
		frappe.db.set_value(EVALUATION_ROUND, self.round, "demonstration_application_deadline", "2026-07-19")
		with self.assertRaises(frappe.ValidationError) as refused:
			self.start()
		self.assertIn("2026-07-19", str(refused.exception))
		self.assertFalse(frappe.db.exists(DEMONSTRATION_APPLICATION, {"brand_pilot": self.pilot}))
		# the day itself counts
		frappe.db.set_value(EVALUATION_ROUND, self.round, "demonstration_application_deadline", str(DAY))
		name = self.start()
		edit_demonstration(self.cast.applicant, name, **APPLICATION_VALUES)
		# a draft started in time is submitted in time too
		frappe.db.set_value(EVALUATION_ROUND, self.round, "demonstration_application_deadline", "2026-07-19")
		with self.assertRaises(frappe.ValidationError):
			act_on_demonstration(self.cast.applicant, name, workflow.SUBMIT)
		self.assertEqual(self.state_of(name), DRAFT)

	def test_no_one_but_the_unit_starts_it(self):
		for key in ("other_applicant", "province", "ministry", "expert", "association", "receiver"):
			with self.subTest(user=key), self.assertRaises(frappe.PermissionError):
				self.start(self.cast[key])
		self.assertFalse(frappe.db.exists(DEMONSTRATION_APPLICATION, {"brand_pilot": self.pilot}))

	# --- the workflow ----------------------------------------------------------------------------------------
	def prepare(self, name, state, action):
		"""The conditions of ``action`` met, as its role records them."""
		if state in (DRAFT, RETURNED):
			edit_demonstration(self.cast.applicant, name, **APPLICATION_VALUES)
		if state == workflow.PENDING_PROVINCIAL_RECOMMENDATION:
			edit_demonstration(self.cast.province, name, **RECOMMENDATION)
		if state == workflow.UNDER_EXPERT_REVIEW:
			submitted_sheet(name, self.cast.expert)
			edit_demonstration(
				self.cast.ministry,
				name,
				decision=workflow.TYPICAL_EXPERIENCE,
				decision_opinion="拟推荐为典型经验。",
			)
		if state == workflow.SHORTLISTED_FOR_HEARING:
			submitted_sheet(name, self.cast.expert, "Hearing")
			edit_demonstration(
				self.cast.ministry,
				name,
				decision=workflow.DEMONSTRATION_ZONE,
				decision_opinion="拟确定为示范区。",
			)
		if state == workflow.IN_PUBLIC_NOTICE and action == workflow.RECOMMEND_TYPICAL_EXPERIENCE:
			edit_demonstration(self.cast.ministry, name, decision=workflow.TYPICAL_EXPERIENCE)

	def test_each_action_is_taken_by_its_role_only(self):
		for state, action, role in ACTIONS:
			name = self.in_state(state)
			self.prepare(name, state, action)
			for key in self.cast:
				if key == role:
					continue
				with self.subTest(state=state, action=action, user=key):
					frappe.set_user(self.cast[key])
					with self.assertRaises((frappe.PermissionError, frappe.ValidationError)):
						apply_workflow(frappe.get_doc(DEMONSTRATION_APPLICATION, name).as_dict(), action)
					frappe.set_user("Administrator")
					self.assertEqual(self.state_of(name), state)
			with self.subTest(state=state, action=action, user=role):
				act_on_demonstration(self.cast[role], name, action)
				self.assertNotEqual(self.state_of(name), state)
			self.discard(name)

	def test_a_claim_the_data_contradicts_is_refused_naming_the_ratio(self):
		name = self.start()
		edit_demonstration(self.cast.applicant, name, **{**APPLICATION_VALUES, "condition_3_met": 1})
		with self.assertRaises(frappe.ValidationError) as refused:
			act_on_demonstration(self.cast.applicant, name, workflow.SUBMIT)
		message = str(refused.exception)
		frappe.set_user(self.cast.applicant)
		self.assertIn(frappe._(demonstration.NEW_PRODUCT_RATE), message)
		self.assertIn(frappe._(demonstration.MISSING), message)
		frappe.set_user("Administrator")
		self.assertEqual(self.state_of(name), DRAFT)
		# withdrawn, the figures stand as they are and the application goes to the province
		edit_demonstration(self.cast.applicant, name, condition_3_met=0)
		act_on_demonstration(self.cast.applicant, name, workflow.SUBMIT)
		self.assertEqual(self.state_of(name), workflow.PENDING_PROVINCIAL_RECOMMENDATION)
		# the province is told: the application is assigned to its reviewers, not another province's
		assigned = frappe.get_all(
			"ToDo",
			{"reference_type": DEMONSTRATION_APPLICATION, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
		self.assertIn(self.cast.province, assigned)
		self.assertNotIn(self.cast.other_province, assigned)

	def test_an_incomplete_application_is_not_submitted(self):
		name = self.start()
		with self.assertRaises(frappe.ValidationError):
			act_on_demonstration(self.cast.applicant, name, workflow.SUBMIT)
		self.assertEqual(self.state_of(name), DRAFT)

	def test_the_province_recommends_within_its_quota(self):
		frappe.get_doc(EVALUATION_ROUND, self.round).update(
			{"provincial_quotas": [{"recommending_authority": ZHEJIANG, "quota": 1}]}
		).save(ignore_permissions=True)
		# another application of the province, recommended in the round already
		other = frappe.get_doc(
			{
				"doctype": DEMONSTRATION_APPLICATION,
				"brand_pilot": "BP-QUOTA",
				"evaluation_round": self.round,
				"recommending_authority": ZHEJIANG,
				"workflow_state": workflow.UNDER_EXPERT_REVIEW,
			}
		)
		other.name = f"DA-QUOTA-{frappe.generate_hash(length=6)}"
		other.db_insert()
		try:
			name = self.in_state(workflow.PENDING_PROVINCIAL_RECOMMENDATION)
			with self.assertRaises(frappe.ValidationError):  # no opinion recorded
				act_on_demonstration(self.cast.province, name, workflow.RECOMMEND)
			edit_demonstration(self.cast.province, name, **RECOMMENDATION)
			with self.assertRaises(frappe.ValidationError) as refused:
				act_on_demonstration(self.cast.province, name, workflow.RECOMMEND)
			self.assertIn(ZHEJIANG, str(refused.exception))
			self.assertEqual(self.state_of(name), workflow.PENDING_PROVINCIAL_RECOMMENDATION)
			frappe.db.set_value(
				"Evaluation Round Quota", {"parent": self.round}, "quota", 2, update_modified=False
			)
			act_on_demonstration(self.cast.province, name, workflow.RECOMMEND)
			self.assertEqual(self.state_of(name), workflow.UNDER_EXPERT_REVIEW)
			# the unit is told of its recommendation, the ministry is given it
			informed = frappe.get_all(
				"Notification Log",
				{"document_type": DEMONSTRATION_APPLICATION, "document_name": name},
				pluck="for_user",
			)
			self.assertIn(self.cast.applicant, informed)
			assigned = frappe.get_all(
				"ToDo",
				{"reference_type": DEMONSTRATION_APPLICATION, "reference_name": name},
				pluck="allocated_to",
			)
			self.assertIn(self.cast.ministry, assigned)
		finally:
			frappe.db.delete(DEMONSTRATION_APPLICATION, {"name": other.name})
			frappe.get_doc(EVALUATION_ROUND, self.round).update({"provincial_quotas": []}).save(
				ignore_permissions=True
			)

	def test_the_ministrys_steps_need_the_experts_submitted_sheets(self):
		name = self.in_state(workflow.UNDER_EXPERT_REVIEW)
		with self.assertRaises(frappe.ValidationError):  # nobody has scored it
			act_on_demonstration(self.cast.ministry, name, workflow.SHORTLIST)
		# a draft sheet does not count
		draft = submitted_sheet(name, self.cast.expert)
		frappe.db.set_value(DEMONSTRATION_REVIEW, draft, "docstatus", 0)
		with self.assertRaises(frappe.ValidationError):
			act_on_demonstration(self.cast.ministry, name, workflow.SHORTLIST)
		submitted_sheet(name, self.cast.other_expert)
		act_on_demonstration(self.cast.ministry, name, workflow.SHORTLIST)
		self.assertEqual(self.state_of(name), workflow.SHORTLISTED_FOR_HEARING)
		self.assertEqual(frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "shortlisted"), 1)
		# a demonstration zone is heard first
		edit_demonstration(
			self.cast.ministry,
			name,
			decision=workflow.DEMONSTRATION_ZONE,
			decision_opinion="拟确定为示范区。",
		)
		with self.assertRaises(frappe.ValidationError):
			act_on_demonstration(self.cast.ministry, name, workflow.PUBLISH)
		submitted_sheet(name, self.cast.expert, "Hearing")
		act_on_demonstration(self.cast.ministry, name, workflow.PUBLISH)
		self.assertEqual(self.state_of(name), workflow.IN_PUBLIC_NOTICE)
		# the final decision is the one put to public notice
		with self.assertRaises(frappe.ValidationError):
			act_on_demonstration(self.cast.ministry, name, workflow.RECOMMEND_TYPICAL_EXPERIENCE)
		act_on_demonstration(self.cast.ministry, name, workflow.NAME_DEMONSTRATION_ZONE)
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		self.assertEqual(doc.workflow_state, workflow.DEMONSTRATION_ZONE_STATE)
		self.assertEqual(str(doc.decision_date), str(DAY))

	def test_do_not_select_records_not_selected_with_the_ministrys_opinion(self):
		name = self.in_state(workflow.UNDER_EXPERT_REVIEW)
		edit_demonstration(self.cast.ministry, name, decision=workflow.TYPICAL_EXPERIENCE)
		with self.assertRaises(frappe.ValidationError):  # no opinion
			act_on_demonstration(self.cast.ministry, name, workflow.DO_NOT_SELECT)
		edit_demonstration(self.cast.ministry, name, decision_opinion="不符合示范区条件。")
		act_on_demonstration(self.cast.ministry, name, workflow.DO_NOT_SELECT)
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		self.assertEqual(
			(doc.workflow_state, doc.decision), (workflow.NOT_SELECTED_STATE, workflow.NOT_SELECTED)
		)

	def test_each_part_is_edited_by_its_role_in_its_stage(self):
		name = self.in_state(workflow.PENDING_PROVINCIAL_RECOMMENDATION)
		with self.assertRaises(frappe.ValidationError):
			edit_demonstration(self.cast.applicant, name, typical_experience="改写")
		# the province's part is not the unit's to write: Frappe keeps its saved value
		edit_demonstration(self.cast.applicant, name, recommendation_opinion="自己推荐")
		self.assertFalse(frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "recommendation_opinion"))
		# condition 3 is computed, never typed
		edit_demonstration(self.cast.province, name, **RECOMMENDATION)
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		self.assertEqual(doc.recommendation_opinion, RECOMMENDATION["recommendation_opinion"])
		self.assertEqual(len(doc.ratio_changes), len(demonstration.RATIOS))

	def test_the_evidence_is_locked_with_the_application(self):
		name = self.start()

		def attach(file_name):
			return frappe.get_doc(
				{
					"doctype": "File",
					"file_name": file_name,
					"attached_to_doctype": DEMONSTRATION_APPLICATION,
					"attached_to_name": name,
					"is_private": 1,
					"content": f"%PDF-1.4 {file_name}".encode(),
				}
			).insert()

		self.assertTrue(as_user(self.cast.applicant, attach, "da-strategy.pdf"))
		edit_demonstration(self.cast.applicant, name, **APPLICATION_VALUES)
		act_on_demonstration(self.cast.applicant, name, workflow.SUBMIT)
		for key in ("applicant", "province"):
			with self.subTest(user=key), self.assertRaises(frappe.PermissionError):
				as_user(self.cast[key], attach, f"da-late-{key}.pdf")

	def test_an_expert_reads_the_applications_assigned_to_them_but_not_the_assignments(self):
		name = self.in_state(workflow.UNDER_EXPERT_REVIEW)

		def reads(key):
			return as_user(
				self.cast[key],
				lambda: name in frappe.get_list(DEMONSTRATION_APPLICATION, pluck="name", limit_page_length=0),
			)

		self.assertFalse(reads("expert"))
		edit_demonstration(
			self.cast.ministry,
			name,
			expert_assignments=[
				{"expert": self.cast.expert, "stage": "Document Review", "assigned_on": str(DAY)}
			],
		)
		self.assertTrue(reads("expert"))
		self.assertFalse(reads("other_expert"))

		def read_assignments():
			doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
			doc.apply_fieldlevel_read_permissions()
			return doc.get("expert_assignments")

		self.assertFalse(as_user(self.cast.expert, read_assignments))
		self.assertFalse(as_user(self.cast.applicant, read_assignments))
		self.assertTrue(as_user(self.cast.ministry, read_assignments))

	# --- what the desk says and prints --------------------------------------------------------------------------
	def test_the_desk_says_what_each_action_does(self):
		texts = as_user(self.cast.applicant, action_texts)[DEMONSTRATION_APPLICATION]
		submit = texts[DRAFT][workflow.SUBMIT]
		frappe.set_user(self.cast.applicant)
		self.assertEqual(submit["confirm"], frappe._(workflow.DEMONSTRATION_ACTIONS[workflow.SUBMIT].confirm))
		self.assertEqual(
			submit["next"],
			frappe._(workflow.DEMONSTRATION_NEXT_STEP[workflow.PENDING_PROVINCIAL_RECOMMENDATION]),
		)

	def test_the_pdf_prints_the_application_its_ratios_and_the_recommendation(self):
		self.assertEqual(
			frappe.get_meta(DEMONSTRATION_APPLICATION).default_print_format, DEMONSTRATION_APPLICATION_FORMAT
		)
		name = self.in_state(workflow.UNDER_EXPERT_REVIEW)
		pdf = printing.get_pdf(DEMONSTRATION_APPLICATION, name, DEMONSTRATION_APPLICATION_FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		text = fold(pdf_text(pdf))
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		self.assertIn(fold(f"{doc.industrial_cluster}{DEMONSTRATION_APPLICATION_FORMAT}"), text)
		for expected in (
			"一、典型经验",
			"（三）工业增加值率、以自主品牌销售产品比重、新产品产值率有所提高",
			"新产品产值率（%）",
			"缺少数据",
			"以首个报告年度为基期",
			"区域品牌全国巡展",
			"三、省级主管部门推荐意见",
			RECOMMENDATION["recommendation_opinion"],
		):
			self.assertIn(fold(expected), text)


START = (
	"/api/method/cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_demonstration_application"
)


@frozen_day(DAY)
class TestDemonstrationOverHTTP(ActsOverHTTP, IntegrationTestCase):
	"""The application driven over REST with token authentication, each step by its own user."""

	resource = "/api/resource/" + quote(DEMONSTRATION_APPLICATION)

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.pilot = completed_pilot(cls.cast, f"http-da-{frappe.generate_hash(length=6)}")
		cls.round = open_round(cls.pilot)
		frappe.db.commit()  # requests run on their own connections

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in frappe.get_all(DEMONSTRATION_APPLICATION, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.db.delete(DEMONSTRATION_REVIEW, {"demonstration_application": name})
			frappe.delete_doc(DEMONSTRATION_APPLICATION, name, force=True, ignore_permissions=True)
		frappe.delete_doc(EVALUATION_ROUND, cls.round, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_application_from_the_unit_to_the_ministrys_decision(self):
		# the unit starts it from its own pilot, no other unit or role can
		for who in ("other_applicant", "province", "ministry", "association"):
			self.call(who, "POST", START, {"brand_pilot": self.pilot}, expect=403)
		type(self).name = self.call("applicant", "POST", START, {"brand_pilot": self.pilot})["message"]
		self.assertEqual(
			self.call("applicant", "POST", START, {"brand_pilot": self.pilot})["message"], self.name
		)
		self.call("province", "GET", f"{self.resource}/{self.name}", expect=403)  # a draft is the unit's own
		# a claim of condition 3 that its figures contradict is refused; withdrawn, it goes to the province
		self.update("applicant", {**APPLICATION_VALUES, "condition_3_met": 1})
		self.action("applicant", workflow.SUBMIT, expect=417)
		self.update("applicant", {"condition_3_met": 0})
		self.action("province", workflow.SUBMIT, expect=REFUSED)
		self.action("applicant", workflow.SUBMIT)
		self.assertEqual(self.state(), workflow.PENDING_PROVINCIAL_RECOMMENDATION)
		# the province recommends it, with its opinion and rank
		self.action("province", workflow.RECOMMEND, expect=417)
		self.update("province", RECOMMENDATION)
		for who in ("other_province", "applicant", "ministry"):
			self.action(who, workflow.RECOMMEND, expect=REFUSED)
		self.action("province", workflow.RECOMMEND)
		# the ministry shortlists what the experts have scored, and decides
		self.action("ministry", workflow.SHORTLIST, expect=417)
		submitted_sheet(self.name, self.cast.expert)
		frappe.db.commit()
		self.action("province", workflow.SHORTLIST, expect=REFUSED)
		self.action("ministry", workflow.SHORTLIST)
		assignment = {"expert": self.cast.expert, "stage": "Hearing", "assigned_on": str(DAY)}
		self.update("ministry", {"expert_assignments": [assignment]})
		self.assertEqual(len(self.doc("ministry")["expert_assignments"]), 1)
		self.update(
			"ministry", {"decision": workflow.TYPICAL_EXPERIENCE, "decision_opinion": "拟推荐为典型经验。"}
		)
		self.action("ministry", workflow.PUBLISH)
		self.action("applicant", workflow.RECOMMEND_TYPICAL_EXPERIENCE, expect=REFUSED)
		self.action("ministry", workflow.RECOMMEND_TYPICAL_EXPERIENCE)
		decided = self.doc("applicant")
		self.assertEqual(decided["workflow_state"], workflow.TYPICAL_EXPERIENCE_STATE)
		self.assertEqual(decided["decision"], workflow.TYPICAL_EXPERIENCE)
		self.assertFalse(decided.get("expert_assignments"))  # the ministry's alone
		self.call("other_applicant", "GET", f"{self.resource}/{self.name}", expect=403)
