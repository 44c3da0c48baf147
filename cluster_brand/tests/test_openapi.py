"""The OpenAPI document the site serves (api/openapi.py): valid for openapi-spec-validator, and the same as the
site's live metadata (custom fields included) and the methods the programme's roles may call."""

import json
from datetime import date

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.openapi.build import (
	MODULE,
	ROW_STANDARD_FIELDS,
	STANDARD_FIELDS,
	is_data_field,
	schema_name,
)
from cluster_brand.permissions.allowlist import ALLOWED_METHODS
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.openapi import PATH, check_against, served_document
from cluster_brand.tests.support.records import IntegrationTestCase

APPLICANT = "openapi.applicant@example.com"
MINISTRY = "openapi.ministry@example.com"
CUSTOM_FIELD = "custom_industry_sector"
# on the enterprise register: a custom field on the 申报书 fails in Frappe's schema sync while a row holds NULL in
# one of its nullable numbers (controllers/blank_numbers.py keeps them nullable on migrate only)
ENTERPRISE = "Cluster Enterprise"

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py); the
# document reads no date, the API user's key is made on it
DAY = date(2026, 3, 23)


@frozen_day(DAY)
class TestOpenAPI(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.spec = served_document()

	def test_the_served_document_validates(self):
		validate(self.spec)
		self.assertEqual(self.spec["openapi"], "3.0.3")
		self.assertNotIn("message", self.spec)
		self.assertTrue(self.spec["servers"][0]["url"].startswith("http"))

	def test_it_matches_the_live_metadata(self):
		names = frappe.get_all("DocType", filters={"module": MODULE}, pluck="name")
		self.assertGreater(len(names), 40)
		schemas = self.spec["components"]["schemas"]
		for name in names:
			meta = frappe.get_meta(name)
			schema = schemas[schema_name(name)]
			fields = [f for f in meta.fields if is_data_field(f.as_dict())]
			standard = ROW_STANDARD_FIELDS if meta.istable else STANDARD_FIELDS
			self.assertEqual(set(schema["properties"]) - set(standard), {f.fieldname for f in fields}, name)
			self.assertEqual(schema.get("required", []), [f.fieldname for f in fields if f.reqd], name)
			for field in fields:
				prop = schema["properties"][field.fieldname]
				if field.fieldtype == "Select":
					self.assertEqual(prop["enum"], [o for o in (field.options or "").split("\n") if o])
				if field.fieldtype == "Table":
					self.assertEqual(
						prop["items"]["$ref"], f"#/components/schemas/{schema_name(field.options)}"
					)
			has_paths = f"/api/resource/{name.replace(' ', '%20')}" in self.spec["paths"]
			self.assertEqual(has_paths, not meta.istable and not meta.issingle, name)

	def test_every_method_the_programme_may_call_has_its_path(self):
		listed = [m for m in ALLOWED_METHODS if m.startswith("cluster_brand.")]
		self.assertGreater(len(listed), 15)
		missing = [m for m in listed if f"/api/method/{m}" not in self.spec["paths"]]
		self.assertEqual(missing, [])

	def test_a_custom_field_is_in_the_served_document(self):
		try:
			create_custom_field(
				ENTERPRISE,
				{
					"fieldname": CUSTOM_FIELD,
					"fieldtype": "Select",
					"label": "Industry Sector",
					"options": "\nA\nB",
				},
			)
			frappe.db.commit()  # the request reads on its own connection
			spec = served_document()
		finally:
			frappe.db.rollback()
			if frappe.db.exists("Custom Field", f"{ENTERPRISE}-{CUSTOM_FIELD}"):
				frappe.delete_doc("Custom Field", f"{ENTERPRISE}-{CUSTOM_FIELD}", force=True)
			frappe.db.commit()
			frappe.clear_cache(doctype=ENTERPRISE)
		prop = spec["components"]["schemas"][schema_name(ENTERPRISE)]["properties"][CUSTOM_FIELD]
		self.assertEqual(prop["enum"], ["A", "B"])
		self.assertTrue(prop["description"].startswith("Industry Sector / 所属行业"), prop["description"])
		validate(spec)
		later = served_document()["components"]["schemas"][schema_name(ENTERPRISE)]["properties"]
		self.assertNotIn(CUSTOM_FIELD, later)

	def test_a_custom_field_of_the_application_is_added_and_served(self):
		# the 申报书's blank numbers (专家平均分 before any sheet is submitted) are NULL in their columns: the table's
		# sync for the new field keeps them so (it failed: Data truncated for column 'mean_score')
		self.assertTrue(frappe.db.exists(APPLICATION, {"mean_score": ("is", "not set")}))
		fieldname = "custom_regional_code"
		try:
			create_custom_field(
				APPLICATION, {"fieldname": fieldname, "fieldtype": "Data", "label": "Regional Code"}
			)
			frappe.db.commit()
			spec = served_document()
		finally:
			frappe.db.rollback()
			if frappe.db.exists("Custom Field", f"{APPLICATION}-{fieldname}"):
				frappe.delete_doc("Custom Field", f"{APPLICATION}-{fieldname}", force=True)
			frappe.db.commit()
			frappe.clear_cache(doctype=APPLICATION)
		self.assertIn(fieldname, spec["components"]["schemas"][schema_name(APPLICATION)]["properties"])
		self.assertTrue(frappe.db.exists(APPLICATION, {"mean_score": ("is", "not set")}))

	def test_a_programme_user_reads_it_too(self):
		token = make_api_user(APPLICANT, ["Cluster Applicant"])
		response = rest("GET", PATH, token)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:600])
		self.assertEqual(
			json.loads(response.get_data(as_text=True))["info"]["title"], "cluster_brand REST API"
		)

	def test_an_application_read_over_rest_is_what_its_schema_says(self):
		name = frappe.get_all(APPLICATION, pluck="name", order_by="creation", limit=1)[0]
		token = make_api_user(MINISTRY, ["Ministry Administrator"])
		response = rest("GET", f"/api/resource/{APPLICATION}/{name}", token)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:600])
		data = response.json["data"]
		self.assertEqual(len(data["backbone_enterprises"]), 30)
		check_against(self.spec, schema_name(APPLICATION), data)
		data["indicators"][0]["indicator"] = "主导产业销售收入"  # a Chinese name: not a key of the enum
		with self.assertRaisesRegex(ValidationError, "is not one of"):
			check_against(self.spec, schema_name(APPLICATION), data)

	def test_the_completeness_check_answers_as_documented(self):
		name = frappe.get_all(APPLICATION, pluck="name", order_by="creation", limit=1)[0]
		token = make_api_user(MINISTRY, ["Ministry Administrator"])
		response = rest("GET", f"/api/method/cluster_brand.api.check_completeness?name={name}", token)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:600])
		check_against(self.spec, "Completeness", response.json["message"])
		self.assertIsInstance(response.json["message"]["complete"], bool)
