"""cluster_brand/rules/pilot_end/reminders.py: who is reminded of the evaluation round's deadlines, and when."""

from datetime import date

from cluster_brand.rules.pilot_end import reminders as r

TODAY = date(2020, 9, 25)
ROUND = {
	"name": "ER-2017",
	"pilot_batch": "2017",
	"status": "In Progress",
	"final_summary_deadline": date(2020, 9, 30),
	"demonstration_application_deadline": date(2020, 10, 2),
	"provincial_recommendation_deadline": date(2020, 9, 25),
}


def pilot(name, status="In Pilot", batch="2017", end=date(2020, 12, 15)):
	return {"name": name, "status": status, "pilot_batch": batch, "planned_end_date": end}


def test_reminded_in_the_week_before_and_on_the_day_only():
	assert r.reminder_due(date(2020, 10, 2), TODAY)
	assert r.reminder_due(TODAY, TODAY)
	assert not r.reminder_due(date(2020, 10, 3), TODAY)
	assert not r.reminder_due(date(2020, 9, 24), TODAY)
	assert not r.reminder_due(None, TODAY)


def test_the_final_summary_is_due_on_the_rounds_deadline_until_it_goes_to_the_province():
	pilots = [
		pilot("A"),
		pilot("B"),
		pilot("C"),
		pilot("D", status="Pilot Completed"),
		pilot("E", batch="2018"),
	]
	states = {"A": None, "B": "Returned", "C": "Pending Provincial Check", "D": None}
	due = r.final_summaries_due(pilots, [ROUND], states, TODAY)
	# E's batch has no round: due at its planned end, months away
	assert [(p["name"], p["due"]) for p in due] == [("A", date(2020, 9, 30)), ("B", date(2020, 9, 30))]
	# without the round (or once it is concluded), at the pilot's planned end
	concluded = {**ROUND, "status": "Concluded"}
	assert r.final_summaries_due(pilots, [concluded], states, TODAY) == []
	near_end = [pilot("F", end=date(2020, 9, 28))]
	assert [p["due"] for p in r.final_summaries_due(near_end, [], {}, TODAY)] == [date(2020, 9, 28)]


def test_the_demonstration_application_deadline_reminds_completed_pilots_not_yet_applying():
	pilots = [
		pilot("A", status="Pilot Completed"),
		pilot("B", status="Pilot Completed"),
		pilot("C", status="Pilot Completed"),
		pilot("D", status="Pilot Not Completed"),
		pilot("E"),
	]
	states = {"B": "Draft", "C": "Pending Provincial Recommendation"}
	due = r.demonstration_applications_due(pilots, [ROUND], states, TODAY)
	assert [(p["name"], p["due"], p["evaluation_round"]) for p in due] == [
		("A", date(2020, 10, 2), "ER-2017"),
		("B", date(2020, 10, 2), "ER-2017"),
	]
	assert r.demonstration_applications_due(pilots, [ROUND], states, date(2020, 10, 3)) == []


def test_the_provinces_with_applications_pending_recommendation_are_reminded_once_each():
	pending = "Pending Provincial Recommendation"
	applications = [
		{"evaluation_round": "ER-2017", "workflow_state": pending, "recommending_authority": "浙江"},
		{"evaluation_round": "ER-2017", "workflow_state": pending, "recommending_authority": "浙江"},
		{
			"evaluation_round": "ER-2017",
			"workflow_state": "Under Expert Review",
			"recommending_authority": "山东",
		},
		{"evaluation_round": "ER-other", "workflow_state": pending, "recommending_authority": "江苏"},
	]
	assert r.recommendations_due(applications, [ROUND], TODAY) == [
		{"recommending_authority": "浙江", "evaluation_round": "ER-2017", "due": TODAY, "pending": 2}
	]
	assert r.recommendations_due(applications, [ROUND], date(2020, 9, 26)) == []
