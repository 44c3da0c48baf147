"""The 申报书 form on the server side of the desk: a number nobody typed stays blank (stored as no value, not
as 0), a refused save names and locates the failing cell, and the form learns which parts the reader may
edit in this state (the edit locks of rules/application/edit_locks.py, read-only in the form before any save)."""

from datetime import date

import frappe
from frappe.desk.form.load import getdoc

from cluster_brand.cluster_brand.doctype.cluster_brand_application.cluster_brand_application import (
	completeness_report,
)
from cluster_brand.controllers.messages import InvalidCellError
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.indicators import YEAR_FIELDS
from cluster_brand.rules.application.workflow import DRAFT, PENDING_PROVINCIAL_REVIEW
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import OWN_UNIT, drive_to, make_cast, new_application
from cluster_brand.tests.support.records import IntegrationTestCase, language, make_test_application_values

PROFIT = "Total Profit of the Leading Industry (100 million yuan)"
EXPORTS = "Total Exports of the Leading Industry (100 million yuan)"


def indicator_row(doc, key):
	return next(row for row in doc.indicators if row.indicator == key)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 8, 17)


@frozen_day(DAY)
class TestIndicatorBlanks(IntegrationTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.doc = new_application(frappe.generate_hash(length=6))

	def tearDown(self):
		frappe.db.rollback()

	def test_a_number_nobody_typed_is_stored_as_no_value(self):
		indicator_row(self.doc, PROFIT).year_1_value = None
		indicator_row(self.doc, EXPORTS).year_2_value = 0  # typed: a cluster without exports
		self.doc.save()
		reloaded = frappe.get_doc(APPLICATION, self.doc.name)
		self.assertIsNone(indicator_row(reloaded, PROFIT).year_1_value)
		self.assertEqual(indicator_row(reloaded, EXPORTS).year_2_value, 0)
		self.assertIsNone(reloaded.as_dict()["indicators"][5]["year_1_value"])

	def test_completeness_names_a_blank_indicator_that_may_be_zero(self):
		indicator_row(self.doc, PROFIT).year_1_value = None
		self.doc.save()
		with language("zh"):
			report = completeness_report(frappe.get_doc(APPLICATION, self.doc.name))
		self.assertFalse(report["complete"])
		self.assertEqual(report["missing"], ["主要指标情况：主导产业利润总额（亿元），2014年"])

	def test_a_new_application_has_blank_indicators(self):
		tag = frappe.generate_hash(length=6)
		values = make_test_application_values(OWN_UNIT, cluster_suffix=f"{OWN_UNIT}-{tag}")
		values["indicators"] = [{"indicator": row["indicator"]} for row in values["indicators"]]
		doc = frappe.get_doc(values).insert()
		stored = frappe.get_all("Application Indicator", {"parent": doc.name}, list(YEAR_FIELDS))
		self.assertEqual(len(stored), 11)
		self.assertEqual({value for row in stored for value in row.values()}, {None})
		# the ratios of blank indicators are blank too, not 0
		derived = frappe.get_all("Application Derived Indicator", {"parent": doc.name}, ["year_2_value"])
		self.assertEqual({row.year_2_value for row in derived}, {None})


@frozen_day(DAY)
class TestRefusedSave(IntegrationTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.doc = new_application(frappe.generate_hash(length=6))
		frappe.local.response.pop("errors", None)

	def tearDown(self):
		frappe.local.response.pop("errors", None)
		frappe.db.rollback()

	def refused(self, table: str, idx: int, fieldname: str, value) -> str:
		self.doc.get(table)[idx - 1].set(fieldname, value)
		frappe.local.message_log = []
		with language("zh"), self.assertRaises(InvalidCellError):
			self.doc.save()
		return frappe.local.message_log[-1]["message"]

	def test_a_negative_number_names_and_locates_its_cell(self):
		message = self.refused("backbone_enterprises", 3, "assets", -5)
		self.assertEqual(message, "骨干企业汇总表第3行：资产（万元）不能为负数（-5）。")
		self.assertEqual(
			frappe.local.response["errors"],
			[
				{
					"item": "资产（万元）",
					"table": "backbone_enterprises",
					"row": 3,
					"field": "assets",
					"value": -5,
					"message": message,
				}
			],
		)

	def test_a_bad_credit_code_locates_its_cell(self):
		self.refused("backbone_enterprises", 2, "enterprise", "91330000000000000X")
		first = frappe.local.response["errors"][0]
		self.assertEqual(
			{k: first[k] for k in ("table", "row", "field", "value")},
			{"table": "backbone_enterprises", "row": 2, "field": "enterprise", "value": "91330000000000000X"},
		)

	def test_a_contact_of_a_key_enterprise_names_its_table_and_row(self):
		message = self.refused("top_enterprises", 2, "mobile", "123")
		self.assertIn("一、重点骨干企业情况第2行", message)
		self.assertIn("手机", message)
		self.assertEqual(frappe.local.response["errors"][0]["field"], "mobile")

	def test_an_indicator_names_its_table_and_year(self):
		message = self.refused("indicators", 5, "year_3_value", -1)
		self.assertEqual(message, "主要指标情况：主导产业销售收入（亿元），2016年，不能为负数（-1）。")
		[item] = frappe.local.response["errors"]
		self.assertEqual(
			{k: item[k] for k in ("table", "row", "field", "value")},
			{"table": "indicators", "row": 5, "field": "year_3_value", "value": -1},
		)


@frozen_day(DAY)
class TestEditableLevels(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		cls.draft = drive_to(cls.cast, DRAFT, f"levels-{tag}")
		cls.pending = drive_to(cls.cast, PENDING_PROVINCIAL_REVIEW, f"levels-p-{tag}")

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		super().tearDownClass()

	def editable_levels(self, who: str, name: str):
		frappe.set_user(self.cast[who])
		frappe.response.docs = []
		try:
			getdoc(APPLICATION, name)
			return frappe.response.docs[0].get("__onload")["editable_levels"]
		finally:
			frappe.set_user("Administrator")

	def test_each_reader_learns_what_it_may_edit_in_this_state(self):
		self.assertEqual(self.editable_levels("applicant", self.draft), [0])
		self.assertEqual(self.editable_levels("applicant", self.pending), [])
		self.assertEqual(self.editable_levels("province", self.pending), [1])
		self.assertEqual(self.editable_levels("ministry", self.pending), [])
