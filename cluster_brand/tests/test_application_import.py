"""The 骨干企业汇总表, the main indicators and the work task plan from Excel into a draft application (cluster_brand/api/application_import.py): the unit's good
sheet replaces the table and registers the new enterprises; a sheet with errors saves nothing and lists them
all; another unit's application and one that has left the unit are refused; REST clients upload the same way.

	bench --site <site> run-tests --module cluster_brand.tests.test_application_import
"""

import io
import json
from datetime import date
from unittest.mock import patch
from urllib.parse import unquote

import frappe
from openpyxl import Workbook, load_workbook

from cluster_brand.api import application_import
from cluster_brand.cluster_brand.doctype.cluster_brand_application.cluster_brand_application import (
	ClusterBrandApplication,
)
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.office import backbone_sheet, task_plan_sheet
from cluster_brand.rules import Violation
from cluster_brand.rules.application import indicators, work_plan
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import frappe_application, in_thread, make_api_user
from cluster_brand.tests.support.process import OTHER_UNIT, OWN_UNIT, drive_to, make_cast, new_application
from cluster_brand.tests.support.records import IntegrationTestCase, credit_code, language

DAY = date(2026, 4, 21)
IMPORT = "cluster_brand.api.application_import.import_table"
TEMPLATE = "cluster_brand.api.application_import.download_template"
TABLE = "backbone_enterprises"
HEADS_IN_YI = list(backbone_sheet.HEADS[:5]) + [
	"资产（亿元）",
	"销售收入（亿元）",
	"自主品牌产品销售收入（亿元）",
	"利润总额（亿元）",
	*backbone_sheet.HEADS[9:],
]


def workbook(rows, heads=None) -> bytes:
	book = Workbook()
	sheet = book.active
	sheet.append(["二、骨干企业汇总表"])
	sheet.merge_cells("A1:K1")
	sheet.append(heads or list(backbone_sheet.HEADS))
	for row in rows:
		sheet.append(row)
	sheet.append(["合计"])
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def good_rows(codes, known: str | None = None):
	"""Rows in 亿元: the ones of ``codes`` new to the register, ``known`` one it has."""
	rows = [
		[
			n,
			f"测试导入企业{n}有限公司",
			code,
			"电动工具",
			f"品牌{n}",
			"1.5",
			"２.５",
			"1",
			"-0.01",
			"张三",
			"13812345678",
		]
		for n, code in enumerate(codes, start=1)
	]
	if known:
		rows.append([len(rows) + 1, "已登记企业", known, "电钻", "甲", 1, 2, 1, 0.1, "李四", "0571-87654321"])
	return rows


def attach(application: str, content: bytes, name: str = "骨干企业汇总表.xlsx") -> str:
	"""The sheet as a private File of the application (who may read the application may read it)."""
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": name,
			"attached_to_doctype": APPLICATION,
			"attached_to_name": application,
			"is_private": 1,
			"content": content,
		}
	).insert(ignore_permissions=True)
	return file.file_url


def draft_of(tag: str) -> str:
	"""The unit's draft for its cluster of ``tag``: made once (the REST test commits it)."""
	cluster = f"测试产业集群{OWN_UNIT}-{tag}"  # new_application's
	return (
		frappe.db.get_value(APPLICATION, {"industrial_cluster": cluster}, "name") or new_application(tag).name
	)


def backbone(application: str) -> list[tuple]:
	doc = frappe.get_doc(APPLICATION, application)
	return [(r.enterprise, r.sales_revenue) for r in doc.backbone_enterprises]


@frozen_day(DAY)
class TestApplicationImport(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.draft = draft_of("import")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.response = frappe._dict({"docs": []})

	def test_the_unit_imports_a_good_sheet(self):
		known = frappe.get_doc(APPLICATION, self.draft).backbone_enterprises[0].enterprise
		codes = [credit_code(), credit_code()]
		url = attach(self.draft, workbook(good_rows(codes, known), HEADS_IN_YI))
		answer = call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		self.assertEqual(answer, {"rows": 3, "registered": 2})
		doc = frappe.get_doc(APPLICATION, self.draft)
		self.assertEqual([r.enterprise for r in doc.backbone_enterprises], [*codes, known])
		first = doc.backbone_enterprises[0]
		# 亿元 in the heads: stored in 万元
		self.assertEqual(
			(first.assets, first.sales_revenue, first.own_brand_sales_revenue, first.total_profit),
			(15000, 25000, 10000, -100),
		)
		self.assertEqual(first.own_brand, "品牌1")
		self.assertEqual(first.contact_details, "13812345678")
		self.assertEqual(doc.total_sales_revenue, 25000 * 2 + 20000)
		enterprise = frappe.get_doc("Cluster Enterprise", codes[0])
		self.assertEqual(enterprise.enterprise_name, "测试导入企业1有限公司")
		self.assertEqual(enterprise.industrial_cluster, doc.industrial_cluster)
		self.assertEqual(enterprise.mobile, "13812345678")
		self.assertEqual(enterprise.owner, self.cast.applicant)

	def test_a_sheet_with_errors_saves_nothing_and_lists_them_all(self):
		before = backbone(self.draft)
		new_code = credit_code()
		rows = good_rows([new_code, credit_code()])
		rows[0][6] = "很多"  # sheet row 3: 销售收入 no number
		rows[1][10] = "找前台"  # row 4: 联系方式
		rows.append([3, None, "91330100MA2000004Z", None, None, 1, 1, 1, 1, None, None])  # row 5
		url = attach(self.draft, workbook(rows))
		with language("zh"), self.assertRaises(frappe.ValidationError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		errors = frappe.local.response["errors"]
		self.assertEqual(
			[(e["row"], e["name"], e["column"]) for e in errors],
			[
				(3, "测试导入企业1有限公司", "销售收入（万元）"),
				(4, "测试导入企业2有限公司", "联系方式"),
				(5, "", "企业名称"),
				(5, "", "统一社会信用代码"),
			],
		)
		self.assertEqual(errors[0]["message"], "「很多」不是数字。")
		self.assertEqual(backbone(self.draft), before)
		self.assertFalse(frappe.db.exists("Cluster Enterprise", new_code))

	def test_a_save_refused_by_the_register_saves_nothing(self):
		"""The register refuses the second enterprise (a cluster the unit may not use is the application's,
		so here: a register rule the sheet's reading does not know, the name's length in the register is
		the same; a clash with an enterprise registered meanwhile): nothing of the first is kept either."""
		before = backbone(self.draft)
		first, second = credit_code(), credit_code()
		rows = good_rows([first, second])
		url = attach(self.draft, workbook(rows))
		original = backbone_sheet.register_record

		def second_refused(row, cluster=None):
			record = original(row, cluster)
			if row["enterprise"] == second:
				record["industrial_cluster"] = "没有这个集群"
			return record

		backbone_sheet.register_record = second_refused
		try:
			with self.assertRaises(frappe.ValidationError):
				call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		finally:
			backbone_sheet.register_record = original
		errors = frappe.local.response["errors"]
		self.assertEqual([(e["row"], e["name"]) for e in errors], [(4, "测试导入企业2有限公司")])
		self.assertFalse(frappe.db.exists("Cluster Enterprise", first))
		self.assertEqual(backbone(self.draft), before)

	def test_a_save_the_application_refuses_saves_nothing(self):
		"""The application's own validate() refuses the table as a whole (a problem of no one row): one more
		error without a row, and the enterprises registered before the save are rolled back too."""
		before = backbone(self.draft)
		new = credit_code()
		url = attach(self.draft, workbook(good_rows([new])))

		def refuse(doc):
			throw_violations([Violation("The application form has errors")], "test")

		with (
			patch.object(ClusterBrandApplication, "validate", refuse),
			self.assertRaises(frappe.ValidationError),
		):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		self.assertEqual(
			frappe.local.response["errors"],
			[{"row": None, "name": "", "column": "", "message": "The application form has errors"}],
		)
		self.assertFalse(frappe.db.exists("Cluster Enterprise", new))
		self.assertEqual(backbone(self.draft), before)

	def test_another_units_enterprise_is_not_linked(self):
		"""A code the register holds for another unit's cluster: the unit may not read that record, so the row
		may not link it (nor show its registered name)."""
		code = credit_code()
		frappe.get_doc(
			{
				"doctype": "Cluster Enterprise",
				"enterprise_name": "另一单位的企业",
				"unified_social_credit_code": code,
				"industrial_cluster": f"测试产业集群{OTHER_UNIT}",
			}
		).insert()
		before = backbone(self.draft)
		new = credit_code()
		url = attach(self.draft, workbook(good_rows([new, code])))
		with language("zh"), self.assertRaises(frappe.ValidationError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		(error,) = frappe.local.response["errors"]
		self.assertEqual((error["row"], error["column"]), (4, "统一社会信用代码"))
		self.assertEqual(
			error["message"],
			f"登记库中的{code}属于其他单位的产业集群：请核对代码，或请工业和信息化部更正登记库。",
		)
		self.assertNotIn("另一单位的企业", json.dumps(frappe.local.response["errors"], ensure_ascii=False))
		self.assertEqual(backbone(self.draft), before)
		self.assertFalse(frappe.db.exists("Cluster Enterprise", new))

	def test_another_units_application_is_refused(self):
		url = attach(self.draft, workbook(good_rows([credit_code()])))
		before = backbone(self.draft)
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.other_applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.other_applicant, TEMPLATE, application=self.draft, table=TABLE)
		self.assertEqual(backbone(self.draft), before)

	def test_a_submitted_application_is_refused(self):
		submitted = drive_to(self.cast, PENDING_PROVINCIAL_REVIEW, f"import-{frappe.generate_hash(length=6)}")
		before = backbone(submitted)
		url = attach(submitted, workbook(good_rows([credit_code()])))
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.applicant, IMPORT, application=submitted, table=TABLE, file_url=url)
		self.assertEqual(backbone(submitted), before)

	def test_the_template_holds_the_current_rows(self):
		call_as(self.cast.applicant, TEMPLATE, application=self.draft, table=TABLE)
		response = frappe.local.response
		self.assertEqual(response.type, "download")
		self.assertEqual(
			unquote(response.display_content_as.split("''")[1]), f"骨干企业汇总表-{self.draft}.xlsx"
		)
		self.assertEqual(response.filename, f"backbone_enterprises-{self.draft}.xlsx")  # for an old client
		sheet = load_workbook(io.BytesIO(response.filecontent)).active
		self.assertEqual(sheet["B3"].value, "企业名称")
		doc = frappe.get_doc(APPLICATION, self.draft)
		self.assertEqual(sheet["C4"].value, doc.backbone_enterprises[0].enterprise)
		self.assertEqual(backbone_sheet.read(response.filecontent).errors, [])

	def test_a_file_the_caller_may_not_read_is_refused(self):
		before = backbone(self.draft)
		url = (
			frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "别人的汇总表.xlsx",
					"is_private": 1,
					"content": workbook(good_rows([credit_code()])),
				}
			)
			.insert(ignore_permissions=True)
			.file_url
		)  # Administrator's, attached to nothing
		with self.assertRaises(frappe.PermissionError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)
		self.assertEqual(backbone(self.draft), before)

	def test_only_an_xlsx_is_read(self):
		url = attach(self.draft, b"a,b\n1,2\n", name="骨干企业.csv")
		with self.assertRaises(frappe.ValidationError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table=TABLE, file_url=url)

	def test_over_rest_a_multipart_upload_answers_the_same_errors(self):
		draft = draft_of("import-rest")
		frappe.db.commit()  # the request runs on its own connection
		token = make_api_user(self.cast.applicant, ["Cluster Applicant"])
		rows = good_rows([credit_code()])
		rows[0][5] = "abc"
		content = workbook(rows)

		def upload():
			from werkzeug.test import Client

			return Client(frappe_application()).post(
				f"/api/method/{IMPORT}",
				data={"application": draft, "table": TABLE, "file": (io.BytesIO(content), "汇总表.xlsx")},
				headers={
					"Authorization": f"token {token}",
					"Accept": "application/json",
					"Accept-Language": "zh",
				},
			)

		response = in_thread(upload)
		self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:500])
		body = json.loads(response.get_data(as_text=True))
		self.assertEqual(
			[(e["row"], e["name"], e["column"]) for e in body["errors"]],
			[(3, "测试导入企业1有限公司", "资产（万元）")],
		)
		self.assertEqual(body["errors"][0]["message"], "「abc」不是数字。")

		rows[0][5] = 3
		content = workbook(rows)
		response = in_thread(upload)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:500])
		self.assertEqual(response.json["message"], {"rows": 1, "registered": 1})
		frappe.db.rollback()  # a new snapshot, which sees what the request committed
		self.assertEqual(backbone(draft), [(rows[0][2], 2.5)])  # the heads' 万元
		self.assertEqual(application_import.TABLES[TABLE][0], backbone_sheet)


def sheet_of(title: str, heads: list, rows: list) -> bytes:
	book = Workbook()
	sheet = book.active
	sheet.append([title])
	sheet.append(heads)
	for row in rows:
		sheet.append(row)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


@frozen_day(DAY)
class TestIndicatorAndPlanImport(IntegrationTestCase):
	"""The main indicators and the work task plan from Excel: the same methods, the same all-or-nothing."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.draft = draft_of("import-plan")
		doc = frappe.get_doc(APPLICATION, cls.draft)
		cls.years = indicators.indicator_years(doc.batch_year)
		cls.cycle_end = work_plan.cycle_window(doc.batch_year, int(doc.pilot_cycle_years or 3))[1]

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.response = frappe._dict({"docs": []})

	def indicator_values(self) -> dict:
		doc = frappe.get_doc(APPLICATION, self.draft)
		return {r.indicator: (r.year_1_value, r.year_2_value, r.year_3_value) for r in doc.indicators}

	def plan(self) -> list[tuple]:
		doc = frappe.get_doc(APPLICATION, self.draft)
		return [(r.work_item, r.measure_no, r.measure, str(r.time_node)) for r in doc.tasks]

	def test_the_unit_imports_its_main_indicators(self):
		before = self.indicator_values()
		heads = ["指标名称", *(f"{year}年" for year in self.years)]
		rows = [
			["主导产业企业数（个）", "１２０", 125, 130],
			["主导产业总产值（万元）", "1,500,000", 1_600_000, 1_700_000],  # 万元: stored in 亿元
			["主导产业销售收入（亿元）", 140, 150, 160],
			["合计", None, None, None],
		]
		url = attach(self.draft, sheet_of("主要指标情况", heads, rows), "主要指标.xlsx")
		answer = call_as(
			self.cast.applicant, IMPORT, application=self.draft, table="indicators", file_url=url
		)
		self.assertEqual(answer, {"rows": 3})
		values = self.indicator_values()
		self.assertEqual(len(values), 11)
		self.assertEqual(values[indicators.OUTPUT], (150, 160, 170))
		self.assertEqual(values[indicators.SALES], (140, 150, 160))
		self.assertEqual(values[indicators.INDICATORS[0].key], (120, 125, 130))
		# an indicator the sheet leaves out keeps its values
		self.assertEqual(values[indicators.PROFIT], before[indicators.PROFIT])

	def test_an_indicator_sheet_with_errors_saves_nothing(self):
		before = self.indicator_values()
		heads = ["指标名称", *(f"{year}年" for year in self.years)]
		rows = [["主导产业企业数（个）", 1, 2, 3], ["主导产业国内市场占有率（%）", 120, "很多", 5]]
		url = attach(self.draft, sheet_of("主要指标情况", heads, rows), "主要指标.xlsx")
		with language("zh"), self.assertRaises(frappe.ValidationError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table="indicators", file_url=url)
		errors = frappe.local.response["errors"]
		share = "主导产业国内市场占有率（%）"
		year_1, year_2 = (f"{year}年" for year in self.years[:2])
		self.assertEqual(
			[(e["row"], e["name"], e["column"]) for e in errors], [(4, share, year_2), (4, share, year_1)]
		)
		self.assertIn(year_1, errors[1]["message"])
		self.assertEqual(self.indicator_values(), before)

	def test_the_unit_imports_its_work_task_plan(self):
		node = self.cycle_end.replace(month=6, day=30)
		rows = [
			[1, "实施区域品牌发展战略", "现状甲", "目标甲", "1.1、编制规划", f"{node.year}年6月", "管委会"],
			[None, None, None, None, "1.2 出台政策", str(node), "经信局"],
			[4, "引导企业培育自主品牌", "现状丁", "目标丁", "培育品牌", node, "协会"],
		]
		url = attach(self.draft, sheet_of("工作任务计划表", task_plan_sheet_heads(), rows), "计划表.xlsx")
		answer = call_as(self.cast.applicant, IMPORT, application=self.draft, table="tasks", file_url=url)
		self.assertEqual(answer, {"rows": 3})
		keys = work_plan.WORK_ITEM_KEYS
		self.assertEqual(
			self.plan(),
			[
				(keys[0], "1.1", "编制规划", str(node)),
				(keys[0], "1.2", "出台政策", str(node)),
				(keys[3], "4.1", "培育品牌", str(node)),
			],
		)
		doc = frappe.get_doc(APPLICATION, self.draft)
		self.assertEqual(
			[(r.work_item, r.current_state or "", r.work_goal or "") for r in doc.work_items],
			[
				(key, *{0: ("现状甲", "目标甲"), 3: ("现状丁", "目标丁")}.get(n, ("", "")))
				for n, key in enumerate(keys)
			],
		)

	def test_a_time_node_beyond_the_cycle_saves_nothing(self):
		before = self.plan()
		late = self.cycle_end.replace(year=self.cycle_end.year + 1)
		rows = [[1, "实施区域品牌发展战略", "现状", "目标", "措施", str(late), "管委会"]]
		url = attach(self.draft, sheet_of("工作任务计划表", task_plan_sheet_heads(), rows), "计划表.xlsx")
		with language("zh"), self.assertRaises(frappe.ValidationError):
			call_as(self.cast.applicant, IMPORT, application=self.draft, table="tasks", file_url=url)
		((row, name, column),) = [(e["row"], e["name"], e["column"]) for e in frappe.local.response["errors"]]
		self.assertEqual((row, name, column), (3, "实施区域品牌发展战略", "时间节点"))
		self.assertEqual(self.plan(), before)

	def test_the_templates_round_trip_the_current_rows(self):
		for table in ("indicators", "tasks"):
			call_as(self.cast.applicant, TEMPLATE, application=self.draft, table=table)
			content = frappe.local.response.filecontent
			sheet, _apply = application_import.TABLES[table]
			context = {"batch_year": frappe.db.get_value(APPLICATION, self.draft, "batch_year")}
			self.assertEqual(sheet.read(content, context).errors, [], table)

	def test_a_broken_xlsx_is_a_refusal_not_a_server_error(self):
		url = attach(self.draft, b"PK\x03\x04 not a workbook", "坏文件.xlsx")
		for table in ("backbone_enterprises", "indicators", "tasks"):
			with language("zh"), self.assertRaises(frappe.ValidationError):
				call_as(self.cast.applicant, IMPORT, application=self.draft, table=table, file_url=url)
			(error,) = frappe.local.response["errors"]
			self.assertTrue(error["message"].startswith("文件不是 Excel 工作簿（.xlsx）："), error)

	def test_another_units_application_is_refused(self):
		url = attach(self.draft, sheet_of("工作任务计划表", task_plan_sheet_heads(), []), "计划表.xlsx")
		for table in ("indicators", "tasks"):
			with self.assertRaises(frappe.PermissionError):
				call_as(self.cast.other_applicant, IMPORT, application=self.draft, table=table, file_url=url)
			with self.assertRaises(frappe.PermissionError):
				call_as(self.cast.other_applicant, TEMPLATE, application=self.draft, table=table)


def task_plan_sheet_heads() -> list[str]:
	return list(task_plan_sheet.HEADS.values())
