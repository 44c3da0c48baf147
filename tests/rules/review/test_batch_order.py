"""The order of a batch's applications in the one PDF of the review meeting (rules/review/batch_order.py)."""

from cluster_brand.rules.review.batch_order import outline_title, print_order

ZJ, SD = "浙江省工业和信息化主管部门", "山东省工业和信息化主管部门"


def application(name, authority, rank, cluster=None):
	return {
		"name": name,
		"recommending_authority": authority,
		"recommendation_rank": rank,
		"industrial_cluster": cluster or f"{name}产业集群",
	}


APPLICATIONS = [
	application("A", ZJ, 2),
	application("B", SD, 1),
	application("C", ZJ, 1),
	application("D", SD, 2),
	application("E", ZJ, None),
]


def names(rows):
	return [row["name"] for row in rows]


def test_unscored_by_authority_then_recommendation_rank():
	# the authorities in a fixed order (as the ranking report lists them), each by its own rank, unranked last
	assert names(print_order(APPLICATIONS)) == ["B", "D", "C", "A", "E"]


def test_a_province_prints_in_its_recommendation_rank_order():
	own = [a for a in APPLICATIONS if a["recommending_authority"] == ZJ]
	assert names(print_order(own)) == ["C", "A", "E"]


def test_scored_by_the_expert_ranking_first_ties_and_unscored_by_authority_and_rank():
	assignments = [{"parent": name, "expert": "x"} for name in "ABCD"] + [{"parent": "A", "expert": "y"}]
	sheets = [
		{"application": "A", "expert": "x", "total_score": 70},
		{"application": "A", "expert": "y", "total_score": 90},  # mean 80
		{"application": "D", "expert": "x", "total_score": 92},
		{"application": "C", "expert": "x", "total_score": 80},  # ties with A: C is ZJ's rank 1
		# a sheet of an expert no longer assigned does not count
		{"application": "B", "expert": "y", "total_score": 99},
	]
	assert names(print_order(APPLICATIONS, assignments, sheets)) == ["D", "C", "A", "B", "E"]


def test_outline_title():
	assert outline_title(ZJ, "青溪县五金工具产业集群") == f"{ZJ} · 青溪县五金工具产业集群"
	assert outline_title(None, "青溪县五金工具产业集群") == "青溪县五金工具产业集群"
