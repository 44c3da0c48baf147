"""The pilot years for the tests: a pilot of the test unit (its Zhejiang application approved), its summary
started by the unit, filled in and moved through the Annual Work Summary Review by each role."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, today

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import (
	start_annual_summary,
	start_final_summary,
)
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, BRAND_PILOT, FINAL_SUMMARY
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.indicators import COUNT
from cluster_brand.rules.pilot_end import final_summary_workflow
from cluster_brand.rules.pilot_end.final_summary import MEASURES_TABLE, OUTCOME_COMPLETED
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.tests.support.process import drive_to


def make_pilot(cast, tag: str) -> str:
	"""A Brand Pilot: the test unit's application driven to Approved as Pilot (designated today: the day the
	test class runs on, cluster_brand/tests/support/dates.py)."""
	application = drive_to(cast, "Approved as Pilot", tag)
	return frappe.db.get_value(BRAND_PILOT, {"application": application})


def reporting_year(pilot: str) -> int:
	"""A year of the pilot's period to report on (its first)."""
	start, end = frappe.db.get_value(BRAND_PILOT, pilot, ["start_date", "planned_end_date"])
	return pilot_calendar.reporting_years(getdate(start), getdate(end))[0]


def start_summary(cast, pilot: str, year: int | None = None) -> str:
	frappe.set_user(cast.applicant)
	try:
		return start_annual_summary(pilot, year or reporting_year(pilot))
	finally:
		frappe.set_user("Administrator")


def complete_values(summary: str) -> dict:
	"""What the unit fills in to make the summary complete."""
	doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, summary)
	year = doc.reporting_year
	progress = [
		{
			**row.as_dict(),
			"status": summary_progress.IN_PROGRESS,
			"work_done": f"措施{row.measure_no}已按计划推进。",
			"delay_reason": "受年度资金安排影响，部分内容顺延。",
			"evidence": "县经信局工作台账",
		}
		for row in doc.measure_progress
	]
	indicators = [
		{**row.as_dict(), "reporting_value": 120 if _is_count(row.indicator) else 12.5}
		for row in doc.indicators
	]
	targets = [{**row.as_dict(), "achieved_value": row.target_value or 1} for row in doc.target_progress]
	return {
		"measure_progress": progress,
		"indicators": indicators,
		"target_progress": targets,
		"policies_and_funds": [
			{
				"policy": "区域品牌建设专项资金",
				"funding_source": "县财政",
				"amount": 300,
				"use_of_funds": "品牌宣传推广",
			}
		],
		"self_evaluations": [
			{
				"evaluation_date": f"{year}-10-15",
				"method": "对照工作任务计划表自评",
				"result": "总体按计划推进",
			}
		],
		"work_results": "区域品牌影响力明显提升。",
		"problems": "部分企业品牌意识仍较薄弱。",
		"next_year_plan": "继续推进区域品牌宣传和保护。",
	}


def _is_count(indicator: str) -> bool:
	return summary_indicators.SUMMARY_INDICATOR_BY_KEY[indicator].kind == COUNT


def inspection_values() -> dict:
	return {
		"inspection_date": today(),
		"inspectors": "王五、赵六",
		"inspection_findings": "试点工作按计划推进，台账完整。",
		"inspection_opinion": "同意报送。",
	}


def edit_summary(user: str, summary: str, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, summary)
		doc.update(values)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def act_on_summary(user: str, summary: str, action: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc(ANNUAL_WORK_SUMMARY, summary).as_dict(), action)
	finally:
		frappe.set_user("Administrator")


def summary_in(cast, pilot: str, state: str, year: int | None = None) -> str:
	"""A summary of ``pilot`` moved to ``state`` by the right roles, its conditions met."""
	name = start_summary(cast, pilot, year)
	if state == workflow.DRAFT:
		return name
	edit_summary(cast.applicant, name, **complete_values(name))
	act_on_summary(cast.applicant, name, "Submit to Province")
	if state != summary_workflow.PENDING_PROVINCIAL_INSPECTION:
		edit_summary(cast.province, name, **inspection_values())
		action = "Return for Revision" if state == workflow.RETURNED else "Forward to Ministry"
		act_on_summary(cast.province, name, action)
	if state == summary_workflow.ACCEPTED:
		edit_summary(cast.ministry, name, acceptance_date=today(), acceptance_opinion="同意。")
		act_on_summary(cast.ministry, name, "Accept Summary")
	assert frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state") == state
	return name


def days_after_due(summary: str, days: int = 1) -> str:
	return add_days(frappe.db.get_value(ANNUAL_WORK_SUMMARY, summary, "due_date"), days)


# --- the pilot's end: its final summary (issue 21) ---------------------------------------------------------
def as_user(user, fn, *args):
	frappe.set_user(user)
	try:
		return fn(*args)
	finally:
		frappe.set_user("Administrator")


def edit_final_summary(user, name, **values):
	def save():
		doc = frappe.get_doc(FINAL_SUMMARY, name)
		doc.update(values)
		return doc.save()

	return as_user(user, save)


def act_on_final_summary(user, name, action):
	return as_user(user, lambda: apply_workflow(frappe.get_doc(FINAL_SUMMARY, name).as_dict(), action))


def final_summary_texts(name) -> dict:
	doc = frappe.get_doc(FINAL_SUMMARY, name)
	return {
		"work_results": "区域品牌影响力明显提升。",
		"problems": "部分企业品牌意识仍较薄弱。",
		"lessons": "政府引导、协会推动、企业主体。",
		MEASURES_TABLE: [
			{**row.as_dict(), "reason_not_completed": row.reason_not_completed or "资金到位较晚。"}
			for row in doc.get(MEASURES_TABLE)
		],
	}


FINAL_CHECK = {"check_date": "2026-06-15", "check_opinion": "同意报送。"}


def final_acceptance(outcome=OUTCOME_COMPLETED) -> dict:
	return {"acceptance_date": "2026-06-15", "acceptance_opinion": "同意验收。", "outcome": outcome}


def final_summary_in(cast, pilot: str, state: str) -> str:
	"""The pilot's final summary, started by the unit and moved to ``state`` by the right roles (the pilot's
	planned end in the year of the day)."""
	name = as_user(cast.applicant, start_final_summary, pilot)
	if state == workflow.DRAFT:
		return name
	edit_final_summary(cast.applicant, name, **final_summary_texts(name))
	act_on_final_summary(cast.applicant, name, "Submit to Provincial Authority")
	if state != final_summary_workflow.PENDING_PROVINCIAL_CHECK:
		edit_final_summary(cast.province, name, **FINAL_CHECK)
		action = "Return for Revision" if state == workflow.RETURNED else "Forward to Ministry"
		act_on_final_summary(cast.province, name, action)
	assert frappe.db.get_value(FINAL_SUMMARY, name, "workflow_state") == state
	return name
