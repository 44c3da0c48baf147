"""What the charts on the ministry's and the provinces' workspaces show, from the rows a user may read.

Plain data in, chart data out (labels and datasets, as Frappe's Dashboard Chart draws them); the rows are
read through the user's permissions by cluster_brand/readers/dashboards.py, which also translates the labels.
"""

from datetime import date

from cluster_brand.rules import _
from cluster_brand.rules.views import desk_status as status

# Score bands of the mean expert score (0–100), lowest first: (lowest score of the band, label).
SCORE_BANDS = (
	(0, _("Below 60")),
	(60, _("60 to 69")),
	(70, _("70 to 79")),
	(80, _("80 to 89")),
	(90, _("90 and above")),
)

# How far a deadline is: the tones of desk_status.deadline, in the order the chart stacks them ({0} is
# NEAR_DAYS, filled in after translation).
DEADLINE_TONES = (
	("overdue", _("Overdue")),
	("near", _("Due within {0} days")),
	("later", _("Due later")),
)


def applications_by_state(counts: dict[str, int]) -> dict:
	"""Applications per workflow state, in the process's order; a state with none is left out."""
	present = [state for state in status.STATE_ORDER if counts.get(state)]
	present += sorted(state for state in counts if counts[state] and state not in status.STATE_ORDER)
	return {
		"labels": present,
		"datasets": [{"name": _("Applications"), "values": [counts[state] for state in present]}],
	}


def score_band(score: float) -> str:
	"""The label of the band a mean score falls in."""
	label = SCORE_BANDS[0][1]
	for lowest, band in SCORE_BANDS:
		if score >= lowest:
			label = band
	return label


def score_distribution(scores: list[float | None]) -> dict:
	"""How many applications fall in each score band; applications not yet scored are not counted."""
	counts = dict.fromkeys((band for _lowest, band in SCORE_BANDS), 0)
	for score in scores:
		if score is not None:
			counts[score_band(score)] += 1
	return {
		"labels": list(counts),
		"datasets": [{"name": _("Applications"), "values": list(counts.values())}],
	}


def deadlines_ahead(applications: list[dict], batch_dates: dict[str, dict], today: date) -> dict:
	"""The open applications per step that has a deadline (the step of desk_status.APPLICANT_NEXT_STEP),
	one dataset per tone: overdue, within NEAR_DAYS, later. A step with no open application is left out."""
	rows = [row for row in status.applicant_rows(applications, batch_dates, today) if row["deadline"]]
	steps = [state for state in status.STATE_ORDER if any(row["workflow_state"] == state for row in rows)]
	return {
		"labels": steps,
		"datasets": [
			{
				"name": label,
				"values": [
					sum(
						1
						for row in rows
						if row["workflow_state"] == state and row["deadline"]["tone"] == tone
					)
					for state in steps
				],
			}
			for tone, label in DEADLINE_TONES
		],
	}
