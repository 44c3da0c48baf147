"""The desk's print preview, notification bell and quick entry for the programme's roles (issue 19): the
methods they call are allowed (allowlist.py) in a form that keeps to the row and field rules
(cluster_brand/overrides/: print_settings.py, client.py, notification_settings.py), each tried here through the allowlist and the app's overrides, as a request runs."""

from datetime import date

import frappe

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW, UNDER_EXPERT_REVIEW
from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.tests.dates import frozen_day
from cluster_brand.tests.process import OTHER_UNIT, drive_to, make_cast
from cluster_brand.tests.utils import IntegrationTestCase, call_as, language, make_test_application_values

PRINT_SETTINGS = "frappe.printing.page.print.print.get_print_settings_to_show"
GET_VALUE = "frappe.client.get_value"
SET_SEEN = "frappe.desk.doctype.notification_settings.notification_settings.set_seen_value"
HIDE_INDICATOR = "frappe.desk.doctype.notification_log.notification_log.trigger_indicator_hide"
SAVE = "frappe.client.save"


def credit_code() -> str:
	"""A valid unified social credit code of an enterprise no other test registers."""
	first = "91330100" + "".join(str(int(c, 16) % 10) for c in frappe.generate_hash(length=9))
	return first + credit_code_check_character(first)


DAY = date(2026, 8, 20)


@frozen_day(DAY)
class TestDeskFeatures(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		cls.reviewed = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"desk-rev-{tag}")
		cls.pending = drive_to(cls.cast, PENDING_PROVINCIAL_REVIEW, f"desk-pend-{tag}")
		frappe.set_user("Administrator")
		cls.sheet = frappe.db.get_value(
			EXPERT_REVIEW, {"application": cls.reviewed, "expert": cls.cast.expert}
		)
		cls.other = (
			frappe.get_doc(
				make_test_application_values(
					OTHER_UNIT,
					demo_file="application_shandong.json",
					cluster_suffix=f"{OTHER_UNIT}-desk-{tag}",
				)
			)
			.insert()
			.name
		)
		cls.cluster = frappe.db.get_value(APPLICATION, cls.reviewed, "industrial_cluster")
		cls.other_cluster = frappe.db.get_value(APPLICATION, cls.other, "industrial_cluster")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()

	def call(self, who: str, method: str, **kwargs):
		"""A whitelisted method as ``who``, through the allowlist and the overrides."""
		return call_as(self.cast[who], method, **kwargs)

	def test_print_settings_for_a_printable_document_only(self):
		for who, doctype, name in (
			("applicant", APPLICATION, self.reviewed),
			("province", APPLICATION, self.reviewed),
			("ministry", APPLICATION, self.reviewed),
			("expert", EXPERT_REVIEW, self.sheet),
		):
			with self.subTest(who=who):
				self.assertIsInstance(self.call(who, PRINT_SETTINGS, doctype=doctype, docname=name), list)
		# Frappe's method loads the document unchecked: whether it exists is no one else's business
		for who, doctype, name in (
			("applicant", APPLICATION, self.other),
			("other_province", APPLICATION, self.reviewed),
			("other_expert", EXPERT_REVIEW, self.sheet),
			("applicant", EXPERT_REVIEW, self.sheet),
		):
			with self.subTest(who=who, refused=name), self.assertRaises(frappe.PermissionError):
				self.call(who, PRINT_SETTINGS, doctype=doctype, docname=name)

	def test_get_value_keeps_to_the_row_and_field_rules(self):
		# what the print preview asks: the default letter head
		self.assertIsInstance(
			self.call(
				"applicant", GET_VALUE, doctype="Letter Head", fieldname="name", filters={"disabled": 0}
			),
			dict,
		)
		own = self.call("applicant", GET_VALUE, doctype=APPLICATION, fieldname="name", filters=self.reviewed)
		self.assertEqual(own, {"name": self.reviewed})
		# the row rules: another unit's application is not found
		self.assertEqual(
			self.call("applicant", GET_VALUE, doctype=APPLICATION, fieldname="name", filters=self.other), {}
		)
		self.assertEqual(
			self.call(
				"other_province", GET_VALUE, doctype=APPLICATION, fieldname="name", filters=self.reviewed
			),
			{},
		)
		refused = (
			# the field levels: the ministry's confidential mean score, in the fields or in the filters
			("applicant", APPLICATION, "mean_score", self.reviewed),
			("applicant", APPLICATION, "name", {"mean_score": (">", 0)}),
			("province", APPLICATION, '["name", "mean_score"]', self.reviewed),
			# what a state withholds: the unit never reads the province's opinion through a query
			("applicant", APPLICATION, "recommendation_opinion", self.pending),
			# a DocType the role may not read at all, a Single too
			("applicant", "Review Expert", "name", None),
			("applicant", "Print Settings", "pdf_page_size", None),
			("province", "System Settings", "country", None),
		)
		for who, doctype, fieldname, filters in refused:
			with self.subTest(who=who, doctype=doctype, fieldname=fieldname, filters=filters):
				with self.assertRaises(frappe.PermissionError):
					self.call(who, GET_VALUE, doctype=doctype, fieldname=fieldname, filters=filters)
		# the ministry reads its own part
		self.assertIn(
			"mean_score",
			self.call(
				"ministry", GET_VALUE, doctype=APPLICATION, fieldname="mean_score", filters=self.reviewed
			),
		)

	def test_the_bell_marks_the_users_own_notifications_seen(self):
		for who in ("applicant", "province"):
			if not frappe.db.exists("Notification Settings", self.cast[who]):
				frappe.get_doc({"doctype": "Notification Settings", "name": self.cast[who]}).insert(
					ignore_permissions=True
				)
			frappe.db.set_value("Notification Settings", self.cast[who], "seen", 0)
		self.call("applicant", SET_SEEN, value=1, user=self.cast.applicant)
		self.assertEqual(frappe.db.get_value("Notification Settings", self.cast.applicant, "seen"), 1)
		self.call("applicant", HIDE_INDICATOR)  # a realtime message to the caller's own desk
		with self.assertRaises(frappe.PermissionError):
			self.call("applicant", SET_SEEN, value=1, user=self.cast.province)
		self.assertEqual(frappe.db.get_value("Notification Settings", self.cast.province, "seen"), 0)

	def enterprise(self, cluster, **values):
		return {
			"doctype": "Cluster Enterprise",
			"__islocal": 1,
			"enterprise_name": f"快速录入企业{frappe.generate_hash(length=4)}",
			"unified_social_credit_code": credit_code(),
			"industrial_cluster": cluster,
			**values,
		}

	def test_quick_entry_inserts_only_an_enterprise_of_the_units_own_cluster(self):
		# 「添加 集群企业」: the quick entry's save
		saved = self.call("applicant", SAVE, doc=frappe.as_json(self.enterprise(self.cluster)))
		self.assertEqual(
			frappe.db.get_value("Cluster Enterprise", saved["name"], "industrial_cluster"), self.cluster
		)
		# 产业集群 left empty: refused by its name, not as a permission
		frappe.clear_messages()
		with language("zh"), self.assertRaises(frappe.MandatoryError):
			self.call("applicant", SAVE, doc=frappe.as_json(self.enterprise(None)))
		told = " ".join(m.get("message", "") for m in frappe.get_message_log())
		self.assertIn("产业集群", told)
		for who, doc in (
			# another unit's cluster, and a role that registers no enterprise
			("applicant", self.enterprise(self.other_cluster)),
			("province", self.enterprise(self.cluster)),
			# a saved enterprise is edited in its form (savedocs), never through frappe.client.save
			("applicant", {**self.enterprise(self.cluster), "__islocal": 0, "name": saved["name"]}),
			# the quick entry of no other DocType
			("applicant", {"doctype": APPLICATION, "pilot_batch": "x"}),
			("applicant", {"doctype": "ToDo", "description": "x", "allocated_to": self.cast.province}),
		):
			with self.subTest(who=who, doc=doc), self.assertRaises(frappe.PermissionError):
				self.call(who, SAVE, doc=frappe.as_json(doc))
