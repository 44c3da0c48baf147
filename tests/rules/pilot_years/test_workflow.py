"""cluster_brand/rules/pilot_years/workflow.py: the Annual Work Summary Review: who edits which part in which
state, and what each step requires."""

from datetime import date

from sample_summary import complete_summary

from cluster_brand.rules.application import workflow
from cluster_brand.rules.pilot_years import workflow as summary_workflow


# --- the steps of the workflow and the edit locks -------------------------------------------------------
def transition(previous, target, summary=None):
	return summary_workflow.check_transition(
		summary_workflow.SummaryTransition(
			previous, target, date(2018, 11, 1), summary or {"reporting_year": 2018}
		)
	)


def test_only_a_complete_summary_goes_to_the_province():
	assert transition(workflow.DRAFT, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
	assert (
		transition(workflow.DRAFT, summary_workflow.PENDING_PROVINCIAL_INSPECTION, complete_summary()) == []
	)


def test_the_province_records_its_inspection_before_forwarding_or_returning():
	for target in (summary_workflow.FORWARDED_TO_MINISTRY, workflow.RETURNED):
		fields = [v.fieldname for v in transition(summary_workflow.PENDING_PROVINCIAL_INSPECTION, target)]
		assert fields == ["inspection_date", "inspectors", "inspection_findings", "inspection_opinion"]
	recorded = {
		"inspection_date": date(2018, 12, 5),
		"inspectors": "王五",
		"inspection_findings": "按计划推进",
		"inspection_opinion": "同意",
	}
	assert (
		transition(
			summary_workflow.PENDING_PROVINCIAL_INSPECTION, summary_workflow.FORWARDED_TO_MINISTRY, recorded
		)
		== []
	)


def test_the_ministry_writes_its_opinion_before_accepting_or_returning():
	for target in (summary_workflow.ACCEPTED, workflow.RETURNED):
		assert [v.fieldname for v in transition(summary_workflow.FORWARDED_TO_MINISTRY, target)] == [
			"acceptance_opinion"
		]
	assert (
		transition(
			summary_workflow.FORWARDED_TO_MINISTRY, summary_workflow.ACCEPTED, {"acceptance_opinion": "通过"}
		)
		== []
	)


def test_each_part_is_edited_by_its_role_in_its_stage():
	unit, province = {"Cluster Applicant"}, {"Provincial Reviewer"}
	assert summary_workflow.forbidden_edits(workflow.DRAFT, {0}, unit) == []
	assert summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {0}, unit)[
		0
	].args["state"] == (summary_workflow.PENDING_PROVINCIAL_INSPECTION)
	assert (
		summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {1}, province) == []
	)
	assert summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {1}, unit)[
		0
	].args["role"] == ("Provincial Reviewer")
	assert summary_workflow.forbidden_edits(summary_workflow.ACCEPTED, {2}, {"Ministry Administrator"})
	assert summary_workflow.editable_levels(
		summary_workflow.FORWARDED_TO_MINISTRY, {"Ministry Administrator"}
	) == [2]
