"""rules/review/save.py: the save of an expert's score sheet as one pure function, without Frappe: the facts
in, what the sheet derives and every kind of problem out."""

from dataclasses import replace

from cluster_brand.rules import Violation
from cluster_brand.rules.capacity import ColumnSizes
from cluster_brand.rules.review.save import (
	ASSIGNMENT,
	LINKS,
	PROBLEM_KINDS,
	RUBRIC,
	SCORES,
	STORABLE,
	SheetFacts,
	check_save,
)

RUBRIC_OF_THE_BATCH = (
	{"criterion": "品牌战略", "weight": 60, "guidance": "战略清晰"},
	{"criterion": "品牌保护", "weight": 40, "guidance": "保护有力"},
)


def facts(*scores, **changes) -> SheetFacts:
	"""A sheet of the batch's rubric with ``scores`` entered, criterion by criterion (None: not yet)."""
	rows = [
		{"criterion": c["criterion"], "weight": c["weight"], "score": score}
		for c, score in zip(RUBRIC_OF_THE_BATCH, scores or (None, None), strict=True)
	]
	sheet = {"application": "CBA-2017-00001", "expert": "EXP-0001", "expert_name": "李四", "scores": rows}
	return replace(SheetFacts(sheet=sheet, rubric=RUBRIC_OF_THE_BATCH), **changes)


def kinds_with_problems(outcome) -> set[str]:
	return {kind for kind, found in outcome.problems.items() if found}


def test_a_sheet_of_the_batchs_rubric_saves_and_every_kind_is_reported_in_order():
	outcome = check_save(facts())
	assert list(outcome.problems) == list(PROBLEM_KINDS)
	assert kinds_with_problems(outcome) == set()


def test_the_weighted_scores_the_total_and_the_guidance_are_derived():
	outcome = check_save(facts(" 80 ", 50))
	assert outcome.row_values["scores"] == [
		{"score": 80.0, "guidance": "战略清晰", "weighted_score": 48.0},
		{"score": 50.0, "guidance": "保护有力", "weighted_score": 20.0},
	]
	assert outcome.derived == {"total_score": 68.0}


def test_no_total_until_every_criterion_is_scored():
	outcome = check_save(facts(80, None))
	assert outcome.derived == {"total_score": None}
	assert outcome.row_values["scores"][1]["weighted_score"] is None


def test_an_expert_not_assigned_is_refused():
	outcome = check_save(facts(expert_assigned=False))
	assert kinds_with_problems(outcome) == {ASSIGNMENT}
	assert outcome.problems[ASSIGNMENT][0].args == {"expert": "李四", "application": "CBA-2017-00001"}


def test_a_sheet_reweighted_is_refused_and_takes_no_guidance():
	reweighted = facts(80, 50)
	reweighted.sheet["scores"][0]["weight"] = 1000
	outcome = check_save(reweighted)
	assert kinds_with_problems(outcome) == {RUBRIC}
	assert "guidance" not in outcome.row_values["scores"][0]


def test_a_score_out_of_range_is_refused():
	assert kinds_with_problems(check_save(facts(101, 50))) == {SCORES}


def test_values_beyond_their_columns_and_links_to_no_record_are_checked_on_the_sheet_as_sent():
	outcome = check_save(
		facts(
			80,
			50,
			column_sizes=ColumnSizes(fields=(("expert_name", "Data", "Expert Name", 1),)),
			missing_links=(Violation("{item} {name} does not exist.", {"item": "Expert", "name": "X"}),),
		)
	)
	assert kinds_with_problems(outcome) == {STORABLE, LINKS}


def test_the_facts_are_not_changed_by_the_check():
	given = facts(" 80 ", 50)
	before = repr(given.sheet)
	check_save(given)
	assert repr(given.sheet) == before


def test_a_text_sent_for_a_score_is_refused_though_the_rules_input_reads_it_as_0():
	# Frappe's as_dict casts "九十" to 0.0: the columns are checked on the values as sent
	sizes = ColumnSizes(tables=(("scores", "Scores", (("score", "Float", "Score", 0),)),))
	cast = facts(0.0, 50, column_sizes=sizes)
	assert kinds_with_problems(check_save(cast)) == set()
	sent = replace(cast, values_as_sent={"scores": [{"score": "九十"}, {"score": 50}]})
	outcome = check_save(sent)
	assert kinds_with_problems(outcome) == {STORABLE}
	assert (outcome.problems[STORABLE][0].fieldname, outcome.problems[STORABLE][0].row) == ("scores", 1)
