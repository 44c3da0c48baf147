"""The demonstration applications' review (示范申报, issue 21) on a real site: the sheets made from the ministry's
assignments (one per expert and stage, on the round's rubric of that stage), own-province recusal, a disabled
expert and a hearing expert before the shortlist refused, the sheet scored and submitted as the Expert Review,
each expert its own sheets only on every read path, the two-stage ranking (the ministry's alone) and the list
of demonstration zones and typical experiences.

The applications are written straight to the database in their state (support/demonstration_review.py): their
controller and workflow are built on another branch.

	bench --site <site> run-tests --module cluster_brand.tests.test_demonstration_review
"""

import json
from datetime import date
from urllib.parse import quote

import frappe
from frappe.desk.query_report import run as run_report

from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION, DEMONSTRATION_REVIEW, EVALUATION_ROUND
from cluster_brand.print.format_names import DEMONSTRATION_LIST_FORMAT
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end.demonstration_review import DOCUMENT_REVIEW, HEARING
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration_review import (
	DOCUMENT_RUBRIC,
	HEARING_RUBRIC,
	assign,
	expert_of,
	make_application,
	make_round,
	score,
)
from cluster_brand.tests.support.process import make_cast, make_user
from cluster_brand.tests.support.records import IntegrationTestCase, language

RANKING = "Demonstration Review Ranking"
ASSIGNMENT_ROW = "Demonstration Expert Assignment"
DENIED = (frappe.PermissionError,)
# the roles that read no sheet at all
NO_SHEETS = ("applicant", "other_applicant", "province", "other_province", "association", "receiver")

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 12, 14)


def tag() -> str:
	return frappe.generate_hash(length=6)


@frozen_day(DAY)
class TestDemonstrationReview(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.expert = expert_of(cls.cast.expert)  # of Beijing
		cls.other_expert = expert_of(cls.cast.other_expert)  # of Shanghai
		cls.zhejiang_expert = expert_of(cls.cast.zhejiang_expert)
		cls.round = make_round(tag())

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def application(self, state=workflow.UNDER_EXPERT_REVIEW, **values) -> str:
		return make_application(self.round, tag(), state, **values)

	def row_of(self, application: str, expert: str, stage: str = DOCUMENT_REVIEW) -> dict:
		return frappe.db.get_value(
			ASSIGNMENT_ROW,
			{"parent": application, "expert": expert, "stage": stage},
			["demonstration_review", "review_submitted"],
			as_dict=True,
		)

	# --- the sheets made from the assignments

	def test_one_sheet_per_assignment_on_the_rounds_rubric_of_its_stage(self):
		name = self.application(workflow.SHORTLISTED_FOR_HEARING, shortlisted=1)
		documents = assign(name, self.expert, DOCUMENT_REVIEW)
		hearing = assign(name, self.expert, HEARING)  # one expert may score both stages
		self.assertTrue(documents and hearing and documents != hearing)
		for sheet, rubric in ((documents, DOCUMENT_RUBRIC), (hearing, HEARING_RUBRIC)):
			doc = frappe.get_doc(DEMONSTRATION_REVIEW, sheet)
			self.assertEqual(
				[(row.criterion, row.weight, row.guidance or "") for row in doc.scores],
				[(c, w, g) for c, w, g in rubric],
			)
			# blank until scored
			self.assertEqual({(row.score, row.weighted_score) for row in doc.scores}, {(None, None)})
			self.assertIsNone(doc.total_score)
			self.assertEqual(doc.evaluation_round, self.round)
			self.assertEqual(
				doc.industrial_cluster,
				frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "industrial_cluster"),
			)
			self.assertEqual(doc.expert_user, self.cast.expert)
		self.assertEqual(self.row_of(name, self.expert).demonstration_review, documents)
		self.assertEqual(self.row_of(name, self.expert, HEARING).demonstration_review, hearing)
		# synced again (the application saved once more): no second sheet
		from cluster_brand.cluster_brand.doctype.demonstration_review.demonstration_review import (
			sync_demonstration_reviews,
		)

		sync_demonstration_reviews(frappe.get_doc(DEMONSTRATION_APPLICATION, name))
		self.assertEqual(frappe.db.count(DEMONSTRATION_REVIEW, {"demonstration_application": name}), 2)

	def test_the_expert_is_assigned_its_sheet(self):
		name = self.application()
		sheet = assign(name, self.expert)
		todo = frappe.get_all(
			"ToDo",
			{"reference_type": DEMONSTRATION_REVIEW, "reference_name": sheet, "status": "Open"},
			["allocated_to", "description"],
		)
		self.assertEqual([t.allocated_to for t in todo], [self.cast.expert])
		self.assertIn(name, todo[0].description)
		# nobody is assigned the application, whose assignments name every expert
		self.assertFalse(
			frappe.db.exists("ToDo", {"reference_type": DEMONSTRATION_APPLICATION, "reference_name": name})
		)

	def test_an_expert_of_the_applicants_province_is_recused(self):
		name = self.application()  # of Zhejiang
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			assign(name, self.zhejiang_expert)
		self.assertIn("浙江省工业和信息化主管部门", str(refused.exception))
		self.assertFalse(frappe.db.exists(DEMONSTRATION_REVIEW, {"demonstration_application": name}))

	def test_a_disabled_expert_is_refused(self):
		user = make_user("t.expert.disabled@example.com", "Review Expert")
		if not frappe.db.exists("Review Expert", user):
			frappe.get_doc(
				{
					"doctype": "Review Expert",
					"user": user,
					"expert_name": "停用专家",
					"recommending_authority": "北京市工业和信息化主管部门",
					"disabled": 1,
				}
			).insert()
		name = self.application()
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			assign(name, user)
		self.assertIn("停用专家", str(refused.exception))
		self.assertFalse(frappe.db.exists(DEMONSTRATION_REVIEW, {"demonstration_application": name}))

	def test_a_hearing_expert_waits_for_the_shortlist(self):
		name = self.application()  # under expert review, not shortlisted
		with self.assertRaises(frappe.ValidationError):
			assign(name, self.expert, HEARING)
		self.assertFalse(frappe.db.exists(DEMONSTRATION_REVIEW, {"demonstration_application": name}))

	def test_an_unassigned_experts_draft_goes_and_a_submitted_sheet_stays(self):
		name = self.application()
		draft = assign(name, self.expert)
		submitted = assign(name, self.other_expert)
		score(self.cast.other_expert, submitted, [80, 80])
		frappe.db.delete(ASSIGNMENT_ROW, {"parent": name})
		from cluster_brand.cluster_brand.doctype.demonstration_review.demonstration_review import (
			sync_demonstration_reviews,
		)

		sync_demonstration_reviews(frappe.get_doc(DEMONSTRATION_APPLICATION, name))
		self.assertFalse(frappe.db.exists(DEMONSTRATION_REVIEW, draft))
		self.assertEqual(frappe.db.get_value(DEMONSTRATION_REVIEW, submitted, "docstatus"), 1)

	def test_a_row_given_another_expert_in_place_moves_its_draft(self):
		from cluster_brand.cluster_brand.doctype.demonstration_review.demonstration_review import (
			sync_demonstration_reviews,
		)

		name = self.application()
		old = assign(name, self.expert)
		frappe.db.set_value(ASSIGNMENT_ROW, {"parent": name}, "expert", self.other_expert)
		sync_demonstration_reviews(frappe.get_doc(DEMONSTRATION_APPLICATION, name))
		self.assertFalse(frappe.db.exists(DEMONSTRATION_REVIEW, old))
		new = frappe.db.get_value(DEMONSTRATION_REVIEW, {"demonstration_application": name})
		self.assertEqual(frappe.db.get_value(DEMONSTRATION_REVIEW, new, "expert"), self.other_expert)
		self.assertEqual(self.row_of(name, self.other_expert).demonstration_review, new)

	# --- scoring and submitting

	def test_scores_weighted_and_totalled_as_the_expert_reviews(self):
		name = self.application()
		sheet = assign(name, self.expert)
		doc = score(self.cast.expert, sheet, [90, None], submit=False)
		self.assertEqual([row.weighted_score for row in doc.scores], [54, None])
		self.assertIsNone(frappe.db.get_value(DEMONSTRATION_REVIEW, sheet, "total_score"))
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(DEMONSTRATION_REVIEW, sheet)
		for wrong in ("九十", -1, 100.5):
			doc.scores[1].score = wrong
			with self.subTest(score=wrong), self.assertRaises(frappe.ValidationError):
				doc.save()
			doc.reload()
		# the round's rubric cannot be reweighted by the expert
		doc.scores[1].weight = 1000
		with self.assertRaises(frappe.ValidationError):
			doc.save()
		doc.reload()
		doc.scores[1].score = 0  # 0 is a score
		doc.save()
		self.assertEqual(doc.total_score, 54)

	def test_submit_needs_every_score_and_the_declaration(self):
		name = self.application()
		sheet = assign(name, self.expert)
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(DEMONSTRATION_REVIEW, sheet)
		doc.scores[0].score = 70
		doc.no_conflict_of_interest = 1
		doc.save()
		last = doc.scores[-1].criterion
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			doc.submit()
		self.assertIn(f"请在提交评审前填写“{last}”的得分", str(refused.exception))
		doc.reload()
		doc.scores[-1].score = 80
		doc.no_conflict_of_interest = 0
		doc.save()
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			doc.submit()
		self.assertIn("不存在利益冲突", str(refused.exception))
		doc.reload()
		doc.no_conflict_of_interest = 1
		doc.submit()
		frappe.set_user("Administrator")
		self.assertEqual(doc.total_score, 74)
		self.assertEqual(self.row_of(name, self.expert).review_submitted, 1)
		# the ministry cancels it: the assignment is open again
		frappe.set_user(self.cast.ministry)
		frappe.get_doc(DEMONSTRATION_REVIEW, sheet).cancel()
		frappe.set_user("Administrator")
		self.assertEqual(self.row_of(name, self.expert).review_submitted, 0)

	# --- isolation: each expert its own sheets, on every path

	def test_an_expert_never_reads_or_writes_another_experts_sheet(self):
		name = self.application()
		own = assign(name, self.expert)
		other = assign(name, self.other_expert)
		paths = {
			"list": lambda sheet: (
				sheet in frappe.get_list(DEMONSTRATION_REVIEW, pluck="name", limit_page_length=0)
			),
			"count": lambda sheet: (
				call_as_current(
					"frappe.desk.reportview.get_count",
					doctype=DEMONSTRATION_REVIEW,
					filters=json.dumps([[DEMONSTRATION_REVIEW, "name", "=", sheet]]),
				)
				== 1
			),
			"form": lambda sheet: opened(sheet),
			"has_permission": lambda sheet: frappe.get_doc(DEMONSTRATION_REVIEW, sheet).has_permission(
				"read"
			),
			"report view": lambda sheet: reported(
				call_as_current(
					"frappe.desk.reportview.get",
					doctype=DEMONSTRATION_REVIEW,
					fields=json.dumps(["name", "total_score"]),
					filters=json.dumps([[DEMONSTRATION_REVIEW, "name", "=", sheet]]),
				)
			),
			"REST list": lambda sheet: bool(
				call_as_current(
					"frappe.client.get_list",
					doctype=DEMONSTRATION_REVIEW,
					filters={"name": sheet},
					fields=["name"],
				)
			),
			"print": lambda sheet: bool(frappe.get_print(DEMONSTRATION_REVIEW, sheet)),
			"score rows": lambda sheet: bool(
				call_as_current(
					"frappe.client.get_list",
					doctype="Demonstration Review Score",
					filters={"parent": sheet},
					fields=["name"],
					parent=DEMONSTRATION_REVIEW,
					limit_page_length=0,
				)
			),
			"write": lambda sheet: frappe.get_doc(DEMONSTRATION_REVIEW, sheet).has_permission("write"),
		}
		expected = {
			"expert": {own: True, other: False},
			"other_expert": {own: False, other: True},
			"zhejiang_expert": {own: False, other: False},
			"ministry": {own: True, other: True},
			**{key: {own: False, other: False} for key in NO_SHEETS},
		}
		for key, sees in expected.items():
			for path, read in paths.items():
				for sheet, visible in sees.items():
					with self.subTest(user=key, path=path, sheet=sheet):
						frappe.set_user(self.cast[key])
						try:
							seen = bool(read(sheet))
						except DENIED:
							seen = False
						finally:
							frappe.set_user("Administrator")
						self.assertEqual(seen, visible)
		# nor saves it, whatever the desk allows
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(DEMONSTRATION_REVIEW, other)
		doc.scores[0].score = 1
		with self.assertRaises(frappe.PermissionError):
			doc.save()

	def test_a_write_that_names_another_expert_or_application_is_refused(self):
		# Frappe fetches the linked values (the expert's name, the application's cluster) before the read-only
		# fields are put back: such a write would have kept the links and stored the other record's values
		name, other = self.application(), self.application()
		own = assign(name, self.expert)
		assign(other, self.other_expert)
		frappe.set_user(self.cast.expert)
		for field, value in (("expert", self.other_expert), ("demonstration_application", other)):
			doc = frappe.get_doc(DEMONSTRATION_REVIEW, own)
			doc.set(field, value)
			with self.subTest(field=field), self.assertRaises(frappe.PermissionError):
				doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(DEMONSTRATION_REVIEW, own, "expert_user"), self.cast.expert)

	def test_an_unassigned_expert_loses_its_draft(self):
		name = self.application()
		sheet = assign(name, self.expert)
		frappe.db.delete(ASSIGNMENT_ROW, {"parent": name, "expert": self.expert})
		# the assignment row is the permission, before any sync
		frappe.set_user(self.cast.expert)
		self.assertNotIn(sheet, frappe.get_list(DEMONSTRATION_REVIEW, pluck="name", limit_page_length=0))

	# --- the two-stage ranking

	def test_the_ranking_shows_both_stages(self):
		round_ = make_round(tag())
		heard = make_application(round_, tag(), workflow.SHORTLISTED_FOR_HEARING, shortlisted=1)
		documents_only = make_application(round_, tag(), workflow.UNDER_EXPERT_REVIEW, shandong=True)
		score(self.cast.expert, assign(heard, self.expert), [90, 80])  # 86
		score(self.cast.other_expert, assign(heard, self.other_expert), [70, 70])  # 70
		score(self.cast.expert, assign(heard, self.expert, HEARING), [80, 90, 70])  # 80
		score(self.cast.other_expert, assign(documents_only, self.other_expert), [100, 90])  # 96
		assign(documents_only, self.expert)  # a draft: no figure
		frappe.set_user(self.cast.ministry)
		with language("zh"):
			result = run_report(RANKING, filters={"evaluation_round": round_})["result"]
		frappe.set_user("Administrator")
		rows = {row["application"]: row for row in result}
		self.assertEqual([row["application"] for row in result], [heard, documents_only])
		first, second = rows[heard], rows[documents_only]
		self.assertEqual(
			(first["document_mean"], first["document_rank"], first["document_sheets"]), (78, 2, 2)
		)
		self.assertEqual((first["hearing_mean"], first["hearing_rank"], first["hearing_sheets"]), (80, 1, 1))
		self.assertEqual(first["shortlisted"], 1)
		self.assertEqual(first["workflow_state"], "入围集中答辩")
		self.assertEqual(
			(second["document_mean"], second["document_rank"], second["document_sheets"]), (96, 1, 1)
		)
		self.assertEqual(
			(second["hearing_mean"], second["hearing_sheets"], second["shortlisted"]), (None, 0, 0)
		)
		self.assertEqual(second["recommending_authority"], "山东省工业和信息化主管部门")

	def test_the_ranking_is_the_ministrys(self):
		for key in (*NO_SHEETS, "expert", "other_expert"):
			with self.subTest(user=key), self.assertRaises(frappe.PermissionError):
				call_as(
					self.cast[key],
					"frappe.desk.query_report.run",
					report_name=RANKING,
					filters={"evaluation_round": self.round},
				)
		result = call_as(
			self.cast.ministry,
			"frappe.desk.query_report.run",
			report_name=RANKING,
			filters={"evaluation_round": self.round},
		)
		self.assertIn("result", result)

	# --- the list of demonstration zones and typical experiences

	def test_the_list_prints_the_decided_applications_in_two_tables(self):
		round_ = make_round(tag())
		clusters = {}
		for state, shandong in (
			(workflow.DEMONSTRATION_ZONE_STATE, False),
			(workflow.TYPICAL_EXPERIENCE_STATE, True),
			(workflow.NOT_SELECTED_STATE, False),
			(workflow.IN_PUBLIC_NOTICE, True),
		):
			name = make_application(round_, tag(), state, shandong=shandong, decision=state)
			clusters[state] = frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "industrial_cluster")
		frappe.set_user(self.cast.ministry)
		html = frappe.get_print(EVALUATION_ROUND, round_, print_format=DEMONSTRATION_LIST_FORMAT)
		frappe.set_user("Administrator")
		zones, experiences = (
			html.index("一、产业集群区域品牌建设示范区名单"),
			html.index("二、典型经验推荐名单"),
		)
		self.assertLess(zones, html.index(clusters[workflow.DEMONSTRATION_ZONE_STATE]))
		self.assertLess(html.index(clusters[workflow.DEMONSTRATION_ZONE_STATE]), experiences)
		self.assertLess(experiences, html.index(clusters[workflow.TYPICAL_EXPERIENCE_STATE]))
		# only the decided: not the not selected, nor one still in public notice
		self.assertNotIn(clusters[workflow.NOT_SELECTED_STATE], html)
		self.assertNotIn(clusters[workflow.IN_PUBLIC_NOTICE], html)
		self.assertIn("山东省", html[experiences:])
		self.assertIn("测试总结评价", html)
		# the published lists are read whole by whoever may print the round: Zhejiang's province reads
		# Shandong's typical experience, which its own list of applications never shows
		frappe.set_user(self.cast.province)
		try:
			seen = frappe.get_print(EVALUATION_ROUND, round_, print_format=DEMONSTRATION_LIST_FORMAT)
		finally:
			frappe.set_user("Administrator")
		self.assertIn(clusters[workflow.TYPICAL_EXPERIENCE_STATE], seen)
		self.assertIn(clusters[workflow.DEMONSTRATION_ZONE_STATE], seen)
		self.assertNotIn(clusters[workflow.NOT_SELECTED_STATE], seen)


def reported(result) -> bool:
	"""Whether the report view's answer has a row (its compressed dict, or [] for none)."""
	return bool(result.get("values") if isinstance(result, dict) else result)


def opened(sheet: str) -> bool:
	"""The desk's form load of ``sheet`` as the session user."""
	call_as_current("frappe.desk.form.load.getdoc", doctype=DEMONSTRATION_REVIEW, name=sheet)
	return any(doc.name == sheet for doc in frappe.local.response.docs)


def call_as_current(method: str, **kwargs):
	"""A whitelisted method as the session user, as a REST request calls it (the allowlist, the overrides)."""
	return call_as(frappe.session.user, method, **kwargs)


@frozen_day(DAY)
class TestDemonstrationReviewOverHTTP(IntegrationTestCase):
	"""The sheets over REST, as a client with an API key reads and writes them (committed data: each request
	runs with its own connection)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from cluster_brand.tests.support.http import make_api_user

		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.round = make_round(f"http-{tag()}")
		application = make_application(cls.round, f"http-{tag()}", workflow.UNDER_EXPERT_REVIEW)
		cls.sheet = assign(application, expert_of(cls.cast.expert))
		frappe.db.commit()

	def request(self, who: str, method: str, path: str, body: dict | None = None):
		from cluster_brand.tests.support.http import rest

		return rest(method, path, self.tokens[who], body)

	def test_the_sheet_is_its_experts_and_the_ministrys_alone(self):
		resource = f"/api/resource/{quote(DEMONSTRATION_REVIEW)}"
		for key in self.cast:
			sees = key in ("expert", "ministry")
			with self.subTest(user=key):
				one = self.request(key, "GET", f"{resource}/{quote(self.sheet)}")
				self.assertEqual(one.status_code == 200, sees, one.status_code)
				listed = self.request(key, "GET", f"{resource}?limit_page_length=0")
				names = (
					[row["name"] for row in (listed.json or {}).get("data", [])]
					if listed.status_code == 200
					else []
				)
				self.assertEqual(self.sheet in names, sees)
		# another expert cannot write it; its own expert scores it
		scores = self.request("expert", "GET", f"{resource}/{quote(self.sheet)}").json["data"]["scores"]
		# the table whole, as a REST client sends it (a row sent alone would replace the table)
		body = {"scores": [{**row, "score": 85} for row in scores], "no_conflict_of_interest": 1}
		self.assertEqual(
			self.request("other_expert", "PUT", f"{resource}/{quote(self.sheet)}", body).status_code, 403
		)
		written = self.request("expert", "PUT", f"{resource}/{quote(self.sheet)}", body)
		self.assertEqual(written.status_code, 200, written.get_data(as_text=True)[:800])
		frappe.db.rollback()  # read what the request committed
		self.assertEqual(frappe.db.get_value(DEMONSTRATION_REVIEW, self.sheet, "total_score"), 85)

	def test_the_ranking_over_http_is_the_ministrys(self):
		path = "/api/method/frappe.desk.query_report.run"
		body = {"report_name": RANKING, "filters": {"evaluation_round": self.round}}
		for key in self.cast:
			with self.subTest(user=key):
				response = self.request(key, "POST", path, body)
				self.assertEqual(response.status_code == 200, key == "ministry", response.status_code)
