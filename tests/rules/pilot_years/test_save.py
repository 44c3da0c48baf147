"""rules/pilot_years/save.py: the save of an annual work summary as one pure function, without Frappe: the
facts in, what the save derives and every kind of problem out."""

from dataclasses import replace
from datetime import date

from cluster_brand.rules import Violation
from cluster_brand.rules.application.workflow import DRAFT
from cluster_brand.rules.capacity import ColumnSizes
from cluster_brand.rules.pilot_years import progress, workflow
from cluster_brand.rules.pilot_years.save import (
	DUPLICATE,
	EDIT_LOCKS,
	ENTRIES,
	INCOMPLETE,
	LINKS,
	PROBLEM_KINDS,
	REPORTING_YEAR,
	STORABLE,
	TRANSITION,
	SummaryFacts,
	check_save,
)
from tests.sample_summary import complete_summary

TODAY = date(2018, 12, 10)


def facts(**changes) -> SummaryFacts:
	summary = complete_summary(2018)
	summary.update(workflow_state=DRAFT, brand_pilot="BP-2017-001")
	return replace(
		SummaryFacts(
			summary=summary,
			today=TODAY,
			roles=frozenset({"Cluster Applicant"}),
			pilot_start=date(2017, 12, 1),
			pilot_end=date(2020, 11, 30),
		),
		**changes,
	)


def sent_to_the_province(**changes) -> SummaryFacts:
	"""The unit's 提交 of its saved draft."""
	draft = facts(is_new=False, previous_state=DRAFT, **changes)
	draft.summary["workflow_state"] = workflow.PENDING_PROVINCIAL_INSPECTION
	return draft


def kinds_with_problems(outcome) -> set[str]:
	return {kind for kind, found in outcome.problems.items() if found}


def test_a_complete_draft_saves_and_every_kind_is_reported_in_order():
	outcome = check_save(facts())
	assert list(outcome.problems) == list(PROBLEM_KINDS)
	assert kinds_with_problems(outcome) == set()


def test_a_year_outside_the_pilot_period_is_refused_before_anything_is_derived():
	outcome = check_save(facts(pilot_start=date(2019, 1, 1)))
	assert kinds_with_problems(outcome) == {REPORTING_YEAR}
	assert outcome.derived == {} and outcome.row_values == {}


def test_the_derived_values_of_the_summary_and_of_its_rows():
	given = facts(province_due=date(2000, 10, 31))
	given.summary["measure_progress"][0].update(status=progress.IN_PROGRESS, time_node=date(2018, 6, 30))
	outcome = check_save(given)
	assert outcome.derived["due_date"] == date(2018, 10, 31)  # the province's earlier date
	assert outcome.derived["total_funds"] == 100.0
	assert outcome.derived["own_brand_sales_share"] == 25.0
	assert outcome.derived["derived_indicators"]  # the derived ratios, as rows
	assert outcome.row_values["measure_progress"] == [{"overdue": 1}]
	assert outcome.row_values["target_progress"] == [{"percent_of_target": 50.0}]
	assert [v["change_percent"] for v in outcome.row_values["indicators"]][0] == 20.0
	assert "submitted_on" not in outcome.derived  # no step taken


def test_the_day_it_goes_to_the_province_is_recorded():
	assert check_save(sent_to_the_province()).derived["submitted_on"] == TODAY


def test_an_incomplete_summary_goes_to_the_province_only_complete():
	blank = facts()
	blank.summary["work_results"] = ""
	assert kinds_with_problems(check_save(blank)) == set()  # a draft may be incomplete
	assert kinds_with_problems(check_save(blank, completeness=True)) == {INCOMPLETE}  # the 完整性检查

	leaving = sent_to_the_province()
	leaving.summary["work_results"] = ""
	assert kinds_with_problems(check_save(leaving)) == {TRANSITION}


def test_each_part_is_edited_by_its_role_in_its_stage():
	# the unit changing the province's inspection (level 1) of its own draft
	outcome = check_save(facts(is_new=False, previous_state=DRAFT, changed_levels=frozenset({1})))
	assert kinds_with_problems(outcome) == {EDIT_LOCKS}
	administrator = facts(
		is_new=False, previous_state=DRAFT, changed_levels=frozenset({1}), is_administrator=True
	)
	assert kinds_with_problems(check_save(administrator)) == set()


def test_entries_values_beyond_their_columns_links_and_a_second_summary_each_in_their_kind():
	wrong = facts(
		column_sizes=ColumnSizes(fields=(("problems", "Data", "Problems", 1),)),
		missing_links=(Violation("{item} {name} does not exist.", {"item": "Brand Pilot", "name": "X"}),),
		duplicate="BP-2017-001-2018",
	)
	wrong.summary["backbone_enterprises"][0]["sales_revenue"] = -1
	outcome = check_save(wrong)
	assert kinds_with_problems(outcome) == {ENTRIES, STORABLE, LINKS, DUPLICATE}
	assert outcome.problems[DUPLICATE][0].args == {
		"pilot": "BP-2017-001",
		"year": 2018,
		"summary": "BP-2017-001-2018",
	}


def test_the_facts_are_not_changed_by_the_check():
	given = sent_to_the_province()
	before = repr(given.summary)
	check_save(given)
	assert repr(given.summary) == before
