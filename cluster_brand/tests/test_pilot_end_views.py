"""The pilots' end as people see it on a real site (issue 21): the 试点进展 report and the workspaces' chart
「End of the Pilots」 follow the pilots to their end — completed, not completed, and a completed pilot's demonstration
application applying or named a demonstration zone — each reader its own: the ministry all, a province its
province's pilots, a unit its own, no one else's."""

from datetime import date

import frappe
from frappe import _
from frappe.desk.query_report import run as run_report

from cluster_brand.cluster_brand.dashboard_chart_source.end_of_the_pilots.end_of_the_pilots import (
	get as end_of_the_pilots_chart,
)
from cluster_brand.desk.status_block import get_desk_status
from cluster_brand.doctype_names import BRAND_PILOT, DEMONSTRATION_APPLICATION
from cluster_brand.rules.pilot_end import demonstration_workflow as demonstration
from cluster_brand.rules.views import desk_status, pilot_end
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pilot_stage import make_pilot
from cluster_brand.tests.support.process import ZHEJIANG, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

DAY = date(2026, 10, 20)
# who reads the test unit's (Zhejiang) pilots
SEES = {
	"ministry": True,
	"province": True,
	"applicant": True,
	"other_province": False,
	"other_applicant": False,
}


@frozen_day(DAY)
class TestPilotEndViews(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		cls.completed = make_pilot(cls.cast, f"pev-done-{tag}")
		cls.not_completed = make_pilot(cls.cast, f"pev-not-{tag}")
		cls.in_pilot = make_pilot(cls.cast, f"pev-in-{tag}")
		cls.pilots = [cls.completed, cls.not_completed, cls.in_pilot]
		# designated in 2024: two reporting years behind them (the report has a row for each)
		for name, status in zip(
			cls.pilots, ("Pilot Completed", "Pilot Not Completed", "In Pilot"), strict=True
		):
			frappe.db.set_value(
				BRAND_PILOT,
				name,
				{"status": status, "start_date": "2024-01-15", "planned_end_date": "2027-01-15"},
			)
		application = frappe.get_doc(
			{
				"doctype": DEMONSTRATION_APPLICATION,
				"brand_pilot": cls.completed,
				"recommending_authority": ZHEJIANG,
				"organizing_unit": frappe.db.get_value(BRAND_PILOT, cls.completed, "organizing_unit"),
				"workflow_state": demonstration.DEMONSTRATION_ZONE_STATE,
			}
		)
		application.name = f"DA-pev-{tag}"
		application.db_insert()  # the application as the views read it, whatever its own controller checks
		cls.application = application.name

	def tearDown(self):
		frappe.set_user("Administrator")

	def report_rows(self) -> dict[str, dict]:
		try:
			rows = run_report("Pilot Progress", filters={})["result"]
		except frappe.PermissionError:
			rows = []
		return {
			row["brand_pilot"]: row
			for row in rows
			if isinstance(row, dict) and row.get("brand_pilot") in self.pilots
		}

	def test_the_report_follows_each_pilot_to_its_end(self):
		for key, sees in SEES.items():
			if key == "applicant":
				continue  # the report is the provinces' and the ministry's (its roles)
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				rows = self.report_rows()
				frappe.set_user("Administrator")
				self.assertEqual(set(rows), set(self.pilots) if sees else set())
				if not sees:
					continue
				self.assertEqual(rows[self.completed]["pilot_status"], _("Pilot Completed"))
				self.assertEqual(rows[self.completed]["demonstration_application"], self.application)
				self.assertEqual(rows[self.completed]["demonstration_stage"], _("Demonstration Zone"))
				self.assertEqual(rows[self.not_completed]["pilot_status"], _("Pilot Not Completed"))
				self.assertIsNone(rows[self.not_completed]["demonstration_stage"])
				self.assertEqual(rows[self.in_pilot]["pilot_status"], _("In Pilot"))
		# the status filter
		rows = run_report("Pilot Progress", filters={"pilot_status": "Pilot Not Completed"})["result"]
		self.assertEqual(
			{r["brand_pilot"] for r in rows if r.get("brand_pilot") in self.pilots}, {self.not_completed}
		)

	def test_the_chart_of_the_pilots_end(self):
		only_these = [[BRAND_PILOT, "name", "in", self.pilots, False]]
		expected = {
			_("In Pilot"): 1,
			_("Pilot Completed"): 1,
			_("Pilot Not Completed"): 1,
			_("Demonstration Zone"): 1,
		}
		for key, sees in SEES.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				chart = end_of_the_pilots_chart(filters=frappe.as_json(only_these))
				frappe.set_user("Administrator")
				counts = dict(zip(chart["labels"], chart["datasets"][0]["values"], strict=True))
				self.assertEqual(counts, expected if sees else {})
		# an application under review counts as applying
		frappe.db.set_value(
			DEMONSTRATION_APPLICATION, self.application, "workflow_state", "Under Expert Review"
		)
		try:
			chart = end_of_the_pilots_chart(filters=frappe.as_json(only_these))
			counts = dict(zip(chart["labels"], chart["datasets"][0]["values"], strict=True))
			self.assertEqual(counts.get(_(pilot_end.APPLYING)), 1)
			self.assertNotIn(_("Demonstration Zone"), counts)
		finally:
			frappe.db.set_value(
				DEMONSTRATION_APPLICATION,
				self.application,
				"workflow_state",
				demonstration.DEMONSTRATION_ZONE_STATE,
			)

	def test_the_units_applications_block_closes_an_ended_pilots_application(self):
		frappe.set_user(self.cast.applicant)
		html = get_desk_status("applicant")
		frappe.set_user("Administrator")
		rows = {
			pilot: next(
				(row for row in html.split("<tr") if application in row),
				"",
			)
			for pilot, application in (
				(name, frappe.db.get_value(BRAND_PILOT, name, "application")) for name in self.pilots
			)
		}
		for pilot in (self.completed, self.not_completed):
			self.assertIn(_(desk_status.PILOT_ENDED), rows[pilot])
		self.assertNotIn(_(desk_status.PILOT_ENDED), rows[self.in_pilot])
		self.assertIn(_("Carry out the pilot work plan"), rows[self.in_pilot])
