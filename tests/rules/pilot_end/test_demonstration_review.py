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


# --- the sheets: assignment, sync and submit ------------------------------------------------------------

ZJ_APPLICATION = {"name": "DA-9", "recommending_authority": "浙江", "organizing_unit": "青溪县经信局"}
EXPERTS = {
	"bj": {"expert_name": "北京专家", "recommending_authority": "北京"},
	"zj": {"expert_name": "浙江专家", "recommending_authority": "浙江"},
	"off": {"expert_name": "停用专家", "recommending_authority": "上海", "disabled": 1},
}


def test_an_expert_may_score_both_stages_of_a_shortlisted_application():
	rows = [{"expert": "bj", "stage": r.DOCUMENT_REVIEW}, {"expert": "bj", "stage": r.HEARING}]
	assert r.assignment_problems(rows, EXPERTS, {**ZJ_APPLICATION, "shortlisted": 1}) == []


def test_an_expert_assigned_twice_to_one_stage_is_refused():
	rows = [{"expert": "bj", "stage": r.DOCUMENT_REVIEW}, {"expert": "bj", "stage": r.DOCUMENT_REVIEW}]
	problems = r.assignment_problems(rows, EXPERTS, ZJ_APPLICATION)
	assert [p.message for p in problems] == ["{expert} is assigned twice."]


def test_an_expert_of_the_applicants_province_is_recused_once_for_both_stages():
	rows = [{"expert": "zj", "stage": r.DOCUMENT_REVIEW}, {"expert": "zj", "stage": r.HEARING}]
	problems = r.assignment_problems(rows, EXPERTS, {**ZJ_APPLICATION, "shortlisted": 1})
	assert len(problems) == 1
	assert problems[0].args["authority"] == "浙江"


def test_a_disabled_expert_is_refused():
	problems = r.assignment_problems([{"expert": "off", "stage": r.DOCUMENT_REVIEW}], EXPERTS, ZJ_APPLICATION)
	assert problems[0].args == {"expert": "停用专家"}


def test_a_hearing_sheet_waits_for_the_shortlist():
	rows = [{"expert": "bj", "stage": r.HEARING}]
	problems = r.assignment_problems(rows, EXPERTS, {**ZJ_APPLICATION, "shortlisted": 0})
	assert [(p.args, p.fieldname) for p in problems] == [({"application": "DA-9"}, "expert_assignments")]
	assert r.assignment_problems(rows, EXPERTS, {**ZJ_APPLICATION, "shortlisted": 1}) == []


def test_the_sync_makes_the_missing_sheets_and_deletes_only_unassigned_drafts():
	assignments = [
		{"expert": "bj", "stage": r.DOCUMENT_REVIEW},
		{"expert": "sh", "stage": r.DOCUMENT_REVIEW},
		{"expert": "bj", "stage": r.HEARING},
	]
	sheets = [
		{"name": "DR-1", "expert": "bj", "stage": r.DOCUMENT_REVIEW, "docstatus": 1},
		{"name": "DR-2", "expert": "gz", "stage": r.DOCUMENT_REVIEW, "docstatus": 0},  # unassigned draft
		{"name": "DR-3", "expert": "sz", "stage": r.DOCUMENT_REVIEW, "docstatus": 1},  # unassigned, submitted
	]
	plan = r.sync_plan(assignments, sheets)
	assert plan["make"] == [("sh", r.DOCUMENT_REVIEW), ("bj", r.HEARING)]
	assert plan["delete"] == ["DR-2"]
	assert plan["rows"] == [("DR-1", True), (None, False), (None, False)]


def test_a_sheet_is_submitted_fully_scored_with_the_declaration():
	scores = [{"criterion": "创新性", "score": 0}, {"criterion": "示范性", "score": None}]
	problems = r.check_submit(scores, 0)
	assert [p.args for p in problems] == [{"criterion": "示范性"}, {}]
	assert problems[-1].fieldname == "no_conflict_of_interest"
	assert r.check_submit(scores[:1], 1) == []
	# a stage without a rubric: no sheet of 0 points
	assert [p.fieldname for p in r.check_submit([], 1)] == ["scores"]


def test_the_ranking_carries_the_decision_and_state():
	rows = r.two_stage_ranking(
		[{"name": "DA-1", "decision": r.DEMONSTRATION_ZONE, "workflow_state": r.DEMONSTRATION_ZONE}], [], []
	)
	assert (rows[0]["decision"], rows[0]["workflow_state"]) == (r.DEMONSTRATION_ZONE, r.DEMONSTRATION_ZONE)
