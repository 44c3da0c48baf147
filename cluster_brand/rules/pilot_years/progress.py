"""The work of the year in an Annual Work Summary: the progress of the measures of the approved plan
(工作任务计划表), of the quantitative targets, the policies and funds delivered, and the self-evaluations
(每年至少开展一次评价, Annex 1 三.7).

The summary is read as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts, dates as
``date``), so every rule runs the same in the desk, over REST and in tests without Frappe."""

from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank
from cluster_brand.rules.capacity import storable
from cluster_brand.rules.values import as_text, finite_number

# --- progress of the measures of the approved plan ------------------------------------------------------

NOT_STARTED, IN_PROGRESS, COMPLETED, DELAYED = "Not Started", "In Progress", "Completed", "Delayed"
MEASURE_STATUSES = (NOT_STARTED, IN_PROGRESS, COMPLETED, DELAYED)
# as the summary prints them (and as zh.csv translates them)
MEASURE_STATUS_NAMES = {NOT_STARTED: "未开始", IN_PROGRESS: "进行中", COMPLETED: "已完成", DELAYED: "延期"}


def progress_as_of(reporting_year: int, today: date) -> date:
	"""The day up to which the year's progress is judged: the end of the reporting year, or today within it."""
	return min(today, date(int(reporting_year), 12, 31))


def measure_is_overdue(row: dict, as_of: date) -> bool:
	"""A measure past its 时间节点 and not 已完成."""
	node = row.get("time_node")
	return bool(node) and node < as_of and row.get("status") != COMPLETED


def check_measures(rows: list[dict], as_of: date) -> list[Violation]:
	"""Each measure has its status; what was done is told for one under way or done; an overdue measure
	says why."""
	missing = []
	for idx, row in enumerate(rows, start=1):
		number = row.get("measure_no") or idx
		status = row.get("status")
		if status not in MEASURE_STATUSES:
			missing.append(
				Violation(
					_("Measure progress, measure {number}: fill in {item}."),
					{"number": number, "item": "Status"},
					"measure_progress",
					idx,
					("item",),
					"status",
				)
			)
		if status in (IN_PROGRESS, COMPLETED, DELAYED) and not as_text(row.get("work_done")).strip():
			missing.append(
				Violation(
					_("Measure progress, measure {number}: fill in {item}."),
					{"number": number, "item": "Work Done"},
					"measure_progress",
					idx,
					("item",),
					"work_done",
				)
			)
		if measure_is_overdue(row, as_of) and not as_text(row.get("delay_reason")).strip():
			missing.append(
				Violation(
					_(
						"Measure progress, measure {number}: its time node {date} has passed and it is not completed; give the reason for the delay."
					),
					{"number": number, "date": row["time_node"].isoformat()},
					"measure_progress",
					idx,
					column="delay_reason",
				)
			)
	return missing


def measure_progress_rows(plan: list[dict], previous: list[dict] | None = None) -> list[dict]:
	"""The progress table of a new summary, one row per measure of the approved plan, in its order; the
	status, what was done and the evidence of a measure carry over from the previous year's summary."""
	before = {row.get("measure_no"): row for row in previous or []}
	rows = []
	for measure in plan:
		row = {
			key: measure.get(key)
			for key in ("work_item", "measure_no", "measure", "time_node", "responsible_party")
		}
		last = before.get(measure.get("measure_no")) or {}
		row["status"] = last.get("status") or NOT_STARTED
		row["work_done"] = last.get("work_done")
		rows.append(row)
	return rows


# --- the quantitative targets ---------------------------------------------------------------------------


def percent_of_target(target, achieved) -> float | None:
	"""achieved / target in %; None where either is missing or the target is 0."""
	target, achieved = finite_number(target), finite_number(achieved)
	if target is None or achieved is None or not target:
		return None
	return storable(round(achieved / target * 100, 2))


def target_rows(targets: list[dict]) -> list[dict]:
	return [
		{
			key: target.get(key)
			for key in ("target_indicator", "unit", "baseline_value", "target_value", "target_year")
		}
		for target in targets
	]


def missing_target_progress(rows: list[dict]) -> list[Violation]:
	return [
		Violation(
			_("Quantitative target progress, row {row}: fill in {item}."),
			{"row": idx, "item": "Achieved Value"},
			"target_progress",
			idx,
			("item",),
			"achieved_value",
		)
		for idx, row in enumerate(rows, start=1)
		if finite_number(row.get("achieved_value")) is None
	]


# --- policies and funds, the self-evaluation ------------------------------------------------------------


def missing_funding(rows: list[dict]) -> list[Violation]:
	missing = []
	for idx, row in enumerate(rows, start=1):
		for fieldname, label in (
			("policy", "Policy or Fund"),
			("funding_source", "Source of Funds"),
			("amount", "Amount (10,000 yuan)"),
			("use_of_funds", "Use of Funds"),
		):
			if is_blank(row.get(fieldname), fieldname == "amount"):
				missing.append(
					Violation(
						_("Policies and funds delivered, row {row}: fill in {item}."),
						{"row": idx, "item": label},
						"policies_and_funds",
						idx,
						("item",),
						fieldname,
					)
				)
	return missing


def check_funding_entries(rows: list[dict]) -> list[Violation]:
	return [
		Violation(
			_("Policies and funds delivered, row {row}: the amount may not be negative ({value})."),
			{"row": idx, "value": row.get("amount")},
			"policies_and_funds",
			idx,
			column="amount",
		)
		for idx, row in enumerate(rows, start=1)
		if (finite_number(row.get("amount")) or 0) < 0
	]


def check_self_evaluations(rows: list[dict], reporting_year: int | None) -> list[Violation]:
	"""每年至少开展一次评价: at least one self-evaluation in the reporting year, each with its date, method
	and result."""
	missing = []
	in_year = 0
	for idx, row in enumerate(rows, start=1):
		for fieldname, label in (
			("evaluation_date", "Evaluation Date"),
			("method", "Evaluation Method"),
			("result", "Evaluation Result"),
		):
			if is_blank(row.get(fieldname)):
				missing.append(
					Violation(
						_("Self-evaluation, row {row}: fill in {item}."),
						{"row": idx, "item": label},
						"self_evaluations",
						idx,
						("item",),
						fieldname,
					)
				)
		when = row.get("evaluation_date")
		if when and reporting_year and when.year != int(reporting_year):
			missing.append(
				Violation(
					_(
						"Self-evaluation, row {row}: its date {date} is not in the reporting year {year}; give its date in {year}."
					),
					{"row": idx, "date": when.isoformat(), "year": reporting_year},
					"self_evaluations",
					idx,
					column="evaluation_date",
				)
			)
		elif when:
			in_year += 1
	if not in_year:
		missing.append(
			Violation(
				_("Add a self-evaluation of the reporting year (每年至少开展一次评价)."),
				{},
				"self_evaluations",
			)
		)
	return missing
