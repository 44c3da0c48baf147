"""REST: an organizing unit's system creates and reads a complete application over /api/resource."""

from datetime import date

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.completeness import TABLE_FIELDS
from cluster_brand.rules.application.enterprises import MINIMUM_COVERAGE_PERCENT
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import answer_messages, make_api_user, rest
from cluster_brand.tests.support.records import IntegrationTestCase, make_test_application_values

APPLICANT = "rest.applicant@example.com"
RESOURCE = f"/api/resource/{APPLICATION}"


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 4, 6)


@frozen_day(DAY)
class TestApplicationREST(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.values = make_test_application_values("-rest")
		cls.refused_values = make_test_application_values("-rest", cluster_suffix="-rest-invalid")
		cls.token = make_api_user(
			APPLICANT, ["Cluster Applicant"], ("Organizing Unit", cls.values["organizing_unit"])
		)
		# A run that was killed may have left its application behind.
		for name in frappe.get_all(
			APPLICATION, {"industrial_cluster": cls.values["industrial_cluster"]}, pluck="name"
		):
			frappe.delete_doc(APPLICATION, name, force=True)
		frappe.db.commit()  # the request runs on its own connection and sees only committed data
		cls.created = []

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()  # a new snapshot, which sees what the requests committed
		for name in cls.created:
			frappe.delete_doc(APPLICATION, name, force=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_create_and_read_an_application_with_all_child_tables(self):
		created = rest("POST", RESOURCE, self.token, self.values)
		self.assertEqual(created.status_code, 200, created.get_data(as_text=True)[:2000])
		name = created.json["data"]["name"]
		self.created.append(name)

		read = rest("GET", f"{RESOURCE}/{name}", self.token)
		self.assertEqual(read.status_code, 200)
		data = read.json["data"]
		self.assertEqual(data["owner"], APPLICANT)
		for table in TABLE_FIELDS:
			self.assertEqual(len(data[table]), len(self.values[table]), table)
		self.assertEqual(data["tasks"][0]["measure_no"], "1.1")
		self.assertEqual(data["indicators"][4]["year_3_value"], self.values["indicators"][4]["year_3_value"])
		self.assertEqual(
			data["backbone_enterprises"][0]["enterprise_name"],
			frappe.db.get_value(
				"Cluster Enterprise", self.values["backbone_enterprises"][0]["enterprise"], "enterprise_name"
			),
		)
		self.assertGreaterEqual(data["backbone_sales_coverage"], MINIMUM_COVERAGE_PERCENT)

		completeness = rest(
			"GET", f"/api/method/cluster_brand.api.check_completeness?name={name}", self.token
		)
		self.assertEqual(completeness.status_code, 200)
		self.assertEqual(completeness.json["message"], {"complete": True, "missing": []})

	def test_a_rule_violation_is_refused_over_rest_and_nothing_is_saved(self):
		body = self.refused_values
		body["indicators"][9]["year_1_value"] = 150  # 国内市场占有率 above 100%
		before = frappe.db.count(APPLICATION)
		refused = rest("POST", RESOURCE, self.token, body)
		self.assertEqual(refused.status_code, 417)
		self.assertIn("主导产业国内市场占有率（%），2014年，为百分比", answer_messages(refused.json))
		# a ValidationError that locates the cell
		self.assertEqual(refused.json["exc_type"], "InvalidCellError")
		[item] = refused.json["errors"]
		self.assertEqual(
			{k: item[k] for k in ("table", "row", "field", "value")},
			{"table": "indicators", "row": 10, "field": "year_1_value", "value": 150},
		)
		self.assertIn("为百分比", item["message"])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(APPLICATION), before)
