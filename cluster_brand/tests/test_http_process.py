"""The whole process over HTTP with token authentication, each step by its own user, and the same
isolation over REST (/api/resource, frappe.client, frappe.desk.reportview, frappe.desk.query_report)."""

import json
from datetime import date
from urllib.parse import quote

import frappe
from frappe.utils import add_days, today

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EXPERT_REVIEW
from cluster_brand.rules.application.workflow import (
	APPROVED_AS_PILOT,
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	UNDER_EXPERT_REVIEW,
)
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import (
	REFUSED,
	ActsOverHTTP,
	application_reads,
	make_api_user,
	reads_of,
)
from cluster_brand.tests.support.isolation import SEES
from cluster_brand.tests.support.process import make_cast, next_free_rank
from cluster_brand.tests.support.records import IntegrationTestCase, make_test_application_values

RESOURCE = "/api/resource/" + quote(APPLICATION)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 9, 14)


@frozen_day(DAY)
class TestProcessOverHTTP(ActsOverHTTP, IntegrationTestCase):
	resource = RESOURCE

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.values = make_test_application_values(
			"-process", cluster_suffix=f"-http-{frappe.generate_hash(length=6)}"
		)
		frappe.db.commit()  # requests run on their own connections
		cls.name = None

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		if cls.name:
			for pilot in frappe.get_all(BRAND_PILOT, {"application": cls.name}, pluck="name"):
				frappe.delete_doc(BRAND_PILOT, pilot, force=True, ignore_permissions=True)
			for sheet in frappe.get_all(EXPERT_REVIEW, {"application": cls.name}, pluck="name"):
				frappe.db.set_value(EXPERT_REVIEW, sheet, "docstatus", 2)
				frappe.delete_doc(EXPERT_REVIEW, sheet, force=True, ignore_permissions=True)
			frappe.delete_doc(APPLICATION, cls.name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_whole_process(self):
		# 自愿申报: the unit creates, checks and submits
		self.call("other_applicant", "POST", RESOURCE, self.values, expect=403)
		type(self).name = self.call("applicant", "POST", RESOURCE, self.values)["data"]["name"]
		check = self.call(
			"applicant", "GET", f"/api/method/cluster_brand.api.check_completeness?name={self.name}"
		)
		self.assertEqual(check["message"], {"complete": True, "missing": []})
		self.action("province", "Submit Application", expect=REFUSED)  # a draft is the unit's own
		self.action("applicant", "Submit Application")
		self.assertEqual(self.state(), PENDING_PROVINCIAL_REVIEW)
		self.update("applicant", {"honours": "改动"}, expect=417)  # locked once submitted

		# 初审推荐: the province of the unit, not another
		self.call("other_province", "GET", f"{RESOURCE}/{self.name}", expect=403)
		frappe.db.rollback()  # a fresh snapshot of what the requests committed
		opinion = {
			"recommendation_opinion": "同意推荐。",
			"recommending_officer": "张三",
			"recommendation_date": today(),
		}
		self.update("province", {**opinion, "recommendation_rank": next_free_rank(self.name)})
		self.action("other_province", "Recommend", expect=REFUSED)
		self.action("province", "Recommend")
		self.assertEqual(self.state(), RECOMMENDED)

		# 纸质材料 and 复审核定
		self.action("ministry", "Start Expert Review", expect=417)  # paper not yet received
		self.update(
			"receiver",
			{"paper_copies_received": 2, "paper_copies_stamped": 1, "paper_received_date": today()},
		)
		self.update("ministry", {"expert_assignments": [{"expert": self.cast.expert}]})
		self.action("ministry", "Start Expert Review")
		self.assertEqual(self.state(), UNDER_EXPERT_REVIEW)

		sheets = self.call(
			"expert",
			"GET",
			"/api/resource/Expert Review?filters=" + quote(json.dumps({"application": self.name})),
		)["data"]
		self.assertEqual(len(sheets), 1)
		self.call("other_expert", "GET", f"/api/resource/Expert Review/{sheets[0]['name']}", expect=403)
		sheet = self.call("expert", "GET", f"/api/resource/Expert Review/{sheets[0]['name']}")["data"]
		# nothing scored yet: null, not 0 (and not text)
		self.assertEqual({(row["score"], row["weighted_score"]) for row in sheet["scores"]}, {(None, None)})
		self.assertIsNone(sheet["total_score"])
		for row in sheet["scores"]:
			row["score"] = 88
		sheet.update(
			{
				"no_conflict_of_interest": 1,
				"recommendation": "Recommend as Pilot",
				"comments": "工作基础扎实。",
			}
		)
		sheet = self.call("expert", "PUT", f"/api/resource/Expert Review/{sheet['name']}", sheet)["data"]
		self.assertEqual({row["score"] for row in sheet["scores"]}, {88})
		self.assertTrue(all(isinstance(row["score"], float) for row in sheet["scores"]))
		self.assertEqual(sheet["total_score"], 88)
		self.call("expert", "POST", "/api/method/frappe.client.submit", {"doc": sheet})
		self.assertEqual(self.doc("ministry")["mean_score"], 88)

		# the notice starts the day it is published at the earliest, and the approval waits for its end
		self.update(
			"ministry",
			{"public_notice_start": add_days(today(), -10), "public_notice_end": add_days(today(), -1)},
		)
		self.action("ministry", "Publish for Public Notice", expect=417)
		self.update("ministry", {"public_notice_start": today(), "public_notice_end": add_days(today(), 9)})
		self.action("ministry", "Publish for Public Notice")
		self.update("ministry", {"designation_notice_number": "工信厅科函〔2017〕999号"})
		self.action("ministry", "Approve as Pilot", expect=417)
		# its ten days pass: as if it had been published ten days ago
		frappe.db.set_value(
			APPLICATION,
			self.name,
			{"public_notice_start": add_days(today(), -10), "public_notice_end": add_days(today(), -1)},
		)
		frappe.db.commit()
		self.action("province", "Approve as Pilot", expect=REFUSED)
		self.action("ministry", "Approve as Pilot")
		final = self.doc("applicant")
		self.assertEqual(final["workflow_state"], APPROVED_AS_PILOT)
		pilot = self.call("applicant", "GET", f"/api/resource/Brand Pilot/{quote(final['brand_pilot'])}")[
			"data"
		]
		self.assertEqual(pilot["application"], self.name)
		self.call(
			"other_applicant", "GET", f"/api/resource/Brand Pilot/{quote(final['brand_pilot'])}", expect=403
		)

		self.check_isolation_over_rest()

	def check_isolation_over_rest(self):
		for who, visible in SEES.items():  # the same answers as in-process
			with self.subTest(user=who):
				self.assertEqual(
					application_reads(self.tokens[who], self.name), reads_of(visible, ranks=who == "ministry")
				)
