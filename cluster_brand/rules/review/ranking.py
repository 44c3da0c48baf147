"""The experts' ranking of a batch's applications (Annex 1 四（三）专家评审): by the mean of the submitted sheets'
total scores, ties sharing a rank; the ranking report's rows and the batch PDF's order read it. The sheets
and their scores are rules/review/scoring.py."""

import math
from dataclasses import dataclass

from cluster_brand.rules.values import as_text, finite_number


@dataclass(frozen=True)
class RankedApplication:
	application: str
	mean: float
	spread: float  # highest minus lowest total score
	stdev: float
	count: int
	rank: int


def _mean(values: list[float]) -> float:
	return math.fsum(values) / len(values)


def _population_stdev(values: list[float]) -> float:
	"""As statistics.pstdev, in floating point: that one computes in exact fractions, a tenth of the
	ranking report's time over a national batch, for a figure shown to two decimals."""
	mean = _mean(values)
	return math.sqrt(math.fsum((value - mean) ** 2 for value in values) / len(values))


def rank_applications(scores: dict[str, list[float]]) -> list[RankedApplication]:
	"""Applications by mean expert score, highest first; ties share a rank (1, 2, 2, 4)."""
	rows = []
	for application, totals in scores.items():
		if not totals:
			continue
		rows.append(
			(
				application,
				round(_mean(totals), 2),
				round(max(totals) - min(totals), 2),
				round(_population_stdev(totals), 2),
				len(totals),
			)
		)
	rows.sort(key=lambda r: (-r[1], r[0]))
	ranked, previous_mean, rank = [], None, 0
	for position, row in enumerate(rows, start=1):
		if row[1] != previous_mean:
			rank, previous_mean = position, row[1]
		ranked.append(RankedApplication(*row, rank))
	return ranked


def review_progress(applications: list[dict], assignments: list[dict], sheets: list[dict]) -> list[dict]:
	"""The ranking report's rows: each application (name, industrial_cluster, recommending_authority) with its
	experts assigned, the sheets they submitted and the mean of those sheets' totals, ranked by that mean;
	the ones with no sheet submitted yet come last, unranked. A submitted sheet counts while its expert is
	assigned, as for the application's mean score and the step to public notice, and when it has a total
	(every criterion scored; a blank total is no 0)."""
	assigned: dict[str, set] = {}
	for row in assignments:
		assigned.setdefault(row["parent"], set()).add(row["expert"])
	totals: dict[str, list[float]] = {}
	for sheet in sheets:
		total = finite_number(sheet.get("total_score"))
		if total is not None and sheet["expert"] in assigned.get(sheet["application"], ()):
			totals.setdefault(sheet["application"], []).append(total)
	ranked = {row.application: row for row in rank_applications(totals)}
	rows = []
	for application in applications:
		name = application["name"]
		score = ranked.get(name)
		rows.append(
			{
				"rank": score.rank if score else None,
				"application": name,
				"industrial_cluster": application.get("industrial_cluster"),
				"recommending_authority": application.get("recommending_authority"),
				"experts_assigned": len(assigned.get(name, ())),
				"sheets_submitted": len(totals.get(name, ())),
				"mean": score.mean if score else None,
				"spread": score.spread if score else None,
				"stdev": score.stdev if score else None,
			}
		)
	rows.sort(
		key=lambda r: (
			r["rank"] is None,
			r["rank"] or 0,
			as_text(r["recommending_authority"]),
			as_text(r["industrial_cluster"]),
			r["application"],
		)
	)
	return rows
