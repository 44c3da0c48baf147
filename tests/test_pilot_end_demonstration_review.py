"""cluster_brand/rules/pilot_end/demonstration_review.py: the two-stage ranking and the ministry's decision."""

from cluster_brand.rules.pilot_end import demonstration_review as r

APPLICATIONS = [
	{"name": "DA-1", "recommending_authority": "浙江", "shortlisted": True},
	{"name": "DA-2", "recommending_authority": "山东", "shortlisted": True},
	{"name": "DA-3", "recommending_authority": "江苏", "shortlisted": False},
	{"name": "DA-4", "recommending_authority": "广东", "shortlisted": False},
]
DOCUMENT = [
	{"application": "DA-1", "total_score": 95},
	{"application": "DA-1", "total_score": 90},
	{"application": "DA-2", "total_score": 88},
	{"application": "DA-3", "total_score": 70},
	{"application": "DA-3", "total_score": None},  # not complete: no total, no 0
]
HEARING = [
	{"application": "DA-1", "total_score": 82},
	{"application": "DA-2", "total_score": 91},
	{"application": "DA-3", "total_score": 99},  # not shortlisted: does not count
]


def test_the_hearing_orders_the_shortlisted_then_the_document_review():
	rows = r.two_stage_ranking(APPLICATIONS, DOCUMENT, HEARING)
	assert [row["application"] for row in rows] == ["DA-2", "DA-1", "DA-3", "DA-4"]
	first, second, third, last = rows
	assert (first["hearing_rank"], first["document_rank"], first["document_mean"]) == (1, 2, 88)
	assert (second["hearing_rank"], second["document_rank"], second["document_mean"]) == (2, 1, 92.5)
	assert (third["hearing_mean"], third["hearing_sheets"], third["document_sheets"]) == (None, 0, 1)
	assert (last["document_rank"], last["hearing_rank"]) == (None, None)


def test_ties_share_a_rank():
	rows = r.two_stage_ranking(
		APPLICATIONS[:2],
		[],
		[{"application": "DA-1", "total_score": 85}, {"application": "DA-2", "total_score": 85}],
	)
	assert [row["hearing_rank"] for row in rows] == [1, 1]


def test_only_a_scored_application_is_shortlisted():
	rows = {row["application"]: row for row in r.two_stage_ranking(APPLICATIONS, DOCUMENT, HEARING)}
	assert r.check_shortlist(rows["DA-1"]) == []
	unscored = {**rows["DA-4"], "shortlisted": True}
	assert r.check_shortlist(unscored)[0].args == {"application": "DA-4"}


def test_the_decision_follows_the_stages_reached():
	rows = {row["application"]: row for row in r.two_stage_ranking(APPLICATIONS, DOCUMENT, HEARING)}
	assert r.check_decision(r.DEMONSTRATION_ZONE, rows["DA-2"]) == []
	# scored in the documents only: a typical experience, not a zone
	assert r.check_decision(r.DEMONSTRATION_ZONE, rows["DA-3"])[0].fieldname == "decision"
	assert r.check_decision(r.TYPICAL_EXPERIENCE, rows["DA-3"]) == []
	assert r.check_decision(r.TYPICAL_EXPERIENCE, rows["DA-4"])[0].args == {"application": "DA-4"}
	assert r.check_decision(r.NOT_SELECTED, rows["DA-4"]) == []
	assert r.check_decision("Gold Medal", rows["DA-1"])[0].args == {"value": "Gold Medal"}
