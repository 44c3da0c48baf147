"""The reminders of the pilot's end (issue 21), as the application's and the annual summaries' deadlines are
reminded of: in the days before each deadline of the batch's evaluation round (总结评价), whoever has still to act
is told — the unit whose final summary has not gone to the province (due on the round's final summary deadline,
else at the pilot's planned end), the unit of a completed pilot that has not submitted its demonstration
application, the province with applications still awaiting its recommendation.

Plain data in (the pilots, rounds and documents as the daily job reads them), who to remind of what out."""

from datetime import date

from cluster_brand.rules.pilot_end import demonstration_workflow as demonstration
from cluster_brand.rules.pilot_end import final_summary_workflow as final_workflow
from cluster_brand.rules.pilot_end.evaluation_round import IN_PROGRESS
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, due_date

REMINDER_DAYS = 7
IN_PILOT = "In Pilot"


def reminder_due(deadline: date | None, today: date, days: int = REMINDER_DAYS) -> bool:
	"""Reminded in the ``days`` before the deadline, and on the day itself."""
	return bool(deadline) and 0 <= (deadline - today).days <= days


def _open(rounds: list[dict]) -> dict[str, dict]:
	"""The rounds in progress, by batch."""
	return {r["pilot_batch"]: r for r in rounds if r.get("status") == IN_PROGRESS and r.get("pilot_batch")}


def final_summaries_due(
	pilots: list[dict], rounds: list[dict], summary_states: dict[str, str | None], today: date
) -> list[dict]:
	"""The pilots in pilot whose unit is reminded of its final summary: each pilot with ``due``. ``pilots``: name,
	pilot_batch, status, planned_end_date; ``summary_states``: the state of each pilot's final summary."""
	open_rounds = _open(rounds)
	due = []
	for pilot in pilots:
		if pilot.get("status") != IN_PILOT:
			continue
		if summary_states.get(pilot["name"]) not in final_workflow.WITH_UNIT:
			continue  # with the province or the ministry: the unit's part is done
		deadline = due_date(pilot.get("planned_end_date"), open_rounds.get(pilot.get("pilot_batch")))
		if reminder_due(deadline, today):
			due.append({**pilot, "due": deadline})
	return due


def demonstration_applications_due(
	pilots: list[dict], rounds: list[dict], application_states: dict[str, str | None], today: date
) -> list[dict]:
	"""The completed pilots whose unit is reminded of the round's demonstration application deadline, while it
	has not submitted its application (none, a draft or returned): each with ``due`` and ``evaluation_round``."""
	open_rounds = _open(rounds)
	due = []
	for pilot in pilots:
		round_ = open_rounds.get(pilot.get("pilot_batch"))
		if pilot.get("status") != PILOT_COMPLETED or not round_:
			continue
		if application_states.get(pilot["name"]) not in demonstration.WITH_UNIT:
			continue
		deadline = round_.get("demonstration_application_deadline")
		if reminder_due(deadline, today):
			due.append({**pilot, "due": deadline, "evaluation_round": round_["name"]})
	return due


def recommendations_due(applications: list[dict], rounds: list[dict], today: date) -> list[dict]:
	"""The provinces reminded of the round's provincial recommendation deadline: one row per province and round
	with applications pending its recommendation (recommending_authority, evaluation_round, due, pending)."""
	by_name = {r["name"]: r for r in rounds if r.get("status") == IN_PROGRESS}
	pending = {}
	for application in applications:
		round_ = by_name.get(application.get("evaluation_round"))
		if not round_ or application.get("workflow_state") != demonstration.PENDING_PROVINCIAL_RECOMMENDATION:
			continue
		deadline = round_.get("provincial_recommendation_deadline")
		if not reminder_due(deadline, today):
			continue
		key = (application.get("recommending_authority"), round_["name"])
		row = pending.setdefault(
			key,
			{"recommending_authority": key[0], "evaluation_round": key[1], "due": deadline, "pending": 0},
		)
		row["pending"] += 1
	return [pending[key] for key in sorted(pending, key=lambda k: (str(k[0]), k[1]))]
