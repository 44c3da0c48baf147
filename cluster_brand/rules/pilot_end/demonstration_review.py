"""The demonstration applications' review (示范申报): the experts' document review ranks them, the ministry
shortlists, the shortlisted defend in the central hearing (集中答辩), scored per expert on the round's hearing
rubric; the ranking shows both stages; the ministry decides: demonstration zone (示范区), typical experience
recommended (典型经验推荐), or neither.

The sheets of both stages are scored as the application's review sheets (rules/review/scoring.py: weighted
scores, a total only when every criterion is scored) and ranked as its ranking (rules/review/ranking.py: by
the mean of the submitted sheets, ties sharing a rank)."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.review import scoring
from cluster_brand.rules.review.ranking import rank_applications
from cluster_brand.rules.values import as_text, finite_number

DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE, NOT_SELECTED = (
	"Demonstration Zone",
	"Typical Experience Recommended",
	"Not Selected",
)
DECISIONS = (DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE, NOT_SELECTED)


def _totals(sheets: list[dict]) -> dict[str, list[float]]:
	totals: dict[str, list[float]] = {}
	for sheet in sheets:
		total = finite_number(sheet.get("total_score"))
		if total is not None:
			totals.setdefault(sheet["application"], []).append(total)
	return totals


def two_stage_ranking(
	applications: list[dict], document_sheets: list[dict], hearing_sheets: list[dict]
) -> list[dict]:
	"""Each application (name, recommending_authority, industrial_cluster, shortlisted) with the document
	review's mean and rank and, for the shortlisted, the hearing's. Ordered by the hearing among the
	shortlisted, then by the document review; unranked last. A hearing sheet of an application not shortlisted
	does not count."""
	shortlisted = {a["name"] for a in applications if a.get("shortlisted")}
	documents = {row.application: row for row in rank_applications(_totals(document_sheets))}
	hearing = {
		row.application: row
		for row in rank_applications(
			{name: totals for name, totals in _totals(hearing_sheets).items() if name in shortlisted}
		)
	}
	rows = []
	for application in applications:
		name = application["name"]
		document, heard = documents.get(name), hearing.get(name)
		rows.append(
			{
				"application": name,
				"recommending_authority": application.get("recommending_authority"),
				"industrial_cluster": application.get("industrial_cluster"),
				"document_mean": document.mean if document else None,
				"document_rank": document.rank if document else None,
				"document_sheets": document.count if document else 0,
				"shortlisted": name in shortlisted,
				"hearing_mean": heard.mean if heard else None,
				"hearing_rank": heard.rank if heard else None,
				"hearing_sheets": heard.count if heard else 0,
				# where the application stands: the ministry's decision and the workflow's state
				"decision": application.get("decision"),
				"workflow_state": application.get("workflow_state"),
			}
		)
	rows.sort(
		key=lambda r: (
			r["hearing_rank"] is None,
			r["hearing_rank"] or 0,
			r["document_rank"] is None,
			r["document_rank"] or 0,
			as_text(r["recommending_authority"]),
			r["application"],
		)
	)
	return rows


def check_shortlist(row: dict) -> list[Violation]:
	"""Only an application the experts have scored can be shortlisted for the hearing."""
	if row.get("shortlisted") and not row.get("document_sheets"):
		return [
			Violation(
				_(
					"{application} has no document review score yet and cannot be shortlisted for the hearing."
				),
				{"application": row["application"]},
				"shortlisted",
			)
		]
	return []


def check_decision(decision: str | None, row: dict) -> list[Violation]:
	"""A demonstration zone has defended in the hearing and been scored there; a typical experience has at
	least passed the document review. Not selected needs nothing."""
	if not decision or decision == NOT_SELECTED:
		return []
	if decision not in DECISIONS:
		return [
			Violation(
				_("{value} is not a decision of the evaluation."), {"value": as_text(decision)}, "decision"
			)
		]
	if decision == DEMONSTRATION_ZONE and not (row.get("shortlisted") and row.get("hearing_sheets")):
		return [
			Violation(
				_("{application} can be named a demonstration zone only after it is scored in the hearing."),
				{"application": row["application"]},
				"decision",
			)
		]
	if decision == TYPICAL_EXPERIENCE and not row.get("document_sheets"):
		return [
			Violation(
				_("{application} can be recommended as a typical experience only after the document review."),
				{"application": row["application"]},
				"decision",
			)
		]
	return []


# --- the sheets: one per expert and stage, on the round's rubric of that stage -----------------------------

DOCUMENT_REVIEW, HEARING = "Document Review", "Hearing"
STAGES = (DOCUMENT_REVIEW, HEARING)
# the Evaluation Round's rubric of each stage (Review Criterion rows)
RUBRIC_TABLE = {DOCUMENT_REVIEW: "document_review_criteria", HEARING: "hearing_criteria"}


def assignment_problems(
	assignments: list[dict], experts: dict[str, dict], application: dict
) -> list[Violation]:
	"""The ministry's assignment of experts (rows: expert, expert_name, stage), checked as the application's
	(rules/review/scoring.assignment_problems, per stage: each expert once, enabled, not of the applicant's
	province or unit); an expert may score both stages. A hearing sheet is for a shortlisted application only.
	``experts``: the register's records of the assigned experts by casefolded name."""
	problems: list[Violation] = []
	for stage in STAGES:
		rows = [row for row in assignments if (row.get("stage") or DOCUMENT_REVIEW) == stage]
		for problem in scoring.assignment_problems(rows, experts, application):
			if problem not in problems:  # disabled or recused: said once for both stages
				problems.append(problem)
	if not application.get("shortlisted") and any(row.get("stage") == HEARING for row in assignments):
		problems.append(
			Violation(
				_(
					"{application} is not shortlisted for the hearing: assign hearing experts after the shortlist."
				),
				{"application": application.get("name")},
				"expert_assignments",
			)
		)
	return problems


def sheet_key(row: dict) -> tuple[str, str]:
	"""A sheet, and the assignment that asks for it, by expert and stage."""
	return (as_text(row.get("expert")), as_text(row.get("stage")) or DOCUMENT_REVIEW)


def sync_plan(assignments: list[dict], sheets: list[dict]) -> dict:
	"""What keeps an application's sheets in step with its assignments (``sheets``: name, expert, stage,
	docstatus; cancelled ones left out): the (expert, stage) of each sheet to make, the draft sheets to delete
	(their assignment gone: access ends with it; a submitted sheet stays, the ministry's record), and each
	assignment row's sheet and whether it is submitted (None for a sheet still to make)."""
	by_key = {sheet_key(sheet): sheet for sheet in sheets}
	wanted = {sheet_key(row) for row in assignments}
	to_make = []
	for row in assignments:
		key = sheet_key(row)
		if key not in by_key and key not in to_make:
			to_make.append(key)
	return {
		"make": to_make,
		"delete": [s["name"] for key, s in by_key.items() if key not in wanted and s.get("docstatus") == 0],
		"rows": [
			(
				by_key[sheet_key(row)]["name"] if sheet_key(row) in by_key else None,
				sheet_key(row) in by_key and by_key[sheet_key(row)].get("docstatus") == 1,
			)
			for row in assignments
		],
	}


def check_submit(scores: list[dict], no_conflict_of_interest) -> list[Violation]:
	"""A sheet is submitted with every criterion scored (0 is a score) and the expert's declaration that it has
	no conflict of interest with the applicant."""
	problems = scoring.check_scores_complete(scores)
	if not scores:  # a round without a rubric of the stage: nothing scored is no total of 0
		problems.append(
			Violation(
				_("The evaluation round has no criteria for this stage: the sheet cannot be scored."),
				{},
				"scores",
			)
		)
	if not no_conflict_of_interest:
		problems.append(
			Violation(
				_("Before submitting the review, declare that you have no conflict of interest."),
				{},
				"no_conflict_of_interest",
			)
		)
	return problems
