import random
import statistics
from datetime import date

import pytest

from cluster_brand.rules.application import edit_locks
from cluster_brand.rules.application import workflow as r
from cluster_brand.rules.review import ranking
from cluster_brand.rules.review import scoring as s


def facts(**values):
	return r.TransitionFacts(today=date(2017, 8, 20), **values)


def messages(violations):
	return [v.message for v in violations]


# --- transitions


def test_submission_before_and_after_the_online_deadline():
	assert (
		r.check_transition(
			r.DRAFT, r.PENDING_PROVINCIAL_REVIEW, facts(online_submission_deadline=date(2017, 8, 20))
		)
		== []
	)
	late = r.check_transition(
		r.DRAFT, r.PENDING_PROVINCIAL_REVIEW, facts(online_submission_deadline=date(2017, 8, 19))
	)
	assert late and late[0].args["deadline"] == "2017-08-19"


@pytest.mark.parametrize("target", [r.RETURNED, r.NOT_RECOMMENDED, r.RECOMMENDED])
def test_the_province_writes_an_opinion_first(target):
	assert any(
		"Write the {item} first." == m
		for m in messages(r.check_transition(r.PENDING_PROVINCIAL_REVIEW, target, facts()))
	)
	ok = facts(recommendation_opinion="同意推荐", recommendation_rank=1)
	assert r.check_transition(r.PENDING_PROVINCIAL_REVIEW, target, ok) == []


def test_recommendation_deadline_rank_and_quota():
	base = {"recommendation_opinion": "同意", "recommendation_rank": 2}
	assert r.check_transition(
		r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, recommendation_deadline=date(2017, 8, 19))
	)
	taken = r.check_transition(r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, ranks_taken=(1, 2)))
	assert any("already given" in m for m in messages(taken))
	full = r.check_transition(
		r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, ranks_taken=(1,), recommendation_quota=1)
	)
	assert any("quota" in m for m in messages(full))
	assert (
		r.check_transition(
			r.PENDING_PROVINCIAL_REVIEW,
			r.RECOMMENDED,
			facts(**base, ranks_taken=(1,), recommendation_quota=2),
		)
		== []
	)


def test_review_starts_with_all_stamped_copies():
	assert (
		len(
			r.check_transition(
				r.RECOMMENDED,
				r.UNDER_EXPERT_REVIEW,
				facts(paper_copies_required=2, paper_copies_received=1, assignments=1),
			)
		)
		== 2
	)
	ok = facts(paper_copies_required=2, paper_copies_received=2, paper_copies_stamped=True, assignments=1)
	assert r.check_transition(r.RECOMMENDED, r.UNDER_EXPERT_REVIEW, ok) == []


def test_review_starts_with_an_expert_assigned():
	nobody = facts(paper_copies_required=2, paper_copies_received=2, paper_copies_stamped=True)
	assert messages(r.check_transition(r.RECOMMENDED, r.UNDER_EXPERT_REVIEW, nobody)) == [
		"No expert has been assigned to review the application."
	]


def test_public_notice_needs_every_assigned_review_and_dates():
	assert messages(r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, facts()))[0].startswith(
		"No expert"
	)
	partial = facts(
		assignments=3,
		reviews_submitted=2,
		public_notice_start=date(2017, 9, 1),
		public_notice_end=date(2017, 9, 8),
	)
	assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, partial)[0].args == {
		"submitted": 2,
		"assigned": 3,
	}
	backwards = facts(
		assignments=1,
		reviews_submitted=1,
		public_notice_start=date(2017, 9, 8),
		public_notice_end=date(2017, 9, 1),
	)
	assert messages(r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, backwards)) == [
		"The public notice ends before it starts."
	]


def test_a_public_notice_starts_on_the_day_it_is_published_or_later():
	reviewed = {"assignments": 1, "reviews_submitted": 1}
	backdated = facts(**reviewed, public_notice_start=date(2017, 8, 8), public_notice_end=date(2017, 8, 19))
	violations = r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, backdated)
	assert [(v.fieldname, v.args) for v in violations] == [
		("public_notice_start", {"start": "2017-08-08", "today": "2017-08-20"})
	]
	for start in (date(2017, 8, 20), date(2017, 8, 21)):
		ok = facts(**reviewed, public_notice_start=start, public_notice_end=date(2017, 8, 27))
		assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, ok) == []


def test_a_published_notice_keeps_its_period():
	period = (date(2017, 8, 20), date(2017, 8, 27))
	moved = (date(2017, 8, 8), date(2017, 8, 19))
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, period, moved)
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, period, period) == []
	# before the notice is published, and in the step that publishes it, the ministry sets the period
	assert r.published_notice_changes(r.UNDER_EXPERT_REVIEW, r.UNDER_EXPERT_REVIEW, period, moved) == []
	assert r.published_notice_changes(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, period, moved) == []
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, (None, None), ("", "")) == []


def test_a_cluster_in_its_pilot_period_is_not_approved_again():
	ready = {"public_notice_end": date(2017, 8, 19), "designation_notice_number": "工信厅科函〔2017〕1号"}
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready)) == []
	again = r.check_transition(
		r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready, pilot_in_progress="BP-2017-001")
	)
	assert [v.args for v in again] == [{"pilot": "BP-2017-001"}]


def test_approval_after_the_notice_period_with_a_notice_number():
	during = facts(public_notice_end=date(2017, 8, 20), designation_notice_number="工信厅科函〔2017〕1号")
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, during)
	after = facts(public_notice_end=date(2017, 8, 19), designation_notice_number="工信厅科函〔2017〕1号")
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, after) == []
	assert r.check_transition(
		r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(public_notice_end=date(2017, 8, 1))
	)


def test_not_selected_after_review_needs_the_reviews_but_not_during_notice():
	assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.NOT_SELECTED, facts(assignments=1))
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.NOT_SELECTED, facts()) == []


def test_edit_locks_by_stage():
	assert edit_locks.locked_levels(r.DRAFT, {0}) == []
	assert edit_locks.locked_levels(r.PENDING_PROVINCIAL_REVIEW, {0, 1}) == [0]
	assert edit_locks.locked_levels(r.RECOMMENDED, {1, 2, 3}) == [1]
	assert edit_locks.locked_levels(r.APPROVED_AS_PILOT, {3}) == [3]
	assert edit_locks.locked_levels(None, {0}) == []


def test_an_authority_deadline_is_never_later_than_the_batch():
	assert r.recommendation_deadline(date(2017, 8, 31), date(2017, 8, 25)) == date(2017, 8, 25)
	assert r.recommendation_deadline(date(2017, 8, 31), date(2017, 9, 5)) == date(2017, 8, 31)
	assert r.recommendation_deadline(date(2017, 8, 31), None) == date(2017, 8, 31)


def test_a_pilot_runs_three_years():
	assert r.planned_end(date(2017, 12, 1)) == date(2020, 12, 1)
	assert r.planned_end(date(2016, 2, 29)) == date(2019, 2, 28)


# --- rubric, scores, recusal, ranking


def test_default_rubric_weights_sum_to_100_and_cover_the_seven_work_contents():
	rubric = [{"criterion": c, "weight": w} for c, w, _g in s.DEFAULT_RUBRIC]
	assert s.check_rubric(rubric) == []
	assert len(rubric) == 9


def test_rubric_weights():
	assert messages(s.check_rubric([{"criterion": "A", "weight": 60}, {"criterion": "B", "weight": 30}])) == [
		"The weights of the review criteria sum to {total}, not 100."
	]
	dup = s.check_rubric([{"criterion": "A", "weight": 50}, {"criterion": "A", "weight": 50}])
	assert any("listed twice" in m for m in messages(dup))
	zero = s.check_rubric([{"criterion": "A", "weight": 100}, {"criterion": "B", "weight": 0}])
	assert any("weight above 0" in m for m in messages(zero))


def test_weighted_scores_and_their_range():
	weighted, total = s.weighted_scores([{"score": 80, "weight": 60}, {"score": 50, "weight": 40}])
	assert weighted == [48.0, 20.0] and total == 68.0
	assert (
		s.check_scores([{"criterion": "A", "score": 101}, {"criterion": "B", "score": 100}])[0].args[
			"criterion"
		]
		== "A"
	)


def test_recusal_of_experts_from_the_same_province_or_unit():
	application = {
		"recommending_authority": "浙江省工业和信息化主管部门",
		"organizing_unit": "青溪县人民政府",
	}
	assert s.recusal_reason({"recommending_authority": "浙江省工业和信息化主管部门"}, application)
	assert s.recusal_reason(
		{"organizing_unit": "青溪县人民政府", "recommending_authority": "北京市工业和信息化主管部门"},
		application,
	)
	assert s.recusal_reason({"recommending_authority": "北京市工业和信息化主管部门"}, application) is None


def test_ranking_by_mean_with_spread_and_shared_ranks():
	ranked = ranking.rank_applications({"A": [80, 90], "B": [85, 85], "C": [70], "D": []})
	assert [(x.application, x.rank) for x in ranked] == [("A", 1), ("B", 1), ("C", 3)]
	a = ranked[0]
	assert (a.mean, a.spread, a.stdev, a.count) == (85.0, 10.0, 5.0, 2)


def test_the_spread_of_the_scores_is_the_population_standard_deviation_to_two_decimals():
	draw = random.Random(12)
	for _case in range(500):
		totals = [round(draw.uniform(40, 100), draw.choice((0, 1, 2))) for _n in range(draw.randint(1, 7))]
		(ranked,) = ranking.rank_applications({"A": totals})
		assert ranked.stdev == round(statistics.pstdev(totals), 2), totals
		assert ranked.mean == round(statistics.fmean(totals), 2), totals


def test_a_score_sheet_has_the_batchs_rubric_exactly():
	rubric = [{"criterion": c, "weight": w} for c, w, _guidance in s.DEFAULT_RUBRIC]
	sheet = [dict(row, score=80) for row in rubric]
	assert s.check_sheet_rubric(sheet, rubric) == []
	assert s.check_sheet_rubric([dict(row, weight=str(row["weight"])) for row in sheet], rubric) == []

	reweighted = [dict(sheet[0], weight=1000), *sheet[1:]]
	[v] = s.check_sheet_rubric(reweighted, rubric)
	assert (v.row, v.args["expected"], v.args["weight"]) == (1, "15", "1000")

	added = [*sheet, {"criterion": "附加指标", "weight": 500, "score": 100}]
	[v] = s.check_sheet_rubric(added, rubric)
	assert (v.row, v.args["criterion"]) == (len(rubric) + 1, "附加指标")

	[v] = s.check_sheet_rubric(sheet[:-1], rubric)
	assert v.args["criterion"] == rubric[-1]["criterion"] and v.row is None

	renamed = [dict(sheet[0], criterion="改名的指标"), *sheet[1:]]
	[v] = s.check_sheet_rubric(renamed, rubric)
	assert v.args == {"row": 1, "expected": rubric[0]["criterion"], "criterion": "改名的指标"}

	assert [v.row for v in s.check_sheet_rubric(sheet[::-1], rubric)] == [1, 2, 3, 4, 6, 7, 8, 9]
	assert s.check_sheet_rubric([dict(sheet[0], weight=float("inf")), *sheet[1:]], rubric)[0].row == 1


# --- the expert's score sheet


def test_a_score_not_entered_is_blank_not_zero():
	rows = [{"criterion": "A", "weight": 60, "score": None}, {"criterion": "B", "weight": 40, "score": "50"}]
	weighted, total = s.weighted_scores(rows)
	assert weighted == [None, 20.0]
	assert total is None  # no total until every criterion is scored
	assert s.weighted_scores([{"weight": 100, "score": ""}]) == ([None], None)
	assert s.weighted_scores([{"weight": 60, "score": "0"}, {"weight": 40, "score": 50}]) == (
		[0.0, 20.0],
		20.0,
	)
	# a draft may be saved half scored; submission needs every score, and 0 is one
	assert s.check_scores(rows) == []
	assert [v.args["criterion"] for v in s.check_scores_complete(rows)] == ["A"]
	assert [v.row for v in s.check_scores_complete(rows)] == [1]
	assert s.check_scores_complete([{"criterion": "A", "score": 0}, {"criterion": "B", "score": "0"}]) == []


def test_an_entered_score_is_kept_as_its_number():
	assert s.score_value(" 85.50 ") == 85.5
	assert s.score_value(85) == 85.0 and isinstance(s.score_value(85), float)
	assert s.score_value("0") == 0.0 and s.score_value(0.0) == 0.0  # 0 is a score
	assert s.score_value("") is None and s.score_value(None) is None and s.score_value("  ") is None
	assert s.score_value("abc") == "abc"  # refused by check_scores, not stored as Frappe's 0
	assert [v.args["criterion"] for v in s.check_scores([{"criterion": "A", "score": "abc"}])] == ["A"]
	assert [v.args["criterion"] for v in s.check_scores([{"criterion": "A", "score": -1.0}])] == ["A"]


def test_the_expert_review_deadline_comes_after_the_provincial_recommendation():
	from cluster_brand.rules import registry

	batch = {"batch_year": 2017, "paper_copies_required": 2}
	provincial = {"provincial_recommendation_deadline": date(2017, 8, 31)}
	assert (
		registry.check_pilot_batch({**batch, **provincial, "expert_review_deadline": date(2017, 10, 31)})
		== []
	)
	assert registry.check_pilot_batch({**batch, "expert_review_deadline": date(2017, 10, 31)}) == []
	early = registry.check_pilot_batch({**batch, **provincial, "expert_review_deadline": date(2017, 8, 30)})
	assert [(v.fieldname, v.args) for v in early] == [
		("expert_review_deadline", {"expert": "2017-08-30", "provincial": "2017-08-31"})
	]


def test_review_progress_lists_every_application_with_its_sheets_assigned_and_submitted():
	applications = [
		{"name": "A", "industrial_cluster": "甲集群", "recommending_authority": "浙江省"},
		{"name": "B", "industrial_cluster": "乙集群", "recommending_authority": "山东省"},
		{"name": "C", "industrial_cluster": "丙集群", "recommending_authority": "北京市"},
	]
	assignments = [
		{"parent": "A", "expert": "x"},
		{"parent": "A", "expert": "y"},
		{"parent": "B", "expert": "x"},
		{"parent": "C", "expert": "y"},
	]
	sheets = [
		{"application": "A", "expert": "x", "total_score": 80},
		{"application": "B", "expert": "x", "total_score": 90},
		{"application": "B", "expert": "z", "total_score": 10},  # z is no longer assigned: not counted
	]
	rows = ranking.review_progress(applications, assignments, sheets)
	assert [
		(row["rank"], row["application"], row["experts_assigned"], row["sheets_submitted"], row["mean"])
		for row in rows
	] == [(1, "B", 1, 1, 90), (2, "A", 2, 1, 80), (None, "C", 1, 0, None)]
	assert rows[0]["recommending_authority"] == "山东省" and rows[0]["industrial_cluster"] == "乙集群"
	# a sheet without a total (not every criterion scored: NULL, not 0) is no part of the mean
	blank = [*sheets, {"application": "A", "expert": "y", "total_score": None}]
	assert [
		(row["application"], row["sheets_submitted"], row["mean"])
		for row in ranking.review_progress(applications, assignments, blank)
	] == [("B", 1, 90), ("A", 1, 80), ("C", 0, None)]
	assert ranking.review_progress([{"name": "D"}], [], [])[0]["experts_assigned"] == 0
