"""The demonstration application (示范区申报书) for the tests: a completed pilot of the test unit with an accepted
annual summary, its batch's evaluation round in progress, its application started by the unit and moved by each
role; the experts' submitted sheets written directly (their controller is the review's branch's)."""

import frappe
from frappe.model.workflow import apply_workflow

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_demonstration_application
from cluster_brand.doctype_names import (
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
)
from cluster_brand.rules.application.workflow import DRAFT, RETURNED
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end.demonstration_application import PILOT_COMPLETED
from cluster_brand.rules.pilot_years.workflow import ACCEPTED
from cluster_brand.tests.support.pilot_stage import as_user, make_pilot, reporting_year, summary_in
from cluster_brand.tests.support.process import ZHEJIANG

# the unit's application, every declared condition filled in (condition 3 not claimed: the data decides)
APPLICATION_VALUES = {
	"typical_experience": "“政府引导、协会推动、企业主体”协同推进区域品牌建设，经验可复制、可推广。",
	"strategy_document": "/private/files/strategy.pdf",
	"strategy_published_on": "2019-03-01",
	"strategy_positioning": "中国品质机械之都",
	"funds_delivered": 1200,
	"evaluation_mechanism": "每年委托第三方开展区域品牌评价和舆情监测。",
	"monitoring_evidence": "/private/files/monitoring.pdf",
	"improvement_measures": "根据评价结果完善品牌准入和退出机制。",
	"condition_3_met": 0,
	"promotion_activities": [
		{
			"activity_date": "2025-05-18",
			"activity": "区域品牌全国巡展",
			"organisers": "行业协会、骨干企业",
			"effect": "新增订单3.2亿元",
		}
	],
}
RECOMMENDATION = {
	"recommendation_date": "2026-07-20",
	"recommendation_rank": 1,
	"recommendation_opinion": "同意推荐。",
}


def completed_pilot(cast, tag: str) -> str:
	"""A pilot of the test unit with its first year's summary accepted, completed (its final summary
	accepted is test_final_summary's: here the status is set)."""
	pilot = make_pilot(cast, tag)
	summary_in(cast, pilot, ACCEPTED, reporting_year(pilot))
	frappe.db.set_value(BRAND_PILOT, pilot, "status", PILOT_COMPLETED)
	return pilot


def open_round(pilot: str, deadline: str = "2026-10-31", quota: int | None = None) -> str:
	"""The evaluation round of the pilot's batch, in progress, taking applications until ``deadline``."""
	batch = frappe.db.get_value(BRAND_PILOT, pilot, "pilot_batch")
	for name in frappe.get_all(DEMONSTRATION_APPLICATION, {"pilot_batch": batch}, pluck="name"):
		frappe.delete_doc(DEMONSTRATION_APPLICATION, name, force=True, ignore_permissions=True)
	for name in frappe.get_all(EVALUATION_ROUND, {"pilot_batch": batch}, pluck="name"):
		frappe.delete_doc(EVALUATION_ROUND, name, force=True, ignore_permissions=True)
	return (
		frappe.get_doc(
			{
				"doctype": EVALUATION_ROUND,
				"title": f"总结评价 {frappe.generate_hash(length=6)}",
				"pilot_batch": batch,
				"final_summary_deadline": "2026-06-30",
				"demonstration_application_deadline": deadline,
				"hearing_criteria": [
					{"criterion": c, "weight": w} for c, w in (("创新性", 40), ("先进性", 30), ("示范性", 30))
				],
				"provincial_quotas": [{"recommending_authority": ZHEJIANG, "quota": quota}] if quota else [],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def start_demonstration(cast, pilot: str, user: str | None = None) -> str:
	return as_user(user or cast.applicant, start_demonstration_application, pilot)


def edit_demonstration(user: str, name: str, **values):
	def save():
		doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
		doc.update(values)
		return doc.save()

	return as_user(user, save)


def act_on_demonstration(user: str, name: str, action: str):
	return as_user(
		user, lambda: apply_workflow(frappe.get_doc(DEMONSTRATION_APPLICATION, name).as_dict(), action)
	)


def submitted_sheet(application: str, expert: str, stage: str = "Document Review", total: float = 85) -> str:
	"""An expert's submitted Demonstration Review sheet (docstatus 1), written as it is stored."""
	sheet = frappe.get_doc(
		{
			"doctype": DEMONSTRATION_REVIEW,
			"demonstration_application": application,
			"stage": stage,
			"expert": expert,
			"total_score": total,
			"no_conflict_of_interest": 1,
			"docstatus": 1,
		}
	)
	sheet.name = f"DR-T-{frappe.generate_hash(length=8)}"
	sheet.db_insert()
	return sheet.name


def demonstration_in(cast, pilot: str, state: str) -> str:
	"""The pilot's demonstration application, started by the unit and moved to ``state`` by the right roles
	(with the submitted sheets each ministry step needs)."""
	name = start_demonstration(cast, pilot)
	if state == DRAFT:
		return name
	edit_demonstration(cast.applicant, name, **APPLICATION_VALUES)
	act_on_demonstration(cast.applicant, name, workflow.SUBMIT)
	if state == workflow.PENDING_PROVINCIAL_RECOMMENDATION:
		return name
	edit_demonstration(cast.province, name, **RECOMMENDATION)
	action = {RETURNED: workflow.RETURN, workflow.NOT_RECOMMENDED: workflow.DO_NOT_RECOMMEND}.get(
		state, workflow.RECOMMEND
	)
	act_on_demonstration(cast.province, name, action)
	if state in (RETURNED, workflow.NOT_RECOMMENDED, workflow.UNDER_EXPERT_REVIEW):
		return _in(name, state)
	submitted_sheet(name, cast.expert)
	act_on_demonstration(cast.ministry, name, workflow.SHORTLIST)
	if state == workflow.SHORTLISTED_FOR_HEARING:
		return _in(name, state)
	submitted_sheet(name, cast.expert, "Hearing")
	edit_demonstration(
		cast.ministry, name, decision=workflow.DEMONSTRATION_ZONE, decision_opinion="拟确定为示范区。"
	)
	act_on_demonstration(cast.ministry, name, workflow.PUBLISH)
	if state == workflow.IN_PUBLIC_NOTICE:
		return _in(name, state)
	act_on_demonstration(cast.ministry, name, workflow.NAME_DEMONSTRATION_ZONE)
	return _in(name, state)


def _in(name: str, state: str) -> str:
	assert frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "workflow_state") == state
	return name
