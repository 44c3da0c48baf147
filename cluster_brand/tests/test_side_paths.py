"""Frappe's side paths around the row and field rules, tried by every role (issue: default deny).

In-process calls resolve the app's overrides of whitelisted methods as frappe.handler.execute_cmd does; the allowlist (an auth hook) is tried through
``refuse_unlisted_methods`` and, for a sample, over HTTP.
"""

import json
from datetime import date
from urllib.parse import quote

import frappe

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.print.format_names import RECOMMENDATION_FORMAT
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW, UNDER_EXPERT_REVIEW
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import answer_messages, make_api_user, rest
from cluster_brand.tests.support.isolation import SEES
from cluster_brand.tests.support.process import drive_to, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase

PROGRAMME_USERS = tuple(SEES)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 10, 26)


@frozen_day(DAY)
class TestSidePaths(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		# tokens first: make_api_user commits, and nothing of the application should be committed with them
		cls.applicant_token = make_api_user(cls.cast.applicant, [])
		cls.system_manager_token = make_api_user("t.side.sysmanager@example.com", ["System Manager"])
		cls.name = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"side-{frappe.generate_hash(length=6)}")
		frappe.set_user("Administrator")
		cls.app = frappe.get_doc(APPLICATION, cls.name)
		cls.enterprise = cls.app.top_enterprises[0].enterprise
		cls.file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"side-stamped-form-{frappe.generate_hash(length=6)}.pdf",
				"attached_to_doctype": APPLICATION,
				"attached_to_name": cls.name,
				"is_private": 1,
				"content": b"%PDF-1.4 stamped form",
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()

	def call(self, who: str, method: str, **kwargs):
		"""A whitelisted method as ``who``, through the allowlist and the overrides."""
		return call_as(self.cast[who], method, **kwargs)

	def seen_by(self, who: str, read) -> bool:
		try:
			return bool(read(who))
		except frappe.PermissionError:
			return False

	# --- refused for every programme role -----------------------------------------------------------

	def test_unlisted_methods_are_refused(self):
		for method, kwargs in (
			("frappe.client.get_count", {"doctype": APPLICATION, "filters": {"coverage": (">", 84.4)}}),
			("frappe.desk.search.search_widget", {"doctype": APPLICATION, "txt": ""}),
			("frappe.desk.like.toggle_like", {"doctype": APPLICATION, "name": self.name, "add": "Yes"}),
			("frappe.desk.search.get_names_for_mentions", {"search_term": ""}),
			("frappe.desk.search.get_link_title", {"doctype": APPLICATION, "docname": self.name}),
			# the dashboard charts are allowed through dashboards.py (test_isolation); Frappe's list of cards is not
			(
				"frappe.desk.doctype.number_card.number_card.get_cards_for_user",
				{
					"doctype": APPLICATION,
					"txt": "",
					"searchfield": "name",
					"start": 0,
					"page_len": 20,
					"filters": {},
				},
			),
		):
			for who in PROGRAMME_USERS:
				with self.subTest(method=method, user=who):
					with self.assertRaises(frappe.PermissionError):
						self.call(who, method, **kwargs)

	def test_refused_over_http_with_a_token(self):
		response = rest(
			"GET", "/api/method/frappe.client.get_count?doctype=" + quote(APPLICATION), self.applicant_token
		)
		self.assertEqual(response.status_code, 403)
		self.assertIn("本系统用户不能使用此功能", answer_messages(response.json))
		# an unrestricted user keeps Frappe's method
		response = rest("GET", "/api/method/frappe.client.get_count?doctype=ToDo", self.system_manager_token)
		self.assertEqual(response.status_code, 200)

	def test_link_search_over_http(self):
		# as the desk's Link fields call it: the request's own arguments reach the app's override
		path = "/api/method/frappe.desk.search.search_link?doctype=" + quote(PILOT_BATCH) + "&txt="
		response = rest("GET", path, self.applicant_token)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertTrue(response.json["message"])
		# a named query would call any whitelisted method past the allowlist
		response = rest("GET", path + "&query=frappe.core.doctype.user.user.user_query", self.applicant_token)
		self.assertEqual(response.status_code, 403)

	def test_field_levels_in_list_queries_over_http(self):
		token = self.applicant_token
		for fields in (
			["mean_score"],
			["`tabExpert Assignment`.`expert`"],
			["`tabExpert Assignment`.`expert_name`"],
		):
			with self.subTest(fields=fields):
				response = rest(
					"GET",
					"/api/resource/" + quote(APPLICATION) + "?fields=" + quote(json.dumps(fields)),
					token,
				)
				self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		response = rest(
			"GET",
			"/api/resource/" + quote(APPLICATION) + "?fields=" + quote('["name","workflow_state"]'),
			token,
		)
		self.assertEqual(response.status_code, 200)

	def test_field_levels_in_report_view(self):
		# the applicant reads the province's opinion (level 1) but not who reviews nor the mean score (4)
		for fields in (["mean_score"], ["`tabExpert Assignment`.`expert`"]):
			with self.subTest(fields=fields), self.assertRaises(frappe.PermissionError):
				self.call(
					"applicant", "frappe.desk.reportview.get", doctype=APPLICATION, fields=json.dumps(fields)
				)
		rows = self.call(
			"applicant", "frappe.desk.reportview.get", doctype=APPLICATION, fields=json.dumps(["name"])
		)
		self.assertTrue(rows)

	def test_counts_and_sidebar_stats_follow_the_rules(self):
		for who, sees in SEES.items():
			with self.subTest(user=who):
				count = self.seen_by(
					who,
					lambda w: self.call(
						w,
						"frappe.desk.reportview.get_count",
						doctype=APPLICATION,
						filters=json.dumps([[APPLICATION, "name", "=", self.name]]),
					),
				)
				self.assertEqual(bool(count), sees)
				stats = self.seen_by(
					who,
					lambda w: self.call(
						w,
						"frappe.desk.reportview.get_sidebar_stats",
						stats=json.dumps(["workflow_state"]),
						doctype=APPLICATION,
						filters=json.dumps([[APPLICATION, "name", "=", self.name]]),
					)["stats"].get("workflow_state"),
				)
				self.assertEqual(bool(stats), sees)
		with self.assertRaises(
			frappe.PermissionError
		):  # a count that reads a hidden field, one question at a time
			self.call(
				"applicant",
				"frappe.desk.reportview.get_count",
				doctype=APPLICATION,
				filters=json.dumps([[APPLICATION, "mean_score", ">", 80]]),
			)

	def test_own_session_data_only(self):
		from frappe.model.utils.user_settings import get_user_settings

		self.assertEqual(self.call("applicant", "frappe.auth.get_logged_user"), self.cast.applicant)
		self.call(
			"applicant", "frappe.model.utils.user_settings.save", doctype=APPLICATION, user_settings="{}"
		)
		frappe.set_user(self.cast.other_applicant)
		self.assertNotIn(self.cast.applicant, json.dumps(get_user_settings(APPLICATION)))
		frappe.set_user("Administrator")
		for who, sees in SEES.items():
			with self.subTest(user=who):
				self.assertEqual(
					bool(
						self.seen_by(
							who,
							lambda w: self.call(
								w, "frappe.realtime.can_subscribe_doc", doctype=APPLICATION, docname=self.name
							),
						)
					),
					sees,
				)
		events = self.call(
			"other_applicant",
			"frappe.desk.doctype.event.event.get_events",
			start="2000-01-01",
			end="2100-01-01",
		)
		self.assertTrue(all(e.get("owner") in (None, self.cast.other_applicant) for e in events))

	def test_route_history_is_the_users_own(self):
		# Frappe records the routes for the session's user whatever the request names
		from frappe.deferred_insert import save_to_db

		route = f"List/{APPLICATION}/Report/{frappe.generate_hash(length=8)}"
		routes = json.dumps([{"route": route, "creation": "2026-11-28 10:00:00", "user": self.cast.province}])
		self.call(
			"applicant", "frappe.desk.doctype.route_history.route_history.deferred_insert", routes=routes
		)
		save_to_db()
		self.assertEqual(
			frappe.get_all("Route History", {"route": route}, pluck="user"), [self.cast.applicant]
		)

	def test_print_keeps_the_field_levels(self):
		# the receiver reads the application (level 0) and the paper receipt (2), not the province's part (1)
		def printed(who):
			frappe.set_user(self.cast[who])
			try:
				return frappe.get_print(APPLICATION, self.name, print_format=RECOMMENDATION_FORMAT)
			finally:
				frappe.set_user("Administrator")

		for who, reads_opinion in (("receiver", False), ("ministry", True), ("province", True)):
			with self.subTest(user=who):
				html = printed(who)
				self.assertIn(self.app.industrial_cluster, html)
				self.assertEqual("同意推荐。" in html, reads_opinion)
				self.assertEqual("张三" in html, reads_opinion)

	def test_file_and_user_lists_show_the_users_own(self):
		for who in ("applicant", "other_applicant", "province", "expert", "receiver"):
			with self.subTest(user=who):
				frappe.set_user(self.cast[who])
				files = frappe.get_list("File", pluck="file_url", limit_page_length=0)
				users = [
					r["value"]
					for r in self.call(who, "frappe.desk.search.search_link", doctype="User", txt="t.")
				]
				frappe.set_user("Administrator")
				if who != "applicant":
					self.assertNotIn(self.file.file_url, files)
				self.assertTrue(set(users) <= {self.cast[who]}, users)

	def test_the_unit_does_not_read_the_provinces_draft_recommendation(self):
		name = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"draft-op-{frappe.generate_hash(length=6)}")
		frappe.set_user(self.cast.province)
		draft = frappe.get_doc(APPLICATION, name)
		draft.update({"recommendation_opinion": "拟推荐，待复核。", "recommending_officer": "李四"})
		draft.save(
			ignore_version=False
		)  # Frappe's tests skip versions unless asked for; the timeline reads them
		frappe.set_user(self.cast.applicant)
		doc = frappe.get_doc(APPLICATION, name)
		doc.apply_fieldlevel_read_permissions()  # what getdoc and REST return
		self.assertFalse(doc.get("recommendation_opinion"))
		html = frappe.get_print(APPLICATION, name, print_format=RECOMMENDATION_FORMAT)
		self.assertNotIn("拟推荐，待复核。", html)
		self.assertNotIn("李四", html)
		frappe.set_user("Administrator")

		def changed_on_the_timeline(who):
			self.call(who, "frappe.desk.form.load.getdoc", doctype=APPLICATION, name=name)
			versions = frappe.response.docinfo.versions
			return {change[0] for v in versions for change in json.loads(v["data"]).get("changed") or []}

		self.assertIn("recommendation_opinion", changed_on_the_timeline("province"))
		self.assertNotIn("recommendation_opinion", changed_on_the_timeline("applicant"))
		with self.assertRaises(frappe.PermissionError):
			self.call(
				"applicant",
				"frappe.desk.reportview.get",
				doctype=APPLICATION,
				fields=json.dumps(["recommendation_opinion"]),
			)
		# the province reads its own draft
		frappe.set_user(self.cast.province)
		doc = frappe.get_doc(APPLICATION, name)
		doc.apply_fieldlevel_read_permissions()
		self.assertEqual(doc.recommendation_opinion, "拟推荐，待复核。")

	# --- link search and existence -------------------------------------------------------------------

	def test_link_search_ignores_the_flag_that_skips_row_rules(self):
		for who, sees in SEES.items():
			with self.subTest(user=who):
				found = self.seen_by(
					who,
					lambda w: any(
						r["value"] == self.name
						for r in self.call(
							w,
							"frappe.desk.search.search_link",
							doctype=APPLICATION,
							txt=self.name,
							ignore_user_permissions=1,
						)
					),
				)
				self.assertEqual(found, sees, who)

	def test_validate_link_answers_only_for_readable_documents(self):
		for who, sees in SEES.items():
			with self.subTest(user=who):
				found = self.seen_by(
					who,
					lambda w: self.call(
						w, "frappe.client.validate_link", doctype=APPLICATION, docname=self.name
					).get("name"),
				)
				self.assertEqual(found, sees)

	# --- child tables ---------------------------------------------------------------------------------

	def test_child_tables_follow_the_parent(self):
		for child in ("Application Top Enterprise", "Application Indicator", "Application Task"):
			for who, sees in SEES.items():
				with self.subTest(child=child, user=who):
					frappe.set_user(self.cast[who])
					try:
						parents = set(
							frappe.get_list(
								child, parent_doctype=APPLICATION, pluck="parent", limit_page_length=0
							)
						)
					except frappe.PermissionError:
						parents = set()
					frappe.set_user("Administrator")
					self.assertEqual(self.name in parents, sees)

	def test_a_number_card_over_a_child_table_counts_visible_parents_only(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		card = json.dumps(
			{
				"document_type": "Application Indicator",
				"parent_document_type": APPLICATION,
				"function": "Count",
				"filters_json": "[]",
			}
		)
		own_rows = len(self.app.indicators)
		for who, sees in SEES.items():
			with self.subTest(user=who):
				frappe.set_user(self.cast[who])
				try:
					count = get_result(card, [["Application Indicator", "parent", "=", self.name, False]])
				except frappe.PermissionError:
					count = 0
				frappe.set_user("Administrator")
				self.assertEqual(count, own_rows if sees else 0)

	def test_expert_assignments_are_the_ministrys(self):
		visible = {}
		for who in SEES:
			frappe.set_user(self.cast[who])
			try:
				visible[who] = frappe.get_list(
					"Expert Assignment",
					filters={"parent": self.name},
					fields=["expert"],
					parent_doctype=APPLICATION,
				)
			except frappe.PermissionError:
				visible[who] = []
			frappe.set_user("Administrator")
		self.assertTrue(visible["ministry"])
		for who in ("applicant", "province", "association", "receiver", "other_expert"):
			self.assertEqual(visible[who], [], who)
		own = frappe.db.get_value("Review Expert", {"user": self.cast.expert})
		self.assertEqual({r.expert for r in visible["expert"]}, {own})

	# --- who reviews is confidential -------------------------------------------------------------------

	def test_no_expert_is_assigned_the_application_itself(self):
		experts = [self.cast[k] for k in ("expert", "other_expert", "zhejiang_expert")]
		self.assertFalse(
			frappe.get_all(
				"ToDo",
				{"reference_type": APPLICATION, "reference_name": self.name, "allocated_to": ("in", experts)},
			)
		)
		sheet = frappe.db.get_value(EXPERT_REVIEW, {"application": self.name})
		self.assertTrue(frappe.db.exists("ToDo", {"reference_type": EXPERT_REVIEW, "reference_name": sheet}))

	def test_docinfo_and_group_by_count_name_no_other_user(self):
		frappe.set_user(self.cast.expert)
		comment = frappe.get_doc(APPLICATION, self.name).add_comment("Comment", "评审意见草稿")
		frappe.set_user("Administrator")
		for who, sees_comment in (
			("applicant", False),
			("province", False),
			("ministry", True),
			("expert", True),
		):
			with self.subTest(user=who):
				self.call(who, "frappe.desk.form.load.getdoc", doctype=APPLICATION, name=self.name)
				comments = [c.get("name") for c in frappe.response.docinfo.comments]
				self.assertEqual(comment.name in comments, sees_comment)
				if who == "applicant":
					self.assertNotIn(self.cast.expert, frappe.response.docinfo.user_info)
		self.call("applicant", "frappe.desk.form.load.getdoc", doctype=APPLICATION, name=self.name)
		docinfo, doc = frappe.response.docinfo, frappe.response.docs[0]
		self.assertTrue(all(a.get("owner") == self.cast.applicant for a in docinfo.assignments))
		self.assertFalse(doc.get("expert_assignments"))
		self.assertFalse(doc.get("mean_score"))
		counts = self.call(
			"applicant",
			"frappe.desk.listview.get_group_by_count",
			doctype=APPLICATION,
			current_filters="[]",
			field="assigned_to",
		)
		self.assertTrue(all(row["name"] == self.cast.applicant for row in counts))

	def test_the_expert_register_shows_an_expert_itself_only(self):
		frappe.set_user(self.cast.expert)
		users = frappe.get_list("Review Expert", pluck="user")
		frappe.set_user("Administrator")
		self.assertEqual(users, [self.cast.expert])

	def test_notification_logs_open_for_their_user_only(self):
		log = frappe.get_all("Notification Log", {"for_user": self.cast.province}, pluck="name", limit=1)
		self.assertTrue(log)
		for who in ("other_province", "applicant"):
			frappe.set_user(self.cast[who])
			self.assertFalse(frappe.has_permission("Notification Log", "read", log[0]))
		frappe.set_user(self.cast.province)
		self.assertTrue(frappe.has_permission("Notification Log", "read", log[0]))
		frappe.set_user("Administrator")
		listed = self.call(
			"other_province",
			"frappe.desk.doctype.notification_log.notification_log.get_notification_logs",
		)
		self.assertNotIn(log[0], [n.name for n in listed["notification_logs"]])

	# --- the enterprise register ------------------------------------------------------------------------

	def test_enterprises_belong_to_their_units(self):
		frappe.set_user(self.cast.other_applicant)
		self.assertNotIn(
			self.enterprise, frappe.get_list("Cluster Enterprise", pluck="name", limit_page_length=0)
		)
		doc = frappe.get_doc("Cluster Enterprise", self.enterprise)
		self.assertFalse(doc.has_permission("read"))
		self.assertFalse(doc.has_permission("write"))
		frappe.set_user(self.cast.province)
		self.assertTrue(doc.has_permission("read"))
		self.assertFalse(doc.has_permission("write"))
		# the applicant reads the enterprises its application names, and edits those of its own clusters only
		frappe.set_user(self.cast.applicant)
		self.assertTrue(doc.has_permission("read"))
		self.assertEqual(
			doc.has_permission("write"),
			doc.industrial_cluster == self.app.industrial_cluster,
		)
		own = frappe.get_doc(
			{
				"doctype": "Cluster Enterprise",
				"enterprise_name": "本集群企业",
				"unified_social_credit_code": "91330100MA27XL0E2G",
				"industrial_cluster": self.app.industrial_cluster,
			}
		)
		self.assertTrue(own.has_permission("create"))
		frappe.set_user(self.cast.other_applicant)
		intruder = frappe.get_doc(
			{
				"doctype": "Cluster Enterprise",
				"enterprise_name": "外省企业",
				"unified_social_credit_code": "91330100MA27XL0E2G",  # never inserted
				"industrial_cluster": self.app.industrial_cluster,
			}
		)
		self.assertFalse(intruder.has_permission("create"))

	# --- attachments ------------------------------------------------------------------------------------

	def test_attachments_are_locked_with_the_application(self):
		from frappe.desk.form.utils import remove_attach

		for who in ("applicant", "province", "receiver"):
			with self.subTest(user=who):
				frappe.set_user(self.cast[who])
				with self.assertRaises(frappe.PermissionError):
					frappe.get_doc(
						{
							"doctype": "File",
							"file_name": "late.pdf",
							"attached_to_doctype": APPLICATION,
							"attached_to_name": self.name,
							"is_private": 1,
							"content": b"%PDF-1.4 late",
						}
					).insert()
				frappe.local.form_dict = frappe._dict(fid=self.file.name, dt=APPLICATION, dn=self.name)
				with self.assertRaises(frappe.PermissionError):
					remove_attach()
				frappe.set_user("Administrator")
		self.assertTrue(frappe.db.exists("File", self.file.name))

	def test_a_private_file_is_not_copied_by_its_url(self):
		frappe.set_user(self.cast.other_applicant)
		frappe.local.message_log = []
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc({"doctype": "File", "file_url": self.file.file_url, "is_private": 1}).insert()
		# the refusal does not say which application holds the file
		self.assertNotIn(self.name, json.dumps(frappe.local.message_log, default=str))
