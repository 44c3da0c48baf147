"""The demo, live on the day it is run (issue 22): besides the 2017 batch as history, a current batch whose
every deadline lies ahead of today (online submission in 30 days, provincial recommendation in 60, expert
review in 90), with
- a new Zhejiang cluster's application in draft, written by the Qingxi unit's applicant;
- a new Shandong cluster's application in public notice, its notice running from today for ten days, taken
  there through the real transitions by the users of their roles (submitted by the Linhe unit, recommended by
  its province, its paper copies received, reviewed by the demo's expert, published by the ministry): the
  rules let each step be taken before the batch's deadlines, which only bound them from above;
- one objection to that candidate from a visitor of the public page, unhandled, waiting for the ministry,
so that every role finds work waiting when it first logs in.

Each step is taken only where its document is still before it: running the demo again changes nothing (a
batch made on an earlier day keeps its dates)."""

import frappe
from frappe.utils import add_days, getdate, today

from cluster_brand.demo.pilot_end import MINISTRY, act, as_user, edit
from cluster_brand.demo.site import DEMO_EXPERT, attach_stamped_form_scan, get_or_insert, make_registers
from cluster_brand.demo.values import application_values, load_demo_data
from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH, PUBLIC_NOTICE_OBJECTION
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.batch_copy import shift_plan_years

# the batch's deadlines and the notice, in days from the day the demo runs
SUBMISSION_DAYS, RECOMMENDATION_DAYS, REVIEW_DAYS = 30, 60, 90
NOTICE_DAYS = 10
# the batch of the demo's data (demo/data/application_*.json): its work plans are moved on from it
DEMO_DATA_YEAR = 2017

DRAFT = {
	"file": "application_zhejiang.json",
	"applicant": "applicant.zhejiang@example.com",
	"industrial_cluster": {
		"cluster_name": "青溪县电动工具产业集群",
		"leading_industry": "电动工具",
	},
}
NOTICE = {
	"file": "application_shandong.json",
	"applicant": "applicant.shandong@example.com",
	"province": "province.shandong@example.com",
	"receiver": "receiver@example.com",
	"industrial_cluster": {
		"cluster_name": "临河县毛巾产业集群",
		"leading_industry": "毛巾",
	},
}
OBJECTION = {
	"objector_name": "赵某（演示）",
	"objector_unit": "临河县某毛巾织造有限公司",
	"objector_phone": "0543-5218000",
	"grounds": "申报书所列骨干企业中，有一家企业2025年已停产，其销售收入不应计入骨干企业销售收入合计。",
}


def current_batch_values(day) -> dict:
	year = day.year
	return {
		"doctype": PILOT_BATCH,
		"batch_title": f"{year}年产业集群区域品牌建设试点（演示）",
		"batch_year": year,
		"notice_number": f"工信厅科函〔{year}〕1号（演示）",
		"notice_date": add_days(day, -7),
		"status": "Open for Application",
		"online_submission_deadline": add_days(day, SUBMISSION_DAYS),
		"provincial_recommendation_deadline": add_days(day, RECOMMENDATION_DAYS),
		"expert_review_deadline": add_days(day, REVIEW_DAYS),
		"paper_copies_required": 2,
		"receiving_agent": "中国航空综合技术研究所",
		"receiving_address": "北京市朝阳区京顺路7号政研室，100028",
		"ministry_contact": "工业和信息化部科技司 010-68205252",
		"receiving_agent_contact": "中国航空综合技术研究所 010-84380347",
	}


def make_live(day=None) -> dict:
	"""The current batch, its draft, its candidate in public notice and the objection to it (after make_demo:
	its users and expert). Returns the names made or found."""
	day = getdate(day or today())
	values = current_batch_values(day)
	batch = get_or_insert(PILOT_BATCH, values["batch_title"], values)
	draft = application_of(DRAFT, batch.name)
	candidate = application_of(NOTICE, batch.name)
	take_to_public_notice(candidate, day)
	objection = object_to(candidate)
	return {"batch": batch.name, "draft": draft, "notice": candidate, "objection": objection}


def application_of(spec: dict, batch: str) -> str:
	"""The spec's application in ``batch``: the unit's new cluster registered, the application written by the
	unit's applicant (a Draft)."""
	data = load_demo_data(spec["file"])
	data["industrial_cluster"] = {**data["industrial_cluster"], **spec["industrial_cluster"]}
	unit, cluster = make_registers(data, cluster_name=spec["industrial_cluster"]["cluster_name"])
	existing = frappe.db.exists(APPLICATION, {"industrial_cluster": cluster.name, "pilot_batch": batch})
	if existing:
		return existing
	# the demo's 2017 plan moved to the batch's pilot cycle, as a unit's copy into a new batch moves it
	year = frappe.db.get_value(PILOT_BATCH, batch, "batch_year")
	values = shift_plan_years(application_values(data, batch, unit.name, cluster.name), year - DEMO_DATA_YEAR)
	values["application_date"] = None  # dated by the unit when it applies
	doc = frappe.get_doc(values)
	return as_user(spec["applicant"], lambda: doc.insert().name)


def take_to_public_notice(name: str, day):
	"""Each step of the review by its role, where the application still waits for it."""
	state = frappe.db.get_value(APPLICATION, name, "workflow_state")
	if state in workflow.APPLICANT_STATES:
		doc = frappe.get_doc(APPLICATION, name)
		if not doc.stamped_form_scan:
			as_user(NOTICE["applicant"], attach_stamped_form_scan, doc)
		act(NOTICE["applicant"], APPLICATION, name, "Submit Application")
		state = workflow.PENDING_PROVINCIAL_REVIEW
	if state == workflow.PENDING_PROVINCIAL_REVIEW:
		edit(
			NOTICE["province"],
			APPLICATION,
			name,
			recommendation_opinion="该集群主导产业特色鲜明，区域品牌建设基础较好，同意推荐。",
			recommending_officer="山东省工业和信息化主管部门（演示）",
			recommendation_date=day,
			recommendation_rank=1,
		)
		act(NOTICE["province"], APPLICATION, name, "Recommend")
		state = workflow.RECOMMENDED
	if state == workflow.RECOMMENDED:
		doc = frappe.get_doc(APPLICATION, name)
		if not doc.paper_copies_stamped:
			edit(
				NOTICE["receiver"],
				APPLICATION,
				name,
				paper_copies_received=doc.paper_copies_required or 2,
				paper_copies_stamped=1,
				paper_received_date=day,
			)
		if not doc.expert_assignments:
			edit(MINISTRY, APPLICATION, name, expert_assignments=[{"expert": DEMO_EXPERT["user"]}])
		act(MINISTRY, APPLICATION, name, "Start Expert Review")
		state = workflow.UNDER_EXPERT_REVIEW
	if state == workflow.UNDER_EXPERT_REVIEW:
		review(name)
		edit(
			MINISTRY,
			APPLICATION,
			name,
			public_notice_start=day,
			public_notice_end=add_days(day, NOTICE_DAYS - 1),
		)
		act(MINISTRY, APPLICATION, name, "Publish for Public Notice")


def review(name: str):
	"""The demo's expert scores the application and submits the sheet (once)."""

	def score():
		sheet = frappe.get_doc(EXPERT_REVIEW, {"application": name, "expert": DEMO_EXPERT["user"]})
		if sheet.docstatus:
			return
		for row in sheet.scores:
			row.score = 82
		sheet.no_conflict_of_interest = 1
		sheet.recommendation = "Recommend as Pilot"
		sheet.comments = "主导产业特色鲜明，工作计划可行，建议列为试点。"
		sheet.save()
		sheet.submit()

	as_user(DEMO_EXPERT["user"], score)


def object_to(candidate: str) -> str | None:
	"""A visitor's objection from the public page (the page's own method, as a visitor who is not logged in),
	once: it waits, unhandled, for the ministry."""
	from cluster_brand.api.public_notice import submit_objection

	existing = frappe.db.get_value(PUBLIC_NOTICE_OBJECTION, {"application": candidate})
	if existing:
		return existing
	if frappe.db.get_value(APPLICATION, candidate, "workflow_state") != workflow.IN_PUBLIC_NOTICE:
		return None
	as_user("Guest", lambda: submit_objection(candidate, **OBJECTION))
	return frappe.db.get_value(PUBLIC_NOTICE_OBJECTION, {"application": candidate})
