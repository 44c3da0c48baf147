"""Bad input over HTTP is the client's error: a 4xx with a translated message naming the field, nothing saved,
never a 500 (cluster_brand/permissions/request_input.py). Generated over every allowlisted method and every programme
DocType's field types; then each 500 and the data loss of issue 18 by itself."""

import inspect
import json
from datetime import date
from urllib.parse import quote, urlencode

import frappe
from frappe.utils import escape_html

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
from cluster_brand.permissions.allowlist import ALLOWED_METHODS
from cluster_brand.permissions.request_input import (
	JSON_ARGUMENTS,
	METHOD_JSON_ARGUMENTS,
	PROGRAMME_MODULE,
	resolve_method,
)
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.pilot_stage import make_pilot, start_summary
from cluster_brand.tests.support.process import make_cast, new_application
from cluster_brand.tests.support.records import IntegrationTestCase, language

MALFORMED = '{"a": '
# a value of the wrong shape for each field type of the programme's DocTypes
BAD_VALUES = {
	"Data": {"a": 1},
	"Small Text": ["x"],
	"Text": {"a": 1},
	"Select": {"a": 1},
	"Link": ["x"],
	"Attach": {"file": 1},
	"Int": "not a number",
	"Float": "not a number",
	"Percent": "84%%",
	"Check": "true",
	"Date": "2017-02-30",
}
BAD_TABLES = ("x", 5, {"a": 1}, None, ["x"])
# the methods whose call has effects beyond the caller's session data, or that end the session
NOT_CALLED = {"login", "logout"}


def request(method: str, path: str, token: str, data=None, content_type: str = "application/json"):
	"""A request with a raw body (a malformed one too)."""
	return rest(method, path, token, data=data, content_type=content_type)


def message(response) -> str:
	"""The status and the messages of an answer (v1: exception and _server_messages; v2: errors)."""
	body = response.json or {}
	messages = [json.loads(m).get("message", "") for m in json.loads(body.get("_server_messages") or "[]")]
	messages += [error.get("message") or "" for error in body.get("errors") or []]
	return " ".join([body.get("exception") or "", *messages])


def programme_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType", {"module": PROGRAMME_MODULE, "istable": 0, "issingle": 0}, pluck="name", order_by="name"
	)


def zh(label: str) -> str:
	with language("zh"):
		return escape_html(frappe._(label))


# no assertion reads the date; the pilot and the batch are made on this day
DAY = date(2026, 9, 14)


@frozen_day(DAY)
class TestRequestInput(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(cls.cast[key], []) for key in ("applicant", "ministry")}
		cls.tokens["system_manager"] = make_api_user("t.input.sysmanager@example.com", ["System Manager"])
		tag = frappe.generate_hash(length=6)
		cls.application = new_application(f"input-{tag}").name
		cls.other_application = new_application(f"input-other-{tag}").name
		cls.pilot = make_pilot(cls.cast, f"input-pilot-{tag}")
		cls.summary = start_summary(cls.cast, cls.pilot)
		frappe.db.commit()  # the requests run on their own connections

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.delete_doc(ANNUAL_WORK_SUMMARY, cls.summary, force=True, ignore_permissions=True)
		for name in (cls.application, cls.other_application):
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def modified(self, doctype: str, name: str):
		frappe.db.rollback()  # a new snapshot: what the requests committed
		return frappe.db.get_value(doctype, name, "modified")

	def assert_refused(self, response, *named: str, status: tuple = (400,)):
		text = message(response)
		self.assertIn(response.status_code, status, text[:600])
		for name in named:
			self.assertIn(name, text)
		self.assertTrue(any("\u4e00" <= c <= "\u9fff" for c in text), f"not translated: {text[:300]}")

	# --- generated: every allowlisted method ----------------------------------------------------------------

	def test_every_allowlisted_method_answers_missing_and_malformed_arguments_without_a_500(self):
		for method in sorted(set(ALLOWED_METHODS) - NOT_CALLED):
			fn = resolve_method(method)
			self.assertIsNotNone(fn, method)
			http = frappe.allowed_http_methods_for_whitelisted_func.get(getattr(fn, "__func__", fn), ["POST"])
			verb = "POST" if "POST" in http else http[0]
			parameters = [
				name
				for name, p in inspect.signature(fn).parameters.items()
				if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and name != "self"
			]
			required = [
				n for n in parameters if inspect.signature(fn).parameters[n].default is inspect._empty
			]
			# and what the method reads from the request itself
			parameters += [n for n in METHOD_JSON_ARGUMENTS.get(method, ()) if n not in parameters]
			calls = [{}] + [{**dict.fromkeys(required, "x"), name: MALFORMED} for name in parameters]
			# text that is no JSON where Frappe may read JSON
			calls += [
				{**dict.fromkeys(required, "x"), n: "no json"}
				for n in parameters
				if n in JSON_ARGUMENTS or n in METHOD_JSON_ARGUMENTS.get(method, ())
			]
			for who in ("applicant", "system_manager"):
				for arguments in calls:
					with self.subTest(method=method, who=who, arguments=arguments):
						response = self.call(verb, method, who, arguments)
						self.assertLess(response.status_code, 500, message(response)[:600])
						if response.status_code >= 400:
							self.assertTrue(message(response).strip(), response.status_code)
						if not arguments and required:
							self.assert_refused(response, required[0], status=(400, 403))

	def call(self, verb: str, method: str, who: str, arguments: dict):
		path = f"/api/method/{method}"
		if verb == "GET":
			return request("GET", f"{path}?{urlencode(arguments)}" if arguments else path, self.tokens[who])
		return request(verb, path, self.tokens[who], json.dumps(arguments))

	def test_plain_text_where_frappe_takes_a_name_or_json_is_left_alone(self):
		# filters as a record's name (frappe.db.get_value in the desk), doc as a DocType's name (print preview)
		response = self.call(
			"GET",
			"frappe.client.get_value",
			"system_manager",
			{"doctype": APPLICATION, "fieldname": "name", "filters": self.application},
		)
		self.assertEqual(response.status_code, 200, message(response)[:300])
		self.assertEqual(response.json["message"]["name"], self.application)
		response = self.call(
			"POST",
			"frappe.www.printview.get_html_and_style",
			"applicant",
			{"doc": APPLICATION, "name": self.application},
		)
		self.assertEqual(response.status_code, 200, message(response)[:300])

	# --- generated: every programme DocType, every field type ---------------------------------------------

	def test_every_field_type_of_every_programme_doctype_refuses_a_value_of_the_wrong_shape(self):
		token = self.tokens["system_manager"]  # whom no allowlist or edit lock stops
		for doctype in programme_doctypes():
			meta = frappe.get_meta(doctype)
			name = frappe.get_all(doctype, limit=1, pluck="name", order_by="creation desc")
			for body, label in self.bad_bodies(meta):
				for verb, path in (
					("POST", f"/api/resource/{quote(doctype)}"),
					*((("PUT", f"/api/resource/{quote(doctype)}/{quote(name[0])}"),) if name else ()),
				):
					with self.subTest(doctype=doctype, verb=verb, body=body):
						before = self.modified(doctype, name[0]) if name else None
						count = frappe.db.count(doctype)
						response = request(verb, path, token, json.dumps(body))
						self.assert_refused(response, label)
						self.assertEqual(frappe.db.count(doctype), count)
						if name:
							self.assertEqual(self.modified(doctype, name[0]), before)

	def bad_bodies(self, meta):
		"""(body, the translated label its message names): one field of each type, each table sent as no
		table, and each table's rows with a field of each type."""
		seen = set()
		for df in meta.fields:
			if df.fieldtype in BAD_VALUES and df.fieldtype not in seen:
				seen.add(df.fieldtype)
				yield {df.fieldname: BAD_VALUES[df.fieldtype]}, zh(df.label)
			if df.fieldtype != "Table":
				continue
			table = zh(df.label)
			for value in BAD_TABLES:
				yield {df.fieldname: value}, table
			row_types = set()
			for child in frappe.get_meta(df.options).fields:
				if child.fieldtype in BAD_VALUES and child.fieldtype not in row_types:
					row_types.add(child.fieldtype)
					yield {df.fieldname: [{child.fieldname: BAD_VALUES[child.fieldtype]}]}, zh(child.label)

	def test_a_sample_over_rest_v2(self):
		path = f"/api/v2/document/{quote(APPLICATION)}/{self.application}"
		before = self.modified(APPLICATION, self.application)
		for body in (
			{"indicators": "x"},
			{"leading_industry_profile": {"a": 1}},
			{"indicators": [{"year_1_value": "x"}]},
		):
			with self.subTest(body=body):
				response = request("PATCH", path, self.tokens["applicant"], json.dumps(body))
				self.assert_refused(response)
		self.assertEqual(self.modified(APPLICATION, self.application), before)

	# --- the 500s of issue 18, each by itself -------------------------------------------------------------

	def test_malformed_json_bodies(self):
		token = self.tokens["applicant"]
		before = self.modified(APPLICATION, self.application)
		count = frappe.db.count(APPLICATION)
		for verb, path in (
			("POST", f"/api/resource/{quote(APPLICATION)}"),
			("PUT", f"/api/resource/{quote(APPLICATION)}/{self.application}"),
			("POST", f"/api/v2/document/{quote(APPLICATION)}"),
			("PUT", f"/api/v2/document/{quote(APPLICATION)}/{self.application}"),
			("POST", "/api/method/cluster_brand.api.check_completeness"),
			("POST", "/api/method/frappe.desk.form.save.savedocs"),
		):
			for body in (MALFORMED, "{bad", "[1, 2"):
				with self.subTest(verb=verb, path=path, body=body):
					response = request(verb, path, token, body)
					self.assert_refused(response, "JSON")
		# the body's JSON is not a document
		for body in ("[1, 2]", '"x"', "5"):
			with self.subTest(body=body):
				response = request(
					"PUT", f"/api/resource/{quote(APPLICATION)}/{self.application}", token, body
				)
				self.assertIn(response.status_code, (400, 417), message(response)[:300])
		# a form's ``data`` argument that is no JSON
		response = request(
			"PUT",
			f"/api/resource/{quote(APPLICATION)}/{self.application}",
			token,
			urlencode({"data": MALFORMED}),
			"application/x-www-form-urlencoded",
		)
		self.assert_refused(response, "data")
		self.assertEqual(self.modified(APPLICATION, self.application), before)
		self.assertEqual(frappe.db.count(APPLICATION), count)

	def test_required_arguments_left_out(self):
		for method, argument, who in (
			("cluster_brand.api.check_completeness", "name", "applicant"),
			("cluster_brand.desk.status_block.get_desk_status", "view", "applicant"),
			(
				"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary",
				"brand_pilot",
				"applicant",
			),
			(
				"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_final_summary",
				"brand_pilot",
				"applicant",
			),
			(
				"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_demonstration_application",
				"brand_pilot",
				"applicant",
			),
			("frappe.desk.form.save.savedocs", "doc", "system_manager"),
		):
			with self.subTest(method=method):
				response = request("POST", f"/api/method/{method}", self.tokens[who], "{}")
				self.assert_refused(response, argument)

	def test_a_child_table_as_text_or_number_and_a_text_as_an_object(self):
		path = f"/api/resource/{quote(APPLICATION)}/{self.application}"
		before = self.modified(APPLICATION, self.application)
		for body, named in (
			({"indicators": "x"}, "indicators"),
			({"indicators": 5}, "indicators"),
			({"leading_industry_profile": {"a": 1}}, "leading_industry_profile"),
		):
			with self.subTest(body=body):
				label = frappe.get_meta(APPLICATION).get_label(named)
				self.assert_refused(
					request("PUT", path, self.tokens["applicant"], json.dumps(body)), zh(label)
				)
		self.assertEqual(self.modified(APPLICATION, self.application), before)

	def test_the_desk_save_checks_the_document_it_is_sent(self):
		frappe.set_user("Administrator")
		doc = frappe.get_doc(APPLICATION, self.application).as_dict(convert_dates_to_str=True)
		doc["indicators"][0]["year_1_value"] = "not a number"
		body = {"doc": json.dumps(doc, default=str), "action": "Save"}
		response = request(
			"POST", "/api/method/frappe.desk.form.save.savedocs", self.tokens["applicant"], json.dumps(body)
		)
		label = frappe.get_meta("Application Indicator").get_label("year_1_value")
		self.assert_refused(response, zh(label))

	def test_set_value_checks_the_values_it_writes(self):
		before = self.modified(APPLICATION, self.application)
		label = zh(frappe.get_meta(APPLICATION).get_label("indicators"))
		for arguments in (
			{"fieldname": "indicators", "value": "x"},
			{"fieldname": json.dumps({"indicators": 5})},
		):
			with self.subTest(arguments=arguments):
				body = json.dumps({"doctype": APPLICATION, "name": self.application, **arguments})
				response = request(
					"POST", "/api/method/frappe.client.set_value", self.tokens["system_manager"], body
				)
				self.assert_refused(response, label)
		self.assertEqual(self.modified(APPLICATION, self.application), before)

	def test_route_history_with_malformed_routes(self):
		method = "/api/method/frappe.desk.doctype.route_history.route_history.deferred_insert"
		for routes in (MALFORMED, '"x"', "[1]", '{"route": "x"}', '[{"route": {"a": 1}}]'):
			with self.subTest(routes=routes):
				response = request("POST", method, self.tokens["applicant"], json.dumps({"routes": routes}))
				self.assert_refused(response, "routes")
		ok = json.dumps([{"route": "app/cluster-brand-application", "creation": "2017-06-30 10:00:00"}])
		response = request("POST", method, self.tokens["applicant"], json.dumps({"routes": ok}))
		self.assertEqual(response.status_code, 200, message(response)[:300])

	def test_dashboard_charts(self):
		get = "/api/method/frappe.desk.doctype.dashboard_chart.dashboard_chart.get"
		chart = {
			"name": "applications this year",
			"chart_type": "Count",
			"document_type": APPLICATION,
			"based_on": "creation",
			"timespan": "Last Year",
			"time_interval": "Monthly",
			"type": "Line",
			"filters_json": "[]",
		}
		for who in ("applicant", "ministry", "system_manager"):
			with self.subTest(who=who, chart="sent in the request"):
				response = request("POST", get, self.tokens[who], json.dumps({"chart": json.dumps(chart)}))
				self.assertEqual(response.status_code, 200, message(response)[:600])
				self.assertTrue(response.json["message"]["labels"])
		group_by = {
			**chart,
			"chart_type": "Group By",
			"group_by_based_on": "workflow_state",
			"group_by_type": "Count",
		}
		response = request("POST", get, self.tokens["applicant"], json.dumps({"chart": json.dumps(group_by)}))
		self.assertEqual(response.status_code, 200, message(response)[:600])
		# Frappe reads a heatmap with frappe.get_all, past the row rules
		heatmap = json.dumps({"chart": json.dumps({**chart, "type": "Heatmap"})})
		self.assertEqual(request("POST", get, self.tokens["applicant"], heatmap).status_code, 403)
		self.assertEqual(request("POST", get, self.tokens["system_manager"], heatmap).status_code, 200)
		# a Custom chart's figures come from its source
		for who in ("ministry", "system_manager"):
			response = request(
				"POST", get, self.tokens[who], json.dumps({"chart_name": "Applications by State"})
			)
			self.assert_refused(response, "Applications by State")
		# a chart Frappe cannot draw
		for bad in ({"time_interval": "Hourly"}, {"based_on": None}, {"document_type": "No Such Type"}):
			with self.subTest(chart=bad):
				body = json.dumps({"chart": json.dumps({**chart, **bad})})
				self.assertIn(
					request("POST", get, self.tokens["system_manager"], body).status_code, (400, 403)
				)
		body = json.dumps(
			{"chart": json.dumps(chart), "from_date": "not a date", "timespan": "Select Date Range"}
		)
		self.assert_refused(request("POST", get, self.tokens["system_manager"], body))

	def test_a_reporting_year_outside_the_calendar(self):
		start = "/api/method/cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary"
		count = frappe.db.count(ANNUAL_WORK_SUMMARY)
		for year in (10000, -5, 99999):
			with self.subTest(year=year):
				body = json.dumps({"brand_pilot": self.pilot, "reporting_year": year})
				response = request("POST", start, self.tokens["applicant"], body)
				self.assert_refused(response, str(year), status=(400, 417))
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(ANNUAL_WORK_SUMMARY), count)
		before = self.modified(ANNUAL_WORK_SUMMARY, self.summary)
		path = f"/api/resource/{quote(ANNUAL_WORK_SUMMARY)}/{self.summary}"
		response = request("PUT", path, self.tokens["applicant"], json.dumps({"reporting_year": 10000}))
		self.assert_refused(response, "10000", status=(400, 417))
		self.assertEqual(self.modified(ANNUAL_WORK_SUMMARY, self.summary), before)

	def test_impossible_dates_on_the_brand_pilot(self):
		path = f"/api/resource/{quote(BRAND_PILOT)}/{quote(self.pilot)}"
		frappe.set_user("Administrator")
		rows = [
			row.as_dict(convert_dates_to_str=True)
			for row in frappe.get_doc(BRAND_PILOT, self.pilot).work_plan
		]
		before = self.modified(BRAND_PILOT, self.pilot)
		meta = frappe.get_meta(BRAND_PILOT)
		for body, named in (
			({"start_date": "2017-02-30"}, zh(meta.get_label("start_date"))),
			({"planned_end_date": "not a date"}, zh(meta.get_label("planned_end_date"))),
			(
				{"work_plan": [{**rows[0], "time_node": "not a date"}, *rows[1:]]},
				zh(frappe.get_meta("Pilot Measure").get_label("time_node")),
			),
		):
			for who in ("ministry", "system_manager"):
				with self.subTest(body=str(body)[:80], who=who):
					response = request("PUT", path, self.tokens[who], json.dumps(body, default=str))
					self.assert_refused(response, named, status=(400, 403))
		self.assertEqual(self.modified(BRAND_PILOT, self.pilot), before)
		# the same check on every save, whatever path the value came by
		pilot = frappe.get_doc(BRAND_PILOT, self.pilot)
		pilot.work_plan[0].time_node = "2017-02-30"
		with self.assertRaises(frappe.ValidationError):
			pilot.save()
		frappe.db.rollback()

	# --- data lost: rows sent with names the document does not have ------------------------------------

	def test_rows_named_after_rows_that_no_longer_exist_are_refused_not_lost(self):
		token = self.tokens["applicant"]
		path = f"/api/resource/{quote(APPLICATION)}/{self.application}"
		rows = request("GET", path, token).json["data"]["indicators"]
		self.assertEqual(len(rows), 11)
		table = zh(frappe.get_meta(APPLICATION).get_label("indicators"))
		gone = [{**row, "name": f"gone-{i}"} for i, row in enumerate(rows)]
		response = request("PUT", path, token, json.dumps({"indicators": gone}))
		self.assert_refused(response, table, "gone-0", status=(400,))
		self.assertEqual(frappe.db.count("Application Indicator", {"parent": self.application}), 11)
		# a row of another application would be moved here: refused too
		frappe.db.rollback()
		foreign = frappe.get_all("Application Indicator", {"parent": self.other_application}, pluck="name")
		moved = [{**rows[0], "name": foreign[0]}, *rows[1:]]
		self.assert_refused(request("PUT", path, token, json.dumps({"indicators": moved})), table)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Application Indicator", {"parent": self.other_application}), 11)
		# sent without names, the rows are added as the message says (they replace the old ones)
		fresh = [{k: v for k, v in row.items() if k not in ("name", "creation", "modified")} for row in rows]
		response = request("PUT", path, token, json.dumps({"indicators": fresh}))
		self.assertEqual(response.status_code, 200, message(response)[:600])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Application Indicator", {"parent": self.application}), 11)

	def test_rows_of_the_annual_work_summary_too(self):
		token = self.tokens["applicant"]
		path = f"/api/resource/{quote(ANNUAL_WORK_SUMMARY)}/{self.summary}"
		rows = request("GET", path, token).json["data"]["indicators"]
		self.assertTrue(rows)
		gone = [{**row, "name": f"gone-{i}"} for i, row in enumerate(rows)]
		response = request("PUT", path, token, json.dumps({"indicators": gone}))
		self.assert_refused(response, zh(frappe.get_meta(ANNUAL_WORK_SUMMARY).get_label("indicators")))
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Annual Summary Indicator", {"parent": self.summary}), len(rows))
