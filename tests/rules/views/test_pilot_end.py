"""cluster_brand/rules/views/pilot_end.py: how each pilot ended, as the report and the chart show it."""

from cluster_brand.rules.views import pilot_end as v


def test_applying_is_past_the_draft_and_not_yet_decided():
	assert [
		v.demonstration_stage(state)
		for state in (
			None,
			"Draft",
			"Returned",
			"Pending Provincial Recommendation",
			"In Public Notice",
			"Not Recommended",
			"Demonstration Zone",
			"Typical Experience Recommended",
		)
	] == [
		None,
		None,
		v.APPLYING,
		v.APPLYING,
		v.APPLYING,
		"Not Recommended",
		"Demonstration Zone",
		"Typical Experience Recommended",
	]


def test_the_chart_counts_the_pilots_and_their_applications_in_order():
	chart = v.pilot_end_counts(
		["Pilot Completed", "In Pilot", "Pilot Completed", "Pilot Not Completed"],
		["Demonstration Zone", "Draft", "Under Expert Review", "Not Selected"],
	)
	assert chart["labels"] == [
		"In Pilot",
		"Pilot Completed",
		"Pilot Not Completed",
		v.APPLYING,
		"Demonstration Zone",
	]
	assert chart["datasets"][0]["values"] == [1, 2, 1, 1, 1]
	assert v.pilot_end_counts([], []) == {"labels": [], "datasets": [{"name": "Pilots", "values": []}]}


def test_the_reports_columns_of_the_pilots_end():
	end = {
		"final_summary": "BP-2017-001-FS",
		"final_summary_state": "Accepted",
		"demonstration_application": "DA-1",
		"application_state": "Under Expert Review",
	}
	assert v.pilot_end_columns("Pilot Completed", end) == {
		"pilot_status": "Pilot Completed",
		"final_summary": "BP-2017-001-FS",
		"final_summary_state": "Accepted",
		"demonstration_application": "DA-1",
		"demonstration_stage": v.APPLYING,
	}
	# a pilot still in pilot, nothing read of its end
	assert v.pilot_end_columns("In Pilot", {}) == {
		"pilot_status": "In Pilot",
		"final_summary": None,
		"final_summary_state": None,
		"demonstration_application": None,
		"demonstration_stage": None,
	}
