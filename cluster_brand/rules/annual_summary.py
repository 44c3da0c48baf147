"""The pilot years (Annex 1 四(五) and 三.7): each pilot carries out its 工作任务计划表, evaluates itself at least
once a year (每年至少开展一次评价) and reports each year's work and results in an Annual Work Summary
(年度工作总结), which its province inspects (督导检查) and forwards to the ministry.

The summary is read as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts, dates as
``date``), so every rule runs the same in the desk, over REST and in tests without Frappe."""

from dataclasses import dataclass, field
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.annex2 import BACKBONE_ENTERPRISE, items_of
from cluster_brand.rules.capacity import as_text, finite_number, storable
from cluster_brand.rules.completeness import ZERO_IS_MISSING, _blank, _missing
from cluster_brand.rules.enterprises import (
	backbone_totals,
	check_backbone_rows,
	check_enterprise_codes,
)
from cluster_brand.rules.indicators import (
	DERIVED_INDICATORS,
	INDICATOR_BY_KEY,
	INDICATORS,
	MONEY,
	Indicator,
	check_value,
	derived_indicators,
)
from cluster_brand.rules.workflow import DRAFT, RETURNED

# --- the workflow of a summary --------------------------------------------------------------------------

PENDING_PROVINCIAL_INSPECTION = "Pending Provincial Inspection"
FORWARDED_TO_MINISTRY = "Forwarded to Ministry"
ACCEPTED = "Accepted"
STATES = (DRAFT, PENDING_PROVINCIAL_INSPECTION, RETURNED, FORWARDED_TO_MINISTRY, ACCEPTED)
WITH_UNIT = (None, "", DRAFT, RETURNED)
# Not yet with the province: the states in which a summary past its due date is overdue.
NOT_SUBMITTED = (DRAFT, RETURNED)

# Who edits which part of the summary in which state, by permission level: 0 the unit's summary, 1 the
# province's inspection, 2 the ministry's acceptance.
EDITABLE_IN = {
	0: (DRAFT, RETURNED),
	1: (PENDING_PROVINCIAL_INSPECTION,),
	2: (FORWARDED_TO_MINISTRY,),
}
EDITOR_ROLE = {0: "Cluster Applicant", 1: "Provincial Reviewer", 2: "Ministry Administrator"}
LEVEL_NAMES = {0: "Annual Work Summary", 1: "Provincial Inspection", 2: "Ministry Acceptance"}

# --- the due date ---------------------------------------------------------------------------------------

# Provinces collect the pilots' summaries by the end of November of each year.
DUE_MONTH, DUE_DAY = 11, 30
REMINDER_DAYS = 7


def due_date(reporting_year: int, province_due: date | None = None) -> date:
	"""30 November of the reporting year, or the province's own date (its month and day, applied to the
	reporting year) when that is earlier; a later date of the province does not move the programme's."""
	standard = date(int(reporting_year), DUE_MONTH, DUE_DAY)
	if not province_due:
		return standard
	day = 28 if (province_due.month, province_due.day) == (2, 29) else province_due.day
	return min(standard, date(int(reporting_year), province_due.month, day))


def check_province_due(province_due: date | None) -> list[Violation]:
	"""A province may set an earlier day than 30 November, never a later one."""
	if province_due and (province_due.month, province_due.day) > (DUE_MONTH, DUE_DAY):
		return [
			Violation(
				_("The {item} may be earlier than 30 November, not later ({date})."),
				{"item": "Own Annual Summary Due Date", "date": province_due.isoformat()},
				"annual_summary_due_date",
				translate_args=("item",),
			)
		]
	return []


def is_overdue(state: str | None, due: date | None, today: date) -> bool:
	"""Not yet submitted to the province after its due date."""
	return bool(due) and (state or DRAFT) in NOT_SUBMITTED and today > due


def reminder_due(state: str | None, due: date | None, today: date, days: int = REMINDER_DAYS) -> bool:
	"""The unit is reminded in the ``days`` before its due date, while the summary is still with it."""
	return bool(due) and (state or DRAFT) in NOT_SUBMITTED and 0 <= (due - today).days <= days


def reporting_years(start: date, end: date, province_due: date | None = None) -> list[int]:
	"""The years a pilot reports on: each year of its period whose due date falls within the period (a pilot
	designated in December reports first on the next year)."""
	return [year for year in range(start.year, end.year + 1) if start <= due_date(year, province_due) <= end]


def overdue_years(
	start: date, end: date, today: date, states: dict[int, str], province_due: date | None = None
) -> list[int]:
	"""The reporting years whose summary is past its due date and not with the province yet (``states``: the
	state of each year's summary; a year without one is overdue too)."""
	return [
		year
		for year in reporting_years(start, end, province_due)
		if is_overdue(states.get(year), due_date(year, province_due), today)
	]


def suggested_reporting_year(
	start: date, end: date, reported: set[int], today: date, province_due: date | None = None
) -> int | None:
	"""The year a unit starts its next summary for: the earliest year up to this one not reported yet, else
	the next year of the period; None when every year is reported."""
	years = [year for year in reporting_years(start, end, province_due) if year not in reported]
	if not years:
		return None
	current = [year for year in years if year <= today.year]
	return current[0] if current else years[0]


def check_reporting_year(reporting_year, start: date | None, end: date | None) -> list[Violation]:
	"""A summary reports on a year of the pilot period (from its designation to its planned end)."""
	year = finite_number(reporting_year)
	if year is None or year != int(year):
		return [_missing("Reporting Year", "reporting_year")]
	if start and end and not start.year <= int(year) <= end.year:
		return [
			Violation(
				_("The reporting year {year} lies outside the pilot period {start} to {end}."),
				{"year": int(year), "start": start.isoformat(), "end": end.isoformat()},
				"reporting_year",
			)
		]
	return []


def summary_rows(pilots: list[dict], today: date) -> list[dict]:
	"""The years each pilot has reported on or must report on by now (each year of its period up to this one),
	the ones still with the unit first: its summary (None before it is started), state and due date, and
	whether it is overdue. ``pilots``: name, industrial_cluster, start_date, planned_end_date, province_due
	and summaries (year → {name, workflow_state}) of each."""
	rows = []
	for pilot in pilots:
		if not (pilot.get("start_date") and pilot.get("planned_end_date")):
			continue
		province_due = pilot.get("province_due")
		for year in reporting_years(pilot["start_date"], pilot["planned_end_date"], province_due):
			if year > today.year:
				break
			summary = (pilot.get("summaries") or {}).get(year) or {}
			state = summary.get("workflow_state")
			due = due_date(year, province_due)
			rows.append(
				{
					"brand_pilot": pilot["name"],
					"industrial_cluster": pilot.get("industrial_cluster"),
					"reporting_year": year,
					"summary": summary.get("name"),
					"workflow_state": state,
					"due_date": due,
					"with_unit": (state or DRAFT) in NOT_SUBMITTED,
					"overdue": is_overdue(state, due, today),
				}
			)
	return sorted(rows, key=lambda r: (not r["with_unit"], -r["reporting_year"], r["brand_pilot"]))


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
					_("Measure progress, measure {number}: {item}"),
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
					_("Measure progress, measure {number}: {item}"),
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


# --- the indicators of the reporting year beside the baseline ------------------------------------------

NEW_PRODUCT_OUTPUT = Indicator(
	"New Product Output Value of the Leading Industry (100 million yuan)",
	"主导产业新产品产值（亿元）",
	"亿元",
	MONEY,
)
SUMMARY_INDICATORS = (*INDICATORS, NEW_PRODUCT_OUTPUT)
SUMMARY_INDICATOR_BY_KEY = {i.key: i for i in SUMMARY_INDICATORS}
CHANGE = "Change against the Baseline (%)"


def growth_percent(baseline, current) -> float | None:
	"""(current − baseline) / |baseline| in %, None where either is missing or the baseline is 0."""
	baseline, current = finite_number(baseline), finite_number(current)
	if baseline is None or current is None or not baseline:
		return None
	return storable(round((current - baseline) / abs(baseline) * 100, 2))


def indicator_rows(baseline: dict[str, float | None]) -> list[dict]:
	"""The indicator table of a new summary: the 11 main indicators and 新产品产值, each with its baseline
	(the last indicator year of the 申报书; 新产品产值 was not asked there)."""
	return [
		{
			"indicator": indicator.key,
			"unit": indicator.unit,
			"baseline_value": baseline.get(indicator.key),
			"reporting_value": None,
		}
		for indicator in SUMMARY_INDICATORS
	]


def compare_indicators(rows: list[dict]) -> tuple[list[dict], list[dict]]:
	"""Each indicator's change against the baseline, and the derived ratios (工业增加值率, 成本费用利润率,
	出口占比) of the baseline year and the reporting year with their change (the 申报书's formulas, the
	baseline as its first year and the reporting year as its second)."""
	compared = [
		{**row, "change_percent": growth_percent(row.get("baseline_value"), row.get("reporting_value"))}
		for row in rows
	]
	as_years = [
		{
			"indicator": row.get("indicator"),
			"year_1_value": row.get("baseline_value"),
			"year_2_value": row.get("reporting_value"),
		}
		for row in rows
	]
	derived = []
	for values in derived_indicators(as_years):
		baseline, reporting = values["year_1_value"], values["year_2_value"]
		key = values["derived_indicator"]
		if key in RATIOS:
			derived.append(
				{
					"derived_indicator": key,
					"baseline_value": baseline,
					"reporting_value": reporting,
					# a ratio changes by percentage points
					"change": storable(round(reporting - baseline, 2))
					if baseline is not None and reporting is not None
					else None,
				}
			)
	return compared, derived


RATIOS = tuple(key for key, _zh in DERIVED_INDICATORS[:3])


def check_indicator_entries(rows: list[dict], reporting_year: int | None) -> list[Violation]:
	"""The range of each reported value, by the kind of its indicator (as in the 申报书)."""
	violations = []
	year = f"{reporting_year}年" if reporting_year else ""
	for idx, row in enumerate(rows, start=1):
		indicator = SUMMARY_INDICATOR_BY_KEY.get(row.get("indicator"))
		if indicator is None:
			continue
		problem = check_value(indicator.kind, row.get("reporting_value"), indicator.key, None, idx, year)
		if problem:
			violations.append(
				Violation(
					problem.message,
					problem.args,
					"indicators",
					idx,
					problem.translate_args,
					"reporting_value",
				)
			)
	return violations


def missing_indicators(rows: list[dict], reporting_year: int | None) -> list[Violation]:
	values = {row.get("indicator"): row for row in rows}
	missing = []
	for indicator in SUMMARY_INDICATORS:
		row = values.get(indicator.key) or {}
		value = row.get("reporting_value")
		if value is None or (indicator.zero_is_missing and value == 0):
			missing.append(
				Violation(
					_("Main Indicators: {item}, {year}"),
					{"item": indicator.key, "year": f"{reporting_year}年"},
					"indicators",
					translate_args=("item",),
				)
			)
	return missing


# --- the backbone enterprises and the own-brand share ---------------------------------------------------

BACKBONE_TABLE_ITEM = "Backbone Enterprises of the Reporting Year"


def own_brand_sales_share(rows: list[dict]) -> float | None:
	"""Σ自主品牌产品销售收入 / Σ销售收入 of the backbone enterprises, in %; None without sales."""
	totals = backbone_totals(rows)
	if not totals["sales_revenue"]:
		return None
	return storable(round(totals["own_brand_sales_revenue"] / totals["sales_revenue"] * 100, 2))


def check_backbone_entries(rows: list[dict]) -> list[Violation]:
	"""The 申报书's rules: a valid 统一社会信用代码, amounts in 万元 not negative, own-brand sales within sales,
	each enterprise once."""
	return check_enterprise_codes(rows, "backbone_enterprises", BACKBONE_TABLE_ITEM) + check_backbone_rows(
		rows
	)


BACKBONE_COLUMNS = ("enterprise", "enterprise_name", "main_products", "own_brand") + (
	"assets",
	"sales_revenue",
	"own_brand_sales_revenue",
	"total_profit",
)


def backbone_rows(previous: list[dict]) -> list[dict]:
	"""The backbone table of a new summary: the enterprises of the previous year (the last summary, or the
	申报书 for the first year), to be refreshed with the reporting year's figures."""
	return [{key: row.get(key) for key in BACKBONE_COLUMNS} for row in previous]


def missing_backbone(rows: list[dict]) -> list[Violation]:
	if not rows:
		return [_missing(BACKBONE_TABLE_ITEM, "backbone_enterprises")]
	required = [
		item.fieldname
		for item in items_of(BACKBONE_ENTERPRISE)
		if item.fieldname in BACKBONE_COLUMNS and item.required
	]
	missing = []
	for idx, row in enumerate(rows, start=1):
		for fieldname in required:
			if _blank(row.get(fieldname), fieldname in ZERO_IS_MISSING[BACKBONE_ENTERPRISE]):
				label = next(i.label for i in items_of(BACKBONE_ENTERPRISE) if i.fieldname == fieldname)
				missing.append(
					Violation(
						_("Backbone enterprise summary table, row {row}: {item}"),
						{"row": idx, "item": label},
						"backbone_enterprises",
						idx,
						("item",),
						fieldname,
					)
				)
	return missing


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
			_("Quantitative target progress, row {row}: {item}"),
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
			if _blank(row.get(fieldname), fieldname == "amount"):
				missing.append(
					Violation(
						_("Policies and funds delivered, row {row}: {item}"),
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
			if _blank(row.get(fieldname)):
				missing.append(
					Violation(
						_("Self-evaluation, row {row}: {item}"),
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
					_("Self-evaluation, row {row}: its date {date} is not in the reporting year {year}."),
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
				_("At least one self-evaluation of the reporting year is required (每年至少开展一次评价)."),
				{},
				"self_evaluations",
			)
		)
	return missing


# --- the summary as a whole -----------------------------------------------------------------------------

NARRATIVE = (
	("work_results", "Work Results"),
	("problems", "Problems"),
	("next_year_plan", "Next Year's Plan"),
)


def entry_problems(summary: dict) -> list[Violation]:
	"""What no save may store: values out of their range, whatever the state."""
	return (
		check_indicator_entries(summary.get("indicators") or [], summary.get("reporting_year"))
		+ check_backbone_entries(summary.get("backbone_enterprises") or [])
		+ check_funding_entries(summary.get("policies_and_funds") or [])
	)


def missing_items(summary: dict, today: date) -> list[Violation]:
	"""The completeness check: every missing item of the summary, by its name, before it goes to the
	province."""
	year = summary.get("reporting_year")
	as_of = progress_as_of(year, today) if year else today
	missing = []
	if not summary.get("measure_progress"):
		missing.append(_missing("Measure Progress", "measure_progress"))
	missing += check_measures(summary.get("measure_progress") or [], as_of)
	missing += missing_indicators(summary.get("indicators") or [], year)
	missing += missing_backbone(summary.get("backbone_enterprises") or [])
	missing += missing_target_progress(summary.get("target_progress") or [])
	missing += missing_funding(summary.get("policies_and_funds") or [])
	missing += check_self_evaluations(summary.get("self_evaluations") or [], year)
	for fieldname, label in NARRATIVE:
		if not as_text(summary.get(fieldname)).strip():
			missing.append(_missing(label, fieldname))
	return missing


INSPECTION = (
	("inspection_date", "Inspection Date"),
	("inspectors", "Inspectors"),
	("inspection_findings", "Inspection Findings"),
	("inspection_opinion", "Inspection Opinion"),
)


def _inspection_recorded(summary: dict) -> list[Violation]:
	return [
		Violation(_("Record the {item} first."), {"item": label}, fieldname, translate_args=("item",))
		for fieldname, label in INSPECTION
		if _blank(summary.get(fieldname))
	]


def _acceptance_opinion(summary: dict) -> list[Violation]:
	if _blank(summary.get("acceptance_opinion")):
		return [
			Violation(
				_("Write the {item} first."),
				{"item": "Ministry Opinion"},
				"acceptance_opinion",
				translate_args=("item",),
			)
		]
	return []


@dataclass
class SummaryTransition:
	previous: str | None
	target: str
	today: date
	summary: dict = field(default_factory=dict)


def check_transition(t: SummaryTransition) -> list[Violation]:
	"""The conditions of each step: complete before it goes to the province; the province's inspection
	recorded before it forwards or returns; the ministry's opinion before it accepts or returns."""
	if t.target == PENDING_PROVINCIAL_INSPECTION:
		return missing_items(t.summary, t.today)
	if t.target == FORWARDED_TO_MINISTRY or (
		t.target == RETURNED and t.previous == PENDING_PROVINCIAL_INSPECTION
	):
		return _inspection_recorded(t.summary)
	if t.target == ACCEPTED or (t.target == RETURNED and t.previous == FORWARDED_TO_MINISTRY):
		return _acceptance_opinion(t.summary)
	return []


def forbidden_edits(previous_state: str | None, changed: set[int], roles: set[str]) -> list[Violation]:
	"""Each part of the summary (a permission level) is edited by its role in its stage only."""
	state = previous_state or DRAFT
	violations = []
	for level in sorted(changed):
		if state not in EDITABLE_IN.get(level, ()):
			violations.append(
				Violation(
					_("{part} cannot be changed while the summary is {state}."),
					{"part": LEVEL_NAMES[level], "state": state},
					translate_args=("part", "state"),
				)
			)
		elif EDITOR_ROLE[level] not in roles:
			violations.append(
				Violation(
					_("{part} is edited by the {role} only."),
					{"part": LEVEL_NAMES[level], "role": EDITOR_ROLE[level]},
					translate_args=("part", "role"),
				)
			)
	return violations


def editable_levels(state: str | None, roles: set[str]) -> list[int]:
	return [
		level
		for level in sorted(EDITABLE_IN)
		if (state or DRAFT) in EDITABLE_IN[level] and EDITOR_ROLE[level] in roles
	]


def baseline_of(indicator_rows_of_application: list[dict]) -> dict[str, float | None]:
	"""The baseline of a pilot: each main indicator's value in the last indicator year of the 申报书."""
	return {
		row.get("indicator"): finite_number(row.get("year_3_value"))
		for row in indicator_rows_of_application
		if row.get("indicator") in INDICATOR_BY_KEY
	}
