"""The integrators' REST (cluster_brand/api/documents.py) over HTTP with API keys, in the programme's Chinese
names only: the whole process of an application, one call per step; every refusal answered as data."""

import base64
import json
from datetime import date
from urllib.parse import urlencode

import frappe
from frappe.model import table_fields
from frappe.utils import add_days, today

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	EXPERT_REVIEW,
)
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration import (
	APPLICATION_VALUES,
	RECOMMENDATION,
	completed_pilot,
	open_round,
	start_demonstration,
)
from cluster_brand.tests.support.http import answer_messages, make_api_user, rest
from cluster_brand.tests.support.pilot_stage import (
	complete_values,
	inspection_values,
	make_pilot,
	reporting_year,
	start_summary,
)
from cluster_brand.tests.support.process import OTHER_UNIT, OWN_UNIT, make_cast, next_free_rank
from cluster_brand.tests.support.records import IntegrationTestCase, credit_code, make_test_application_values

METHOD = "/api/method/cluster_brand.api.documents."
CLUSTER_ENTERPRISE = "Cluster Enterprise"
# the DocTypes as an integrator names them: their official names
APPLICATION_IN_CHINESE = "产业集群区域品牌建设试点申报书"
DAY = date(2026, 9, 14)
STAMPED_SCAN = base64.b64encode(b"%PDF-1.4\n% stamped application form\n%%EOF\n").decode()
MONITORING = base64.b64encode(b"%PDF-1.4\n% monitoring evidence\n%%EOF\n").decode()


def in_official_names(doctype: str, values: dict) -> dict:
	"""``values`` with every option named as the form names it (in Chinese), as an integrator sends them."""
	meta, named = frappe.get_meta(doctype), dict(values)
	for df in meta.fields:
		value = values.get(df.fieldname)
		if df.fieldtype == "Select" and value:
			named[df.fieldname] = frappe._(value, lang="zh")
		elif df.fieldtype in table_fields and isinstance(value, list):
			named[df.fieldname] = [in_official_names(df.options, row) for row in value]
	return named


def inline_enterprises(values: dict) -> tuple[dict, list[str]]:
	"""The application's backbone enterprises sent inline, each new to the register (a code of its own), the
	key enterprises named by their names only; returns the values and the new codes."""
	codes, by_code = [], {}
	rows = []
	for number, row in enumerate(values["backbone_enterprises"], start=1):
		code = credit_code()
		codes.append(code)
		register = frappe.db.get_value(
			CLUSTER_ENTERPRISE, row["enterprise"], ["main_products", "own_brands"], as_dict=True
		)
		name = f"接口测试企业{number}号{code[-6:]}"
		by_code[row["enterprise"]] = name
		rows.append(
			{
				**{k: v for k, v in row.items() if k != "enterprise"},
				"unified_social_credit_code": code,
				"enterprise_name": name,
				"main_products": register.main_products,
				"own_brand": register.own_brands,
				"contact_person": "王经理",
				"contact_details": "0571-88880000",
				# the register's own contacts, which a key enterprise's profile shows
				"mobile": "13800000000",
				"email": f"brand{number}@example.com",
			}
		)
	tops = [
		{**{k: v for k, v in row.items() if k != "enterprise"}, "enterprise_name": by_code[row["enterprise"]]}
		for row in values["top_enterprises"]
	]
	return {**values, "backbone_enterprises": rows, "top_enterprises": tops}, codes


class CallsDocuments:
	"""One call of the integrators' REST (api/documents.py) as a user of the cast, by its API key (``tokens``:
	who → "key:secret"); ``expect`` is the status code."""

	tokens: dict

	def call(self, who: str, method: str, body: dict, expect: int = 200, lang: str = "zh") -> dict:
		if method == "get":
			response = rest("GET", f"{METHOD}get?{urlencode(body)}", self.tokens[who], lang=lang)
		else:
			response = rest("POST", METHOD + method, self.tokens[who], body, lang=lang)
		self.assertEqual(
			response.status_code, expect, f"{who} {method}: {response.get_data(as_text=True)[:800]}"
		)
		return response.json


@frozen_day(DAY)
class TestDocumentsOverHTTP(CallsDocuments, IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.values = cls.new_values()
		frappe.db.commit()  # requests run on their own connections
		cls.names, cls.codes = [], []

	@staticmethod
	def new_values() -> dict:
		"""A complete application of the applicant's unit, for a cluster of its own (one per batch)."""
		values = make_test_application_values(
			OWN_UNIT, cluster_suffix=f"-api-{frappe.generate_hash(length=6)}"
		)
		values.pop("stamped_form_scan")
		return values

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in cls.names:
			for pilot in frappe.get_all(BRAND_PILOT, {"application": name}, pluck="name"):
				frappe.delete_doc(BRAND_PILOT, pilot, force=True, ignore_permissions=True)
			for sheet in frappe.get_all(EXPERT_REVIEW, {"application": name}, pluck="name"):
				frappe.db.set_value(EXPERT_REVIEW, sheet, "docstatus", 2)
				frappe.delete_doc(EXPERT_REVIEW, sheet, force=True, ignore_permissions=True)
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		for code in cls.codes:
			frappe.delete_doc(CLUSTER_ENTERPRISE, code, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def create(self, who: str = "applicant") -> tuple[str, dict]:
		values, codes = inline_enterprises(in_official_names(APPLICATION, self.new_values()))
		# the stamped scan in the same call
		values["stamped_form_scan"] = {"file_name": "申报书盖章扫描件.pdf", "content": STAMPED_SCAN}
		frappe.db.commit()
		type(self).codes += codes
		answer = self.call(who, "save", {"doctype": APPLICATION_IN_CHINESE, "doc": values})["message"]
		type(self).names.append(answer["name"])
		return answer["name"], answer

	def act(
		self, who: str, name: str, action: str, expect: int = 200, doctype: str = APPLICATION_IN_CHINESE
	) -> dict:
		return self.call(who, "act", {"doctype": doctype, "name": name, "action": action}, expect)

	def save(
		self, who: str, name: str, values: dict, expect: int = 200, doctype: str = APPLICATION_IN_CHINESE
	) -> dict:
		return self.call(who, "save", {"doctype": doctype, "name": name, "doc": values}, expect)

	def test_the_whole_process_in_chinese_names(self):
		# 自愿申报: one call creates the 申报书 with its 30 enterprises, registered in the same transaction
		name, answer = self.create()
		codes = self.codes[-len(answer["doc"]["backbone_enterprises"]) :]
		self.assertEqual(len(codes), 30)
		self.assertEqual(frappe.db.count(CLUSTER_ENTERPRISE, {"name": ("in", codes)}), 30)
		# registered for the application's cluster, as the unit's own
		self.assertEqual(
			set(
				frappe.get_all(
					CLUSTER_ENTERPRISE, {"name": ("in", codes)}, ["industrial_cluster", "owner"], as_list=True
				)
			),
			{(answer["doc"]["industrial_cluster"], self.cast.applicant)},
		)
		doc = answer["doc"]
		self.assertEqual(answer["state"], "草稿")
		scan = frappe.get_all(
			"File",
			{"attached_to_name": name, "attached_to_field": "stamped_form_scan"},
			["file_url", "is_private"],
		)
		self.assertEqual([(f.file_url, f.is_private) for f in scan], [(doc["stamped_form_scan"], 1)])
		self.assertEqual([r["enterprise"] for r in doc["backbone_enterprises"]], codes)
		# the key enterprises named by name alone are linked to the enterprises of those names
		self.assertTrue(all(r["enterprise"] in codes for r in doc["top_enterprises"]))
		# options answered in the caller's language
		self.assertEqual(doc["indicators"][0]["indicator"], "主导产业企业数（个）")
		self.assertIn(
			{
				"action": "提交申报",
				"key": "Submit Application",
				"next_state": "待省级推荐",
				"roles": ["组织实施单位"],
			},
			answer["actions"],
		)
		english = self.call("applicant", "get", {"doctype": APPLICATION_IN_CHINESE, "name": name}, lang="en")[
			"message"
		]
		self.assertEqual(english["state"], "Draft")
		self.assertEqual(
			english["doc"]["indicators"][0]["indicator"], "Enterprises in the Leading Industry (units)"
		)

		answer = self.act("applicant", name, "提交申报")["message"]
		self.assertEqual(answer["state"], "待省级推荐")
		# who acts next: the province
		self.assertEqual(
			{a["action"] for a in answer["actions"] if "省级工业和信息化主管部门" in a["roles"]},
			{"退回修改", "推荐", "不予推荐"},
		)

		# 初审推荐: the unit's province
		opinion = {
			"recommendation_opinion": "同意推荐。",
			"recommending_officer": "张三",
			"recommendation_date": today(),
			"recommendation_rank": next_free_rank(name),
		}
		frappe.db.rollback()
		self.save("province", name, opinion)
		self.assertEqual(self.act("province", name, "推荐")["message"]["state"], "已推荐")

		# 纸质材料 and 复审核定
		self.save(
			"receiver",
			name,
			{"paper_copies_received": 2, "paper_copies_stamped": 1, "paper_received_date": today()},
		)
		self.save("ministry", name, {"expert_assignments": [{"expert": self.cast.expert}]})
		self.act("ministry", name, "启动专家评审")
		sheet = frappe.get_all(EXPERT_REVIEW, {"application": name}, pluck="name")[0]
		scores = self.call("expert", "get", {"doctype": "专家评审表", "name": sheet})["message"]["doc"][
			"scores"
		]
		self.save(
			"expert",
			sheet,
			{
				"scores": [{"name": row["name"], "score": 88} for row in scores],
				"no_conflict_of_interest": 1,
				"recommendation": "建议确定为试点",
				"comments": "工作基础扎实。",
			},
			doctype="专家评审表",
		)
		self.act("expert", sheet, "提交", doctype="专家评审表")
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(EXPERT_REVIEW, sheet, "docstatus"), 1)

		self.save(
			"ministry", name, {"public_notice_start": today(), "public_notice_end": add_days(today(), 9)}
		)
		self.assertEqual(self.act("ministry", name, "进入公示")["message"]["state"], "公示中")
		self.save("ministry", name, {"designation_notice_number": "工信厅科函〔2017〕998号"})
		frappe.db.set_value(
			APPLICATION,
			name,
			{"public_notice_start": add_days(today(), -10), "public_notice_end": add_days(today(), -1)},
		)
		frappe.db.commit()
		answer = self.act("ministry", name, "确定为试点")["message"]
		self.assertEqual(answer["state"], "确定为试点")
		self.assertEqual(answer["actions"], [])

		# every change is the caller's, on the document's timeline
		frappe.db.rollback()
		owners = set(frappe.get_all("Version", {"ref_doctype": APPLICATION, "docname": name}, pluck="owner"))
		self.assertTrue({self.cast.applicant, self.cast.province, self.cast.ministry} <= owners)

	def test_refusals_are_data_and_nothing_is_saved(self):
		values, codes = inline_enterprises(in_official_names(APPLICATION, self.values))
		before = frappe.db.count(APPLICATION), frappe.db.count(CLUSTER_ENTERPRISE)

		def refused(values, expect=417, who="applicant") -> list[dict]:
			body = {"doctype": APPLICATION_IN_CHINESE, "doc": values}
			errors = self.call(who, "save", body, expect)["errors"]
			frappe.db.rollback()
			self.assertEqual((frappe.db.count(APPLICATION), frappe.db.count(CLUSTER_ENTERPRISE)), before)
			return errors

		# an option that is none of the form's
		bad = json.loads(json.dumps(values))
		bad["funding_plan"][0]["funding_source"] = "天上掉的资金"
		[error] = refused(bad)
		self.assertEqual(
			{k: error[k] for k in ("item", "table", "row", "field", "value")},
			{
				"item": "资金来源",
				"table": "funding_plan",
				"row": 1,
				"field": "funding_source",
				"value": "天上掉的资金",
			},
		)
		self.assertIn("中央财政资金", error["message"])

		# a rule of the form: a share above 100%
		bad = json.loads(json.dumps(values))
		bad["indicators"][9]["year_1_value"] = 150
		[error] = refused(bad)
		self.assertEqual(
			{k: error[k] for k in ("table", "row", "field", "value")},
			{"table": "indicators", "row": 10, "field": "year_1_value", "value": 150},
		)
		self.assertIn("为百分比", error["message"])

		# an enterprise's code the register refuses: the row of the inline enterprise, nothing registered
		bad = json.loads(json.dumps(values))
		bad["backbone_enterprises"][2]["unified_social_credit_code"] = "91330000000000000X"
		errors = refused(bad)
		self.assertIn(
			("backbone_enterprises", 3, "unified_social_credit_code"),
			{(e["table"], e["row"], e["field"]) for e in errors},
		)

		# another unit's enterprise is not linked, and its name is not told
		bad = json.loads(json.dumps(values))
		other = frappe.get_all(
			CLUSTER_ENTERPRISE,
			{"industrial_cluster": ("!=", self.values["industrial_cluster"])},
			["name", "enterprise_name"],
			limit=1,
		)[0]
		bad["backbone_enterprises"][0]["unified_social_credit_code"] = other.name
		errors = refused(bad)
		[error] = [e for e in errors if (e["table"], e["row"]) == ("backbone_enterprises", 1)]
		self.assertEqual((error["field"], error["value"]), ("unified_social_credit_code", other.name))
		self.assertNotIn(other.enterprise_name, json.dumps(errors, ensure_ascii=False))
		# nor does Frappe's log of the refused read come with it
		answer = self.call("applicant", "save", {"doctype": APPLICATION_IN_CHINESE, "doc": bad}, 417)
		frappe.db.rollback()
		self.assertNotIn("无权访问", answer_messages(answer))

		# a key enterprise named by a name that no enterprise has
		bad = json.loads(json.dumps(values))
		bad["top_enterprises"][1]["enterprise_name"] = "查无此企业"
		[error] = refused(bad)
		self.assertEqual(
			(error["table"], error["row"], error["field"]), ("top_enterprises", 2, "enterprise_name")
		)

		# a required value left out
		bad = json.loads(json.dumps(values))
		bad["tasks"][1].pop("measure")
		errors = refused(bad)
		self.assertIn(("tasks", 2, "measure"), {(e["table"], e["row"], e["field"]) for e in errors})
		self.assertTrue(all(e["message"] for e in errors))

		# a value of the wrong shape
		bad = json.loads(json.dumps(values))
		bad["indicators"][0]["year_1_value"] = "很多"
		[error] = refused(bad)
		self.assertEqual((error["table"], error["row"], error["field"]), ("indicators", 1, "year_1_value"))

		# another unit may not create for this one
		errors = refused(values, expect=403, who="other_applicant")
		self.assertTrue(errors[0]["message"])

	def test_each_reads_only_its_own(self):
		name, _answer = self.create()
		frappe.db.commit()
		# a draft is the unit's own
		for who, expect in (
			("applicant", 200),
			("province", 403),
			("other_applicant", 403),
			("ministry", 200),
		):
			with self.subTest(who=who):
				answer = self.call(who, "get", {"doctype": APPLICATION_IN_CHINESE, "name": name}, expect)
				self.assertEqual(answer.get("message", {}).get("name"), name if expect == 200 else None)
		self.assertTrue(self.act("province", name, "推荐", expect=403)["errors"][0]["message"])
		# an action that is not the caller's, named in either language, is refused as data
		error = self.act("applicant", name, "推荐", expect=417)["errors"][0]
		self.assertEqual((error["field"], error["value"]), ("action", "推荐"))
		error = self.act("applicant", name, "Approve as Pilot", expect=417)["errors"][0]
		self.assertIn("提交申报", error["message"])  # the actions the caller can take
		# a DocType that is none of the programme's
		self.call("applicant", "get", {"doctype": "User", "name": "Administrator"}, expect=404)
		self.assertEqual(frappe.db.get_value(APPLICATION, name, "workflow_state"), "Draft")
		# a document read and sent back as it was read (Frappe's own fields, its options and state in Chinese)
		read = self.call("applicant", "get", {"doctype": APPLICATION_IN_CHINESE, "name": name})["message"][
			"doc"
		]
		self.save("applicant", name, read)
		# a document that has no actions
		error = self.call(
			"applicant",
			"act",
			{"doctype": "集群企业", "name": read["backbone_enterprises"][0]["enterprise"], "action": "提交"},
			expect=417,
		)["errors"][0]
		self.assertEqual((error["field"], error["value"]), ("action", "提交"))
		# an update in the same words
		answer = self.save(
			"applicant", name, {"funding_plan": [{"funding_source": "企业自筹资金", "amount": 500}]}
		)
		self.assertEqual(answer["message"]["doc"]["funding_plan"][0]["funding_source"], "企业自筹资金")
		frappe.db.rollback()  # a fresh snapshot of what the request committed
		self.assertEqual(
			frappe.db.get_value("Application Funding", {"parent": name}, "funding_source"),
			"Enterprise Self-Raised Funds",
		)


@frozen_day(DAY)
class TestAnnualSummaryOverHTTP(CallsDocuments, IntegrationTestCase):
	"""The pilot's annual work summary the same way: its values in Chinese names, a new backbone enterprise
	inline, each step one call by its own user."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.pilot = make_pilot(cls.cast, f"api-sum-{frappe.generate_hash(length=6)}")
		cls.summary = start_summary(cls.cast, cls.pilot, reporting_year(cls.pilot))
		frappe.db.commit()
		cls.code = credit_code()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.delete_doc(ANNUAL_WORK_SUMMARY, cls.summary, force=True, ignore_permissions=True)
		if frappe.db.exists(CLUSTER_ENTERPRISE, cls.code):
			frappe.delete_doc(CLUSTER_ENTERPRISE, cls.code, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_year_in_chinese_names(self):
		doctype = "年度工作总结"
		values = in_official_names(
			ANNUAL_WORK_SUMMARY, json.loads(frappe.as_json(complete_values(self.summary)))
		)
		self.assertEqual(values["measure_progress"][0]["status"], "进行中")
		rows = json.loads(
			frappe.as_json(frappe.get_doc(ANNUAL_WORK_SUMMARY, self.summary).backbone_enterprises)
		)
		values["backbone_enterprises"] = [
			*[{"name": row["name"]} for row in rows],
			{
				"unified_social_credit_code": self.code,
				"enterprise_name": f"年度新增骨干企业{self.code[-6:]}",
				"main_products": "电动工具",
				"own_brand": "新锐",
				"contact_person": "李经理",
				"contact_details": "13900000000",
				"sales_revenue": 1200,
				"assets": 1500,
				"own_brand_sales_revenue": 800,
				"total_profit": 90,
			},
		]
		answer = self.call("applicant", "save", {"doctype": doctype, "name": self.summary, "doc": values})[
			"message"
		]
		self.assertEqual(answer["doc"]["backbone_enterprises"][-1]["enterprise"], self.code)
		self.assertEqual(len(answer["doc"]["backbone_enterprises"]), len(rows) + 1)
		# the rows sent by name keep what they held
		self.assertEqual(
			[r["enterprise"] for r in answer["doc"]["backbone_enterprises"][:-1]],
			[r["enterprise"] for r in rows],
		)
		answer = self.call(
			"applicant", "act", {"doctype": doctype, "name": self.summary, "action": "报送省级主管部门"}
		)
		self.assertEqual(answer["message"]["state"], "待省级督导检查")
		self.assertIn("省级工业和信息化主管部门", answer["message"]["actions"][0]["roles"])

		self.call(
			"other_province",
			"act",
			{"doctype": doctype, "name": self.summary, "action": "报送工业和信息化部"},
			403,
		)
		error = self.call(
			"province", "act", {"doctype": doctype, "name": self.summary, "action": "报送工业和信息化部"}, 417
		)["errors"]
		self.assertTrue(error[0]["message"])  # the inspection is recorded first
		frappe.db.rollback()
		self.call("province", "save", {"doctype": doctype, "name": self.summary, "doc": inspection_values()})
		answer = self.call(
			"province", "act", {"doctype": doctype, "name": self.summary, "action": "报送工业和信息化部"}
		)
		self.assertEqual(answer["message"]["state"], "已报送工业和信息化部")
		self.call(
			"ministry",
			"save",
			{
				"doctype": doctype,
				"name": self.summary,
				"doc": {"acceptance_date": today(), "acceptance_opinion": "同意。"},
			},
		)
		answer = self.call(
			"ministry", "act", {"doctype": doctype, "name": self.summary, "action": "审核通过"}
		)
		self.assertEqual((answer["message"]["state"], answer["message"]["actions"]), ("已审核通过", []))


@frozen_day(date(2026, 7, 20))
class TestDemonstrationOverHTTP(CallsDocuments, IntegrationTestCase):
	"""The pilot's later stage the same way: the demonstration application filled in one call, its two
	attachments inline, submitted and recommended in Chinese names."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.pilot = completed_pilot(cls.cast, f"api-da-{frappe.generate_hash(length=6)}")
		cls.round = open_round(cls.pilot)
		cls.name = start_demonstration(cls.cast, cls.pilot)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.db.delete("Demonstration Review", {"demonstration_application": cls.name})
		frappe.delete_doc(DEMONSTRATION_APPLICATION, cls.name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_filled_submitted_and_recommended_in_chinese_names(self):
		doctype = "示范区申报书"
		pdf = {"file_name": "品牌发展战略.pdf", "content": STAMPED_SCAN}
		values = {
			**APPLICATION_VALUES,
			"strategy_document": pdf,
			"monitoring_evidence": {"file_name": "监测.pdf", "content": MONITORING},
		}
		# an attachment that is no file is refused as data, nothing saved
		bad = {**values, "monitoring_evidence": {"file_name": "监测.pdf", "content": "不是base64"}}
		[error] = self.call("applicant", "save", {"doctype": doctype, "name": self.name, "doc": bad}, 417)[
			"errors"
		]
		self.assertEqual((error["field"], error["table"]), ("monitoring_evidence", None))
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": self.name}))

		answer = self.call("applicant", "save", {"doctype": doctype, "name": self.name, "doc": values})[
			"message"
		]
		frappe.db.rollback()  # a fresh snapshot of what the request committed
		files = frappe.get_all(
			"File",
			{"attached_to_name": self.name},
			["attached_to_field", "file_url"],
			order_by="attached_to_field",
		)
		self.assertEqual(
			[(f.attached_to_field, f.file_url) for f in files],
			[(field, answer["doc"][field]) for field in ("monitoring_evidence", "strategy_document")],
		)
		answer = self.call(
			"applicant", "act", {"doctype": doctype, "name": self.name, "action": "提交省级主管部门"}
		)
		self.assertEqual(answer["message"]["state"], "待省级推荐")
		self.call("province", "save", {"doctype": doctype, "name": self.name, "doc": RECOMMENDATION})
		answer = self.call("province", "act", {"doctype": doctype, "name": self.name, "action": "推荐"})
		self.assertEqual(answer["message"]["state"], "专家评审中")
		self.assertEqual(
			{r for a in answer["message"]["actions"] for r in a["roles"]}, {"工业和信息化部（科技司）"}
		)


@frozen_day(DAY)
class TestSameFileOfTwoUnits(IntegrationTestCase):
	"""Two units attach the same file (a blank form, a template scan): Frappe keeps one copy of identical
	content and gives the second upload the first one's URL, which the second unit may not read."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(cls.cast[key], []) for key in ("applicant", "other_applicant")}
		cls.names = []

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in cls.names:
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_each_unit_gets_its_own_copy(self):
		content = base64.b64encode(f"%PDF-1.4\n% {frappe.generate_hash()}\n%%EOF\n".encode()).decode()
		urls = {}
		for who, unit, demo in (
			("applicant", OWN_UNIT, "application_zhejiang.json"),
			("other_applicant", OTHER_UNIT, "application_shandong.json"),
		):
			values = make_test_application_values(
				unit, demo_file=demo, cluster_suffix=f"-file-{frappe.generate_hash(length=6)}"
			)
			values["stamped_form_scan"] = {"file_name": "申报书盖章扫描件.pdf", "content": content}
			frappe.db.commit()
			response = rest(
				"POST", METHOD + "save", self.tokens[who], {"doctype": APPLICATION, "doc": values}
			)
			text = response.get_data(as_text=True)
			self.assertEqual(response.status_code, 200, text[:600])
			# the answer names no other unit's application
			self.assertNotIn("CBA-", text.replace(response.json["message"]["name"], ""))
			self.names.append(response.json["message"]["name"])
			urls[who] = response.json["message"]["doc"]["stamped_form_scan"]
		self.assertNotEqual(urls["applicant"], urls["other_applicant"])
		frappe.db.rollback()
		file = frappe.get_all("File", {"file_url": urls["applicant"]}, pluck="name")
		self.assertFalse(frappe.has_permission("File", "read", file[0], user=self.cast.other_applicant))
