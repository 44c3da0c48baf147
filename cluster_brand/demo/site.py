"""Demo data: the 2017 batch, two complete fictional applications from two provinces, one user per role; the
Zhejiang one designated a pilot, with its 2018 annual work summary submitted and its 2019 one in draft (which
the pilots' end, demo/pilot_end.py, then takes on to the end of the pilot period).

Run with ``bench --site <site> cluster-brand-demo``. Running it again changes nothing that exists.
"""

import json

import frappe

from cluster_brand.demo.registration import make_pending_registration
from cluster_brand.demo.values import (
	APPLICATION_FILES,
	DEMO_DATA,
	ENTERPRISE_FIELDS,
	application_values,
	load_demo_data,
)
from cluster_brand.permissions.scope import add_user_scope

DEMO_PASSWORD = "Demo@2017-brand"

BATCH_2017 = {
	"doctype": "Pilot Batch",
	"batch_title": "2017年产业集群区域品牌建设试点",
	"batch_year": 2017,
	"notice_number": "工信厅科函〔2017〕433号",
	"notice_date": "2017-07-17",
	"status": "Open for Application",
	"provincial_recommendation_deadline": "2017-08-31",
	"online_submission_deadline": "2017-08-31",
	"expert_review_deadline": "2017-10-31",
	"paper_copies_required": 2,
	"receiving_agent": "中国航空综合技术研究所",
	"receiving_address": "北京市朝阳区京顺路7号政研室，100028",
	"ministry_contact": "工业和信息化部科技司 曹金龙 010-68205252",
	"receiving_agent_contact": "中国航空综合技术研究所 刘婧 010-84380347/18210235862",
}

# (email, first name, roles, where the user belongs) — one user per role of the design, the applicant
# and the province once per demo application.
DEMO_USERS = (
	(
		"applicant.zhejiang@example.com",
		"青溪县申报员",
		["Cluster Applicant"],
		("Organizing Unit", "青溪县人民政府"),
	),
	(
		"applicant.shandong@example.com",
		"临河县申报员",
		["Cluster Applicant"],
		("Organizing Unit", "山东临河经济开发区管理委员会"),
	),
	(
		"province.zhejiang@example.com",
		"浙江省审核员",
		["Provincial Reviewer"],
		("Recommending Authority", "浙江省工业和信息化主管部门"),
	),
	(
		"province.shandong@example.com",
		"山东省审核员",
		["Provincial Reviewer"],
		("Recommending Authority", "山东省工业和信息化主管部门"),
	),
	(
		"association.machinery@example.com",
		"机械联合会联络员",
		["Industry Association"],
		("Recommending Authority", "中国机械工业联合会"),
	),
	("ministry.admin@example.com", "科技司管理员", ["Ministry Administrator"], None),
	("expert.one@example.com", "评审专家甲", ["Review Expert"], None),
	("receiver@example.com", "代收单位收件员", ["Materials Receiver"], None),
)
DEMO_EXPERT = {
	"user": "expert.one@example.com",
	"expert_name": "评审专家甲",
	"work_unit": "北京某质量品牌研究机构（演示）",
	"recommending_authority": "北京市工业和信息化主管部门",
}


def make_demo():
	use_chinese_conventions()
	batch = get_or_insert("Pilot Batch", BATCH_2017["batch_title"], BATCH_2017)
	if not batch.expert_review_deadline:
		# a demo batch made before the batch had this deadline gets it; nothing it has is changed
		batch.db_set("expert_review_deadline", BATCH_2017["expert_review_deadline"])
	created = [make_application(load_demo_data(f), batch) for f in APPLICATION_FILES]
	for email, first_name, roles, scope in DEMO_USERS:
		make_user(email, first_name, roles)
		if scope:
			add_user_scope(email, *scope)
	get_or_insert("Review Expert", DEMO_EXPERT["user"], DEMO_EXPERT)
	make_pilot_years(created[APPLICATION_FILES.index(PILOT_APPLICATION)])
	frappe.db.commit()
	make_pending_registration(DEMO_PASSWORD)  # the front door: a unit waiting for its province (issue 22)
	return created


def use_chinese_conventions():
	# The programme's users read Chinese and write dates as 2017-08-31.
	settings = frappe.get_single("System Settings")
	# A site that skipped the setup wizard has no time zone yet, which System Settings requires.
	settings.update(
		{"language": "zh", "date_format": "yyyy-mm-dd", "time_zone": settings.time_zone or "Asia/Shanghai"}
	)
	settings.save()  # through on_update, which sets the site defaults that the desk reads


def get_or_insert(doctype: str, name: str, values: dict):
	if frappe.db.exists(doctype, name):
		return frappe.get_doc(doctype, name)
	return frappe.get_doc({"doctype": doctype, **values}).insert()


def make_application(data: dict, batch) -> str:
	unit, cluster = make_registers(data)
	existing = frappe.db.exists(
		"Cluster Brand Application", {"industrial_cluster": cluster.name, "pilot_batch": batch.name}
	)
	if existing:
		return existing
	application = frappe.get_doc(application_values(data, batch.name, unit.name, cluster.name)).insert()
	attach_stamped_form_scan(application)
	return application.name


def make_registers(data: dict, unit_name: str | None = None, cluster_name: str | None = None):
	"""The organizing unit, its cluster and the cluster's enterprises of one demo application."""
	unit_values = {**data["organizing_unit"], "unit_name": unit_name or data["organizing_unit"]["unit_name"]}
	unit = get_or_insert("Organizing Unit", unit_values["unit_name"], unit_values)
	cluster_values = {
		**data["industrial_cluster"],
		"cluster_name": cluster_name or data["industrial_cluster"]["cluster_name"],
		"organizing_unit": unit.name,
	}
	cluster = get_or_insert("Industrial Cluster", cluster_values["cluster_name"], cluster_values)
	for e in data["enterprises"]:
		values = {f: e[f] for f in ENTERPRISE_FIELDS}
		get_or_insert(
			"Cluster Enterprise",
			e["unified_social_credit_code"],
			{**values, "industrial_cluster": cluster.name},
		)
	return unit, cluster


def attach_stamped_form_scan(application):
	# A stand-in for the scan of the stamped paper form, so that the demo application is complete.
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{application.name}-stamped-form.pdf",
			"attached_to_doctype": application.doctype,
			"attached_to_name": application.name,
			"attached_to_field": "stamped_form_scan",
			"is_private": 1,
			"content": (DEMO_DATA / "stamped_form_sample.pdf").read_bytes(),
		}
	).insert()
	application.db_set("stamped_form_scan", file.file_url)


def make_user(email: str, first_name: str, roles: list[str]):
	if frappe.db.exists("User", email):
		return
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first_name,
			"language": "zh",
			"module_profile": "Cluster Brand User",
			"send_welcome_email": 0,
			"new_password": DEMO_PASSWORD,
		}
	)
	user.flags.no_welcome_mail = True
	user.insert()
	user.add_roles(*roles)


# --- the pilot years (issue 11) ------------------------------------------------------------------------
# The Zhejiang application, designated a pilot in December 2017, with its 2018 summary submitted to the
# province and its 2019 summary in draft, so that each role sees the stage at once.

PILOT_DATA = "pilot_zhejiang.json"
PILOT_APPLICATION = APPLICATION_FILES[0]


def make_pilot_years(application: str):
	"""The pilot of ``application`` (its review recorded as it happened in 2017), with the summaries of
	2018 (submitted) and 2019 (draft). Changes nothing that exists."""
	from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import create_brand_pilot
	from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
	from cluster_brand.rules.application import workflow

	data = json.loads((DEMO_DATA / PILOT_DATA).read_text(encoding="utf-8"))
	doc = frappe.get_doc(APPLICATION, application)
	if doc.workflow_state in workflow.WITH_APPLICANT:
		# the 2017 review is history: its deadlines have passed, so it is recorded, not re-run
		doc.db_set({**data["review_record"], "workflow_state": workflow.APPROVED_AS_PILOT})
		doc.reload()
	if doc.workflow_state != workflow.APPROVED_AS_PILOT:
		return None
	create_brand_pilot(doc)
	pilot = frappe.db.get_value(BRAND_PILOT, {"application": application})
	for year, values in sorted(data["summaries"].items()):
		if not frappe.db.exists(ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot, "reporting_year": int(year)}):
			make_demo_summary(pilot, int(year), values)
	return pilot


def make_demo_summary(pilot: str, year: int, values: dict):
	from frappe.model.workflow import apply_workflow

	from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY

	summary = frappe.get_doc({"doctype": ANNUAL_WORK_SUMMARY, "brand_pilot": pilot, "reporting_year": year})
	summary.insert()
	fill_demo_summary(summary, values)
	summary.save()
	if values.get("submitted_on"):
		applicant = next(email for email, _n, roles, _s in DEMO_USERS if "Cluster Applicant" in roles)
		frappe.set_user(applicant)
		try:
			apply_workflow(summary.as_dict(), "Submit to Province")
		finally:
			frappe.set_user("Administrator")
		frappe.db.set_value(ANNUAL_WORK_SUMMARY, summary.name, "submitted_on", values["submitted_on"])


def fill_demo_summary(summary, values: dict, grow_enterprises: bool = True):
	"""What the unit writes into its year's summary (``values``: one year of pilot_zhejiang.json): each
	measure's progress, the indicators grown from the baseline, the enterprises (grown from last year's, once:
	not again when a draft is written over), the targets, funds, self-evaluations and texts. Not saved."""
	from cluster_brand.rules.application import indicators
	from cluster_brand.rules.application.indicators import COUNT
	from cluster_brand.rules.pilot_years import indicators as summary_indicators
	from cluster_brand.rules.pilot_years import progress as summary_progress

	year = summary.reporting_year
	growth = values["growth"]
	end_of_year = f"{year}-12-31"
	for row in summary.measure_progress:
		due = str(row.time_node) <= end_of_year
		if row.status == summary_progress.COMPLETED:
			pass  # done in an earlier year
		elif row.measure_no == values.get("delayed_measure"):
			row.update(
				{
					"status": summary_progress.DELAYED,
					"work_done": "已完成方案征集。",
					"delay_reason": values["delay_reason"],
				}
			)
		elif due and "delay_reason" in values:
			row.update({"status": summary_progress.COMPLETED, "work_done": "已按计划完成。"})
		elif due or row.status != summary_progress.NOT_STARTED:
			row.update({"status": summary_progress.IN_PROGRESS, "work_done": row.work_done or "正在推进。"})
		row.evidence = values.get("evidence")
	# a year may grow some figures apart from the rest: the demo's demonstration zone improves the ratios of
	# 示范区条件 (3) (value added, new products, own-brand sales)
	growth_of = {indicators.VALUE_ADDED: values.get("value_added_growth", growth)}
	for row in summary.indicators:
		indicator = summary_indicators.SUMMARY_INDICATOR_BY_KEY[row.indicator]
		if row.baseline_value is not None:
			value = row.baseline_value * growth_of.get(row.indicator, growth)
			row.reporting_value = round(value) if indicator.kind == COUNT else round(value, 2)
	output = next(r for r in summary.indicators if r.indicator == indicators.INDICATORS[2].key)
	new_products = next(
		r for r in summary.indicators if r.indicator == summary_indicators.NEW_PRODUCT_OUTPUT.key
	)
	new_products.reporting_value = round(
		(output.reporting_value or 0) * values.get("new_product_share", 0.18), 2
	)
	for row in summary.backbone_enterprises if grow_enterprises else ():
		for fieldname in ("assets", "sales_revenue", "own_brand_sales_revenue", "total_profit"):
			factor = (
				values.get("own_brand_growth", growth) if fieldname == "own_brand_sales_revenue" else growth
			)
			if row.get(fieldname):
				row.set(fieldname, round(row.get(fieldname) * factor, 2))
	if "target_share" in values:
		for row in summary.target_progress:
			start = row.baseline_value or 0
			row.achieved_value = round(start + (row.target_value - start) * values["target_share"], 2)
	summary.set("policies_and_funds", values.get("policies_and_funds") or [])
	summary.set("self_evaluations", values.get("self_evaluations") or [])
	summary.update({key: values.get(key) for key in ("work_results", "problems", "next_year_plan")})
