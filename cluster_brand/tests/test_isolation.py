"""Row-level isolation: every role against every read path, for another unit's, province's or industry's
application, and for the pilot stage's annual work summaries (in-process here; over HTTP in
test_http_process.py)."""

import json
import re
from datetime import date

import frappe
from frappe.desk.doctype.number_card.number_card import get_result as number_card_result
from frappe.desk.query_report import run as run_report
from frappe.desk.reportview import execute as reportview_execute
from frappe.desk.search import search_link
from frappe.utils.global_search import search as global_search

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	EXPERT_REVIEW,
	FINAL_SUMMARY,
	PUBLIC_NOTICE_OBJECTION,
)
from cluster_brand.print.format_names import APPLICATION_FORMAT
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.application.workflow import DRAFT, UNDER_EXPERT_REVIEW
from cluster_brand.rules.pilot_years.workflow import PENDING_PROVINCIAL_INSPECTION
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration import (
	completed_pilot,
	demonstration_in,
	edit_demonstration,
	open_round,
)
from cluster_brand.tests.support.isolation import (
	SEES,
	SEES_DEMONSTRATION,
	SEES_DEMONSTRATION_REVIEW,
	SEES_DRAFT_SUMMARY,
	SEES_EVALUATION_ROUND,
	SEES_FINAL_SUMMARY,
	SEES_OBJECTION,
	SEES_REGISTRATION,
	SEES_SUMMARY,
)
from cluster_brand.tests.support.pilot_stage import final_summary_in, make_pilot, reporting_year, summary_in
from cluster_brand.tests.support.process import OTHER_UNIT, ZHEJIANG, drive_to, make_cast, submit_review
from cluster_brand.tests.support.records import IntegrationTestCase, make_test_application_values

DENIED = (frappe.PermissionError,)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 10, 12)


@frozen_day(DAY)
class TestIsolation(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.name = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"iso-{frappe.generate_hash(length=6)}")
		frappe.set_user("Administrator")
		cls.cluster = frappe.db.get_value(APPLICATION, cls.name, "industrial_cluster")
		cls.file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "iso-stamped-form.pdf",
				"attached_to_doctype": APPLICATION,
				"attached_to_name": cls.name,
				"is_private": 1,
				"content": b"%PDF-1.4 stamped form",
			}
		).insert()
		cls.sheet = frappe.db.get_value(EXPERT_REVIEW, {"application": cls.name})

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		"""Calls ``read_path()`` as every cast member; it returns whether the application was seen."""
		for key, sees in SEES.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path()
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(seen, sees, f"{key} {'should' if sees else 'must not'} see the application")

	def test_list(self):
		self.as_each_user(
			lambda: self.name in frappe.get_list(APPLICATION, pluck="name", limit_page_length=0)
		)

	def test_form(self):
		self.as_each_user(lambda: frappe.get_doc(APPLICATION, self.name).has_permission("read"))

	def test_client_get_list_and_value(self):
		from frappe.client import get, get_list, get_value

		self.as_each_user(lambda: bool(get(APPLICATION, self.name)))
		self.as_each_user(lambda: self.name in [r.name for r in get_list(APPLICATION, limit_page_length=0)])
		self.as_each_user(lambda: bool(get_value(APPLICATION, "name", {"name": self.name})))

	def test_report_view(self):
		def seen():
			rows = reportview_execute(
				APPLICATION, fields=["name"], filters=[[APPLICATION, "name", "=", self.name]]
			)
			return bool(rows)

		self.as_each_user(seen)

	def test_link_search(self):
		self.as_each_user(lambda: any(r["value"] == self.name for r in search_link(APPLICATION, self.name)))

	def test_global_search(self):
		# The application is not in the global search index at all, so nobody finds it there.
		for key in SEES:
			frappe.set_user(self.cast[key])
			self.assertFalse([r for r in global_search(self.cluster) if r.get("doctype") == APPLICATION])
		frappe.set_user("Administrator")

	def test_print_and_pdf(self):
		from frappe.utils.print_format import download_pdf

		self.as_each_user(
			lambda: bool(frappe.get_print(APPLICATION, self.name, print_format=APPLICATION_FORMAT))
		)

		def pdf():
			download_pdf(APPLICATION, self.name, format=APPLICATION_FORMAT)
			return frappe.local.response.filecontent[:4] == b"%PDF"

		for key in ("applicant", "other_applicant", "other_province"):  # a PDF takes a second: a sample
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = pdf()
				except DENIED:
					seen = False
				frappe.set_user("Administrator")
				self.assertEqual(seen, SEES[key])

	def test_export(self):
		from frappe.desk.reportview import export_query

		def exported():
			frappe.local.form_dict = frappe._dict(
				doctype=APPLICATION,
				file_format_type="CSV",
				fields=json.dumps(["name"]),
				filters=json.dumps({"name": self.name}),
			)
			export_query()
			return self.name in frappe.local.response.filecontent.decode()

		# only the ministry may export; nobody exports what they may not see
		for key in SEES:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = exported()
				except DENIED:
					seen = False
				frappe.set_user("Administrator")
				self.assertFalse(seen and not SEES[key])
				self.assertEqual(seen, key == "ministry")

	def test_private_attachment(self):
		self.as_each_user(lambda: frappe.get_doc("File", self.file.name).has_permission("read"))

	def test_number_card(self):
		card = {"document_type": APPLICATION, "function": "Count", "filters_json": "[]"}
		self.as_each_user(
			lambda: number_card_result(json.dumps(card), [[APPLICATION, "name", "=", self.name, False]]) == 1
		)

	def test_dashboard_chart(self):
		# the query behind a "Group By" Dashboard Chart (its caching wrapper adds nothing to permissions)
		from frappe.desk.doctype.dashboard_chart.dashboard_chart import get_group_by_chart_config

		chart = {
			"chart_type": "Group By",
			"document_type": APPLICATION,
			"group_by_type": "Count",
			"group_by_based_on": "name",
			"number_of_groups": 0,
			"type": "Bar",
		}

		def seen():
			data = get_group_by_chart_config(
				frappe._dict(chart), [[APPLICATION, "name", "=", self.name, False]]
			)
			return self.name in (data or {}).get("labels", [])

		self.as_each_user(seen)

	def test_expert_review_sheet(self):
		sheet_visible = {"ministry": True, "expert": True}
		for key in SEES:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = self.sheet in frappe.get_list(EXPERT_REVIEW, pluck="name") and frappe.get_doc(
						EXPERT_REVIEW, self.sheet
					).has_permission("read")
				except DENIED:
					seen = False
				frappe.set_user("Administrator")
				self.assertEqual(seen, sheet_visible.get(key, False))

	def scored(self):
		"""The expert's sheet submitted with 75 on every criterion (once for the whole class)."""
		if frappe.db.get_value("Expert Review", self.sheet, "docstatus") == 0:
			submit_review(self.cast, self.name, score=75)

	def test_ranking_report(self):
		self.scored()
		for key in SEES:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					rows = run_report("Expert Review Ranking", filters={})["result"]
					seen = any(row.get("application") == self.name for row in rows if isinstance(row, dict))
				except DENIED:
					seen = False
				frappe.set_user("Administrator")
				self.assertEqual(seen, key == "ministry")

	def test_programme_reports(self):
		# 申报汇总表 and 主要指标对比 (cluster_brand/cluster_brand/report): the reader's own rows; the receiver
		# and the experts are not among the reports' roles
		refused = {"receiver", "expert", "other_expert", "zhejiang_expert"}
		batch = frappe.db.get_value(APPLICATION, self.name, "pilot_batch")
		for report in ("Application Summary", "Indicator Comparison"):
			for key in SEES:
				with self.subTest(report=report, user=key):
					frappe.set_user(self.cast[key])
					try:
						rows = run_report(report, filters={"pilot_batch": batch})["result"]
						seen = any(row.get("application") == self.name for row in rows)
					except DENIED:
						seen = False
					frappe.set_user("Administrator")
					self.assertEqual(seen, SEES[key] and key not in refused)

	def test_workflow_actions_name_only_visible_applications(self):
		for key in SEES:
			frappe.set_user(self.cast[key])
			names = (
				frappe.get_list("Workflow Action", filters={"reference_name": self.name}, pluck="name")
				if frappe.has_permission("Workflow Action")
				else []
			)
			frappe.set_user("Administrator")
			if not SEES[key]:
				self.assertEqual(names, [], key)

	# --- the workspaces' number cards and charts (readers/dashboards.py, overrides/dashboards.py) -------------

	def desk_call(self, method: str, **kwargs):
		"""Calls a whitelisted method as the desk does: through override_whitelisted_methods."""
		overrides = frappe.get_hooks("override_whitelisted_methods").get(method)
		return frappe.call(frappe.get_attr(overrides[-1] if overrides else method), **kwargs)

	def only_this_application(self, filters_json: str | None) -> list:
		return [*json.loads(filters_json or "[]"), [APPLICATION, "name", "=", self.name, False]]

	def card_count(self, card: str) -> float:
		"""The card's figure for this application alone, as the workspace's card widget asks for it."""
		doc = frappe.get_doc("Number Card", card)
		return self.desk_call(
			"frappe.desk.doctype.number_card.number_card.get_result",
			doc=doc.as_json(),
			filters=json.dumps(self.only_this_application(doc.filters_json)),
		)

	def test_workspace_number_cards(self):
		cards = frappe.get_all("Number Card", {"module": "Cluster Brand"}, pluck="name")
		self.assertGreaterEqual(len(cards), 4)
		# under expert review: counted as submitted and as under review, not as approved
		self.assertEqual(self.card_count("Applications Submitted"), 1)
		self.assertEqual(self.card_count("Applications Being Reviewed by Experts"), 1)
		self.assertEqual(self.card_count("Approved Pilots"), 0)
		for card in cards:
			if self.card_count(card):
				with self.subTest(card=card):
					self.as_each_user(lambda card=card: self.card_count(card) == 1)
			else:  # a card of another state counts it for nobody
				for key in SEES:
					frappe.set_user(self.cast[key])
					self.assertEqual(self.card_count(card), 0, f"{card}, {key}")
				frappe.set_user("Administrator")

	def chart_values(self, chart_name: str, filters: list, **kwargs) -> dict:
		"""The chart's label -> total of its datasets, as the workspace's chart widget asks for it."""
		chart = frappe.get_doc("Dashboard Chart", chart_name)
		if chart.chart_type == "Custom":
			config = self.desk_call(
				"frappe.desk.doctype.dashboard_chart_source.dashboard_chart_source.get_config",
				name=chart.source,
			)
			method = re.search(r'method: "([\w.]+)"', config).group(1)
		else:
			method = "frappe.desk.doctype.dashboard_chart.dashboard_chart.get"
		data = self.desk_call(method, chart_name=chart_name, filters=json.dumps(filters), **kwargs) or {}
		return {
			label: sum(dataset["values"][i] for dataset in data["datasets"])
			for i, label in enumerate(data.get("labels", []))
		}

	def test_workspace_charts(self):
		for chart in ("Applications by State", "Applications by Recommending Authority", "Deadlines Ahead"):
			filters = self.only_this_application(
				frappe.db.get_value("Dashboard Chart", chart, "filters_json")
			)
			with self.subTest(chart=chart):
				self.assertEqual(sum(self.chart_values(chart, filters).values()), 1, "the chart counts it")
				self.as_each_user(
					lambda chart=chart, filters=filters: sum(self.chart_values(chart, filters).values()) == 1
				)

	@staticmethod
	def delete_committed(application: str):
		frappe.set_user("Administrator")
		frappe.delete_doc(APPLICATION, application, force=True, ignore_permissions=True)
		frappe.db.commit()

	def test_a_chart_is_never_another_users_cached_result(self):
		# Frappe's chart cache is keyed by the chart alone: were it filled, the ministry's national figures
		# would be served to the next province that asks without "refresh"
		chart = "Applications by Recommending Authority"
		shandong = frappe.get_doc(
			make_test_application_values(OTHER_UNIT, demo_file="application_shandong.json")
		).insert()
		# the chart's request commits: without this the next run meets the application and cannot insert it
		self.addCleanup(self.delete_committed, shandong.name)
		shandong.db_set("workflow_state", states.PENDING_PROVINCIAL_REVIEW)
		frappe.set_user(self.cast.ministry)
		national = self.chart_values(chart, [], refresh=1)
		self.assertGreater(len(national), 1, "applications of more than one authority exist")
		for key in ("province", "other_province", "applicant"):
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = set(self.chart_values(chart, []))
				except DENIED:
					seen = set()
				own = {
					a.recommending_authority
					for a in frappe.get_list(
						APPLICATION,
						filters=json.loads(frappe.db.get_value("Dashboard Chart", chart, "filters_json")),
						fields=["recommending_authority"],
						limit_page_length=0,
					)
				}
				frappe.set_user("Administrator")
				self.assertLessEqual(seen, own, f"{key} sees only its own authorities")

	def test_score_distribution_is_the_ministrys(self):
		self.scored()
		filters = self.only_this_application(None)
		self.addCleanup(setattr, frappe.local, "lang", frappe.local.lang)
		frappe.local.lang = "zh"  # the desk's language: the bands are labelled in Chinese
		for key in SEES:
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					values = self.chart_values("Score Distribution", filters)
				except DENIED:
					values = None
				frappe.set_user("Administrator")
				if key == "ministry":
					self.assertEqual(
						values,
						{
							"60分以下": 0,
							"60–69分": 0,
							"70–79分": 1,
							"80–89分": 0,
							"90分及以上": 0,
						},
					)
				else:
					self.assertIsNone(values, f"{key} must not see the scores")

	def test_no_chart_or_card_of_the_request_counts_a_field_the_user_may_not_read(self):
		self.scored()
		chart = {
			"name": "by score",
			"chart_type": "Group By",
			"document_type": APPLICATION,
			"group_by_type": "Count",
			"group_by_based_on": "mean_score",
			"type": "Bar",
		}
		card = {
			"name": "mean",
			"document_type": APPLICATION,
			"function": "Average",
			"aggregate_function_based_on": "mean_score",
		}
		by_score = [[APPLICATION, "mean_score", ">", 70, False]]
		for key in ("province", "applicant", "expert", "association"):
			frappe.set_user(self.cast[key])
			with self.subTest(user=key):
				with self.assertRaises(frappe.PermissionError):
					self.desk_call(
						"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
						chart=json.dumps(chart),
						no_cache=1,
					)
				with self.assertRaises(frappe.PermissionError):
					self.desk_call(
						"frappe.desk.doctype.number_card.number_card.get_result",
						doc=json.dumps(card),
						filters="[]",
					)
				with self.assertRaises(frappe.PermissionError):
					self.desk_call(
						"frappe.desk.doctype.number_card.number_card.get_result",
						doc=json.dumps({**card, "function": "Count"}),
						filters=json.dumps(by_score),
					)
			frappe.set_user("Administrator")

	def test_dashboard_settings_are_the_users_own(self):
		# a workspace with charts makes the viewer's chart settings on first view, and keeps its filters there
		province, other = self.cast.province, self.cast.other_province
		frappe.db.delete("Dashboard Settings", {"name": ("in", [province, other])})
		frappe.set_user(province)
		self.desk_call(
			"frappe.desk.doctype.dashboard_settings.dashboard_settings.create_dashboard_settings", user=other
		)
		self.desk_call(
			"frappe.desk.doctype.dashboard_settings.dashboard_settings.save_chart_config",
			reset=0,
			config=json.dumps({"filters": {"pilot_batch": "x"}}),
			chart_name="Deadlines Ahead",
		)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Dashboard Settings", other))
		self.assertIn("pilot_batch", frappe.db.get_value("Dashboard Settings", province, "chart_config"))


@frozen_day(DAY)
class TestPilotStageIsolation(IntegrationTestCase):
	"""The pilot stage against every read path: the summaries, their rows and the pilot's own rows."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"iso-py-{frappe.generate_hash(length=6)}")
		year = reporting_year(cls.pilot)
		cls.name = summary_in(cls.cast, cls.pilot, PENDING_PROVINCIAL_INSPECTION, year)
		cls.draft = summary_in(cls.cast, cls.pilot, DRAFT, year + 1)
		frappe.set_user("Administrator")
		cls.file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "iso-evidence.pdf",
				"attached_to_doctype": ANNUAL_WORK_SUMMARY,
				"attached_to_name": cls.name,
				"is_private": 1,
				"content": b"%PDF-1.4 evidence",
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path, name=None, sees=SEES_SUMMARY):
		for key, expected in sees.items():
			with self.subTest(user=key, summary=name or self.name):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(name or self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(
					seen, expected, f"{key} {'should' if expected else 'must not'} see the summary"
				)

	def test_list_and_form(self):
		def listed(name):
			return name in frappe.get_list(ANNUAL_WORK_SUMMARY, pluck="name", limit_page_length=0)

		def opened(name):
			return frappe.get_doc(ANNUAL_WORK_SUMMARY, name).has_permission("read")

		for read_path in (listed, opened):
			self.as_each_user(read_path)
			self.as_each_user(read_path, self.draft, SEES_DRAFT_SUMMARY)

	def test_client_get_list_and_value(self):
		from frappe.client import get, get_list, get_value

		self.as_each_user(lambda name: bool(get(ANNUAL_WORK_SUMMARY, name)))
		self.as_each_user(
			lambda name: name in [r.name for r in get_list(ANNUAL_WORK_SUMMARY, limit_page_length=0)]
		)
		self.as_each_user(lambda name: bool(get_value(ANNUAL_WORK_SUMMARY, "name", {"name": name})))

	def test_report_view_and_link_search(self):
		self.as_each_user(
			lambda name: bool(
				reportview_execute(
					ANNUAL_WORK_SUMMARY,
					fields=["name"],
					filters=[[ANNUAL_WORK_SUMMARY, "name", "=", name]],
				)
			)
		)
		self.as_each_user(
			lambda name: any(r["value"] == name for r in search_link(ANNUAL_WORK_SUMMARY, name))
		)

	def test_child_rows(self):
		from frappe.client import get_list

		for child in (
			"Annual Summary Measure Progress",
			"Annual Summary Indicator",
			"Annual Summary Backbone Enterprise",
			"Annual Summary Target Progress",
		):
			self.as_each_user(
				lambda name, child=child: bool(
					get_list(
						child,
						filters={"parent": name},
						fields=["name"],
						parent=ANNUAL_WORK_SUMMARY,
						limit_page_length=0,
					)
				)
			)

	def test_pilot_rows_follow_the_pilot(self):
		from frappe.client import get_list

		for key in SEES_SUMMARY:
			for child in ("Pilot Measure", "Pilot Baseline Indicator", "Pilot Quantitative Target"):
				with self.subTest(user=key, child=child):
					frappe.set_user(self.cast[key])
					pilot_readable = frappe.has_permission(BRAND_PILOT, "read", self.pilot)
					try:
						rows = get_list(
							child, filters={"parent": self.pilot}, fields=["name"], parent=BRAND_PILOT
						)
					except DENIED:
						rows = []
					frappe.set_user("Administrator")
					self.assertEqual(bool(rows), pilot_readable)

	def test_number_card(self):
		card = {"document_type": ANNUAL_WORK_SUMMARY, "function": "Count", "filters_json": "[]"}
		self.as_each_user(
			lambda name: (
				number_card_result(json.dumps(card), [[ANNUAL_WORK_SUMMARY, "name", "=", name, False]]) == 1
			)
		)

	def test_private_evidence(self):
		self.as_each_user(lambda name: frappe.get_doc("File", self.file.name).has_permission("read"))

	def test_export_only_by_the_ministry(self):
		from frappe.desk.reportview import export_query

		def exported(name):
			frappe.local.form_dict = frappe._dict(
				doctype=ANNUAL_WORK_SUMMARY,
				file_format_type="CSV",
				fields=json.dumps(["name"]),
				filters=json.dumps({"name": name}),
			)
			export_query()
			return name in frappe.local.response.filecontent.decode()

		self.as_each_user(exported, sees={key: key == "ministry" for key in SEES_SUMMARY})

	def test_workflow_actions_name_only_visible_summaries(self):
		for key, sees in SEES_SUMMARY.items():
			frappe.set_user(self.cast[key])
			names = (
				frappe.get_list("Workflow Action", filters={"reference_name": self.name}, pluck="name")
				if frappe.has_permission("Workflow Action")
				else []
			)
			frappe.set_user("Administrator")
			if not sees:
				self.assertEqual(names, [], key)


@frozen_day(DAY)
class TestEvaluationRoundIsolation(IntegrationTestCase):
	"""The ministry's evaluation round of the test unit's pilot's batch, and its quota rows, on every read path
	(support/isolation.py SEES_EVALUATION_ROUND)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		pilot = make_pilot(cls.cast, f"iso-er-{frappe.generate_hash(length=6)}")
		batch = frappe.db.get_value(BRAND_PILOT, pilot, "pilot_batch")
		for name in frappe.get_all(EVALUATION_ROUND, {"pilot_batch": batch}, pluck="name"):
			frappe.delete_doc(EVALUATION_ROUND, name, force=True)
		cls.name = (
			frappe.get_doc(
				{
					"doctype": EVALUATION_ROUND,
					"title": f"iso-er-{frappe.generate_hash(length=6)}",
					"pilot_batch": batch,
					"hearing_criteria": [
						{"criterion": c, "weight": w}
						for c, w in (("创新性", 40), ("先进性", 30), ("示范性", 30))
					],
					"provincial_quotas": [{"recommending_authority": ZHEJIANG, "quota": 1}],
				}
			)
			.insert()
			.name
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		for key, expected in SEES_EVALUATION_ROUND.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(
					seen, expected, f"{key} {'should' if expected else 'must not'} see the round"
				)

	def test_every_read_path(self):
		from frappe.client import get, get_list

		self.as_each_user(lambda name: frappe.get_doc(EVALUATION_ROUND, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(EVALUATION_ROUND, name)))
		self.as_each_user(
			lambda name: name in [r.name for r in get_list(EVALUATION_ROUND, limit_page_length=0)]
		)
		self.as_each_user(
			lambda name: bool(
				reportview_execute(
					EVALUATION_ROUND, fields=["name"], filters=[[EVALUATION_ROUND, "name", "=", name]]
				)
			)
		)
		self.as_each_user(lambda name: any(r["value"] == name for r in search_link(EVALUATION_ROUND, name)))
		# its quota rows follow the round
		self.as_each_user(
			lambda name: bool(
				get_list(
					"Evaluation Round Quota",
					filters={"parent": name},
					fields=["name"],
					parent=EVALUATION_ROUND,
					limit_page_length=0,
				)
			)
		)


@frozen_day(DAY)
class TestFinalSummaryIsolation(IntegrationTestCase):
	"""The pilot's final summary (issue 21), submitted to its province, against the read paths: isolated as
	its annual summaries, its rows with it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = make_pilot(cls.cast, f"iso-fs-{frappe.generate_hash(length=6)}")
		# its last reporting year has come
		frappe.db.set_value(BRAND_PILOT, cls.pilot, "planned_end_date", date(DAY.year, 12, 31))
		cls.name = final_summary_in(cls.cast, cls.pilot, "Pending Provincial Check")

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		for key, expected in SEES_FINAL_SUMMARY.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(seen, expected, f"{key} {'should' if expected else 'must not'} see it")

	def test_list_form_and_client(self):
		from frappe.client import get, get_value

		self.as_each_user(
			lambda name: name in frappe.get_list(FINAL_SUMMARY, pluck="name", limit_page_length=0)
		)
		self.as_each_user(lambda name: frappe.get_doc(FINAL_SUMMARY, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(FINAL_SUMMARY, name)))
		self.as_each_user(lambda name: bool(get_value(FINAL_SUMMARY, "name", {"name": name})))
		self.as_each_user(
			lambda name: bool(
				reportview_execute(
					FINAL_SUMMARY, fields=["name"], filters=[[FINAL_SUMMARY, "name", "=", name]]
				)
			)
		)

	def test_child_rows(self):
		from frappe.client import get_list

		for child in ("Final Summary Measure Outcome", "Final Summary Indicator"):
			self.as_each_user(
				lambda name, child=child: bool(
					get_list(
						child,
						filters={"parent": name},
						fields=["name"],
						parent=FINAL_SUMMARY,
						limit_page_length=0,
					)
				)
			)


@frozen_day(DAY)
class TestDemonstrationIsolation(IntegrationTestCase):
	"""A demonstration application under expert review, assigned to "expert", against the read paths
	(support/isolation.py SEES_DEMONSTRATION): its rows with it, its expert assignments the ministry's alone."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.pilot = completed_pilot(cls.cast, f"iso-da-{frappe.generate_hash(length=6)}")
		open_round(cls.pilot)
		cls.name = demonstration_in(cls.cast, cls.pilot, "Under Expert Review")
		edit_demonstration(
			cls.cast.ministry,
			cls.name,
			expert_assignments=[
				{"expert": cls.cast.expert, "stage": "Document Review", "assigned_on": str(DAY)}
			],
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path, sees=SEES_DEMONSTRATION):
		for key, expected in sees.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(seen, expected, f"{key} {'should' if expected else 'must not'} see it")

	def test_list_form_and_client(self):
		from frappe.client import get, get_value

		self.as_each_user(
			lambda name: name in frappe.get_list(DEMONSTRATION_APPLICATION, pluck="name", limit_page_length=0)
		)
		self.as_each_user(lambda name: frappe.get_doc(DEMONSTRATION_APPLICATION, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(DEMONSTRATION_APPLICATION, name)))
		self.as_each_user(lambda name: bool(get_value(DEMONSTRATION_APPLICATION, "name", {"name": name})))
		self.as_each_user(
			lambda name: bool(
				reportview_execute(
					DEMONSTRATION_APPLICATION,
					fields=["name"],
					filters=[[DEMONSTRATION_APPLICATION, "name", "=", name]],
				)
			)
		)
		self.as_each_user(
			lambda name: any(r["value"] == name for r in search_link(DEMONSTRATION_APPLICATION, name))
		)

	def test_child_rows(self):
		from frappe.client import get_list

		def rows(child):
			return lambda name: bool(
				get_list(
					child,
					filters={"parent": name},
					fields=["name"],
					parent=DEMONSTRATION_APPLICATION,
					limit_page_length=0,
				)
			)

		for child in ("Demonstration Ratio Change", "Demonstration Promotion Activity"):
			self.as_each_user(rows(child))
		# who reviews it is the ministry's to know: not even the expert assigned lists the assignments
		self.as_each_user(
			rows("Demonstration Expert Assignment"), {key: key == "ministry" for key in SEES_DEMONSTRATION}
		)

	def test_the_assignments_are_withheld_from_every_reader_but_the_ministry(self):
		def assignments(name):
			doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
			doc.check_permission("read")
			doc.apply_fieldlevel_read_permissions()
			return bool(doc.get("expert_assignments"))

		self.as_each_user(assignments, {key: key == "ministry" for key in SEES_DEMONSTRATION})

	def test_export_only_by_the_ministry(self):
		from frappe.desk.reportview import export_query

		def exported(name):
			frappe.local.form_dict = frappe._dict(
				doctype=DEMONSTRATION_APPLICATION,
				file_format_type="CSV",
				fields=json.dumps(["name"]),
				filters=json.dumps({"name": name}),
			)
			export_query()
			return name in frappe.local.response.filecontent.decode()

		self.as_each_user(exported, {key: key == "ministry" for key in SEES_DEMONSTRATION})

	def test_workflow_actions_name_only_visible_applications(self):
		for key, sees in SEES_DEMONSTRATION.items():
			frappe.set_user(self.cast[key])
			names = (
				frappe.get_list("Workflow Action", filters={"reference_name": self.name}, pluck="name")
				if frappe.has_permission("Workflow Action")
				else []
			)
			frappe.set_user("Administrator")
			if not sees:
				self.assertEqual(names, [], key)
		# the ministry's pending action names it (else this proves nothing)
		self.assertTrue(frappe.get_all("Workflow Action", {"reference_name": self.name}))


@frozen_day(DAY)
class TestDemonstrationReviewIsolation(IntegrationTestCase):
	"""An expert's Demonstration Review sheet (issue 21) against the read paths: its expert and the ministry only
	(support/isolation.py SEES_DEMONSTRATION_REVIEW), its score rows with it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from cluster_brand.tests.support.demonstration_review import (
			assign,
			expert_of,
			make_application,
			make_round,
		)

		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		application = make_application(make_round(f"iso-{tag}"), f"iso-{tag}", UNDER_EXPERT_REVIEW)
		cls.name = assign(application, expert_of(cls.cast.expert))

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		for key, expected in SEES_DEMONSTRATION_REVIEW.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(
					seen, expected, f"{key} {'should' if expected else 'must not'} see the sheet"
				)

	def test_every_read_path(self):
		from frappe.client import get, get_list, get_value

		sheets = DEMONSTRATION_REVIEW
		self.as_each_user(lambda name: name in frappe.get_list(sheets, pluck="name", limit_page_length=0))
		self.as_each_user(lambda name: frappe.get_doc(sheets, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(sheets, name)))
		self.as_each_user(lambda name: bool(get_value(sheets, "name", {"name": name})))
		self.as_each_user(
			lambda name: bool(
				reportview_execute(sheets, fields=["name"], filters=[[sheets, "name", "=", name]])
			)
		)
		self.as_each_user(lambda name: any(r["value"] == name for r in search_link(sheets, name)))
		self.as_each_user(lambda name: bool(frappe.get_print(sheets, name)))
		self.as_each_user(
			lambda name: bool(
				get_list(
					"Demonstration Review Score",
					filters={"parent": name},
					fields=["name"],
					parent=sheets,
					limit_page_length=0,
				)
			)
		)


@frozen_day(DAY)
class TestPublicNoticeObjectionIsolation(IntegrationTestCase):
	"""An objection to a candidate in public notice (issue 22) and its evidence against every read path: the
	ministry alone (support/isolation.py SEES_OBJECTION), and never a visitor who is not logged in."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		application = drive_to(cls.cast, states.IN_PUBLIC_NOTICE, f"iso-pno-{frappe.generate_hash(length=6)}")
		objection = frappe.get_doc(
			{
				"doctype": PUBLIC_NOTICE_OBJECTION,
				"application": application,
				"objector_name": "王五",
				"objector_unit": "某五金制品有限公司",
				"objector_phone": "13812345678",
				"grounds": "申报书所列骨干企业销售收入与统计数据不符。",
			}
		).insert()
		cls.name = objection.name
		cls.file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{cls.name}-evidence.pdf",
				"attached_to_doctype": PUBLIC_NOTICE_OBJECTION,
				"attached_to_name": cls.name,
				"attached_to_field": "evidence",
				"is_private": 1,
				"content": b"%PDF-1.4 evidence " + cls.name.encode(),
			}
		).insert()
		objection.db_set("evidence", cls.file.file_url)
		frappe.db.commit()  # read over REST too, by requests of their own

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		for key, expected in SEES_OBJECTION.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(
					seen, expected, f"{key} {'should' if expected else 'must not'} read the objection"
				)

	def test_every_read_path(self):
		from frappe.client import get, get_list, get_value
		from frappe.desk.reportview import get_count

		from cluster_brand.overrides.listview import get_group_by_count

		objections = PUBLIC_NOTICE_OBJECTION
		self.as_each_user(lambda name: name in frappe.get_list(objections, pluck="name", limit_page_length=0))
		self.as_each_user(lambda name: frappe.get_doc(objections, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(objections, name)))
		self.as_each_user(lambda name: name in [r.name for r in get_list(objections, limit_page_length=0)])
		self.as_each_user(lambda name: bool(get_value(objections, "name", {"name": name})))
		self.as_each_user(
			lambda name: bool(
				reportview_execute(objections, fields=["name"], filters=[[objections, "name", "=", name]])
			)
		)

		def counted(name):
			# the list's count reads its arguments from the request
			frappe.local.form_dict = frappe._dict(
				doctype=objections, filters=json.dumps([[objections, "name", "=", name]])
			)
			return get_count() == 1

		self.as_each_user(counted)
		self.as_each_user(
			lambda name: any(
				row.get("count")
				for row in get_group_by_count(
					objections, json.dumps([[objections, "name", "=", name]]), "status"
				)
			)
		)
		card = {"document_type": objections, "function": "Count", "filters_json": "[]"}
		self.as_each_user(
			lambda name: number_card_result(json.dumps(card), [[objections, "name", "=", name, False]]) == 1
		)
		self.as_each_user(lambda name: any(r["value"] == name for r in search_link(objections, name)))
		self.as_each_user(lambda name: bool(frappe.get_print(objections, name)))

	def test_the_evidence_file(self):
		self.as_each_user(lambda name: frappe.get_doc("File", self.file.name).has_permission("read"))
		# the programme's users list their own uploads only: the ministry opens it from the objection
		for key in SEES_OBJECTION:
			frappe.set_user(self.cast[key])
			listed = self.file.name in frappe.get_list("File", pluck="name", limit_page_length=0)
			frappe.set_user("Administrator")
			self.assertFalse(listed, key)

	def test_export_only_by_the_ministry(self):
		from frappe.desk.reportview import export_query

		def exported(name):
			frappe.local.form_dict = frappe._dict(
				doctype=PUBLIC_NOTICE_OBJECTION,
				file_format_type="CSV",
				fields=json.dumps(["name"]),
				filters=json.dumps({"name": name}),
			)
			export_query()
			return name in frappe.local.response.filecontent.decode()

		self.as_each_user(exported)

	def test_rest(self):
		from urllib.parse import quote

		from cluster_brand.tests.support.http import make_api_user, rest

		resource = f"/api/resource/{quote(PUBLIC_NOTICE_OBJECTION)}"
		for key in ("applicant", "province", "association", "expert", "receiver", "ministry"):
			with self.subTest(user=key):
				token = make_api_user(self.cast[key], [])
				one = rest("GET", f"{resource}/{self.name}", token)
				listed = rest("GET", f"{resource}?limit_page_length=0", token)
				self.assertEqual(one.status_code == 200, SEES_OBJECTION[key], one.status_code)
				names = (
					[r["name"] for r in (listed.json or {}).get("data", [])]
					if listed.status_code == 200
					else []
				)
				self.assertEqual(self.name in names, SEES_OBJECTION[key])
				evidence = rest("GET", self.file.file_url, token)
				self.assertEqual(evidence.status_code == 200, SEES_OBJECTION[key], evidence.status_code)

	def test_a_visitor_reads_nothing(self):
		frappe.set_user("Guest")
		try:
			self.assertFalse(frappe.has_permission(PUBLIC_NOTICE_OBJECTION, "read", self.name))
			self.assertFalse(frappe.get_doc("File", self.file.name).has_permission("read"))
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list(PUBLIC_NOTICE_OBJECTION)
		finally:
			frappe.set_user("Administrator")


@frozen_day(DAY)
class TestUnitRegistrationIsolation(IntegrationTestCase):
	"""A Zhejiang unit's registration waiting for verification (issue 22) against every read path: its province
	and the ministry only (support/isolation.py SEES_REGISTRATION)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from cluster_brand.rules.formats import credit_code_check_character

		cls.cast = make_cast()
		tag = frappe.generate_hash(length=6)
		first = "11330100MB" + "".join(str(int(c, 16) % 10) for c in frappe.generate_hash(length=7))
		cls.name = (
			frappe.get_doc(
				{
					"doctype": "Unit Registration",
					"unit_name": f"隔离测试注册单位{tag}",
					"unit_type": "Government Management Agency of the Locality",
					"unified_social_credit_code": first + credit_code_check_character(first),
					"recommending_authority": ZHEJIANG,
					"cluster_name": f"隔离测试注册集群{tag}",
					"leading_industry": "纺织",
					"industry_sector": "Textiles",
					"contact_person": "隔离",
					"mobile": "13812345678",
					"email": f"t.iso.reg.{tag}@example.com",
				}
			)
			.insert(ignore_permissions=True)
			.name
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_each_user(self, read_path):
		for key, expected in SEES_REGISTRATION.items():
			with self.subTest(user=key):
				frappe.set_user(self.cast[key])
				try:
					seen = read_path(self.name)
				except DENIED:
					seen = False
				finally:
					frappe.set_user("Administrator")
				self.assertEqual(
					seen, expected, f"{key} {'should' if expected else 'must not'} see the registration"
				)

	def test_every_read_path(self):
		from frappe.client import get, get_list
		from frappe.desk.reportview import get_count

		from cluster_brand.overrides.client import get_value
		from cluster_brand.overrides.listview import get_group_by_count

		registrations = "Unit Registration"
		only = json.dumps([[registrations, "name", "=", self.name]])
		self.as_each_user(
			lambda name: name in frappe.get_list(registrations, pluck="name", limit_page_length=0)
		)
		self.as_each_user(lambda name: frappe.get_doc(registrations, name).has_permission("read"))
		self.as_each_user(lambda name: bool(get(registrations, name)))
		self.as_each_user(lambda name: name in [r.name for r in get_list(registrations, limit_page_length=0)])
		self.as_each_user(lambda name: bool(get_value(registrations, "unit_name", {"name": name})))
		self.as_each_user(
			lambda name: bool(
				reportview_execute(
					registrations, fields=["name"], filters=[[registrations, "name", "=", name]]
				)
			)
		)

		def counted(name):
			frappe.local.form_dict = frappe._dict(doctype=registrations, filters=only)
			try:
				return bool(get_count())
			finally:
				frappe.local.form_dict = frappe._dict()

		self.as_each_user(counted)
		self.as_each_user(
			lambda name: any(
				row.get("count") for row in get_group_by_count(registrations, only, "recommending_authority")
			)
		)
		self.as_each_user(lambda name: any(r["value"] == name for r in search_link(registrations, name)))
		self.as_each_user(lambda name: bool(frappe.get_print(registrations, name)))
