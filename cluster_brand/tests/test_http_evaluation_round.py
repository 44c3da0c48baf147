"""The pilot's end driven over HTTP, each step by its own user with token authentication (as
test_http_process.py drives the application): the ministry opens the batch's evaluation round (总结评价); the
unit's final summary goes through its province to the ministry, which accepts it and so completes the pilot; the
unit applies to be a demonstration zone (示范区申报书); its province recommends it; the experts assigned by the
ministry score the documents, then (shortlisted) the hearing, each on the round's rubric and only their own
sheets; the ministry reads both stages in the ranking, puts its decision to public notice and names the
demonstration zone, which the published list then shows."""

from datetime import date
from urllib.parse import quote

import frappe

from cluster_brand.doctype_names import (
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.print.format_names import DEMONSTRATION_LIST_FORMAT
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end import evaluation_round as round_rules
from cluster_brand.rules.pilot_end import final_summary_workflow as fs_workflow
from cluster_brand.rules.pilot_end.demonstration_application import PILOT_COMPLETED
from cluster_brand.rules.pilot_years.workflow import ACCEPTED
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration import APPLICATION_VALUES, RECOMMENDATION
from cluster_brand.tests.support.demonstration_review import expert_of
from cluster_brand.tests.support.http import REFUSED, ActsOverHTTP, make_api_user
from cluster_brand.tests.support.pilot_stage import (
	FINAL_CHECK,
	final_acceptance,
	final_summary_texts,
	make_pilot,
	reporting_year,
	summary_in,
)
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 5, 20)
PILOT_METHODS = "/api/method/cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot."
RANKING = "/api/method/frappe.desk.query_report.run"
PRINT = "/api/method/frappe.www.printview.get_html_and_style"


def resource(doctype: str, name: str | None = None) -> str:
	return "/api/resource/" + quote(doctype) + (f"/{quote(name)}" if name else "")


@frozen_day(DAY)
class TestEvaluationRoundOverHTTP(ActsOverHTTP, IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.pilot = make_pilot(cls.cast, f"http-er-{frappe.generate_hash(length=6)}")
		summary_in(cls.cast, cls.pilot, ACCEPTED, reporting_year(cls.pilot))
		# the pilot's last year has come (its final summary may be started)
		frappe.db.set_value(BRAND_PILOT, cls.pilot, "planned_end_date", date(DAY.year, 12, 31))
		cls.batch = frappe.db.get_value(BRAND_PILOT, cls.pilot, "pilot_batch")
		cls.clear_batch()
		frappe.db.commit()  # requests run on their own connections

	@classmethod
	def clear_batch(cls):
		"""A batch has one evaluation round: the test batch's earlier rounds and their applications go."""
		for name in frappe.get_all(DEMONSTRATION_APPLICATION, {"pilot_batch": cls.batch}, pluck="name"):
			for sheet in frappe.get_all(
				DEMONSTRATION_REVIEW, {"demonstration_application": name}, pluck="name"
			):
				frappe.db.delete(DEMONSTRATION_REVIEW, sheet)
			frappe.delete_doc(DEMONSTRATION_APPLICATION, name, force=True, ignore_permissions=True)
		for name in frappe.get_all(EVALUATION_ROUND, {"pilot_batch": cls.batch}, pluck="name"):
			frappe.delete_doc(EVALUATION_ROUND, name, force=True, ignore_permissions=True)

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		cls.clear_batch()
		for name in frappe.get_all(FINAL_SUMMARY, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.delete_doc(FINAL_SUMMARY, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	# --- helpers: the document under way is (resource, name) -----------------------------------------------
	def on(self, doctype: str, name: str):
		self.resource, type(self).name = resource(doctype), name

	def sheet_of(self, who: str, stage: str) -> dict:
		"""``who``'s own sheet of the application in ``stage``, as its expert lists it."""
		filters = quote(frappe.as_json({"demonstration_application": self.application, "stage": stage}))
		listed = self.call(who, "GET", f"{resource(DEMONSTRATION_REVIEW)}?filters={filters}")["data"]
		self.assertEqual(len(listed), 1, f"{who} lists its own {stage} sheet only")
		return self.call(who, "GET", resource(DEMONSTRATION_REVIEW, listed[0]["name"]))["data"]

	def score(self, who: str, stage: str, scores: list[float]):
		"""``who`` scores its sheet of ``stage`` (one score per criterion of the round's rubric), declares no
		conflict of interest and submits it; no other expert can write it."""
		sheet = self.sheet_of(who, stage)
		body = {
			"scores": [{**row, "score": s} for row, s in zip(sheet["scores"], scores, strict=True)],
			"no_conflict_of_interest": 1,
		}
		path = resource(DEMONSTRATION_REVIEW, sheet["name"])
		other = "other_expert" if who == "expert" else "expert"
		self.call(other, "PUT", path, body, expect=403)
		self.call(who, "PUT", path, body)
		submitted = self.call(who, "PUT", path, {"docstatus": 1})["data"]
		self.assertEqual(submitted["docstatus"], 1)
		return submitted

	def test_the_round_from_the_ministrys_notice_to_the_demonstration_zone(self):
		# 1. the ministry opens the batch's evaluation round; no one else may
		rubrics = round_rules.default_rubrics()
		hearing = dict(zip(round_rules.HEARING_CRITERIA, (40, 30, 30), strict=True))
		for row in rubrics[round_rules.HEARING_RUBRIC_TABLE]:
			row["weight"] = hearing[row["criterion"]]
		notice = {
			"title": f"第一批试点总结评价 {frappe.generate_hash(length=4)}",
			"pilot_batch": self.batch,
			"notice_number": "工信厅科函〔2018〕283号",
			"final_summary_deadline": "2026-06-30",
			"demonstration_application_deadline": "2026-07-31",
			"provincial_recommendation_deadline": "2026-08-15",
			"hearing_date": "2026-09-10",
			**rubrics,
		}
		for who in ("applicant", "province", "expert"):
			self.call(who, "POST", resource(EVALUATION_ROUND), notice, expect=403)
		evaluation_round = self.call("ministry", "POST", resource(EVALUATION_ROUND), notice)["data"]["name"]
		self.assertEqual(
			self.call("applicant", "GET", resource(EVALUATION_ROUND, evaluation_round))["data"]["status"],
			round_rules.IN_PROGRESS,
		)

		# 2. the unit's final summary: its province checks it, the ministry accepts it; the pilot is completed
		self.call(
			"other_applicant",
			"POST",
			PILOT_METHODS + "start_final_summary",
			{"brand_pilot": self.pilot},
			expect=403,
		)
		summary = self.call(
			"applicant", "POST", PILOT_METHODS + "start_final_summary", {"brand_pilot": self.pilot}
		)["message"]
		self.on(FINAL_SUMMARY, summary)
		self.update("applicant", frappe.parse_json(frappe.as_json(final_summary_texts(summary))))
		self.action("applicant", "Submit to Provincial Authority")
		self.action("other_province", "Forward to Ministry", expect=REFUSED)
		self.update("province", FINAL_CHECK)
		self.action("province", "Forward to Ministry")
		self.action("province", "Accept Final Summary", expect=REFUSED)
		self.update("ministry", final_acceptance())
		self.action("ministry", "Accept Final Summary")
		self.assertEqual(self.state(), fs_workflow.ACCEPTED)
		pilot = self.call("applicant", "GET", resource(BRAND_PILOT, self.pilot))["data"]
		self.assertEqual(pilot["status"], PILOT_COMPLETED)

		# 3. the completed pilot's unit applies to be a demonstration zone; its province recommends it
		start = PILOT_METHODS + "start_demonstration_application"
		for who in ("other_applicant", "province", "ministry"):
			self.call(who, "POST", start, {"brand_pilot": self.pilot}, expect=403)
		type(self).application = self.call("applicant", "POST", start, {"brand_pilot": self.pilot})["message"]
		self.on(DEMONSTRATION_APPLICATION, self.application)
		self.assertEqual(self.doc("applicant")["evaluation_round"], evaluation_round)
		self.update("applicant", APPLICATION_VALUES)
		self.action("applicant", workflow.SUBMIT)
		self.call("other_province", "GET", resource(DEMONSTRATION_APPLICATION, self.application), expect=403)
		self.update("province", RECOMMENDATION)
		self.action("province", workflow.RECOMMEND)
		self.assertEqual(self.state(), workflow.UNDER_EXPERT_REVIEW)

		# 4. the ministry assigns the experts (an expert of the applicant's province is refused: recusal)
		def assignment(key, stage="Document Review"):
			return {"expert": expert_of(self.cast[key]), "stage": stage, "assigned_on": str(DAY)}

		self.update("ministry", {"expert_assignments": [assignment("zhejiang_expert")]}, expect=417)
		self.update("ministry", {"expert_assignments": [assignment("expert"), assignment("other_expert")]})
		self.call(
			"expert", "GET", resource(DEMONSTRATION_APPLICATION, self.application)
		)  # assigned: reads it
		self.call("zhejiang_expert", "GET", resource(DEMONSTRATION_APPLICATION, self.application), expect=403)
		self.assertFalse(self.doc("expert").get("expert_assignments"))  # never who else reviews it

		# 5. each expert scores its own sheet on the round's document rubric
		document = self.score("expert", "Document Review", [90, 85, 80, 88, 92])
		self.assertEqual(
			[row["criterion"] for row in document["scores"]],
			[row["criterion"] for row in rubrics[round_rules.DOCUMENT_RUBRIC_TABLE]],
		)
		self.score("other_expert", "Document Review", [80, 75, 70, 78, 82])

		# 6. shortlisted, the hearing: scored on 创新性、先进性、示范性
		self.action("province", workflow.SHORTLIST, expect=REFUSED)
		self.action("ministry", workflow.SHORTLIST)
		self.update(
			"ministry",
			{
				"expert_assignments": [
					*self.doc("ministry")["expert_assignments"],
					assignment("expert", "Hearing"),
				]
			},
		)
		heard = self.score("expert", "Hearing", [90, 80, 85])
		self.assertEqual([row["criterion"] for row in heard["scores"]], list(round_rules.HEARING_CRITERIA))
		self.assertEqual(heard["total_score"], 85.5)  # 90×40% + 80×30% + 85×30%

		# 7. the ranking shows both stages, to the ministry alone
		body = {
			"report_name": "Demonstration Review Ranking",
			"filters": {"evaluation_round": evaluation_round},
		}
		for who in ("applicant", "province", "expert"):
			self.call(who, "POST", RANKING, body, expect=403)
		[row] = [
			r
			for r in self.call("ministry", "POST", RANKING, body)["message"]["result"]
			if isinstance(r, dict) and r.get("application") == self.application
		]
		self.assertEqual((row["document_mean"], row["document_sheets"]), (81.5, 2))  # (86.5 + 76.5) / 2
		self.assertEqual((row["hearing_mean"], row["hearing_rank"], row["hearing_sheets"]), (85.5, 1, 1))

		# 8. its decision to public notice, then the demonstration zone
		self.update(
			"ministry", {"decision": workflow.DEMONSTRATION_ZONE, "decision_opinion": "拟确定为示范区。"}
		)
		self.action("ministry", workflow.PUBLISH)
		self.action("applicant", workflow.NAME_DEMONSTRATION_ZONE, expect=REFUSED)
		self.action("ministry", workflow.NAME_DEMONSTRATION_ZONE)
		decided = self.doc("applicant")
		self.assertEqual(decided["workflow_state"], workflow.DEMONSTRATION_ZONE_STATE)
		self.assertEqual(decided["decision_opinion"], "拟确定为示范区。")

		# 9. the published list names it, for whoever reads the round
		cluster = decided["industrial_cluster"]
		for who in ("ministry", "other_province"):
			printed = self.call(
				who,
				"POST",
				PRINT,
				{
					"doc": EVALUATION_ROUND,
					"name": evaluation_round,
					"print_format": DEMONSTRATION_LIST_FORMAT,
				},
			)["message"]["html"]
			zones = printed[
				printed.index("一、产业集群区域品牌建设示范区名单") : printed.index("二、典型经验推荐名单")
			]
			self.assertIn(cluster, zones)
