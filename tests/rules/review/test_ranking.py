"""cluster_brand/rules/review/ranking.py: the ranking by mean score with its spread, and the review's progress."""

import random
import statistics

from cluster_brand.rules.review import ranking


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
