"""cluster_brand/rules/pilot_end/final_summary_workflow.py: the Pilot Final Summary's steps and edit locks."""

from cluster_brand.rules.application.workflow import DRAFT, RETURNED
from cluster_brand.rules.pilot_end import final_summary_workflow as w
from cluster_brand.rules.pilot_years.progress import COMPLETED

COMPLETE = {
	"work_results": "成效",
	"problems": "问题",
	"lessons": "经验",
	"measure_outcomes": [{"measure_no": "1.1", "final_status": COMPLETED}],
}


def fields(previous, target, summary):
	return [v.fieldname for v in w.check_transition(w.FinalSummaryTransition(previous, target, summary))]


def test_only_a_complete_final_summary_goes_to_the_province():
	assert fields(DRAFT, w.PENDING_PROVINCIAL_CHECK, {}) == ["work_results", "problems", "lessons"]
	not_done = {**COMPLETE, "measure_outcomes": [{"measure_no": "1.1", "final_status": "Delayed"}]}
	(missing,) = w.check_transition(w.FinalSummaryTransition(DRAFT, w.PENDING_PROVINCIAL_CHECK, not_done))
	assert (missing.fieldname, missing.column) == ("measure_outcomes", "reason_not_completed")
	assert fields(RETURNED, w.PENDING_PROVINCIAL_CHECK, COMPLETE) == []


def test_the_province_records_its_check_before_forwarding_or_returning():
	for target in (w.FORWARDED_TO_MINISTRY, RETURNED):
		assert fields(w.PENDING_PROVINCIAL_CHECK, target, {}) == ["check_date", "check_opinion"]
		assert (
			fields(w.PENDING_PROVINCIAL_CHECK, target, {"check_date": "2020-01-05", "check_opinion": "同意"})
			== []
		)


def test_the_ministry_accepts_with_its_opinion_and_the_outcome():
	assert fields(w.FORWARDED_TO_MINISTRY, w.ACCEPTED, {}) == [
		"acceptance_date",
		"acceptance_opinion",
		"outcome",
	]
	assert fields(w.FORWARDED_TO_MINISTRY, RETURNED, {}) == ["acceptance_opinion"]
	accepted = {
		"acceptance_date": "2020-02-01",
		"acceptance_opinion": "同意",
		"outcome": "Pilot Tasks Completed",
	}
	assert fields(w.FORWARDED_TO_MINISTRY, w.ACCEPTED, accepted) == []


def test_each_part_is_edited_by_its_role_in_its_stage():
	assert w.forbidden_edits(DRAFT, {0}, {"Cluster Applicant"}) == []
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_CHECK, {0}, {"Cluster Applicant"})
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_CHECK, {1}, {"Provincial Reviewer"}) == []
	assert w.forbidden_edits(w.PENDING_PROVINCIAL_CHECK, {1}, {"Cluster Applicant"})
	assert w.forbidden_edits(w.FORWARDED_TO_MINISTRY, {2}, {"Ministry Administrator"}) == []
	assert w.editable_levels(w.FORWARDED_TO_MINISTRY, {"Ministry Administrator"}) == [2]
	assert w.editable_levels(w.ACCEPTED, {"Ministry Administrator", "Cluster Applicant"}) == []


def test_a_new_final_summary_is_refused_before_its_year_unless_the_round_opens_it():
	from datetime import date

	def start_problems(evaluation_round):
		facts = w.FinalSummaryFacts(
			summary={"brand_pilot": "BP-2017-001"},
			today=date(2018, 6, 1),
			pilot_end=date(2020, 12, 15),
			is_administrator=True,
			evaluation_round=evaluation_round,
		)
		return w.check_save(facts)[w.START]

	(refused,) = start_problems(None)
	assert refused.args == {"pilot": "BP-2017-001", "year": 2020}
	assert start_problems({"status": "In Progress", "final_summary_deadline": date(2018, 9, 30)}) == []
