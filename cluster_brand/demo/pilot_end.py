"""The demo's pilots at the end of their period (issue 21): the 2017 batch's evaluation round (总结评价,
工信厅科函〔2018〕283号, its rubrics), and three pilots of the batch — the Zhejiang pilot of the pilot years demo,
the Shandong application and a second Qingxi cluster designated with it — reporting on 2018 to 2020, each year
inspected by its province and accepted by the ministry, then their final summaries (试点工作总结报告) checked by
the province and accepted by the ministry: two pilots completed, one not completed.

Every step goes through the real controllers and workflow, taken by the user of its role; each step is taken
only where the document is still before it, so that running the demo again changes nothing."""

import json

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import today

from cluster_brand.demo.site import DEMO_EXPERT, fill_demo_summary, make_application, make_demo_summary
from cluster_brand.demo.values import DEMO_DATA, load_demo_data
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.rules.application import workflow
from cluster_brand.rules.pilot_end import demonstration_workflow
from cluster_brand.rules.pilot_end import evaluation_round as round_rules
from cluster_brand.rules.pilot_end import final_summary_workflow as final_workflow
from cluster_brand.rules.pilot_end.demonstration_review import DOCUMENT_REVIEW, HEARING
from cluster_brand.rules.pilot_end.final_summary import MEASURES_TABLE
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.pilot_years.progress import COMPLETED

PILOT_END_DATA = "pilot_end_2017.json"
MINISTRY = "ministry.admin@example.com"
# how far each year's targets are reached (the share of the way from baseline to target), completed pilots
TARGET_SHARE = {2018: 0.4, 2019: 0.7, 2020: 1.0}


def load_pilot_end_data() -> dict:
	return json.loads((DEMO_DATA / PILOT_END_DATA).read_text(encoding="utf-8"))


def make_pilot_end(batch) -> dict:
	"""The 2017 batch's evaluation round and its pilots at their end (after make_demo: the demo's batch, users
	and Zhejiang pilot); by key of pilot_end_2017.json, the pilot."""
	data = load_pilot_end_data()
	evaluation_round = make_evaluation_round(batch.name, data["evaluation_round"])
	pilots = {}
	for spec in data["pilots"]:
		pilot = designated_pilot(spec, batch)
		if not pilot:
			continue
		for year, values in sorted(spec["years"].items()):
			# a year without values is one the pilot years demo wrote (pilot_zhejiang.json): only taken on
			report_year(pilot, int(year), year_values(spec, int(year), values) if values else None, spec)
		end_pilot(pilot, spec)
		pilots[spec["key"]] = pilot
	make_demonstration_applications(evaluation_round, pilots)
	return pilots


def make_demonstration_applications(evaluation_round: str, pilots: dict) -> list[str]:
	"""The demonstration applications (示范区申报书) of the 2017 pilots: the completed Zhejiang pilot applies, is
	recommended by its province, reviewed on its documents and in the hearing by the demo's expert, and named a
	demonstration zone; the completed Shandong pilot does not apply; the round is then concluded. ``pilots``: by
	key, the pilot."""
	names = [
		apply_for_demonstration_zone(evaluation_round, pilots[spec["key"]], spec)
		for spec in load_pilot_end_data()["pilots"]
		if spec.get("demonstration") and spec["key"] in pilots
	]
	if names and frappe.db.get_value(EVALUATION_ROUND, evaluation_round, "status") != round_rules.CONCLUDED:
		edit(MINISTRY, EVALUATION_ROUND, evaluation_round, status=round_rules.CONCLUDED)
	return names


def apply_for_demonstration_zone(evaluation_round: str, pilot: str, spec: dict) -> str:
	"""One pilot's demonstration application taken step by step to the ministry's decision (each step where the
	application waits for it)."""
	from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_demonstration_application

	demo = spec["demonstration"]
	name = frappe.db.get_value(DEMONSTRATION_APPLICATION, {"brand_pilot": pilot})
	state = frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "workflow_state") if name else None
	if state in demonstration_workflow.WITH_UNIT:
		# the round took applications until 31 January 2021: the unit's start and submission, which the rules
		# allow only before the deadline, are taken with it moved to the demo's day, then put back
		deadline = frappe.db.get_value(
			EVALUATION_ROUND, evaluation_round, "demonstration_application_deadline"
		)
		frappe.db.set_value(EVALUATION_ROUND, evaluation_round, "demonstration_application_deadline", today())
		try:
			name = as_user(spec["applicant"], start_demonstration_application, pilot)
			edit(spec["applicant"], DEMONSTRATION_APPLICATION, name, **demo["application"])
			attach_evidence(spec["applicant"], name)
			act(spec["applicant"], DEMONSTRATION_APPLICATION, name, demonstration_workflow.SUBMIT)
		finally:
			frappe.db.set_value(
				EVALUATION_ROUND, evaluation_round, "demonstration_application_deadline", deadline
			)
		state = demonstration_workflow.PENDING_PROVINCIAL_RECOMMENDATION
	if state == demonstration_workflow.PENDING_PROVINCIAL_RECOMMENDATION:
		edit(spec["province"], DEMONSTRATION_APPLICATION, name, **demo["recommendation"])
		act(spec["province"], DEMONSTRATION_APPLICATION, name, demonstration_workflow.RECOMMEND)
		state = demonstration_workflow.UNDER_EXPERT_REVIEW
	if state == demonstration_workflow.UNDER_EXPERT_REVIEW:
		review(name, DOCUMENT_REVIEW, demo["document_scores"])
		act(MINISTRY, DEMONSTRATION_APPLICATION, name, demonstration_workflow.SHORTLIST)
		state = demonstration_workflow.SHORTLISTED_FOR_HEARING
	if state == demonstration_workflow.SHORTLISTED_FOR_HEARING:
		review(name, HEARING, demo["hearing_scores"])
		edit(MINISTRY, DEMONSTRATION_APPLICATION, name, **demo["decision"])
		act(MINISTRY, DEMONSTRATION_APPLICATION, name, demonstration_workflow.PUBLISH)
		state = demonstration_workflow.IN_PUBLIC_NOTICE
	if state == demonstration_workflow.IN_PUBLIC_NOTICE:
		act(MINISTRY, DEMONSTRATION_APPLICATION, name, demonstration_workflow.NAME_DEMONSTRATION_ZONE)
	return name


def attach_evidence(applicant: str, name: str):
	"""The published strategy and the monitoring report, as one-page stand-ins of their own (a file of the same
	content as another would be stored as that one, under its name)."""
	from frappe.utils.pdf import get_pdf

	values = {}
	for fieldname, title in (
		("strategy_document", "青溪五金区域品牌发展规划（2018—2020年）"),
		("monitoring_evidence", "青溪五金区域品牌评价和舆情监测报告（2019年）"),
	):
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{title}.pdf",
				"attached_to_doctype": DEMONSTRATION_APPLICATION,
				"attached_to_name": name,
				"attached_to_field": fieldname,
				"is_private": 1,
				"content": get_pdf(f"<h1 style='text-align: center'>{title}</h1><p>（演示文件）</p>"),
			}
		).insert(ignore_permissions=True)
		values[fieldname] = file.file_url
	edit(applicant, DEMONSTRATION_APPLICATION, name, **values)


def review(name: str, stage: str, scores: list[float]):
	"""The ministry assigns the demo's expert to the stage; the expert scores its sheet and submits it."""
	expert = DEMO_EXPERT["user"]
	doc = frappe.get_doc(DEMONSTRATION_APPLICATION, name)
	if not any(row.expert == expert and row.stage == stage for row in doc.expert_assignments):
		rows = [row.as_dict() for row in doc.expert_assignments]
		edit(
			MINISTRY,
			DEMONSTRATION_APPLICATION,
			name,
			expert_assignments=[*rows, {"expert": expert, "stage": stage}],
		)
	sheet = frappe.db.get_value(
		DEMONSTRATION_REVIEW, {"demonstration_application": name, "expert": expert, "stage": stage}
	)

	def score():
		doc = frappe.get_doc(DEMONSTRATION_REVIEW, sheet)
		if doc.docstatus:
			return
		for row, value in zip(doc.scores, scores, strict=True):
			row.score = value
		doc.no_conflict_of_interest = 1
		doc.save()
		doc.submit()

	as_user(expert, score)


def make_evaluation_round(batch: str, values: dict) -> str:
	"""The batch's round, made by the ministry with the programme's document rubric and the hearing's weights."""
	existing = frappe.db.get_value(EVALUATION_ROUND, {"pilot_batch": batch})
	if existing:
		return existing
	rubrics = round_rules.default_rubrics()
	for row in rubrics[round_rules.HEARING_RUBRIC_TABLE]:
		row["weight"] = values["hearing_weights"][row["criterion"]]
	doc = frappe.get_doc(
		{
			"doctype": EVALUATION_ROUND,
			"pilot_batch": batch,
			**{key: value for key, value in values.items() if key != "hearing_weights"},
			**rubrics,
		}
	)
	as_user(MINISTRY, doc.insert)
	return doc.name


def designated_pilot(spec: dict, batch) -> str | None:
	"""The pilot of the spec's application, its 2017 review recorded as it happened (as make_pilot_years)."""
	from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import create_brand_pilot

	data = load_demo_data(spec["application_file"])
	if spec.get("industrial_cluster"):
		data["industrial_cluster"] = {**data["industrial_cluster"], **spec["industrial_cluster"]}
	doc = frappe.get_doc(APPLICATION, make_application(data, batch))
	if doc.workflow_state in workflow.WITH_APPLICANT and spec.get("review_record"):
		doc.db_set({**spec["review_record"], "workflow_state": workflow.APPROVED_AS_PILOT})
		doc.reload()
	if doc.workflow_state != workflow.APPROVED_AS_PILOT:
		return None
	create_brand_pilot(doc)
	return frappe.db.get_value(BRAND_PILOT, {"application": doc.name})


def year_values(spec: dict, year: int, values: dict) -> dict:
	"""One year's summary as make_demo_summary takes it, from the spec's short form."""
	completed = spec["final_summary"]["outcome"] == "Pilot Tasks Completed"
	return {
		**values,
		"submitted_on": f"{year}-11-25",
		"evidence": "县经信局试点工作台账、相关文件和会议纪要",
		"target_share": TARGET_SHARE[year] if completed else TARGET_SHARE[year] * 0.4,
		"policies_and_funds": [
			{
				"policy": "区域品牌建设专项资金",
				"funding_source": "县财政",
				"amount": values["funds"],
				"use_of_funds": "区域品牌规划、标准制定和宣传推广",
			}
		],
		"self_evaluations": [
			{
				"evaluation_date": f"{year}-10-20",
				"method": "对照工作任务计划表逐项自评",
				"result": "年度计划措施基本完成。" if completed else "部分措施未按计划完成。",
			}
		],
	}


def report_year(pilot: str, year: int, values: dict | None, spec: dict):
	"""The pilot's summary of ``year``: written and sent by the unit, inspected and forwarded by the province,
	accepted by the ministry (each step where the summary still waits for it)."""
	name = frappe.db.get_value(ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot, "reporting_year": year})
	if not (name or values):
		return
	if not name:
		make_demo_summary(pilot, year, {k: v for k, v in values.items() if k != "submitted_on"})
		name = frappe.db.get_value(ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot, "reporting_year": year})
	state = frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state")
	if state in summary_workflow.NOT_SUBMITTED and values:

		def write():
			doc = frappe.get_doc(ANNUAL_WORK_SUMMARY, name)
			fill_demo_summary(doc, values, grow_enterprises=False)
			doc.save()

		as_user(spec["applicant"], write)
		act(spec["applicant"], ANNUAL_WORK_SUMMARY, name, "Submit to Province")
		frappe.db.set_value(ANNUAL_WORK_SUMMARY, name, "submitted_on", values["submitted_on"])
		state = summary_workflow.PENDING_PROVINCIAL_INSPECTION
	if state == summary_workflow.PENDING_PROVINCIAL_INSPECTION:
		edit(
			spec["province"],
			ANNUAL_WORK_SUMMARY,
			name,
			inspection_date=f"{year}-12-10",
			inspectors="省工业和信息化主管部门试点检查组",
			inspection_findings="试点工作台账完整，年度措施推进情况属实。",
			inspection_opinion="同意报送工业和信息化部。",
		)
		act(spec["province"], ANNUAL_WORK_SUMMARY, name, "Forward to Ministry")
		state = summary_workflow.FORWARDED_TO_MINISTRY
	if state == summary_workflow.FORWARDED_TO_MINISTRY:
		edit(
			MINISTRY,
			ANNUAL_WORK_SUMMARY,
			name,
			acceptance_date=f"{year}-12-28",
			acceptance_opinion="同意。",
		)
		act(MINISTRY, ANNUAL_WORK_SUMMARY, name, "Accept Summary")


def end_pilot(pilot: str, spec: dict):
	"""The pilot's final summary: started and sent by the unit, checked by the province, accepted by the
	ministry with its outcome — the pilot ends completed or not (each step where the summary waits for it)."""
	from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_final_summary

	texts = spec["final_summary"]
	name = as_user(spec["applicant"], start_final_summary, pilot)
	state = frappe.db.get_value(FINAL_SUMMARY, name, "workflow_state")
	if state in final_workflow.WITH_UNIT:

		def write():
			doc = frappe.get_doc(FINAL_SUMMARY, name)
			doc.update({key: texts[key] for key in ("work_results", "problems", "lessons")})
			for row in doc.get(MEASURES_TABLE):
				if row.final_status != COMPLETED and not row.reason_not_completed:
					row.reason_not_completed = texts["problems"]
			doc.save()

		as_user(spec["applicant"], write)
		act(spec["applicant"], FINAL_SUMMARY, name, "Submit to Provincial Authority")
		state = final_workflow.PENDING_PROVINCIAL_CHECK
	if state == final_workflow.PENDING_PROVINCIAL_CHECK:
		edit(
			spec["province"],
			FINAL_SUMMARY,
			name,
			check_date=texts["check_date"],
			check_opinion=texts["check_opinion"],
		)
		act(spec["province"], FINAL_SUMMARY, name, "Forward to Ministry")
		state = final_workflow.FORWARDED_TO_MINISTRY
	if state == final_workflow.FORWARDED_TO_MINISTRY:
		edit(
			MINISTRY,
			FINAL_SUMMARY,
			name,
			**{key: texts[key] for key in ("acceptance_date", "acceptance_opinion", "outcome")},
		)
		act(MINISTRY, FINAL_SUMMARY, name, "Accept Final Summary")


def as_user(user: str, fn, *args):
	frappe.set_user(user)
	try:
		return fn(*args)
	finally:
		frappe.set_user("Administrator")


def edit(user: str, doctype: str, name: str, **values):
	def save():
		doc = frappe.get_doc(doctype, name)
		doc.update(values)
		doc.save()

	as_user(user, save)


def act(user: str, doctype: str, name: str, action: str):
	as_user(user, lambda: apply_workflow(frappe.get_doc(doctype, name).as_dict(), action))
