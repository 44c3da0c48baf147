"""The pilot years over HTTP with token authentication, each step by its own user (as
test_http_process.py drives the application), and the summaries' isolation over REST."""

import json
from urllib.parse import quote

import frappe
from frappe.utils import today

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT
from cluster_brand.tests.support.dates import each_day
from cluster_brand.tests.support.http import REFUSED, ActsOverHTTP, make_api_user, rest
from cluster_brand.tests.support.isolation import SEES_DRAFT_SUMMARY, SEES_SUMMARY
from cluster_brand.tests.support.pilot_stage import (
	complete_values,
	inspection_values,
	make_pilot,
	reporting_year,
)
from cluster_brand.tests.support.process import make_cast

RESOURCE = "/api/resource/" + quote(ANNUAL_WORK_SUMMARY)
START = "/api/method/cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary"
# where REST callers started it before issue 20 (override_whitelisted_methods in hooks.py)
PUBLISHED_START = "/api/method/cluster_brand.pilot_years.start_annual_summary"


class TestPilotYearsOverHTTPOn(ActsOverHTTP):
	"""On each day the calendar turns on (a class per day, below), the pilot designated on the day: its first
	year and the next are started without naming the year."""

	resource = RESOURCE

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.pilot = make_pilot(cls.cast, f"http-py-{frappe.generate_hash(length=6)}")
		cls.year = reporting_year(cls.pilot)
		frappe.db.commit()  # requests run on their own connections
		cls.name = None

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in frappe.get_all(ANNUAL_WORK_SUMMARY, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_pilot_years(self):
		# the unit starts its year's summary from its own pilot, no other unit or role can
		start = {"brand_pilot": self.pilot, "reporting_year": self.year}
		for who in ("other_applicant", "province", "association"):
			self.call(who, "POST", START, start, expect=403)
			self.call(who, "POST", START, {"brand_pilot": self.pilot}, expect=403)
		# without a year: the first year of a pilot designated on the day (after 30 November: the next one)
		type(self).name = self.call("applicant", "POST", START, {"brand_pilot": self.pilot})["message"]
		draft = self.doc("applicant")
		self.assertEqual(draft["reporting_year"], self.year)
		self.assertEqual(draft["reporting_year"], self.day.year + (self.day.month == 12))
		self.assertEqual(draft["due_date"], f"{self.year}-11-30")
		self.assertEqual(self.call("applicant", "POST", START, start)["message"], self.name)
		# the published path answers the same, to the unit only
		self.assertEqual(self.call("applicant", "POST", PUBLISHED_START, start)["message"], self.name)
		self.call("other_applicant", "POST", PUBLISHED_START, start, expect=403)
		self.assertEqual(draft["workflow_state"], "Draft")
		self.assertTrue(draft["measure_progress"] and draft["backbone_enterprises"])
		self.assertEqual({row["reporting_value"] for row in draft["indicators"]}, {None})  # blank, not 0
		self.call("province", "GET", f"{RESOURCE}/{self.name}", expect=403)  # a draft is the unit's own

		# the completeness check names what is missing; an incomplete summary is not submitted
		check = self.call(
			"applicant",
			"POST",
			"/api/method/run_doc_method",
			{"dt": ANNUAL_WORK_SUMMARY, "dn": self.name, "method": "check_completeness"},
		)["message"]
		self.assertFalse(check["complete"])
		self.assertIn("请填写工作成效。", check["missing"])
		self.action("applicant", "Submit to Province", expect=417)
		frappe.db.rollback()
		self.update("applicant", json.loads(frappe.as_json(complete_values(self.name))))
		self.action("province", "Submit to Province", expect=REFUSED)
		self.action("applicant", "Submit to Province")
		self.assertEqual(self.state(), "Pending Provincial Inspection")
		self.update("applicant", {"work_results": "改动"}, expect=417)  # locked once submitted

		# 督导检查: the unit's province, not another; its inspection recorded before it forwards
		self.call("other_province", "GET", f"{RESOURCE}/{self.name}", expect=403)
		self.update("province", {"problems": "省里改写"}, expect=417)  # the unit's content is the unit's
		self.action("province", "Forward to Ministry", expect=417)
		self.update("province", inspection_values())
		self.assertIsNone(self.doc("applicant").get("inspection_opinion"))  # not the unit's to read yet
		self.action("other_province", "Forward to Ministry", expect=REFUSED)
		self.action("province", "Forward to Ministry")
		self.assertEqual(self.state(), "Forwarded to Ministry")
		self.assertEqual(self.doc("applicant")["inspection_opinion"], "同意报送。")

		# the ministry accepts, with its opinion
		self.action("applicant", "Accept Summary", expect=REFUSED)
		self.action("province", "Accept Summary", expect=REFUSED)
		self.update("ministry", {"acceptance_date": today(), "acceptance_opinion": "同意。"})
		self.action("ministry", "Accept Summary")
		self.assertEqual(self.state(), "Accepted")

		self.check_isolation_over_rest(self.name, SEES_SUMMARY)
		frappe.db.rollback()
		next_year = self.call("applicant", "POST", START, {"brand_pilot": self.pilot})["message"]
		self.assertEqual(self.doc("applicant", next_year)["reporting_year"], self.year + 1)
		self.check_isolation_over_rest(next_year, SEES_DRAFT_SUMMARY)

	def check_isolation_over_rest(self, name: str, sees: dict):
		filters = quote(json.dumps([[ANNUAL_WORK_SUMMARY, "name", "=", name]]))
		for who, visible in sees.items():
			with self.subTest(user=who, summary=name):
				listed = self.call(who, "GET", f"{RESOURCE}?filters={filters}", expect=(200, 403))
				self.assertEqual(bool((listed or {}).get("data")), visible)
				self.assertEqual(
					rest("GET", f"{RESOURCE}/{name}", self.tokens[who]).status_code == 200, visible
				)
				client = rest(
					"POST",
					"/api/method/frappe.client.get_list",
					self.tokens[who],
					{
						"doctype": "Annual Summary Indicator",
						"parent": ANNUAL_WORK_SUMMARY,
						"filters": {"parent": name},
						"fields": ["name"],
					},
				)
				self.assertEqual(client.status_code == 200 and bool(client.json["message"]), visible)
				pilot = rest("GET", f"/api/resource/{quote(BRAND_PILOT)}/{self.pilot}", self.tokens[who])
				if who in ("other_applicant", "other_province"):
					self.assertNotEqual(pilot.status_code, 200)


globals().update(each_day(TestPilotYearsOverHTTPOn))
