"""试点工作总结报告 (the final summary of the whole pilot period): assembled from the pilot and its accepted
annual work summaries, and what it must hold before the province checks it.

Assembled, not retyped: every measure of the approved plan with its final status (the last year that reports
it), the main indicators of every year beside the baseline, each quantitative target achieved or not and by
how much, the funds delivered against the plan, every self-evaluation held. The unit adds the texts (results,
problems, lessons) and the reason for each measure not completed.

The pilot and the summaries are read as plain dicts (``doc.as_dict()`` shape), as the annual summary's rules."""

from dataclasses import dataclass
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank, missing_item
from cluster_brand.rules.pilot_end.evaluation_round import IN_PROGRESS
from cluster_brand.rules.pilot_years.indicators import SUMMARY_INDICATORS, growth_percent
from cluster_brand.rules.pilot_years.progress import COMPLETED, NOT_STARTED, percent_of_target
from cluster_brand.rules.values import as_text, finite_number

MEASURES_TABLE, MEASURES_ITEM = "measure_outcomes", "Final Status of the Measures"
TEXTS = (
	("work_results", "Results of the Pilot"),
	("problems", "Problems"),
	("lessons", "Experience and Lessons"),
)
ACHIEVED, NOT_ACHIEVED, NO_FIGURE = "Achieved", "Not Achieved", "No Figure"


def _by_year(summaries: list[dict]) -> list[dict]:
	return sorted(
		(s for s in summaries if finite_number(s.get("reporting_year")) is not None),
		key=lambda s: s["reporting_year"],
	)


def measure_outcomes(plan: list[dict], summaries: list[dict]) -> list[dict]:
	"""Each measure of the plan with the status of the last year that reports it; a measure no year reports
	is 未开始. The reason for a measure not completed starts from the last year's delay reason."""
	last_reported = {}
	for summary in _by_year(summaries):
		for row in summary.get("measure_progress") or []:
			if row.get("status"):
				last_reported[as_text(row.get("measure_no"))] = (summary["reporting_year"], row)
	outcomes = []
	for measure in plan:
		year, row = last_reported.get(as_text(measure.get("measure_no")), (None, {}))
		status = row.get("status") or NOT_STARTED
		outcomes.append(
			{
				**{key: measure.get(key) for key in ("work_item", "measure_no", "measure", "time_node")},
				"final_status": status,
				"last_reported_year": year,
				"work_done": row.get("work_done"),
				"reason_not_completed": row.get("delay_reason") if status != COMPLETED else None,
			}
		)
	return outcomes


def indicator_years(baseline: list[dict], summaries: list[dict]) -> list[dict]:
	"""The main indicators (and 新产品产值) of every reporting year beside the baseline, with the last year's
	change against the baseline in %."""
	baseline_of = {row.get("indicator"): finite_number(row.get("baseline_value")) for row in baseline}
	years = _by_year(summaries)
	rows = []
	for indicator in SUMMARY_INDICATORS:
		values = {}
		for summary in years:
			for row in summary.get("indicators") or []:
				if row.get("indicator") == indicator.key:
					values[int(summary["reporting_year"])] = finite_number(row.get("reporting_value"))
		last = values.get(int(years[-1]["reporting_year"])) if years else None
		rows.append(
			{
				"indicator": indicator.key,
				"unit": indicator.unit,
				"baseline_value": baseline_of.get(indicator.key),
				"values": values,
				"change_percent": growth_percent(baseline_of.get(indicator.key), last),
			}
		)
	return rows


def target_outcome(baseline, target, achieved) -> tuple[str, float | None]:
	"""Achieved or not, and by how much (achieved − target, in the target's unit). A target below its
	baseline (a cost, an energy use) is achieved by coming down to it."""
	baseline, target, achieved = finite_number(baseline), finite_number(target), finite_number(achieved)
	if target is None or achieved is None:
		return NO_FIGURE, None
	gap = round(achieved - target, 2)
	falling = baseline is not None and target < baseline
	return (ACHIEVED if (gap <= 0 if falling else gap >= 0) else NOT_ACHIEVED), gap


def target_outcomes(targets: list[dict], summaries: list[dict]) -> list[dict]:
	"""Each quantitative target with the last achieved value reported for it."""
	achieved = {}
	for summary in _by_year(summaries):
		for row in summary.get("target_progress") or []:
			if finite_number(row.get("achieved_value")) is not None:
				achieved[as_text(row.get("target_indicator")).strip()] = (
					summary["reporting_year"],
					finite_number(row.get("achieved_value")),
				)
	outcomes = []
	for target in targets:
		year, value = achieved.get(as_text(target.get("target_indicator")).strip(), (None, None))
		result, gap = target_outcome(target.get("baseline_value"), target.get("target_value"), value)
		outcomes.append(
			{
				**{
					key: target.get(key)
					for key in ("target_indicator", "unit", "baseline_value", "target_value", "target_year")
				},
				"achieved_value": value,
				"achieved_in_year": year,
				"result": result,
				"gap": gap,
				"percent_of_target": percent_of_target(target.get("target_value"), value),
			}
		)
	return outcomes


@dataclass(frozen=True)
class Funds:
	by_year: dict[int, float]
	delivered: float
	planned: float | None
	percent_of_plan: float | None


def funds(planned_rows: list[dict], summaries: list[dict]) -> Funds:
	"""Funds delivered per year (the annual summaries' policies and funds, 万元) and in total, against the
	plan of the 申报书 (its funding table)."""
	by_year = {
		int(summary["reporting_year"]): round(
			sum(finite_number(row.get("amount"), 0) for row in summary.get("policies_and_funds") or []), 2
		)
		for summary in _by_year(summaries)
	}
	delivered = round(sum(by_year.values()), 2)
	planned = (
		round(sum(finite_number(row.get("amount"), 0) for row in planned_rows), 2) if planned_rows else None
	)
	percent = round(delivered / planned * 100, 2) if planned else None
	return Funds(by_year, delivered, planned, percent)


def self_evaluations(summaries: list[dict]) -> list[dict]:
	return [
		{
			"reporting_year": summary["reporting_year"],
			**{k: row.get(k) for k in ("evaluation_date", "method", "result")},
		}
		for summary in _by_year(summaries)
		for row in summary.get("self_evaluations") or []
	]


def assemble(pilot: dict, planned_funding: list[dict], summaries: list[dict]) -> dict:
	"""The figures of a new final summary: from the pilot (plan, baseline, targets), the 申报书's funding
	plan and the accepted annual work summaries."""
	money = funds(planned_funding, summaries)
	return {
		MEASURES_TABLE: measure_outcomes(pilot.get("work_plan") or [], summaries),
		"indicator_years": indicator_years(pilot.get("baseline_indicators") or [], summaries),
		"target_outcomes": target_outcomes(pilot.get("quantitative_targets") or [], summaries),
		"funds_by_year": money.by_year,
		"funds_delivered": money.delivered,
		"funds_planned": money.planned,
		"funds_percent_of_plan": money.percent_of_plan,
		"self_evaluations": self_evaluations(summaries),
		"reporting_years": [int(s["reporting_year"]) for s in _by_year(summaries)],
	}


def missing_items(doc: dict) -> list[Violation]:
	"""Before the province checks it: the three texts, and the reason for each measure not completed."""
	missing = [missing_item(label, fieldname) for fieldname, label in TEXTS if is_blank(doc.get(fieldname))]
	for idx, row in enumerate(doc.get(MEASURES_TABLE) or [], start=1):
		if row.get("final_status") != COMPLETED and is_blank(row.get("reason_not_completed")):
			missing.append(
				Violation(
					_("{item}, measure {measure_no}: give the reason it was not completed."),
					{"item": MEASURES_ITEM, "measure_no": as_text(row.get("measure_no"))},
					MEASURES_TABLE,
					idx,
					("item",),
					"reason_not_completed",
				)
			)
	return missing


# --- Starting it, and its form's year columns (issue 21) -----------------------------------------------------
# The pilot reports on three years at most: the final summary shows each in a column of its own, headed by its year.
YEAR_COLUMNS = ("year_1_value", "year_2_value", "year_3_value")


def opens_final_summaries(evaluation_round: dict | None) -> bool:
	"""The ministry's evaluation round of the pilot's batch opens the final summaries early: while it is in
	progress and sets its final summary deadline (the 2017 pilots summed up from 2018, 工信厅科函〔2018〕283号)."""
	return bool(
		evaluation_round
		and evaluation_round.get("status") == IN_PROGRESS
		and evaluation_round.get("final_summary_deadline")
	)


def can_start(planned_end, today, evaluation_round: dict | None = None) -> bool:
	"""The unit starts its final summary once the pilot's last reporting year has come: from 1 January of the
	year of its planned end; or earlier, once the batch's evaluation round opens the final summaries."""
	if opens_final_summaries(evaluation_round):
		return True
	return planned_end is not None and today >= date(planned_end.year, 1, 1)


def due_date(planned_end, evaluation_round: dict | None = None):
	"""When the final summary is due: the round's final summary deadline where an open round sets one, else
	the pilot's planned end."""
	if opens_final_summaries(evaluation_round):
		return evaluation_round["final_summary_deadline"]
	return planned_end


def indicator_year_rows(rows: list[dict], years: list[int]) -> list[dict]:
	"""indicator_years()'s rows with each year's value in its column (YEAR_COLUMNS, in the order of ``years``)."""
	return [
		{
			**{key: row.get(key) for key in ("indicator", "unit", "baseline_value", "change_percent")},
			**{column: row["values"].get(year) for column, year in zip(YEAR_COLUMNS, years, strict=False)},
		}
		for row in rows
	]


# --- The ministry's acceptance: the pilot's end ---------------------------------------------------------------
OUTCOME_COMPLETED = "Pilot Tasks Completed"  # 完成试点任务
OUTCOME_NOT_COMPLETED = "Pilot Tasks Not Completed"  # 未完成试点任务
OUTCOMES = (OUTCOME_COMPLETED, OUTCOME_NOT_COMPLETED)
PILOT_COMPLETED, PILOT_NOT_COMPLETED = "Pilot Completed", "Pilot Not Completed"  # Brand Pilot.status


def pilot_status(outcome: str | None) -> str | None:
	"""The pilot's status once the ministry accepts its final summary with ``outcome``."""
	return {OUTCOME_COMPLETED: PILOT_COMPLETED, OUTCOME_NOT_COMPLETED: PILOT_NOT_COMPLETED}.get(outcome)
