"""What each role's workspace shows first: the state of its work, what comes next and by when.

Plain data in, plain data out: cluster_brand/desk/status_block.py reads the rows through the user's permissions
and renders what these functions return (cluster_brand/templates/desk/status.html).
"""

from collections import Counter
from datetime import date

from cluster_brand.rules import _
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, PILOT_NOT_COMPLETED, can_start

# The status block of each role's workspace (fixtures/custom_html_block.json, shipped through hooks.py) and the
# view it shows
STATUS_BLOCKS = {
	"Applicant Status": "applicant",
	"Recommendation Status": "recommender",
	"Industry Applications Status": "association",
	"Paper Copies Status": "receiver",
	"Expert Review Status": "expert",
	"Programme Status": "ministry",
}

# Days before a deadline from which it is shown as near (the reminders' window is 3 days).
NEAR_DAYS = 7

# The order in which the states are listed (the process of Annex 1 四).
STATE_ORDER = (
	states.DRAFT,
	states.RETURNED,
	states.PENDING_PROVINCIAL_REVIEW,
	states.RECOMMENDED,
	states.UNDER_EXPERT_REVIEW,
	states.IN_PUBLIC_NOTICE,
	states.APPROVED_AS_PILOT,
	states.NOT_RECOMMENDED,
	states.NOT_SELECTED,
	states.WITHDRAWN,
)

# For the applicant: what happens next in each state, and the deadline that bounds it (a field of the
# application or of its batch).
APPLICANT_NEXT_STEP = {
	states.DRAFT: (
		_("Complete the form, run the completeness check and submit it to the province"),
		"online_submission_deadline",
	),
	states.RETURNED: (
		_("Revise the form as the province asks and submit it again"),
		"online_submission_deadline",
	),
	states.PENDING_PROVINCIAL_REVIEW: (
		_("The province reviews the form and decides on its recommendation"),
		"recommendation_deadline",
	),
	states.RECOMMENDED: (_("The ministry organises the expert review"), None),
	states.UNDER_EXPERT_REVIEW: (_("Experts review the application"), "expert_review_deadline"),
	states.IN_PUBLIC_NOTICE: (_("The list of pilots is in public notice"), "public_notice_end"),
	states.APPROVED_AS_PILOT: (_("Carry out the pilot work plan"), None),
	states.NOT_RECOMMENDED: (_("Closed: not recommended by the province"), None),
	states.NOT_SELECTED: (_("Closed: not selected as a pilot"), None),
	states.WITHDRAWN: (_("Closed: withdrawn"), None),
}


def deadline(day: date | None, today: date, done: bool = False) -> dict | None:
	"""A deadline as shown: the date, the days left (negative once past) and its tone — ``overdue``,
	``near`` (within NEAR_DAYS), ``later``, or ``done`` when the work it bounds is finished."""
	if not day:
		return None
	days = (day - today).days
	if done:
		tone = "done"
	elif days < 0:
		tone = "overdue"
	elif days <= NEAR_DAYS:
		tone = "near"
	else:
		tone = "later"
	return {"date": day.isoformat(), "days": days, "tone": tone}


def summary_deadline(
	due: date | None, today: date, state: str | None, with_unit: bool, waiting_state: str | None = None
) -> dict | None:
	"""An annual work summary's due date as its viewer reads it: for the unit, done once it has left the
	unit; for the province (the ministry), a summary that waits for its inspection (acceptance) is its work
	to do, not work done (issue 19)."""
	shown = deadline(due, today, done=not with_unit)
	if shown and waiting_state and state == waiting_state:
		shown["tone"] = "waiting"
	return shown


PILOT_ENDED = _("Closed: the pilot period has ended")


def applicant_rows(applications: list[dict], batch_dates: dict[str, dict], today: date) -> list[dict]:
	"""The applicant's applications, the ones that wait for it first, each with its next step and the
	deadline of that step. ``batch_dates`` maps a batch to its deadlines (expert_review_deadline…); an
	application's ``pilot_status``, where given, closes it once its pilot has ended (issue 21)."""
	rows = []
	for application in applications:
		state = application.get("workflow_state") or states.DRAFT
		step, field = APPLICANT_NEXT_STEP.get(state, (None, None))
		if application.get("pilot_status") in (PILOT_COMPLETED, PILOT_NOT_COMPLETED):
			step = PILOT_ENDED
		due = application.get(field) or batch_dates.get(application.get("pilot_batch"), {}).get(field)
		rows.append(
			{
				**application,
				"workflow_state": state,
				"next_step": step,
				"deadline": deadline(due, today) if field else None,
				"waits_for_applicant": state in states.APPLICANT_STATES,
			}
		)
	return sorted(rows, key=lambda row: (not row["waits_for_applicant"], _state_index(row["workflow_state"])))


def recommender_batches(
	settings: list[dict], applications: list[dict], today: date, batch_deadlines: dict | None = None
) -> list[dict]:
	"""For a recommending authority, per batch: its quota used / total, its deadline, and the applications
	that wait for its decision. ``settings`` are its Recommendation Settings (with the batch's own deadline
	as ``batch_deadline``); ``applications`` those it can read; ``batch_deadlines`` each batch's provincial
	recommendation deadline as the batch has it now (an application decided before the ministry moved it keeps
	the date it had: its copy is the fallback only)."""
	batch_deadlines = batch_deadlines or {}
	by_batch: dict[tuple, dict] = {}
	for setting in settings:
		key = (setting["pilot_batch"], setting["recommending_authority"])
		by_batch[key] = {
			"pilot_batch": setting["pilot_batch"],
			"recommending_authority": setting["recommending_authority"],
			"quota": setting.get("recommendation_quota") or None,
			"own_deadline": setting.get("recommendation_deadline"),
			"batch_deadline": setting.get("batch_deadline"),
		}
	for application in applications:
		key = (application["pilot_batch"], application["recommending_authority"])
		by_batch.setdefault(
			key,
			{
				"pilot_batch": key[0],
				"recommending_authority": key[1],
				"quota": None,
				"own_deadline": None,
				"batch_deadline": batch_deadlines.get(key[0]) or application.get("recommendation_deadline"),
			},
		)
	result = []
	for key, batch in by_batch.items():
		mine = [a for a in applications if (a["pilot_batch"], a["recommending_authority"]) == key]
		waiting = [a for a in mine if a.get("workflow_state") == states.PENDING_PROVINCIAL_REVIEW]
		recommended_rows = sorted(
			(a for a in mine if a.get("workflow_state") in states.RECOMMENDED_OR_LATER),
			key=lambda a: (a.get("recommendation_rank") or 10**6, a.get("name") or ""),
		)
		recommended = len(recommended_rows)
		day = batch["own_deadline"] or batch["batch_deadline"]
		if batch["own_deadline"] and batch["batch_deadline"]:
			day = min(batch["own_deadline"], batch["batch_deadline"])
		result.append(
			{
				**batch,
				"recommended": recommended,
				"submitted": sum(1 for a in mine if a.get("workflow_state") not in states.PRIVATE_STATES),
				"waiting": sorted(waiting, key=lambda a: a.get("name") or ""),
				# the 省级推荐意见 lists every recommended application of the batch: printed from the first
				"opinion_of": recommended_rows[0].get("name") if recommended_rows else None,
				"deadline": deadline(day, today, done=not waiting),
			}
		)
	return sorted(
		result, key=lambda b: (b["pilot_batch"] or "", b["recommending_authority"] or ""), reverse=True
	)


def copies_of(application: dict) -> tuple[int, int, bool]:
	"""An application's paper copies: required, received, and whether they are all in."""
	required = application.get("paper_copies_required") or 0
	received = application.get("paper_copies_received") or 0
	return required, received, bool(required) and received >= required


def paper_copies(applications: list[dict], due_of_batch: dict[str, date | None], today: date) -> dict:
	"""For the receiver: the recommended applications' paper copies, required against received, the ones
	still missing first; the copies are due with the province's recommendation (notice 三(二))."""
	rows = []
	for application in applications:
		required, received, complete = copies_of(application)
		due = due_of_batch.get(application.get("pilot_batch"))
		rows.append(
			{
				**application,
				"required": required,
				"received": received,
				"complete": complete,
				"deadline": deadline(due, today, done=complete),
			}
		)
	rows.sort(key=lambda row: (row["complete"], row.get("name") or ""))
	return {
		"rows": rows,
		"expected": sum(row["required"] for row in rows),
		"received": sum(min(row["received"], row["required"]) for row in rows),
		"complete": sum(1 for row in rows if row["complete"]),
	}


def expert_sheets(sheets: list[dict], due_of_batch: dict[str, date | None], today: date) -> dict:
	"""For an expert: its sheets, the ones to score first, with the review deadline."""
	rows = [
		{
			**sheet,
			"submitted": sheet.get("docstatus") == 1,
			"deadline": deadline(
				due_of_batch.get(sheet.get("pilot_batch")), today, done=sheet.get("docstatus") == 1
			),
		}
		for sheet in sheets
		if sheet.get("docstatus") != 2
	]
	rows.sort(key=lambda row: (row["submitted"], row.get("name") or ""))
	return {"rows": rows, "assigned": len(rows), "submitted": sum(1 for row in rows if row["submitted"])}


def state_matrix(applications: list[dict]) -> dict:
	"""Applications per state × recommending authority: the states that occur, in the process's order, and
	one row per authority with its counts and total; a last row of totals."""
	counts = Counter(
		(a.get("recommending_authority"), a.get("workflow_state") or states.DRAFT) for a in applications
	)
	present = [state for state in STATE_ORDER if any(s == state for _a, s in counts)]
	present += sorted({s for _a, s in counts} - set(present))
	authorities = sorted({a for a, _s in counts}, key=lambda a: a or "")
	rows = [
		{
			"recommending_authority": authority,
			"counts": [counts.get((authority, state), 0) for state in present],
			"total": sum(counts.get((authority, state), 0) for state in present),
		}
		for authority in authorities
	]
	totals = [sum(row["counts"][i] for row in rows) for i in range(len(present))]
	return {"states": present, "rows": rows, "totals": totals, "total": sum(totals)}


def expert_progress(sheets: list[dict]) -> list[dict]:
	"""Per expert: sheets assigned and submitted, the experts with sheets left first."""
	progress: dict[str, dict] = {}
	for sheet in sheets:
		if sheet.get("docstatus") == 2:
			continue
		row = progress.setdefault(
			sheet["expert"],
			{
				"expert": sheet["expert"],
				"expert_name": sheet.get("expert_name"),
				"assigned": 0,
				"submitted": 0,
			},
		)
		row["assigned"] += 1
		row["submitted"] += sheet.get("docstatus") == 1
	return sorted(
		progress.values(), key=lambda r: (r["submitted"] >= r["assigned"], r["expert_name"] or r["expert"])
	)


def _state_index(state: str) -> int:
	return STATE_ORDER.index(state) if state in STATE_ORDER else len(STATE_ORDER)


def own_workspaces(workspaces: list[str], allowed: set[str], default: str | None) -> list[str]:
	"""The module's workspaces a user may open, its landing workspace first (the breadcrumb's target)."""
	mine = [name for name in workspaces if name in allowed]
	if default in mine:
		mine.remove(default)
		mine.insert(0, default)
	return mine


# --- The pilot's end (issue 21): the unit's pilots, their final summary and how each pilot ended ------------
START_FINAL_SUMMARY = "Start the pilot's final summary"


def pilot_end_rows(pilots: list[dict], final_summaries: list[dict], today: date) -> list[dict]:
	"""Each pilot whose end has come or passed: its final summary's state, what comes next (the unit starts the
	summary once the last reporting year has come, or its batch's open evaluation round, ``evaluation_round``,
	opens it), and the pilot's end (completed or not) once accepted."""
	summary_of = {s["brand_pilot"]: s for s in final_summaries}
	rows = []
	for pilot in pilots:
		summary = summary_of.get(pilot["name"])
		ended = pilot.get("status") in (PILOT_COMPLETED, PILOT_NOT_COMPLETED)
		if not (
			summary or ended or can_start(pilot.get("planned_end_date"), today, pilot.get("evaluation_round"))
		):
			continue
		rows.append(
			{
				"brand_pilot": pilot["name"],
				"industrial_cluster": pilot.get("industrial_cluster"),
				"final_summary": summary["name"] if summary else None,
				"workflow_state": summary.get("workflow_state") if summary else None,
				"pilot_status": pilot.get("status"),
				"next_step": None if ended or summary else START_FINAL_SUMMARY,
			}
		)
	return rows
