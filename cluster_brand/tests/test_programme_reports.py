"""The ministry's and the provinces' reports on a real site (issue 12): 申报汇总表, 各地推荐情况 and 主要指标对比
on a small batch made up here — their content, their isolation (a province sees its own rows, an association
its industry's, a unit its own; the expert and the receiver are refused, in Chinese), the reports' roles,
and the same number of queries whatever the number of applications.

	bench --site <site> run-tests --module cluster_brand.tests.test_programme_reports
"""

import json
import re
from datetime import date
from unittest.mock import patch

import frappe
from frappe.desk.query_report import get_script
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate

from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.readers import indicator_figures
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.application.indicators import SALES, VALUE_ADDED, VALUE_ADDED_RATE
from cluster_brand.rules.views import programme_reports as computed
from cluster_brand.tests.support.calls import call
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import OTHER_UNIT, OWN_UNIT, SHANDONG, ZHEJIANG, make_cast
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	language,
	make_test_application_values,
	test_batch_values,
)

SUMMARY = "Application Summary"
BY_AUTHORITY = "Recommendation By Authority"
COMPARISON = "Indicator Comparison"
REPORTS = {SUMMARY: "申报汇总表", BY_AUTHORITY: "各地推荐情况", COMPARISON: "主要指标对比"}
READERS = {"System Manager", "Ministry Administrator", "Provincial Reviewer", "Industry Association"}
ROLES = {
	SUMMARY: READERS | {"Cluster Applicant"},
	BY_AUTHORITY: READERS,
	COMPARISON: READERS | {"Cluster Applicant"},
}
BATCH = "报表测试批次（2017）"
# the made-up batch: key → (unit's suffix, demo file, state, province rank, last year's sales in 亿元)
APPLICATIONS = {
	"zj_recommended": (OWN_UNIT, "application_zhejiang.json", states.RECOMMENDED, 1, 500),
	"zj_pending": (OWN_UNIT, "application_zhejiang.json", states.PENDING_PROVINCIAL_REVIEW, 2, 300),
	"zj_draft": ("-report-zj", "application_zhejiang.json", states.DRAFT, None, 100),
	"sd_recommended": (OTHER_UNIT, "application_shandong.json", states.RECOMMENDED, 1, 400),
}


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 11, 9)


@frozen_day(DAY)
class TestProgrammeReports(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		frappe.set_user("Administrator")
		values = test_batch_values()
		frappe.get_doc({**values, "doctype": PILOT_BATCH, "batch_title": BATCH}).insert()
		cls.batch_deadline = getdate(values["provincial_recommendation_deadline"])
		cls.own_deadline = add_days(cls.batch_deadline, -10)
		frappe.get_doc(
			{
				"doctype": "Recommendation Setting",
				"pilot_batch": BATCH,
				"recommending_authority": ZHEJIANG,
				"recommendation_deadline": cls.own_deadline,
				"recommendation_quota": 3,
			}
		).insert()
		cls.names = {}
		for key, (unit, demo_file, state, rank, sales) in APPLICATIONS.items():
			values = make_test_application_values(unit, demo_file=demo_file, cluster_suffix=f"-report-{key}")
			name = frappe.get_doc({**values, "pilot_batch": BATCH}).insert().name
			# the states and the province's decision as stored: the reports read them, the process is tested
			# elsewhere (test_review_process)
			frappe.db.set_value(
				APPLICATION,
				name,
				{
					"workflow_state": state,
					"recommendation_rank": rank or 0,
					"paper_copies_received": 2 if rank == 1 else 0,
				},
			)
			frappe.db.set_value(
				"Application Indicator", {"parent": name, "indicator": SALES}, "year_3_value", sales
			)
			cls.names[key] = name
		# the recommended Zhejiang application: one expert assigned who submitted, a mean score
		name = cls.names["zj_recommended"]
		frappe.get_doc(
			{
				"doctype": "Expert Assignment",
				"parent": name,
				"parenttype": APPLICATION,
				"parentfield": "expert_assignments",
				"expert": cls.cast.expert,
				"review_submitted": 1,
			}
		).db_insert()
		frappe.db.set_value(APPLICATION, name, "mean_score", 81.5)

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def run_as(self, user_key: str, report: str, **filters) -> dict:
		frappe.set_user(self.cast[user_key])
		try:
			with language("zh"):
				return run_report(report, filters={"pilot_batch": BATCH, **filters})
		finally:
			frappe.set_user("Administrator")

	def applications_in(self, result) -> set[str]:
		keys = {name: key for key, name in self.names.items()}
		return {keys[row["application"]] for row in result["result"] if row.get("application") in keys}

	# --- 申报汇总表

	def test_summary_rows_per_application_with_totals_per_province(self):
		result = self.run_as("ministry", SUMMARY)
		rows = result["result"]
		self.assertEqual(self.applications_in(result), set(APPLICATIONS))
		row = next(r for r in rows if r.get("application") == self.names["zj_recommended"])
		stored = frappe.db.get_value(
			APPLICATION,
			self.names["zj_recommended"],
			["total_sales_revenue", "total_own_brand_sales_revenue", "backbone_sales_coverage"],
			as_dict=True,
		)
		value_added = frappe.db.get_value(
			"Application Indicator",
			{"parent": self.names["zj_recommended"], "indicator": VALUE_ADDED},
			"year_3_value",
		)
		self.assertEqual((row["sales_revenue"], row["value_added"]), (500, value_added))
		self.assertEqual(
			row["own_brand_share"],
			round(stored.total_own_brand_sales_revenue / stored.total_sales_revenue * 100, 2),
		)
		self.assertEqual(row["backbone_sales_coverage"], stored.backbone_sales_coverage)
		self.assertEqual((row["experts_assigned"], row["sheets_submitted"], row["mean_score"]), (1, 1, 81.5))
		self.assertEqual((row["recommendation_rank"], row["workflow_state"]), (1, "已推荐"))
		# Zhejiang's rows in its rank order, then its subtotal; Shandong's likewise; the grand total last
		order = [(r["recommending_authority"], r.get("is_total"), r.get("application")) for r in rows]
		zhejiang = [o for o in order if o[0] == ZHEJIANG]
		self.assertEqual(
			[application for _a, _t, application in zhejiang[:2]],
			[self.names["zj_recommended"], self.names["zj_pending"]],
		)
		self.assertEqual(zhejiang[-1][1], computed.SUBTOTAL)
		subtotal = next(r for r in rows if r.get("is_total") and r["recommending_authority"] == ZHEJIANG)
		self.assertEqual((subtotal["applications"], subtotal["sales_revenue"]), (3, 900))
		self.assertEqual(subtotal["leading_industry"], "小计：3项申报")
		self.assertEqual((subtotal["experts_assigned"], subtotal["mean_score"]), (1, 81.5))
		self.assertEqual(rows[-1]["is_total"], computed.GRAND_TOTAL)
		self.assertEqual((rows[-1]["applications"], rows[-1]["sales_revenue"]), (4, 1300))
		# the last indicator year of the 2017 batch names the figures
		labels = [c["label"] for c in result["columns"]]
		self.assertIn("主导产业销售收入（亿元） 2016年", labels)

	def test_summary_isolation_by_role(self):
		expected = {
			"ministry": set(APPLICATIONS),
			"province": {"zj_recommended", "zj_pending"},
			"other_province": {"sd_recommended"},
			"association": {"zj_recommended", "zj_pending"},
			"other_association": {"sd_recommended"},
			"applicant": {"zj_recommended", "zj_pending"},
			"other_applicant": {"sd_recommended"},
		}
		for key, seen in expected.items():
			with self.subTest(user=key):
				self.assertEqual(self.applications_in(self.run_as(key, SUMMARY)), seen)

	def test_who_reviews_and_the_scores_are_the_ministrys_alone(self):
		reviewer_columns = {"experts_assigned", "sheets_submitted", "mean_score"}
		ministry = self.run_as("ministry", SUMMARY)
		self.assertLessEqual(reviewer_columns, {c["fieldname"] for c in ministry["columns"]})
		for key in ("province", "association", "applicant"):
			with self.subTest(user=key):
				result = self.run_as(key, SUMMARY)
				self.assertFalse(reviewer_columns & {c["fieldname"] for c in result["columns"]})
				for row in result["result"]:
					self.assertFalse(reviewer_columns & {k for k, v in row.items() if v is not None}, row)

	def test_the_unit_does_not_read_the_provinces_rank_before_its_decision(self):
		def rank(key, application):
			rows = self.run_as(key, SUMMARY)["result"]
			return next(r for r in rows if r.get("application") == self.names[application]).get(
				"recommendation_rank"
			)

		self.assertEqual(rank("province", "zj_pending"), 2)
		self.assertIsNone(rank("applicant", "zj_pending"))
		self.assertEqual(rank("applicant", "zj_recommended"), 1)

	# --- 各地推荐情况

	def test_recommendations_per_authority(self):
		rows = {r["recommending_authority"]: r for r in rows_of(self.run_as("ministry", BY_AUTHORITY))}
		zhejiang = rows[ZHEJIANG]
		self.assertEqual(
			(
				zhejiang["recommendation_quota"],
				zhejiang["submitted"],
				zhejiang["recommended"],
				zhejiang["pending"],
				zhejiang["not_recommended"],
				zhejiang["quota_left"],
			),
			(3, 2, 1, 1, 0, 2),
		)
		self.assertEqual(getdate(zhejiang["recommendation_deadline"]), getdate(self.own_deadline))
		self.assertEqual((zhejiang["paper_copies_expected"], zhejiang["paper_copies_received"]), (2, 2))
		shandong = rows[SHANDONG]
		self.assertEqual((shandong["submitted"], shandong["recommended"]), (1, 1))
		self.assertIsNone(shandong["recommendation_quota"])
		self.assertEqual(getdate(shandong["recommendation_deadline"]), self.batch_deadline)
		# every authority of the programme, those without an application too
		self.assertEqual(
			set(rows), set(frappe.get_all("Recommending Authority", {"disabled": 0}, pluck="name"))
		)
		# the total row, named in Chinese (Frappe's own total row would read "Total")
		total = self.run_as("ministry", BY_AUTHORITY)["result"][-1]
		self.assertEqual(total["recommending_authority"], f"合计：{len(rows)}个推荐单位")
		self.assertEqual(total["submitted"], sum(row["submitted"] for row in rows.values()))
		self.assertEqual(frappe.db.get_value("Report", BY_AUTHORITY, "add_total_row"), 0)

	def test_recommendations_isolation_by_role(self):
		def authorities(key):
			return {r["recommending_authority"] for r in rows_of(self.run_as(key, BY_AUTHORITY))}

		self.assertEqual(authorities("province"), {ZHEJIANG})
		self.assertEqual(authorities("other_province"), {SHANDONG})
		# the machinery association: the authorities of its industry's applications, without their quotas
		self.assertEqual(authorities("association"), {ZHEJIANG})
		association = self.run_as("association", BY_AUTHORITY)
		self.assertEqual(rows_of(association)[0]["submitted"], 2)
		self.assertIsNone(rows_of(association)[0]["recommendation_quota"])
		# the paper receipt (permission level 2) is not the association's to read
		self.assertNotIn("paper_copies_received", {c["fieldname"] for c in association["columns"]})

	# --- 主要指标对比

	def test_comparison_ranks_and_quartiles_in_the_batch(self):
		def positions(key, **filters):
			result = self.run_as(key, COMPARISON, **filters)
			keys = {name: k for k, name in self.names.items()}
			return {keys[r["application"]]: (r["rank"], r["quartile"]) for r in result["result"]}

		self.assertEqual(
			positions("ministry"),
			{"zj_recommended": (1, 1), "sd_recommended": (2, 2), "zj_pending": (3, 3), "zj_draft": (4, 4)},
		)
		# a province's positions are among its own applications
		self.assertEqual(positions("province"), {"zj_recommended": (1, 1), "zj_pending": (2, 3)})
		# ranked by another indicator: the demo's value-added rates (Zhejiang's are all the same)
		by_rate = positions("ministry", rank_by=VALUE_ADDED_RATE)
		self.assertEqual(by_rate["zj_recommended"], by_rate["zj_pending"])

	def test_comparison_shows_the_indicators_and_derived_ratios(self):
		result = self.run_as("ministry", COMPARISON)
		fields = {c["fieldname"] for c in result["columns"]}
		self.assertLessEqual({field for field, _key in computed.COMPARED}, fields)
		row = next(r for r in result["result"] if r["application"] == self.names["zj_recommended"])
		derived = frappe.get_all(
			"Application Derived Indicator",
			{"parent": self.names["zj_recommended"], "derived_indicator": VALUE_ADDED_RATE},
			pluck="year_3_value",
		)
		self.assertEqual(row[computed.FIELD_OF[VALUE_ADDED_RATE]], derived[0])
		self.assertEqual(row[computed.FIELD_OF[SALES]], 500)

	def test_a_saved_application_is_shown_as_saved_and_the_others_are_not_read_again(self):
		"""The last year's figures are cached by application and its modified (readers/indicator_figures.py): a
		report run again reads no indicator row of an application not saved since; a save shows at once."""
		name = self.names["sd_recommended"]
		self.run_as("ministry", COMPARISON)
		with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
			self.run_as("ministry", COMPARISON)
		read = [c.args[0] for c in sql.call_args_list if "`tabApplication Indicator`" in str(c.args[0])]
		self.assertEqual(read, [])

		def save_sales(value):
			doc = frappe.get_doc(APPLICATION, name)
			next(r for r in doc.indicators if r.indicator == SALES).year_3_value = value
			doc.save()

		save_sales(650)
		try:
			for report, field in ((COMPARISON, computed.FIELD_OF[SALES]), (SUMMARY, "sales_revenue")):
				with self.subTest(report=report):
					rows = self.run_as("ministry", report)["result"]
					row = next(r for r in rows if r.get("application") == name)
					self.assertEqual(row[field], 650)
		finally:
			save_sales(APPLICATIONS["sd_recommended"][-1])  # as the other tests know the batch

	def test_an_unknown_rank_by_is_refused_in_chinese(self):
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			self.run_as("ministry", COMPARISON, rank_by="no such indicator")
		frappe.clear_messages()
		self.assertIn("排名依据", str(refused.exception))

	def test_the_rank_by_filter_offers_every_compared_value(self):
		frappe.set_user(self.cast.ministry)
		script = get_script(COMPARISON)["script"]
		options = re.search(r"options: \[(.*?)\]\.map", script, re.S).group(1)
		self.assertEqual(re.findall(r'"([^"]+)"', options), [key for _field, key in computed.COMPARED])

	# --- the batch

	def test_the_batch_is_preset_to_the_latest(self):
		latest = frappe.get_all(
			PILOT_BATCH, order_by="batch_year desc, creation desc", limit=1, pluck="name"
		)[0]
		frappe.set_user(self.cast.ministry)
		rows = run_report(SUMMARY, filters={})["result"]
		frappe.set_user("Administrator")
		in_latest = set(frappe.get_all(APPLICATION, {"pilot_batch": latest}, pluck="name"))
		listed = {row["application"] for row in rows if row.get("application")}
		self.assertTrue(listed)
		self.assertEqual(listed, in_latest)
		for report in REPORTS:
			with self.subTest(report=report):
				script = get_script(report)["script"]
				self.assertIn('set_filter_value("pilot_batch"', script)
				self.assertIn("batch_year desc, creation desc", script)

	# --- roles and refusals

	def test_report_roles(self):
		for report, roles in ROLES.items():
			with self.subTest(report=report):
				self.assertEqual({r.role for r in frappe.get_doc("Report", report).roles}, roles)

	def test_refused_readers_are_told_the_reports_name_in_chinese(self):
		for report, zh in REPORTS.items():
			for key in ("expert", "receiver", "applicant"):
				role = frappe.get_roles(self.cast[key])
				if set(role) & ROLES[report]:
					continue
				with self.subTest(report=report, user=key):
					frappe.set_user(self.cast[key])
					with language("zh"), self.assertRaises(frappe.PermissionError) as refused:
						call(
							"frappe.desk.query_report.run", report_name=report, filters={"pilot_batch": BATCH}
						)
					frappe.clear_messages()
					frappe.set_user("Administrator")
					self.assertIn(zh, str(refused.exception))
					self.assertNotIn(report, str(refused.exception))

	def test_the_desk_shows_the_reports_in_chinese(self):
		from frappe.translate import get_all_translations

		messages = get_all_translations("zh")
		for report, zh in REPORTS.items():
			self.assertEqual(messages.get(report), zh)

	# --- Excel

	def test_frappes_excel_export_holds_what_the_reader_reads(self):
		"""Frappe's export of the report (the menu's 「导出」) is the programme's sheet, in Chinese, for every
		reader of the report: it was the ministry's alone (the DocType's export permission); a province now
		exports its own rows (issue 23; cluster_brand/api/report_export.py, test_report_export)."""
		from io import BytesIO

		from frappe.desk.query_report import export_query
		from openpyxl import load_workbook

		def export(key):
			frappe.set_user(self.cast[key])
			frappe.local.form_dict = frappe._dict(
				report_name=SUMMARY,
				file_format_type="Excel",
				filters=json.dumps({"pilot_batch": BATCH}),
				visible_idx="[]",
			)
			try:
				with language("zh"):
					# as the desk's request reaches it: through override_whitelisted_methods
					frappe.get_attr(frappe.get_hooks("override_whitelisted_methods")[export_query_path][-1])()
				sheet = load_workbook(BytesIO(frappe.local.response.filecontent)).active
				return {
					str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None
				}
			finally:
				frappe.set_user("Administrator")

		export_query_path = f"{export_query.__module__}.{export_query.__name__}"
		cells = export("ministry")
		self.assertIn("推荐单位", cells)
		self.assertIn(self.names["zj_recommended"], cells)
		self.assertIn(self.names["sd_recommended"], cells)
		self.assertIn("合计：4项申报", cells)
		cells = export("province")
		self.assertIn(self.names["zj_recommended"], cells)
		self.assertNotIn(self.names["sd_recommended"], cells)
		self.assertIn("合计：2项申报", cells)

	# --- scale

	def test_the_number_of_queries_does_not_grow_with_the_applications(self):
		"""The same queries for this batch as for a batch of one application that everyone sees (set-wise
		reads, never per row)."""
		frappe.set_user("Administrator")
		single = "报表测试批次（单项）"
		frappe.get_doc({**test_batch_values(), "doctype": PILOT_BATCH, "batch_title": single}).insert()
		values = make_test_application_values(OWN_UNIT, cluster_suffix="-report-single")
		name = frappe.get_doc({**values, "pilot_batch": single}).insert().name
		frappe.db.set_value(APPLICATION, name, "workflow_state", states.PENDING_PROVINCIAL_REVIEW)
		for report, roles in ROLES.items():
			for key in ("ministry", "province", "association", "applicant"):
				if not set(frappe.get_roles(self.cast[key])) & roles:
					continue
				with self.subTest(report=report, user=key):
					frappe.set_user(self.cast[key])
					counts = []
					for batch in (BATCH, single, BATCH):  # the first run fills the caches
						# and each run reads every application's figures (the worst case: none cached)
						frappe.cache.delete_value(indicator_figures.FIGURES_CACHE)
						with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
							result = run_report(report, filters={"pilot_batch": batch})
						self.assertTrue(result["result"])
						counts.append(sql.call_count)
					frappe.set_user("Administrator")
					self.assertEqual(counts[1], counts[2], counts)


def rows_of(result) -> list[dict]:
	"""The report's rows without its total row."""
	return [row for row in result["result"] if not row.get("is_total")]
