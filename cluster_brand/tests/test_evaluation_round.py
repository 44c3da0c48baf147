"""The ministry's evaluation round (总结评价) on a real site: the ministry creates it from the programme's rubrics,
every rule refuses in Chinese naming its field, only the ministry creates and edits, and each user reads the
rounds it may (support/isolation.py SEES_EVALUATION_ROUND); the pilot's form shows its final summary deadline."""

from datetime import date

import frappe
from frappe import _

from cluster_brand.cluster_brand.doctype.evaluation_round.evaluation_round import default_rubrics
from cluster_brand.doctype_names import BRAND_PILOT, EVALUATION_ROUND, PILOT_BATCH
from cluster_brand.rules.pilot_end import evaluation_round as rules
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.isolation import SEES_EVALUATION_ROUND
from cluster_brand.tests.support.pilot_stage import make_pilot
from cluster_brand.tests.support.process import MACHINERY, ZHEJIANG, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, language

DAY = date(2026, 6, 15)
NOT_THE_MINISTRY = ("applicant", "province", "association", "expert", "receiver")


def round_values(batch: str, **changes) -> dict:
	return {
		"doctype": EVALUATION_ROUND,
		"title": f"总结评价 {frappe.generate_hash(length=6)}",
		"pilot_batch": batch,
		"notice_number": "工信厅科函〔2018〕283号",
		"final_summary_deadline": "2026-09-30",
		"demonstration_application_deadline": "2026-10-31",
		"provincial_recommendation_deadline": "2026-11-15",
		"hearing_date": "2026-12-10",
		rules.HEARING_RUBRIC_TABLE: [
			{"criterion": "创新性", "weight": 40},
			{"criterion": "先进性", "weight": 30},
			{"criterion": "示范性", "weight": 30},
		],
		rules.QUOTA_TABLE: [{"recommending_authority": ZHEJIANG, "quota": 2}],
		**changes,
	}


@frozen_day(DAY)
class TestEvaluationRound(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"er-{frappe.generate_hash(length=6)}")
		cls.batch = frappe.db.get_value(BRAND_PILOT, cls.pilot, "pilot_batch")
		for name in frappe.get_all(EVALUATION_ROUND, pluck="name"):
			frappe.delete_doc(EVALUATION_ROUND, name, force=True)
		# a batch none of the test unit's pilots is in
		frappe.set_user(cls.cast.applicant)
		own_batches = set(frappe.get_list(BRAND_PILOT, pluck="pilot_batch", limit_page_length=0))
		frappe.set_user("Administrator")
		cls.other_batch = next(b for b in frappe.get_all(PILOT_BATCH, pluck="name") if b not in own_batches)
		frappe.set_user(cls.cast.ministry)
		try:
			# the ministry saves the round without a document rubric: it gets the programme's
			cls.round = frappe.get_doc(round_values(cls.batch)).insert().name
			cls.other_round = frappe.get_doc(round_values(cls.other_batch)).insert().name
		finally:
			frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_new_round_starts_from_the_programmes_rubrics(self):
		doc = frappe.get_doc(EVALUATION_ROUND, self.round)
		self.assertEqual(
			[(r.criterion, r.weight) for r in doc.document_review_criteria],
			[(c, w) for c, w, _guidance in rules.DEFAULT_DOCUMENT_RUBRIC],
		)
		self.assertEqual([r.criterion for r in doc.hearing_criteria], list(rules.HEARING_CRITERIA))
		self.assertEqual(doc.status, "In Progress")
		# the form's rubrics, for the ministry only (its one method: permissions/allowlist.py)
		frappe.set_user(self.cast.ministry)
		rubrics = default_rubrics()
		self.assertEqual(
			[r["criterion"] for r in rubrics[rules.HEARING_RUBRIC_TABLE]], list(rules.HEARING_CRITERIA)
		)
		self.assertTrue(all(r["weight"] is None for r in rubrics[rules.HEARING_RUBRIC_TABLE]))
		for key in NOT_THE_MINISTRY:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				with self.assertRaises(frappe.PermissionError):
					default_rubrics()

	def refusal(self, changes: dict, new: bool = False) -> str:
		"""The message (in Chinese) of the ministry's save refused."""
		frappe.set_user(self.cast.ministry)
		if new:
			doc = frappe.get_doc(round_values(self.batch, **changes))
		else:
			doc = frappe.get_doc(EVALUATION_ROUND, self.round)
			doc.update(changes)
		with language("zh"), self.assertRaises(frappe.ValidationError) as caught:
			doc.insert() if new else doc.save()
		frappe.set_user("Administrator")
		return str(caught.exception)

	def test_each_refusal_names_its_field_in_chinese(self):
		with language("zh"):
			zh = {
				label: _(label) for label in ("Demonstration Application Deadline", "Recommending Authority")
			}
			zh["Provincial Quotas"] = _("Provincial Quotas")
			zh["Pilot Batch"] = _("Pilot Batch")
		for label, text in zh.items():
			self.assertNotEqual(label, text)  # a zh row exists
		cases = {
			"deadline order": (
				{"provincial_recommendation_deadline": "2026-10-01"},
				False,
				[zh["Demonstration Application Deadline"]],
			),
			"weights not 100": (
				{
					rules.HEARING_RUBRIC_TABLE: [
						{"criterion": "创新性", "weight": 40},
						{"criterion": "先进性", "weight": 30},
						{"criterion": "示范性", "weight": 20},
					]
				},
				False,
				["100", "90"],
			),
			"unknown hearing criterion": (
				{
					rules.HEARING_RUBRIC_TABLE: [
						{"criterion": "创新性", "weight": 40},
						{"criterion": "先进性", "weight": 30},
						{"criterion": "影响力", "weight": 30},
					]
				},
				False,
				["影响力", "创新性、先进性、示范性"],
			),
			"quota 0": (
				{rules.QUOTA_TABLE: [{"recommending_authority": ZHEJIANG, "quota": 0}]},
				False,
				[zh["Provincial Quotas"]],
			),
			"a second round": ({}, True, [zh["Pilot Batch"], self.round]),
			"not a province": (
				{rules.QUOTA_TABLE: [{"recommending_authority": MACHINERY, "quota": 1}]},
				False,
				[zh["Recommending Authority"]],
			),
		}
		for case, (changes, new, expected) in cases.items():
			with self.subTest(case=case):
				message = self.refusal(changes, new)
				for text in expected:
					self.assertIn(text, message)
		# nothing of the refused saves was kept
		self.assertEqual(
			frappe.db.get_value(EVALUATION_ROUND, self.round, "provincial_recommendation_deadline"),
			date(2026, 11, 15),
		)
		self.assertEqual(frappe.db.count(EVALUATION_ROUND, {"pilot_batch": self.batch}), 1)

	def test_only_the_ministry_creates_and_edits(self):
		for key in NOT_THE_MINISTRY:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				with self.assertRaises(frappe.PermissionError):
					frappe.get_doc(round_values(self.other_batch)).insert()
				doc = (
					frappe.get_doc(EVALUATION_ROUND, self.round)
					if frappe.has_permission(EVALUATION_ROUND, "read", self.round)
					else None
				)
				if doc:
					doc.notice_number = "changed"
					with self.assertRaises(frappe.PermissionError):
						doc.save()
				self.assertFalse(frappe.has_permission(EVALUATION_ROUND, "write", self.round))
		frappe.set_user(self.cast.ministry)
		doc = frappe.get_doc(EVALUATION_ROUND, self.round)
		doc.status = "Concluded"
		doc.save()
		self.assertEqual(frappe.db.get_value(EVALUATION_ROUND, self.round, "status"), "Concluded")

	def test_who_reads_the_rounds(self):
		"""List, form and the REST client's calls (frappe.client), the quota rows with their round."""
		for key, sees in SEES_EVALUATION_ROUND.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				# a role without the DocType's read permission (the materials receiver) lists none
				readable = frappe.has_permission(EVALUATION_ROUND, "read")
				listed = set(frappe.get_list(EVALUATION_ROUND, pluck="name")) if readable else set()
				self.assertEqual(self.round in listed, sees)
				self.assertEqual(frappe.has_permission(EVALUATION_ROUND, "read", self.round), sees)
				if readable:
					self.assertEqual(
						bool(frappe.client.get_list(EVALUATION_ROUND, filters={"name": self.round})), sees
					)
				quota_rows = (
					frappe.client.get_list(
						"Evaluation Round Quota",
						filters={"parent": self.round},
						fields=["recommending_authority", "quota"],
						parent=EVALUATION_ROUND,
					)
					if readable
					else []
				)
				self.assertEqual(bool(quota_rows), sees)
				if sees:
					self.assertEqual(
						frappe.client.get(EVALUATION_ROUND, self.round)["pilot_batch"], self.batch
					)
				else:
					with self.assertRaises(frappe.PermissionError):
						frappe.client.get(EVALUATION_ROUND, self.round)
				# a unit reads the round of its own pilots' batch only
				if key in ("applicant", "other_applicant"):
					self.assertNotIn(self.other_round, listed)
					self.assertFalse(frappe.has_permission(EVALUATION_ROUND, "read", self.other_round))

	def test_the_pilots_form_shows_its_final_summary_deadline(self):
		for key in ("applicant", "province", "ministry"):
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				doc = frappe.get_doc(BRAND_PILOT, self.pilot)
				doc.run_method("onload")
				shown = doc.get_onload().get("evaluation_round")
				self.assertEqual(shown["name"], self.round)
				self.assertEqual(str(shown["final_summary_deadline"]), "2026-09-30")
