# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import json
from datetime import date
from unittest.mock import patch

import frappe

from cluster_brand.api import check_completeness
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.enterprises import MINIMUM_COVERAGE_PERCENT
from cluster_brand.rules.application.indicators import INDICATORS, SALES
from cluster_brand.rules.application.work_plan import WORK_ITEM_KEYS
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW
from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import answer_messages, make_api_user, rest
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	language,
	make_test_application,
	make_test_application_values,
)

ZHEJIANG = "浙江省工业和信息化主管部门"
SHANDONG = "山东省工业和信息化主管部门"
# A valid 统一社会信用代码 of no enterprise in the register.
UNREGISTERED_CODE = "91330000MA2CC9990" + credit_code_check_character("91330000MA2CC9990")


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 9, 28)


@frozen_day(DAY)
class TestClusterBrandApplication(IntegrationTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.application = make_test_application(f"-{self._testMethodName}")

	def assert_refused(self, doc, *expected_texts):
		"""Saving ``doc`` fails with a Chinese message containing each text, and the stored record is unchanged."""
		stored = bool(doc.name) and frappe.db.exists(APPLICATION, doc.name)
		before = frappe.get_doc(APPLICATION, doc.name).as_dict() if stored else None
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			doc.save() if stored else doc.insert()
		for text in expected_texts:
			self.assertIn(text, str(refused.exception))
		if before:
			after = frappe.get_doc(APPLICATION, doc.name).as_dict()
			self.assertEqual(before.modified, after.modified)
			self.assertEqual(before.workflow_state, after.workflow_state)
		return str(refused.exception)

	# --- a full valid application

	def test_full_application_is_saved_with_derived_values(self):
		app = frappe.get_doc(APPLICATION, self.application.name)
		self.assertTrue(app.name.startswith("CBA-2017-"))
		self.assertEqual(app.indicator_years, "2014, 2015, 2016")
		self.assertEqual(app.statistics_year, 2016)
		self.assertEqual([r.indicator for r in app.indicators], [i.key for i in INDICATORS])
		self.assertEqual(app.indicators[0].unit, "个")
		self.assertEqual([r.work_item_no for r in app.work_items], list(range(1, 8)))
		self.assertEqual(app.tasks[0].measure_no, "1.1")
		self.assertEqual(app.tasks[1].measure_no, "1.2")
		self.assertEqual(app.tasks[-1].measure_no[0], "7")
		sales = sum(r.sales_revenue for r in app.backbone_enterprises)
		self.assertAlmostEqual(app.total_sales_revenue, sales)
		industry = next(r.year_3_value for r in app.indicators if r.indicator == SALES)
		self.assertAlmostEqual(
			app.backbone_sales_coverage, round(sales / (industry * 10000) * 100, 2), places=2
		)
		self.assertGreaterEqual(app.backbone_sales_coverage, MINIMUM_COVERAGE_PERCENT)
		self.assertEqual(len(app.derived_indicators), 6)
		self.assertEqual(str(app.cycle_end), "2020-12-31")
		self.assertEqual(app.total_funding, sum(r.amount for r in app.funding_plan))

	def test_a_save_that_changes_one_text_records_one_change(self):
		# rows are updated in place: no child row is deleted and added again, so the timeline reads true
		rows_before = {t: [r.name for r in self.application.get(t)] for t in ("derived_indicators", "tasks")}
		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.regional_industry_composition = (doc.regional_industry_composition or "") + "（补充）"
		doc.save(ignore_version=False)
		version = frappe.get_last_doc("Version", {"ref_doctype": APPLICATION, "docname": doc.name})
		data = json.loads(version.data)
		self.assertEqual([c[0] for c in data.get("changed") or []], ["regional_industry_composition"])
		self.assertFalse(data.get("added") or data.get("removed") or data.get("row_changed"))
		doc.reload()
		for table, names in rows_before.items():
			self.assertEqual(sorted(r.name for r in doc.get(table)), sorted(names), table)

	def test_complete_application_leaves_draft(self):
		self.assertEqual(check_completeness(self.application.name), {"complete": True, "missing": []})
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.application.save()
		self.assertEqual(
			frappe.db.get_value(APPLICATION, self.application.name, "workflow_state"),
			PENDING_PROVINCIAL_REVIEW,
		)

	def test_an_incomplete_draft_can_be_saved(self):
		self.application.leading_industry_profile = ""
		self.application.save()
		with language("zh"):
			report = check_completeness(self.application.name)
		self.assertFalse(report["complete"])
		self.assertEqual(report["missing"], ["一、主导产业简介"])

	def test_missing_rows_of_official_tables_are_restored_in_order(self):
		self.application.indicators = self.application.indicators[::-1][:5]
		self.application.work_items = self.application.work_items[3:]
		self.application.save()
		self.assertEqual([r.indicator for r in self.application.indicators], [i.key for i in INDICATORS])
		self.assertEqual([r.work_item for r in self.application.work_items], list(WORK_ITEM_KEYS))

	# --- each rule violated: refused with its message, nothing saved

	def test_completeness_lists_missing_items_by_official_name(self):
		self.application.leading_industry_profile = ""
		self.application.supporting_policies = ""
		self.application.stamped_form_scan = None
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.assert_refused(
			self.application,
			"一、主导产业简介",
			"支持政策",
			"加盖公章的申报书扫描件",
			"以下内容填写完整、正确后方可提交",
		)

	def test_basic_conditions_must_be_declared(self):
		self.application.no_major_incident_in_three_years = 0
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.assert_refused(self.application, "未声明", "近三年区域内未出现重特大质量安全")

	def test_backbone_sales_must_cover_eighty_percent(self):
		self.application.backbone_enterprises = self.application.backbone_enterprises[:3]
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.assert_refused(self.application, "骨干企业累计销售收入", "应占到80%以上", "2016年")

	def test_detailed_enterprises_must_be_the_top_three(self):
		self.application.top_enterprises[2].enterprise = self.application.backbone_enterprises[-1].enterprise
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.assert_refused(
			self.application, "重点骨干企业应为骨干企业汇总表中主导产业销售收入排名前三的企业"
		)

	def test_every_work_item_needs_a_measure(self):
		last_item = WORK_ITEM_KEYS[-1]
		self.application.tasks = [t for t in self.application.tasks if t.work_item != last_item]
		self.application.workflow_state = PENDING_PROVINCIAL_REVIEW
		self.assert_refused(self.application, "第7项工作项目“健全区域品牌评价制度”没有主要措施")

	def test_time_node_must_lie_in_the_cycle(self):
		self.application.tasks[0].time_node = "2021-03-01"
		self.assert_refused(self.application, "时间节点2021-03-01不在试点周期（2017-01-01至2020-12-31）内")

	def test_money_may_not_be_negative_but_profit_may(self):
		self.application.backbone_enterprises[-1].total_profit = -12.5
		self.application.save()  # a loss is allowed
		self.application.backbone_enterprises[0].assets = -1
		self.assert_refused(self.application, "骨干企业汇总表第1行", "资产（万元）不能为负数")

	def test_indicator_ranges(self):
		share = next(r for r in self.application.indicators if r.indicator == INDICATORS[9].key)
		share.year_2_value = 120
		count = self.application.indicators[0]
		count.year_1_value = 12.5
		self.assert_refused(
			self.application,
			"主要指标情况：主导产业国内市场占有率（%），2015年，为百分比",
			"主要指标情况：主导产业企业数（个），2014年，应为非负整数",
		)

	def test_contact_formats_of_the_top_enterprises(self):
		self.application.top_enterprises[0].mobile = "1381234"
		self.application.top_enterprises[1].email = "someone@"
		self.assert_refused(
			self.application, "手机“1381234”不是有效的手机号码", "邮箱“someone@”不是有效的电子邮箱地址"
		)

	def test_cluster_must_belong_to_the_applicant_unit(self):
		other = make_test_application_values("-other-unit")
		self.application.organizing_unit = other["organizing_unit"]
		self.assert_refused(self.application, "的组织实施单位为")

	def test_one_application_per_cluster_and_batch(self):
		values = make_test_application_values(f"-{self._testMethodName}")
		count = frappe.db.count(APPLICATION)
		with self.assertRaises(frappe.DuplicateEntryError):
			frappe.get_doc(values).insert()
		self.assertEqual(frappe.db.count(APPLICATION), count)

	def test_invalid_new_application_is_not_inserted(self):
		values = make_test_application_values("-invalid-new")
		values["backbone_enterprises"][0]["sales_revenue"] = -5
		count = frappe.db.count(APPLICATION)
		self.assert_refused(frappe.get_doc(values), "销售收入（万元）不能为负数")
		self.assertEqual(frappe.db.count(APPLICATION), count)

	# --- what the application fetched is part of the edit locks (issue 7)

	def test_a_submitted_application_keeps_what_it_fetched(self):
		app = self.application
		app.workflow_state = PENDING_PROVINCIAL_REVIEW
		app.save()
		fetched = frappe.get_doc(APPLICATION, app.name)
		enterprise = fetched.backbone_enterprises[0].enterprise
		enterprise_name = fetched.backbone_enterprises[0].enterprise_name
		frappe.db.set_value("Organizing Unit", app.organizing_unit, "recommending_authority", SHANDONG)
		frappe.db.set_value("Industrial Cluster", app.industrial_cluster, "leading_industry", "另一产业")
		frappe.db.set_value("Cluster Enterprise", enterprise, "enterprise_name", "改名后的企业")
		try:
			doc = frappe.get_doc(APPLICATION, app.name)
			doc.recommendation_opinion = "初审意见"  # the province's own part, saved under review
			doc.save()
			stored = frappe.get_doc(APPLICATION, app.name)
		finally:
			frappe.db.set_value("Cluster Enterprise", enterprise, "enterprise_name", enterprise_name)
		self.assertEqual(stored.recommendation_opinion, "初审意见")
		self.assertEqual(stored.recommending_authority, ZHEJIANG)
		self.assertEqual(stored.leading_industry, fetched.leading_industry)
		self.assertEqual(stored.backbone_enterprises[0].enterprise_name, enterprise_name)

	def test_a_blank_that_the_register_fills_stays_blank_after_submission(self):
		# Contacts are fetched only while blank (fetch_if_empty); a blank in a submitted application (a record
		# of before the completeness check) stays blank, else the province could not save its opinion.
		app = self.application
		app.workflow_state = PENDING_PROVINCIAL_REVIEW
		app.save()
		frappe.db.set_value("Application Top Enterprise", app.top_enterprises[0].name, "mobile", None)
		doc = frappe.get_doc(APPLICATION, app.name)
		doc.recommendation_opinion = "初审意见"
		doc.save()
		self.assertFalse(frappe.get_doc(APPLICATION, app.name).top_enterprises[0].mobile)

	def test_a_draft_fetches_the_current_registers(self):
		frappe.db.set_value(
			"Organizing Unit", self.application.organizing_unit, "recommending_authority", SHANDONG
		)
		self.application.save()
		self.assertEqual(
			frappe.db.get_value(APPLICATION, self.application.name, "recommending_authority"), SHANDONG
		)

	# --- every link is checked, also those Frappe 15 leaves out (issue 7)

	def test_links_to_records_that_do_not_exist_are_refused(self):
		for fieldname, value, text in (
			("pilot_batch", "不存在的批次", "申报批次“不存在的批次”不存在"),
			("industrial_cluster", "不存在的产业集群", "产业集群（园区）“不存在的产业集群”不存在"),
		):
			doc = frappe.get_doc(APPLICATION, self.application.name)
			doc.set(fieldname, value)
			self.assert_refused(doc, text)
		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.backbone_enterprises[2].enterprise = UNREGISTERED_CODE
		doc.top_enterprises[1].enterprise = UNREGISTERED_CODE
		self.assert_refused(
			doc,
			f"二、骨干企业汇总表第3行：企业“{UNREGISTERED_CODE}”在集群企业中不存在",
			f"一、重点骨干企业情况第2行：企业“{UNREGISTERED_CODE}”在集群企业中不存在",
		)

	def test_enterprise_codes_must_pass_the_gb_32100_check(self):
		wrong = UNREGISTERED_CODE[:17] + ("0" if UNREGISTERED_CODE[17] != "0" else "1")
		self.application.backbone_enterprises[1].enterprise = wrong
		self.application.top_enterprises[0].enterprise = wrong.lower()
		self.assert_refused(
			self.application,
			f"二、骨干企业汇总表第2行：企业“{wrong}”不是有效的统一社会信用代码",
			f"一、重点骨干企业情况第1行：企业“{wrong.lower()}”不是有效的统一社会信用代码",
		)

	# --- the save set-wise (issue 12: a save costs the same whatever the number of rows)

	def statements(self, doc, **save) -> list[str]:
		"""The SQL statements of saving ``doc``."""
		with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
			doc.save(**save)
		return [" ".join(str(c.args[0]).split()) for c in sql.call_args_list]

	def test_a_save_writes_only_the_rows_it_changed(self):
		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.leading_industry_profile = "只改了主导产业简介"
		untouched = self.statements(doc)
		self.assertFalse([q[:60] for q in untouched if q.startswith("UPDATE `tabApplication")])
		self.assertFalse([q[:60] for q in untouched if q.startswith("DELETE FROM `tabApplication")])

		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.backbone_enterprises[2].sales_revenue += 1
		removed = doc.qualitative_targets.pop()
		doc.append("qualitative_targets", {"target_description": "新增的定性目标", "target_year": 2019})
		one_row = self.statements(doc)
		updated = [q for q in one_row if q.startswith("UPDATE `tabApplication")]
		self.assertEqual(len(updated), 1, [q[:60] for q in updated])
		self.assertIn("`tabApplication Backbone Enterprise`", updated[0])
		deleted = [q for q in one_row if q.startswith("DELETE FROM `tabApplication")]
		self.assertEqual(len(deleted), 1, deleted)
		self.assertIn("`tabApplication Qualitative Target`", deleted[0])

		stored = frappe.get_doc(APPLICATION, self.application.name)
		self.assertEqual(
			stored.backbone_enterprises[2].sales_revenue, doc.backbone_enterprises[2].sales_revenue
		)
		self.assertNotIn(removed.name, [r.name for r in stored.qualitative_targets])
		self.assertEqual(stored.qualitative_targets[-1].target_description, "新增的定性目标")
		self.assertEqual(stored.leading_industry_profile, "只改了主导产业简介")

	def test_the_links_are_read_once_per_linked_doctype(self):
		"""Frappe reads each row's linked record with a query of its own: 30 backbone enterprises were 30
		reads of Cluster Enterprise. Their names are fetched all the same."""
		doc = frappe.get_doc(APPLICATION, self.application.name)
		self.assertGreater(len(doc.backbone_enterprises), 5)
		for row in doc.backbone_enterprises:
			row.enterprise_name = None
		reads = [q for q in self.statements(doc) if "from `tabcluster enterprise`" in q.lower()]
		self.assertEqual(len(reads), 1, reads)
		stored = frappe.get_doc(APPLICATION, self.application.name)
		registered = dict(
			frappe.get_all(
				"Cluster Enterprise",
				{"name": ("in", [r.enterprise for r in stored.backbone_enterprises])},
				["name", "enterprise_name"],
				as_list=True,
			)
		)
		self.assertEqual(
			[r.enterprise_name for r in stored.backbone_enterprises],
			[registered[r.enterprise] for r in stored.backbone_enterprises],
		)

	def test_a_record_read_for_update_is_not_read_again_by_its_save(self):
		"""The REST API reads the record FOR UPDATE before it saves it: the save starts from that read (its
		state before the save, its timeline) instead of reading the record and its 88 rows again."""
		doc = frappe.get_doc(APPLICATION, self.application.name, for_update=True)
		before = doc.leading_industry_profile
		doc.leading_industry_profile = "改过的主导产业简介"
		# its timeline too (tests save without one unless asked)
		statements = self.statements(doc, ignore_version=False)
		reads = [q for q in statements if q.startswith("SELECT * FROM `tabApplication")]
		self.assertEqual(reads, [])
		self.assertEqual(doc.get_doc_before_save().leading_industry_profile, before)
		self.assertTrue(doc.has_value_changed("leading_industry_profile"))
		self.assertEqual(len(doc.get_doc_before_save().backbone_enterprises), len(doc.backbone_enterprises))
		version = frappe.get_last_doc("Version", {"ref_doctype": APPLICATION, "docname": doc.name})
		self.assertIn(
			["leading_industry_profile", before, "改过的主导产业简介"], json.loads(version.data)["changed"]
		)

	def test_a_record_written_since_it_was_read_for_update_is_read_again(self):
		doc = frappe.get_doc(APPLICATION, self.application.name, for_update=True)
		frappe.db.set_value(APPLICATION, doc.name, "leading_industry", "同一事务中的另一次写入")
		doc.leading_industry_profile = "改过的主导产业简介"
		with self.assertRaises(frappe.TimestampMismatchError):
			doc.save()

	# --- what the database cannot hold is refused by name, nothing saved (issue 7)

	def test_values_the_columns_cannot_hold_are_refused_by_name(self):
		def set_value(doc, table, idx, fieldname, value):
			(doc.get(table)[idx] if table else doc).set(fieldname, value)

		for table, idx, fieldname, value, text in (
			(None, 0, "leading_industry_profile", "x" * 100_000, "一、主导产业简介过长：最多65,535字节"),
			(None, 0, "honours", "荣" * 30_000, "五、近三年主导产业获得国家及省部级相关荣誉的情况过长"),
			("quantitative_targets", 0, "target_value", 1e20, "定量指标第1行：目标值须小于1,000,000,000,000"),
			("qualitative_targets", 0, "target_year", 10**10, "定性指标第1行：目标年份须在"),
			("indicators", 4, "year_3_value", float("inf"), "不是有效的数值"),
			("indicators", 4, "year_2_value", 1e20, "须小于1,000,000,000,000"),
			("funding_plan", 0, "amount", 1e20, "资金安排第1行：金额（万元）须小于1,000,000,000,000"),
			("backbone_enterprises", 0, "sales_revenue", 1e20, "骨干企业汇总表第1行：销售收入（万元）须小于"),
			("top_enterprises", 0, "awards", "奖" * 30_000, "一、重点骨干企业情况第1行：获奖情况过长"),
		):
			doc = frappe.get_doc(APPLICATION, self.application.name)
			set_value(doc, table, idx, fieldname, value)
			self.assert_refused(doc, text)

	def test_a_total_beyond_its_column_is_refused(self):
		for row in self.application.funding_plan:
			row.amount = 9e11
		self.assert_refused(self.application, "资金合计（万元）须小于1,000,000,000,000")


@frozen_day(DAY)
class TestApplicationCapacityOverREST(IntegrationTestCase):
	"""Values that no column can hold, sent over REST: a 417 with the Chinese message, never a 500."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		values = make_test_application_values("-rest-capacity")
		cls.token = make_api_user(
			"rest.capacity@example.com", ["Cluster Applicant"], ("Organizing Unit", values["organizing_unit"])
		)
		for name in frappe.get_all(
			APPLICATION, {"industrial_cluster": values["industrial_cluster"]}, pluck="name"
		):
			frappe.delete_doc(APPLICATION, name, force=True)  # left behind by a run that was killed
		cls.name = frappe.get_doc(values).insert().name
		frappe.db.commit()  # the request runs on its own connection and sees only committed data

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.delete_doc(APPLICATION, cls.name, force=True)
		frappe.db.commit()
		super().tearDownClass()

	def put_refused(self, table: str, idx: int, fieldname: str, value, *texts, status: int = 417):
		stored = frappe.get_doc(APPLICATION, self.name).as_dict()
		rows = json.loads(frappe.as_json(stored[table]))
		rows[idx][fieldname] = value
		response = rest("PUT", f"/api/resource/{APPLICATION}/{self.name}", self.token, {table: rows})
		self.assertEqual(response.status_code, status, response.get_data(as_text=True)[:2000])
		for text in texts:
			self.assertIn(text, answer_messages(response.json))
		frappe.db.rollback()  # a new snapshot, which would see what the request committed
		self.assertEqual(frappe.db.get_value(APPLICATION, self.name, "modified"), stored.modified)

	def test_1e20_in_an_indicator_is_refused_with_its_name(self):
		self.put_refused(
			"indicators", 4, "year_3_value", 1e20, "主导产业销售收入（亿元）", "须小于1,000,000,000,000"
		)

	def test_1e400_in_an_indicator_is_refused_with_its_name(self):
		# no number at all: refused at the request's boundary (request_input.py), naming the row and the year
		self.put_refused(
			"indicators", 4, "year_1_value", float("inf"), "主要指标情况第5行", "不是有效的数值", status=400
		)

	def test_1e20_in_a_quantitative_target_is_refused_with_its_name(self):
		self.put_refused(
			"quantitative_targets", 0, "target_value", 1e20, "定量指标第1行：目标值须小于1,000,000,000,000"
		)

	def test_100000_characters_in_a_text_item_are_refused_with_its_name(self):
		self.put_refused(
			"top_enterprises", 0, "awards", "x" * 100_000, "一、重点骨干企业情况第1行：获奖情况过长"
		)
