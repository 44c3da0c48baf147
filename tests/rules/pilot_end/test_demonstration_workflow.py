"""cluster_brand/rules/pilot_end/demonstration_workflow.py: the Demonstration Application's save as one pure
function (start, edit locks, duplicate, each step's conditions) and the texts of its actions."""

from dataclasses import replace
from datetime import date

from cluster_brand.rules.application.workflow import DRAFT, RETURNED
from cluster_brand.rules.pilot_end import demonstration as d
from cluster_brand.rules.pilot_end import demonstration_workflow as w
from cluster_brand.rules.pilot_end.demonstration_application import PILOT_COMPLETED

COMPLETE = {
	"typical_experience": "“政府+协会+企业”协同推进区域品牌建设",
	"strategy_document": "/private/files/strategy.pdf",
	"strategy_published_on": date(2018, 3, 1),
	"strategy_positioning": "中国品质羊绒之都",
	"funds_delivered": 500,
	"evaluation_mechanism": "每年第三方评价",
	"monitoring_evidence": "/private/files/monitoring.pdf",
	"improvement_measures": "完善准入机制",
	"promotion_activities": [
		{
			"activity_date": date(2019, 5, 1),
			"activity": "品牌巡展",
			"organisers": "行业协会",
			"effect": "订单增长",
		}
	],
}

TODAY = date(2026, 7, 1)
IMPROVED = [d.RatioChange(ratio, 2016, 10.0, 2019, 12.0, 2.0, d.IMPROVED) for ratio in d.RATIOS]
RECOMMENDED = {
	"recommendation_date": "2026-07-10",
	"recommendation_rank": 1,
	"recommendation_opinion": "同意",
}


def facts(previous, target, values=None, **kwargs) -> w.DemonstrationFacts:
	application = {
		"name": "BP-2017-001-DA",
		"brand_pilot": "BP-2017-001",
		"recommending_authority": "浙江省经济和信息化厅",
		"workflow_state": target,
		**(values or {}),
	}
	return w.DemonstrationFacts(
		application=application,
		today=TODAY,
		pilot_status=PILOT_COMPLETED,
		deadline=date(2026, 7, 31),
		is_new=previous is None and target == DRAFT,
		previous_state=previous,
		roles=frozenset(w.EDITOR_ROLE.values()),
		**kwargs,
	)


def problems(f, kind=w.TRANSITION):
	return w.check_save(f)[kind]


def fields(f, kind=w.TRANSITION):
	return [v.fieldname for v in problems(f, kind)]


# --- start -----------------------------------------------------------------------------------------------------
def test_a_completed_pilot_starts_it_before_the_deadline_only():
	assert problems(facts(None, DRAFT), w.START) == []
	assert problems(replace(facts(None, DRAFT), pilot_status="In Pilot"), w.START)
	late = problems(replace(facts(None, DRAFT), today=date(2026, 8, 1)), w.START)
	assert late[0].args == {"deadline": "2026-07-31"}
	# an existing application is not started again: its pilot's status no longer matters
	assert problems(replace(facts(DRAFT, DRAFT), pilot_status="In Pilot"), w.START) == []


def test_the_round_evaluates_the_pilots_batch():
	other = replace(facts(None, DRAFT), pilot_batch="2017", round_batch="2018")
	assert fields(other, w.START) == ["evaluation_round"]
	assert problems(replace(other, round_batch="2017"), w.START) == []


def test_one_application_per_pilot_per_round():
	assert problems(facts(None, DRAFT), w.DUPLICATE) == []
	(duplicate,) = problems(replace(facts(None, DRAFT), duplicate="BP-2017-001-DA"), w.DUPLICATE)
	assert duplicate.args["application"] == "BP-2017-001-DA"


# --- edit locks -------------------------------------------------------------------------------------------------
def test_each_part_is_edited_by_its_role_in_its_stage():
	assert w.forbidden_edits(DRAFT, {0}, {"Cluster Applicant"}) == []
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_RECOMMENDATION, {0}, {"Cluster Applicant"})
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_RECOMMENDATION, {1}, {"Provincial Reviewer"}) == []
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_RECOMMENDATION, {1}, {"Cluster Applicant"})
	assert w.forbidden_edits(w.UNDER_EXPERT_REVIEW, {2, 3}, {"Ministry Administrator"}) == []
	# the expert assignments are the ministry's alone, and closed once the hearing is over
	assert w.forbidden_edits(w.UNDER_EXPERT_REVIEW, {3}, {"Provincial Reviewer"})
	assert w.forbidden_edits(w.IN_PUBLIC_NOTICE, {3}, {"Ministry Administrator"})
	assert w.editable_levels(w.SHORTLISTED_FOR_HEARING, {"Ministry Administrator"}) == [2, 3]
	assert w.editable_levels(w.DEMONSTRATION_ZONE_STATE, set(w.EDITOR_ROLE.values())) == []
	locked = replace(facts(w.PENDING_PROVINCIAL_RECOMMENDATION, w.PENDING_PROVINCIAL_RECOMMENDATION))
	locked.changed_levels = frozenset({0})
	assert problems(locked, w.EDIT_LOCKS)
	assert problems(replace(locked, is_administrator=True), w.EDIT_LOCKS) == []


# --- to the province ---------------------------------------------------------------------------------------------
def test_a_complete_application_goes_to_the_province():
	f = facts(DRAFT, w.PENDING_PROVINCIAL_RECOMMENDATION, COMPLETE, ratio_changes=IMPROVED)
	assert problems(f) == []
	assert "typical_experience" in fields(facts(DRAFT, w.PENDING_PROVINCIAL_RECOMMENDATION, {}))


def test_it_is_submitted_before_the_deadline_but_resubmitted_after_it():
	late = facts(DRAFT, w.PENDING_PROVINCIAL_RECOMMENDATION, COMPLETE, ratio_changes=IMPROVED)
	late.today = date(2026, 8, 1)
	assert problems(late)[0].args == {"deadline": "2026-07-31"}
	late.previous_state = RETURNED
	assert problems(late) == []


def test_a_claim_the_data_contradicts_is_refused_naming_each_ratio():
	worse = [
		IMPROVED[0],
		d.RatioChange(d.OWN_BRAND_SHARE, 2016, 40.0, 2019, 35.0, -5.0, d.WORSE),
		d.RatioChange(d.NEW_PRODUCT_RATE, None, None, 2019, 8.0, None, d.MISSING, True),
	]
	claimed = {**COMPLETE, "condition_3_met": 1}
	refused = problems(facts(DRAFT, w.PENDING_PROVINCIAL_RECOMMENDATION, claimed, ratio_changes=worse))
	assert [v.args["ratio"] for v in refused] == [d.OWN_BRAND_SHARE, d.NEW_PRODUCT_RATE]
	assert {v.fieldname for v in refused} == {"condition_3_met"}
	# not claimed: the unit may still apply, its figures shown as they are
	assert problems(facts(DRAFT, w.PENDING_PROVINCIAL_RECOMMENDATION, COMPLETE, ratio_changes=worse)) == []


# --- the province -------------------------------------------------------------------------------------------------
def test_the_province_recommends_with_its_opinion_and_rank():
	previous = w.PENDING_PROVINCIAL_RECOMMENDATION
	assert fields(facts(previous, w.UNDER_EXPERT_REVIEW)) == [
		"recommendation_date",
		"recommendation_rank",
		"recommendation_opinion",
	]
	assert problems(facts(previous, w.UNDER_EXPERT_REVIEW, RECOMMENDED)) == []
	# returning or declining needs the opinion, not the rank
	for target in (RETURNED, w.NOT_RECOMMENDED):
		assert fields(facts(previous, target)) == ["recommendation_date", "recommendation_opinion"]
		no_rank = {**RECOMMENDED, "recommendation_rank": None}
		assert problems(facts(previous, target, no_rank)) == []


def test_a_recommendation_keeps_to_the_provinces_quota():
	quota = [{"recommending_authority": "浙江省经济和信息化厅", "quota": 2}]
	f = facts(w.PENDING_PROVINCIAL_RECOMMENDATION, w.UNDER_EXPERT_REVIEW, RECOMMENDED, quotas=quota)
	assert problems(replace(f, recommended_in_province=1)) == []
	(over,) = problems(replace(f, recommended_in_province=2))
	assert over.args == {"authority": "浙江省经济和信息化厅", "quota": 2, "count": 3}
	# another province's quota does not limit it; no quota, no limit
	other = [{"recommending_authority": "江苏省工业和信息化厅", "quota": 1}]
	assert problems(replace(f, recommended_in_province=5, quotas=other)) == []
	assert problems(replace(f, recommended_in_province=5, quotas=[])) == []


# --- the ministry -------------------------------------------------------------------------------------------------
def test_only_an_application_with_submitted_document_sheets_is_shortlisted():
	f = facts(w.UNDER_EXPERT_REVIEW, w.SHORTLISTED_FOR_HEARING)
	assert fields(f) == ["shortlisted"]
	assert problems(replace(f, document_sheets=2)) == []
	assert w.derived(f) == {"shortlisted": 1}


def test_the_public_notice_needs_a_decision_the_review_supports():
	f = facts(w.UNDER_EXPERT_REVIEW, w.IN_PUBLIC_NOTICE)
	assert fields(f) == ["decision"]
	zone = facts(w.SHORTLISTED_FOR_HEARING, w.IN_PUBLIC_NOTICE, {"decision": w.DEMONSTRATION_ZONE})
	assert fields(zone) == ["decision"]  # not heard
	zone.application["shortlisted"] = 1
	assert problems(replace(zone, document_sheets=3, hearing_sheets=3)) == []
	experience = facts(w.UNDER_EXPERT_REVIEW, w.IN_PUBLIC_NOTICE, {"decision": w.TYPICAL_EXPERIENCE})
	assert fields(experience) == ["decision"]  # no document review yet
	assert problems(replace(experience, document_sheets=1)) == []
	# not selected is not put to public notice: the ministry does not select it instead
	assert fields(facts(w.UNDER_EXPERT_REVIEW, w.IN_PUBLIC_NOTICE, {"decision": w.NOT_SELECTED})) == [
		"decision"
	]


def test_the_final_decision_is_the_one_put_to_public_notice():
	decided = {"decision": w.TYPICAL_EXPERIENCE, "decision_opinion": "同意"}
	zone = facts(w.IN_PUBLIC_NOTICE, w.DEMONSTRATION_ZONE_STATE, decided)
	assert fields(zone) == ["decision"]
	assert problems(facts(w.IN_PUBLIC_NOTICE, w.TYPICAL_EXPERIENCE_STATE, decided)) == []
	# the decision's date is the day of the step unless recorded
	assert w.derived(zone) == {"decision_date": "2026-07-01"}
	assert fields(
		facts(w.IN_PUBLIC_NOTICE, w.TYPICAL_EXPERIENCE_STATE, {**decided, "decision_opinion": ""})
	) == ["decision_opinion"]


def test_do_not_select_records_not_selected_with_the_ministrys_opinion():
	for previous in (w.UNDER_EXPERT_REVIEW, w.SHORTLISTED_FOR_HEARING, w.IN_PUBLIC_NOTICE):
		f = facts(previous, w.NOT_SELECTED_STATE, {"decision": w.DEMONSTRATION_ZONE})
		assert fields(f) == ["decision_opinion"]
		assert w.derived(f)["decision"] == w.NOT_SELECTED
		f.application["decision_opinion"] = "不符合示范区条件"
		assert problems(f) == []


def test_a_save_without_a_step_checks_no_step():
	assert problems(facts(w.PENDING_PROVINCIAL_RECOMMENDATION, w.PENDING_PROVINCIAL_RECOMMENDATION)) == []
	assert w.derived(facts(w.UNDER_EXPERT_REVIEW, w.UNDER_EXPERT_REVIEW)) == {}


# --- what the desk says ------------------------------------------------------------------------------------------
def test_every_action_and_state_has_its_texts():
	assert set(w.DEMONSTRATION_ACTIONS) == set(w.ACTIONS)
	assert all("?" in text.confirm for text in w.DEMONSTRATION_ACTIONS.values())
	assert set(w.DEMONSTRATION_NEXT_STEP) == set(w.STATES) - {DRAFT}
