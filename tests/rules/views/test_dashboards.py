"""The charts of the ministry's and the provinces' workspaces: what they count, in which order and band."""

from datetime import date

from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.views import dashboards as charts

TODAY = date(2017, 8, 20)


def test_states_in_the_processs_order_and_empty_ones_left_out():
	chart = charts.applications_by_state(
		{
			states.UNDER_EXPERT_REVIEW: 2,
			states.DRAFT: 5,
			states.RECOMMENDED: 0,
			states.PENDING_PROVINCIAL_REVIEW: 3,
		}
	)
	assert chart["labels"] == [states.DRAFT, states.PENDING_PROVINCIAL_REVIEW, states.UNDER_EXPERT_REVIEW]
	assert chart["datasets"][0]["values"] == [5, 3, 2]


def test_an_unknown_state_comes_last():
	chart = charts.applications_by_state({"Some Later State": 1, states.APPROVED_AS_PILOT: 4})
	assert chart["labels"] == [states.APPROVED_AS_PILOT, "Some Later State"]


def test_score_bands_have_their_edges_in_the_upper_band():
	assert charts.score_band(0) == "Below 60"
	assert charts.score_band(59.99) == "Below 60"
	assert charts.score_band(60) == "60 to 69"
	assert charts.score_band(79.5) == "70 to 79"
	assert charts.score_band(89.99) == "80 to 89"
	assert charts.score_band(90) == "90 and above"
	assert charts.score_band(100) == "90 and above"


def test_score_distribution_counts_every_band_and_skips_unscored():
	chart = charts.score_distribution([91.5, 85, 85.2, 61, None, 42, 0])
	assert chart["labels"] == ["Below 60", "60 to 69", "70 to 79", "80 to 89", "90 and above"]
	assert chart["datasets"][0]["values"] == [2, 1, 0, 2, 1]


def test_deadlines_ahead_per_step_overdue_near_and_later():
	batch = {"B": {"expert_review_deadline": date(2017, 10, 31)}}
	applications = [
		{
			"name": "1",
			"pilot_batch": "B",
			"workflow_state": states.DRAFT,
			"online_submission_deadline": date(2017, 8, 15),
		},
		{
			"name": "2",
			"pilot_batch": "B",
			"workflow_state": states.RETURNED,
			"online_submission_deadline": date(2017, 8, 25),
		},
		{
			"name": "3",
			"pilot_batch": "B",
			"workflow_state": states.PENDING_PROVINCIAL_REVIEW,
			"recommendation_deadline": date(2017, 8, 27),
		},
		{
			"name": "4",
			"pilot_batch": "B",
			"workflow_state": states.PENDING_PROVINCIAL_REVIEW,
			"recommendation_deadline": date(2017, 9, 30),
		},
		# the expert review deadline is the batch's
		{"name": "5", "pilot_batch": "B", "workflow_state": states.UNDER_EXPERT_REVIEW},
		# no deadline ahead: not counted
		{"name": "6", "pilot_batch": "B", "workflow_state": states.RECOMMENDED},
		{"name": "7", "pilot_batch": "B", "workflow_state": states.APPROVED_AS_PILOT},
		{"name": "8", "pilot_batch": "B", "workflow_state": states.PENDING_PROVINCIAL_REVIEW},
	]
	chart = charts.deadlines_ahead(applications, batch, TODAY)
	assert chart["labels"] == [
		states.DRAFT,
		states.RETURNED,
		states.PENDING_PROVINCIAL_REVIEW,
		states.UNDER_EXPERT_REVIEW,
	]
	values = {dataset["name"]: dataset["values"] for dataset in chart["datasets"]}
	assert values == {
		"Overdue": [1, 0, 0, 0],
		"Due within {0} days": [0, 1, 1, 0],
		"Due later": [0, 0, 1, 1],
	}
