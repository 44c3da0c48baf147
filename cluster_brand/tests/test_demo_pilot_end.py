"""The demo's pilots at their end (issue 21) on a real site: the 2017 batch's evaluation round (工信厅科函〔2018〕283号,
its rubrics), three 2017 pilots whose annual summaries and final summaries went through the real workflow — two
completed, one not, with the ministry's opinions in Chinese —, the completed Zhejiang pilot named a demonstration
zone after its review, and a demo that, run again, changes nothing."""

from datetime import date

import frappe

from cluster_brand.demo.pilot_end import load_pilot_end_data, make_pilot_end
from cluster_brand.demo.site import BATCH_2017, make_demo
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.rules.pilot_end import demonstration_workflow
from cluster_brand.rules.pilot_end import evaluation_round as round_rules
from cluster_brand.rules.pilot_end.demonstration import IMPROVED, RATIOS
from cluster_brand.rules.pilot_end.demonstration_review import DOCUMENT_REVIEW, HEARING
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, PILOT_NOT_COMPLETED
from cluster_brand.rules.pilot_years.progress import COMPLETED
from cluster_brand.rules.pilot_years.workflow import ACCEPTED
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 11, 10)
COUNTED = (
	BRAND_PILOT,
	ANNUAL_WORK_SUMMARY,
	FINAL_SUMMARY,
	EVALUATION_ROUND,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	"Cluster Brand Application",
	"User",
	"Notification Log",
	"ToDo",
	"Version",
)


def snapshot() -> dict:
	return {
		"counts": {doctype: frappe.db.count(doctype) for doctype in COUNTED},
		"modified": sorted(
			frappe.get_all(FINAL_SUMMARY, fields=["name", "modified"], as_list=True)
			+ frappe.get_all(ANNUAL_WORK_SUMMARY, fields=["name", "modified"], as_list=True)
			+ frappe.get_all(DEMONSTRATION_APPLICATION, fields=["name", "modified"], as_list=True)
			+ frappe.get_all(EVALUATION_ROUND, fields=["name", "modified"], as_list=True)
		),
	}


@frozen_day(DAY)
class TestDemoPilotEnd(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		# the demo as the command makes it (a site the demo ran on already has it: nothing changes)
		make_demo()
		cls.batch = frappe.get_doc("Pilot Batch", BATCH_2017["batch_title"])
		cls.pilots = make_pilot_end(cls.batch)

	def test_the_batchs_evaluation_round(self):
		evaluation_round = frappe.get_doc(EVALUATION_ROUND, {"pilot_batch": self.batch.name})
		self.assertEqual(evaluation_round.notice_number, "工信厅科函〔2018〕283号")
		# its demonstration zone named, the ministry has concluded it
		self.assertEqual(evaluation_round.status, round_rules.CONCLUDED)
		self.assertEqual(
			{r.criterion: r.weight for r in evaluation_round.hearing_criteria},
			{"创新性": 40, "先进性": 30, "示范性": 30},
		)
		self.assertEqual(sum(r.weight for r in evaluation_round.document_review_criteria), 100)

	def test_two_pilots_completed_one_not(self):
		self.assertEqual(set(self.pilots), {spec["key"] for spec in load_pilot_end_data()["pilots"]})
		statuses = {
			key: frappe.db.get_value(BRAND_PILOT, name, "status") for key, name in self.pilots.items()
		}
		self.assertEqual(
			statuses,
			{
				"zhejiang": PILOT_COMPLETED,
				"shandong": PILOT_COMPLETED,
				"qingxi_garden_tools": PILOT_NOT_COMPLETED,
			},
		)
		for key, pilot in self.pilots.items():
			with self.subTest(pilot=key):
				years = frappe.get_all(
					ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot}, ["reporting_year", "workflow_state"]
				)
				self.assertEqual(
					{(y.reporting_year, y.workflow_state) for y in years},
					{(2018, ACCEPTED), (2019, ACCEPTED), (2020, ACCEPTED)},
				)
				final = frappe.get_doc(FINAL_SUMMARY, {"brand_pilot": pilot})
				self.assertEqual(final.workflow_state, ACCEPTED)
				self.assertEqual(final.reporting_years, "2018、2019、2020")
				self.assertRegex(final.acceptance_opinion, "[\u4e00-\u9fff]")
				not_done = [r for r in final.measure_outcomes if r.final_status != COMPLETED]
				# the pilot not completed left a measure undone, with its reason
				self.assertEqual(bool(not_done), key == "qingxi_garden_tools")
				self.assertTrue(all(r.reason_not_completed for r in not_done))

	def test_the_completed_zhejiang_pilot_is_named_a_demonstration_zone(self):
		applied = frappe.get_all(
			DEMONSTRATION_APPLICATION, {"pilot_batch": self.batch.name}, pluck="brand_pilot"
		)
		# the completed Shandong pilot does not apply, the pilot not completed cannot
		self.assertEqual(applied, [self.pilots["zhejiang"]])
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, {"brand_pilot": self.pilots["zhejiang"]})
		self.assertEqual(doc.workflow_state, demonstration_workflow.DEMONSTRATION_ZONE_STATE)
		self.assertEqual(doc.decision, demonstration_workflow.DEMONSTRATION_ZONE)
		self.assertTrue(doc.promotion_activities)
		# its evidence: two files of their own, named for what they are (not a file of the same content)
		evidence = {
			field: frappe.db.get_value("File", {"file_url": doc.get(field)}, "file_name")
			for field in ("strategy_document", "monitoring_evidence")
		}
		self.assertIn("发展规划", evidence["strategy_document"])
		self.assertIn("舆情监测报告", evidence["monitoring_evidence"])
		# its claim of condition 3 is the data's: every ratio improved over the pilot period
		self.assertTrue(doc.condition_3_met)
		self.assertEqual({r.ratio: r.verdict for r in doc.ratio_changes}, dict.fromkeys(RATIOS, IMPROVED))
		sheets = frappe.get_all(
			DEMONSTRATION_REVIEW,
			{"demonstration_application": doc.name},
			["stage", "docstatus", "total_score"],
		)
		self.assertEqual({(s.stage, s.docstatus) for s in sheets}, {(DOCUMENT_REVIEW, 1), (HEARING, 1)})
		self.assertTrue(all(s.total_score for s in sheets))

	def test_run_again_the_demo_changes_nothing(self):
		before = snapshot()
		make_demo()
		self.assertEqual(make_pilot_end(self.batch), self.pilots)
		self.assertEqual(snapshot(), before)
