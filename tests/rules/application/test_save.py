"""rules/application/save.py: the save of an application as one pure function, without Frappe: the facts in,
what the save derives and every kind of problem out."""

from dataclasses import replace
from datetime import date

from cluster_brand.rules import Violation
from cluster_brand.rules.application import save as application_save
from cluster_brand.rules.application.save import (
	CLUSTER_UNIT,
	DUPLICATE,
	EDIT_LOCKS,
	ENTRIES,
	INCOMPLETE,
	LINKS,
	PROBLEM_KINDS,
	STORABLE,
	TRANSITION,
	SaveFacts,
	check_save,
)
from cluster_brand.rules.application.workflow import DRAFT, PENDING_PROVINCIAL_REVIEW
from cluster_brand.rules.capacity import ColumnSizes
from tests.sample_application import BATCH_YEAR, complete_application

TODAY = date(2017, 4, 20)


def facts(**changes) -> SaveFacts:
	doc = complete_application()
	doc["workflow_state"] = DRAFT
	return replace(
		SaveFacts(
			application=doc, today=TODAY, batch_year=BATCH_YEAR, roles=frozenset({"Cluster Applicant"})
		),
		**changes,
	)


def submitted(**changes) -> SaveFacts:
	"""The applicant's 提交申报 of its saved draft."""
	draft = facts(is_new=False, previous_state=DRAFT, **changes)
	draft.application["workflow_state"] = PENDING_PROVINCIAL_REVIEW
	return draft


def kinds_with_problems(outcome) -> set[str]:
	return {kind for kind, found in outcome.problems.items() if found}


def test_a_complete_draft_saves_and_every_kind_is_reported_in_order():
	outcome = check_save(facts())
	assert list(outcome.problems) == list(PROBLEM_KINDS)
	assert kinds_with_problems(outcome) == set()


def test_the_derived_values_come_from_the_batch_and_the_sheets():
	derived = check_save(facts(submitted_totals=(80, 90, None))).derived
	assert derived["indicator_years"] == "2014, 2015, 2016"
	assert derived["mean_score"] == 85


def test_an_incomplete_application_is_refused_when_it_leaves_its_applicant_only():
	blank = facts()
	blank.application["stamped_form_scan"] = None
	assert INCOMPLETE not in kinds_with_problems(check_save(blank))  # a draft may be incomplete
	assert INCOMPLETE in kinds_with_problems(check_save(blank, completeness=True))  # the 完整性检查

	leaving = submitted()
	leaving.application["stamped_form_scan"] = None
	assert INCOMPLETE in kinds_with_problems(check_save(leaving))


def test_entries_are_checked_in_every_state():
	wrong = facts()
	wrong.application["indicators"][0]["year_1_value"] = -1
	assert kinds_with_problems(check_save(wrong)) == {ENTRIES}


def test_a_cluster_of_another_unit_and_a_second_application_are_refused():
	outcome = check_save(facts(cluster_unit="另一家单位", duplicate="CBA-2017-0001"))
	assert kinds_with_problems(outcome) == {CLUSTER_UNIT, DUPLICATE}
	assert outcome.problems[CLUSTER_UNIT][0].args["unit"] == "另一家单位"
	assert outcome.problems[DUPLICATE][0].args["application"] == "CBA-2017-0001"


def test_each_part_is_edited_by_its_role_in_its_stage():
	# the applicant changing the province's part (level 1) of its own draft
	outcome = check_save(facts(is_new=False, previous_state=DRAFT, changed_levels=frozenset({1})))
	assert EDIT_LOCKS in kinds_with_problems(outcome)
	administrator = facts(
		is_new=False, previous_state=DRAFT, changed_levels=frozenset({1}), is_administrator=True
	)
	assert EDIT_LOCKS not in kinds_with_problems(check_save(administrator))


def test_the_transition_is_checked_when_the_state_changes():
	late = submitted()
	late.application["online_submission_deadline"] = date(2017, 4, 19)
	assert TRANSITION in kinds_with_problems(check_save(late))
	in_time = submitted()
	in_time.application["online_submission_deadline"] = TODAY
	assert TRANSITION not in kinds_with_problems(check_save(in_time))


def test_the_facts_are_not_changed_by_the_check():
	given = facts()
	before = repr(given.application)
	application_save.check_save(given)
	assert repr(given.application) == before


# the columns the storable check reads: a text of the form and an amount of a row of its funding plan
SIZES = ColumnSizes(
	fields=(("leading_industry", "Data", "Leading Industry", 140), ("total_funding", "Currency", "Total", 0)),
	tables=(("funding_plan", "Funding Plan", (("amount", "Currency", "Amount (10,000 yuan)", 0),)),),
)


def test_a_value_beyond_its_column_is_refused_with_its_row_and_the_derived_values_too():
	too_long = facts(column_sizes=SIZES)
	too_long.application["leading_industry"] = "五金" * 71
	outcome = check_save(too_long)
	assert kinds_with_problems(outcome) == {STORABLE}
	assert outcome.problems[STORABLE][0].fieldname == "leading_industry"

	assert kinds_with_problems(check_save(facts(column_sizes=SIZES))) == set()

	# 资金合计 of 9e11 + 9e11: each amount fits its column, their total does not
	large = facts(column_sizes=SIZES)
	large.application["funding_plan"] = [
		{**row, "amount": 9e11} for row in large.application["funding_plan"][:2]
	]
	outcome = check_save(large)
	assert [v.fieldname for v in outcome.problems[STORABLE]] == ["total_funding"]


def test_the_links_found_missing_are_reported_after_the_entries():
	missing = Violation("{item} {name} does not exist.", {"item": "Pilot Batch", "name": "X"}, "pilot_batch")
	outcome = check_save(facts(missing_links=(missing,)))
	assert kinds_with_problems(outcome) == {LINKS}
	assert outcome.problems[LINKS] == [missing]
	assert PROBLEM_KINDS.index(ENTRIES) < PROBLEM_KINDS.index(STORABLE) < PROBLEM_KINDS.index(LINKS)
