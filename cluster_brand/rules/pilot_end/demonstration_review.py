"""The demonstration applications' review (示范申报): the experts' document review ranks them, the ministry
shortlists, the shortlisted defend in the central hearing (集中答辩), scored per expert on the round's hearing
rubric; the ranking shows both stages; the ministry decides: demonstration zone (示范区), typical experience
recommended (典型经验推荐), or neither.

The sheets of both stages are scored as the application's review sheets (rules/review/scoring.py: weighted
scores, a total only when every criterion is scored) and ranked as its ranking (rules/review/ranking.py: by
the mean of the submitted sheets, ties sharing a rank)."""

from cluster_brand.rules import Violation, _
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
