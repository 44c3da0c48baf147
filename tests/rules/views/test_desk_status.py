"""The status block of each role's workspace: what comes next, by when, and how it is rendered."""

from datetime import date, timedelta

from print_env import print_environment

from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.views import desk_status as status

TODAY = date(2017, 8, 20)


def render(view, **context):
	env = print_environment(_=lambda text: text)
	return env.get_template("cluster_brand/templates/desk/status.html").render(view=view, **context)


def test_deadline_tone_and_days():
	assert status.deadline(None, TODAY) is None
	assert status.deadline(date(2017, 8, 31), TODAY) == {"date": "2017-08-31", "days": 11, "tone": "later"}
	assert status.deadline(date(2017, 8, 27), TODAY)["tone"] == "near"
	assert status.deadline(date(2017, 8, 20), TODAY) == {"date": "2017-08-20", "days": 0, "tone": "near"}
	assert status.deadline(date(2017, 8, 18), TODAY) == {"date": "2017-08-18", "days": -2, "tone": "overdue"}
	assert status.deadline(date(2017, 8, 18), TODAY, done=True)["tone"] == "done"


def test_applicant_sees_what_waits_for_it_first_with_the_deadline_of_the_next_step():
	rows = status.applicant_rows(
		[
			{
				"name": "CBA-1",
				"pilot_batch": "B",
				"workflow_state": states.PENDING_PROVINCIAL_REVIEW,
				"recommendation_deadline": date(2017, 8, 31),
				"online_submission_deadline": date(2017, 8, 15),
			},
			{
				"name": "CBA-2",
				"pilot_batch": "B",
				"workflow_state": states.RETURNED,
				"online_submission_deadline": date(2017, 8, 15),
			},
			{"name": "CBA-3", "pilot_batch": "B", "workflow_state": states.UNDER_EXPERT_REVIEW},
			{"name": "CBA-4", "pilot_batch": "B", "workflow_state": states.APPROVED_AS_PILOT},
		],
		{"B": {"expert_review_deadline": date(2017, 10, 31)}},
		TODAY,
	)
	assert [row["name"] for row in rows] == ["CBA-2", "CBA-1", "CBA-3", "CBA-4"]
	returned, pending, reviewed, approved = rows
	assert returned["waits_for_applicant"] and returned["deadline"]["tone"] == "overdue"
	assert returned["next_step"] == status.APPLICANT_NEXT_STEP[states.RETURNED][0]
	assert pending["deadline"]["date"] == "2017-08-31" and not pending["waits_for_applicant"]
	# a batch date when the application has none of its own
	assert reviewed["deadline"]["date"] == "2017-10-31"
	assert approved["deadline"] is None


def test_every_state_has_a_next_step_for_the_applicant():
	assert set(status.APPLICANT_NEXT_STEP) == set(status.STATE_ORDER)


def test_recommender_quota_used_deadline_and_waiting_applications():
	settings = [
		{
			"pilot_batch": "B",
			"recommending_authority": "浙江",
			"recommendation_quota": 3,
			"recommendation_deadline": date(2017, 8, 25),
			"batch_deadline": date(2017, 8, 31),
		}
	]
	applications = [
		{
			"name": "A1",
			"pilot_batch": "B",
			"recommending_authority": "浙江",
			"workflow_state": states.RECOMMENDED,
		},
		{
			"name": "A2",
			"pilot_batch": "B",
			"recommending_authority": "浙江",
			"workflow_state": states.PENDING_PROVINCIAL_REVIEW,
		},
		{
			"name": "A3",
			"pilot_batch": "B",
			"recommending_authority": "浙江",
			"workflow_state": states.NOT_RECOMMENDED,
		},
	]
	[batch] = status.recommender_batches(settings, applications, TODAY)
	assert (batch["recommended"], batch["quota"], batch["submitted"]) == (1, 3, 3)
	assert [a["name"] for a in batch["waiting"]] == ["A2"]
	# the province's own, earlier deadline
	assert batch["deadline"] == {"date": "2017-08-25", "days": 5, "tone": "near"}
	[done] = status.recommender_batches(settings, applications[:1], TODAY)
	assert done["deadline"]["tone"] == "done" and done["waiting"] == []


def test_recommender_without_a_setting_has_the_batch_deadline_and_no_quota():
	[batch] = status.recommender_batches(
		[],
		[
			{
				"name": "A1",
				"pilot_batch": "B",
				"recommending_authority": "山东",
				"workflow_state": states.PENDING_PROVINCIAL_REVIEW,
				"recommendation_deadline": date(2017, 8, 31),
			}
		],
		TODAY,
	)
	assert batch["quota"] is None and batch["deadline"]["date"] == "2017-08-31"


def test_paper_copies_expected_against_received():
	copies = status.paper_copies(
		[
			{"name": "A1", "pilot_batch": "B", "paper_copies_required": 2, "paper_copies_received": 2},
			{"name": "A2", "pilot_batch": "B", "paper_copies_required": 2, "paper_copies_received": 1},
			{"name": "A3", "pilot_batch": "B", "paper_copies_required": 2, "paper_copies_received": 0},
		],
		{"B": date(2017, 8, 31)},
		TODAY,
	)
	assert (copies["expected"], copies["received"], copies["complete"]) == (6, 3, 1)
	assert [row["name"] for row in copies["rows"]] == ["A2", "A3", "A1"]
	assert copies["rows"][-1]["deadline"]["tone"] == "done"


def test_expert_sheets_assigned_and_submitted():
	sheets = status.expert_sheets(
		[
			{"name": "R1", "pilot_batch": "B", "docstatus": 1},
			{"name": "R2", "pilot_batch": "B", "docstatus": 0},
			{"name": "R3", "pilot_batch": "B", "docstatus": 2},
		],
		{"B": date(2017, 10, 31)},
		TODAY,
	)
	assert (sheets["assigned"], sheets["submitted"]) == (2, 1)
	assert [row["name"] for row in sheets["rows"]] == ["R2", "R1"]
	assert sheets["rows"][0]["deadline"]["days"] == 72


def test_state_matrix_by_authority_in_the_process_order():
	matrix = status.state_matrix(
		[
			{"recommending_authority": "浙江", "workflow_state": states.RECOMMENDED},
			{"recommending_authority": "浙江", "workflow_state": states.DRAFT},
			{"recommending_authority": "山东", "workflow_state": states.RECOMMENDED},
		]
	)
	assert matrix["states"] == [states.DRAFT, states.RECOMMENDED]
	assert [(r["recommending_authority"], r["counts"], r["total"]) for r in matrix["rows"]] == [
		("山东", [0, 1], 1),
		("浙江", [1, 1], 2),
	]
	assert (matrix["totals"], matrix["total"]) == ([1, 2], 3)


def test_expert_progress_those_with_sheets_left_first():
	progress = status.expert_progress(
		[
			{"expert": "e1", "expert_name": "甲", "docstatus": 1},
			{"expert": "e2", "expert_name": "乙", "docstatus": 0},
			{"expert": "e2", "expert_name": "乙", "docstatus": 1},
		]
	)
	assert [(p["expert_name"], p["assigned"], p["submitted"]) for p in progress] == [
		("乙", 2, 1),
		("甲", 1, 1),
	]


def test_rendered_block_escapes_what_users_typed():
	rows = status.applicant_rows(
		[{"name": "CBA-1", "industrial_cluster": "<script>x</script>集群", "workflow_state": states.DRAFT}],
		{},
		TODAY,
	)
	html = render("applicant", applications=rows)
	assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;集群" in html
	assert 'data-route="cluster-brand-application/CBA-1"' in html
	assert status.APPLICANT_NEXT_STEP[states.DRAFT][0] in html


def test_rendered_deadline_says_the_days_left_or_overdue():
	rows = status.paper_copies(
		[
			{
				"name": "A1",
				"industrial_cluster": "集群",
				"recommending_authority": "浙江",
				"pilot_batch": "B",
				"paper_copies_required": 2,
				"paper_copies_received": 0,
			}
		],
		{"B": date(2017, 8, 18)},
		TODAY,
	)
	html = render("receiver", copies=rows)
	assert "Copies received: 0 of 2 expected" in html
	assert "2017-08-18 · 2 days overdue" in html and 'data-tone="overdue"' in html


def test_rendered_ministry_matrix_and_empty_views():
	matrix = status.state_matrix([{"recommending_authority": "浙江", "workflow_state": states.RECOMMENDED}])
	html = render(
		"ministry",
		batch={"name": "2017"},
		deadlines=[("Expert Review Deadline", status.deadline(date(2017, 10, 31), TODAY))],
		matrix=matrix,
		experts=[],
	)
	assert "<th>Recommended</th>" in html and "Expert Review Deadline" in html and "72 days left" in html
	assert "No application has been recommended yet." in render(
		"receiver", copies=status.paper_copies([], {}, TODAY)
	)
	assert "No pilot batch yet." in render("ministry", batch=None)


def test_a_summary_waiting_for_the_viewers_inspection_is_not_shown_as_done():
	# issue 19: the province's table showed a green 已完成 on a summary that waits for its inspection
	pending = "Pending Provincial Inspection"
	due = date(2017, 11, 30)
	for_province = status.summary_deadline(due, TODAY, pending, with_unit=False, waiting_state=pending)
	assert for_province["tone"] == "waiting"
	# the unit's own view: its part is done once submitted
	assert status.summary_deadline(due, TODAY, pending, with_unit=False)["tone"] == "done"
	# the ministry's: one still with the province is not its work, and done for the unit
	assert (
		status.summary_deadline(due, TODAY, pending, with_unit=False, waiting_state="Forwarded to Ministry")[
			"tone"
		]
		== "done"
	)
	assert status.summary_deadline(None, TODAY, pending, with_unit=False, waiting_state=pending) is None


def test_rendered_block_names_the_batch_its_number_cards_count():
	# issue 19: the cards counted every batch while the status showed the latest; now they count the latest
	# batch (their dynamic filter), and the block says which
	html = render("ministry", batch=None, cards_batch="2018年<批次>")
	assert "The figures below count batch 2018年&lt;批次&gt;." in html
	assert "cb-cards-batch" not in render("applicant", applications=[])


def test_the_breadcrumb_leads_to_the_users_own_workspace():
	# issue 19: the breadcrumb 产业集群区域品牌 led an applicant to the ministry's workspace (「未找到」)
	module = ["Cluster Brand", "Applicant Desk", "Provincial Review", "Expert Review Desk"]
	assert status.own_workspaces(module, {"Applicant Desk"}, "Applicant Desk") == ["Applicant Desk"]
	assert status.own_workspaces(module, {"Cluster Brand", "Provincial Review"}, "Provincial Review") == [
		"Provincial Review",
		"Cluster Brand",
	]
	assert status.own_workspaces(module, set(), None) == []


def test_the_province_opens_its_recommendation_opinion_from_its_workspace():
	# issue 19: the 省级推荐意见 could be reached only by typing its name; it lists every recommended
	# application of the batch in rank order, so it is printed from the first
	rows = [
		{
			"name": n,
			"industrial_cluster": "集群",
			"organizing_unit": "单位",
			"pilot_batch": "B",
			"recommending_authority": "浙江",
			"workflow_state": s,
			"recommendation_rank": r,
		}
		for n, s, r in (
			("A1", states.APPROVED_AS_PILOT, 2),
			("A2", states.RECOMMENDED, 1),
			("A3", states.PENDING_PROVINCIAL_REVIEW, 0),
		)
	]
	[batch] = status.recommender_batches([], rows, TODAY)
	assert batch["opinion_of"] == "A2"
	html = render("recommender", batches=[batch])
	assert "name=A2&amp;format=%E7%9C%81%E7%BA%A7%E6%8E%A8%E8%8D%90%E6%84%8F%E8%A7%81" in html
	[none] = status.recommender_batches([], rows[2:], TODAY)
	assert none["opinion_of"] is None
	assert "cb-opinion" not in render("recommender", batches=[none])


def test_the_provinces_deadline_is_the_batchs_now_not_a_decided_applications_copy():
	# the first application read was decided before the ministry moved the batch's deadline: it keeps the date
	# it had; the province's block shows the batch's deadline as it is now (CI: a pilot made on another day)
	rows = [
		{
			"name": n,
			"pilot_batch": "B",
			"recommending_authority": "P",
			"workflow_state": s,
			"recommendation_deadline": d,
		}
		for n, s, d in (
			("A1", states.APPROVED_AS_PILOT, TODAY - timedelta(days=80)),
			("A2", states.PENDING_PROVINCIAL_REVIEW, TODAY + timedelta(days=60)),
		)
	]
	[batch] = status.recommender_batches([], rows, TODAY, {"B": TODAY + timedelta(days=60)})
	assert batch["batch_deadline"] == TODAY + timedelta(days=60)
	assert batch["deadline"]["days"] == 60


# --- the pilot's end (issue 21) ---------------------------------------------------------------------------
def test_the_units_pilots_at_their_end():
	from cluster_brand.rules.views.desk_status import START_FINAL_SUMMARY, pilot_end_rows

	pilots = [
		{"name": "BP-1", "planned_end_date": date(2027, 6, 1), "status": "In Pilot"},
		{"name": "BP-2", "planned_end_date": date(2026, 6, 1), "status": "In Pilot"},
		{"name": "BP-3", "planned_end_date": date(2026, 6, 1), "status": "Pilot Not Completed"},
	]
	summaries = [{"name": "BP-3-FS", "brand_pilot": "BP-3", "workflow_state": "Accepted"}]
	rows = pilot_end_rows(pilots, summaries, date(2026, 3, 1))
	assert [r["brand_pilot"] for r in rows] == ["BP-2", "BP-3"]
	assert rows[0]["next_step"] == START_FINAL_SUMMARY
	assert (rows[1]["final_summary"], rows[1]["pilot_status"], rows[1]["next_step"]) == (
		"BP-3-FS",
		"Pilot Not Completed",
		None,
	)
	# the batch's open evaluation round brings BP-1's final summary forward
	opened = {"status": "In Progress", "final_summary_deadline": date(2026, 9, 30)}
	rows = pilot_end_rows([{**pilots[0], "evaluation_round": opened}], [], date(2026, 3, 1))
	assert [(r["brand_pilot"], r["next_step"]) for r in rows] == [("BP-1", START_FINAL_SUMMARY)]


def test_an_application_whose_pilot_has_ended_is_closed():
	application = {"name": "CBA-9", "pilot_batch": "B", "workflow_state": states.APPROVED_AS_PILOT}
	(in_pilot,) = status.applicant_rows([{**application, "pilot_status": "In Pilot"}], {}, TODAY)
	assert in_pilot["next_step"] == "Carry out the pilot work plan"
	for ended in ("Pilot Completed", "Pilot Not Completed"):
		(row,) = status.applicant_rows([{**application, "pilot_status": ended}], {}, TODAY)
		assert row["next_step"] == status.PILOT_ENDED
