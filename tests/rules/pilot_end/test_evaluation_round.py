"""cluster_brand/rules/pilot_end/evaluation_round.py: the evaluation round's deadlines, rubrics and quotas."""

from datetime import date

from cluster_brand.rules.pilot_end import evaluation_round as r

DOCUMENT_RUBRIC = [{"criterion": "区域品牌建设成效", "weight": 60}, {"criterion": "典型经验", "weight": 40}]
HEARING_RUBRIC = [
	{"criterion": "创新性", "weight": 40},
	{"criterion": "先进性", "weight": 30},
	{"criterion": "示范性", "weight": 30},
]


def a_round(**changes):
	return {
		"final_summary_deadline": date(2020, 6, 30),
		"demonstration_application_deadline": date(2020, 7, 31),
		"provincial_recommendation_deadline": date(2020, 8, 31),
		"hearing_date": date(2020, 10, 15),
		r.DOCUMENT_RUBRIC_TABLE: DOCUMENT_RUBRIC,
		r.HEARING_RUBRIC_TABLE: HEARING_RUBRIC,
		r.QUOTA_TABLE: [{"recommending_authority": "浙江省经济和信息化厅", "quota": 2}],
		**changes,
	}


def test_a_sound_round_passes():
	assert r.check_evaluation_round(a_round()) == []
	# nothing set yet: nothing to refuse
	assert r.check_evaluation_round({}) == []


def test_a_deadline_before_an_earlier_step_is_refused_naming_both():
	problems = r.check_deadline_order(a_round(provincial_recommendation_deadline=date(2020, 7, 1)))
	assert [(p.fieldname, p.args["earlier_item"]) for p in problems] == [
		("provincial_recommendation_deadline", "Demonstration Application Deadline")
	]
	# a deadline not set is skipped: the next one is compared with the last one set
	problems = r.check_deadline_order(
		a_round(demonstration_application_deadline=None, provincial_recommendation_deadline=date(2020, 6, 1))
	)
	assert problems[0].args["earlier_item"] == "Final Summary Deadline"
	# the same day is allowed
	assert r.check_deadline_order(a_round(hearing_date=date(2020, 8, 31))) == []


def test_each_rubric_sums_to_100_in_its_own_table():
	problems = r.check_evaluation_round(
		a_round(
			**{
				r.DOCUMENT_RUBRIC_TABLE: [{"criterion": "成效", "weight": 50}],
				r.HEARING_RUBRIC_TABLE: HEARING_RUBRIC,
			}
		)
	)
	assert [p.fieldname for p in problems] == [r.DOCUMENT_RUBRIC_TABLE]
	assert problems[0].args["total"] == 50


def test_the_hearing_is_scored_on_its_three_criteria_each_once():
	rows = [{"criterion": "创新性", "weight": 50}, {"criterion": "影响力", "weight": 50}]
	problems = r.check_hearing_rubric(rows)
	assert {p.fieldname for p in problems} == {r.HEARING_RUBRIC_TABLE}
	unknown = [p for p in problems if p.row == 2]
	assert unknown and unknown[0].args["criterion"] == "影响力" and unknown[0].column == "criterion"
	missing = [p for p in problems if p.row is None]
	assert missing[0].args["criteria"] == "先进性、示范性"
	twice = r.check_hearing_rubric([*HEARING_RUBRIC[:2], {"criterion": "创新性", "weight": 30}])
	assert any("twice" in p.message for p in twice)
	assert r.check_hearing_rubric(HEARING_RUBRIC) == []


def test_quotas_are_whole_numbers_of_at_least_one_per_province():
	problems = r.check_quotas(
		[
			{"recommending_authority": "A", "quota": 2},
			{"recommending_authority": "A", "quota": 1},
			{"recommending_authority": "B", "quota": 0},
			{"recommending_authority": "C", "quota": 1.5},
		]
	)
	assert [(p.row, p.column) for p in problems] == [
		(2, "recommending_authority"),
		(3, "quota"),
		(4, "quota"),
	]


def test_a_recommendation_beyond_the_quota_is_refused():
	rows = [{"recommending_authority": "A", "quota": 2}]
	assert r.check_recommendation_quota("A", 2, rows) == []
	problems = r.check_recommendation_quota("A", 3, rows)
	assert problems[0].args == {"authority": "A", "quota": 2, "count": 3}
	# a province without a quota is not limited
	assert r.check_recommendation_quota("B", 9, rows) == []
	assert r.over_quota({"A": 3, "B": 9}, rows) == {"A": (3, 2)}


def test_a_new_rounds_rubrics():
	rubrics = r.default_rubrics()
	document = rubrics[r.DOCUMENT_RUBRIC_TABLE]
	# the document rubric passes as it is; the hearing's three wait for the ministry's weights
	assert r.check_evaluation_round({r.DOCUMENT_RUBRIC_TABLE: document}) == []
	assert len(document) == len(r.DEFAULT_DOCUMENT_RUBRIC)
	assert [row["criterion"] for row in rubrics[r.HEARING_RUBRIC_TABLE]] == list(r.HEARING_CRITERIA)
	assert all(row["weight"] is None for row in rubrics[r.HEARING_RUBRIC_TABLE])
	assert r.check_hearing_rubric(rubrics[r.HEARING_RUBRIC_TABLE])
	# each call is a fresh copy: a form that edits its rows edits no other's
	assert r.default_rubrics()[r.DOCUMENT_RUBRIC_TABLE] is not document


def test_a_batch_has_one_round():
	assert r.check_one_round_per_batch("2017 batch", None) == []
	(problem,) = r.check_one_round_per_batch("2017 batch", "2020 round")
	assert problem.fieldname == "pilot_batch"
	assert problem.args["round"] == "2020 round"
