"""The save of an annual work summary (年度工作总结), as one pure function: the facts gathered once by the
controller (annual_work_summary.py) in, what the summary derives and every kind of problem out.

The problems come in the order in which the controller reports them, one kind at a time: a reporting year
that is no year of the pilot (checked first: the due date and the progress are dates of that year), the
edit locks, the entries, the values their columns cannot hold and the links to no record (the checks of
every programme form), one summary per pilot and year, completeness (the 完整性检查 only) and the
conditions of the transition.
"""

from dataclasses import dataclass
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.capacity import ColumnSizes, check_document_capacity
from cluster_brand.rules.pilot_years import calendar, indicators, progress, workflow
from cluster_brand.rules.pilot_years import completeness as summary_completeness
from cluster_brand.rules.values import finite_number


@dataclass
class SummaryFacts:
	"""Everything the rules of a summary's save read, gathered in one trip."""

	summary: dict  # the document as plain data (dates as dates), the pilot's values copied in
	today: date
	is_new: bool = True  # no saved version before this save
	previous_state: str | None = None  # the state before this save
	changed_levels: frozenset = frozenset()  # the permission levels this save changes (the edit locks)
	is_administrator: bool = False
	roles: frozenset = frozenset()
	pilot_start: date | None = None  # the pilot period: from its designation
	pilot_end: date | None = None  # to its planned end
	province_due: date | None = None  # the province's own due date of its pilots' summaries
	duplicate: str | None = None  # another summary of the pilot for the year
	column_sizes: ColumnSizes = ColumnSizes()  # the form's limited columns (a value beyond one is refused)
	# their values as sent, not cast as ``summary`` is (a text for a number is refused, not read as 0);
	# None: ``summary``'s
	values_as_sent: dict | None = None
	missing_links: tuple = ()  # the links of the form to records that do not exist (Violations)


# The kinds of problem, in the order in which they are reported.
REPORTING_YEAR = "reporting_year"
EDIT_LOCKS = "edit_locks"
ENTRIES = "entries"
STORABLE = "storable"
LINKS = "links"
DUPLICATE = "duplicate"
INCOMPLETE = "incomplete"
TRANSITION = "transition"
PROBLEM_KINDS = (REPORTING_YEAR, EDIT_LOCKS, ENTRIES, STORABLE, LINKS, DUPLICATE, INCOMPLETE, TRANSITION)

# The tables whose rows the save derives values of, each row in its place; the derived indicators' rows are
# the summary's own (derived["derived_indicators"]), matched on their indicator.
ROW_TABLES = ("measure_progress", "indicators", "target_progress")
DERIVED_ROWS_KEY = {"derived_indicators": "derived_indicator"}


@dataclass
class SummaryOutcome:
	derived: dict  # field → value; derived_indicators as the rows it should have
	row_values: dict  # table → the derived values of each of its rows, in order
	problems: dict  # kind → [Violation], for every kind of PROBLEM_KINDS, in that order


def changes_state(facts: SummaryFacts) -> bool:
	return not facts.is_new and facts.previous_state != facts.summary.get("workflow_state")


def check_save(facts: SummaryFacts, completeness: bool = False) -> SummaryOutcome:
	"""What the save derives and what it must refuse. With ``completeness`` (the 完整性检查), what the
	summary would lack to go to its province is checked whatever its state."""
	problems = dict.fromkeys(PROBLEM_KINDS, ())
	summary = facts.summary
	problems[REPORTING_YEAR] = calendar.check_reporting_year(
		summary.get("reporting_year"), facts.pilot_start, facts.pilot_end
	)
	if problems[REPORTING_YEAR]:
		return SummaryOutcome({}, {}, problems)
	derived, row_values = derive(facts)
	doc = with_derived(summary, derived, row_values)
	if not facts.is_new and not facts.is_administrator:
		problems[EDIT_LOCKS] = workflow.forbidden_edits(
			facts.previous_state, set(facts.changed_levels), set(facts.roles)
		)
	problems[ENTRIES] = summary_completeness.entry_problems(doc)
	as_sent = summary if facts.values_as_sent is None else facts.values_as_sent
	problems[STORABLE] = check_document_capacity(
		with_derived(as_sent, derived, row_values), facts.column_sizes
	)
	problems[LINKS] = list(facts.missing_links)
	if facts.duplicate:
		problems[DUPLICATE] = [
			Violation(
				_("{pilot} already has an annual work summary for {year}: {summary}."),
				{
					"pilot": summary.get("brand_pilot"),
					"year": summary.get("reporting_year"),
					"summary": facts.duplicate,
				},
			)
		]
	if completeness:
		problems[INCOMPLETE] = summary_completeness.missing_items(doc, facts.today)
	if changes_state(facts):
		problems[TRANSITION] = workflow.check_transition(
			workflow.SummaryTransition(facts.previous_state, summary.get("workflow_state"), facts.today, doc)
		)
	return SummaryOutcome(derived, row_values, problems)


def derive(facts: SummaryFacts) -> tuple[dict, dict]:
	"""What the summary computes: its due date, each measure's overdue flag, the change of each indicator
	against its baseline and the derived ratios, the own-brand share, each target's % and the funds' total;
	the day it goes to its province."""
	summary = facts.summary
	year = int(finite_number(summary.get("reporting_year")))  # a year of the pilot: check_save has seen to it
	as_of = progress.progress_as_of(year, facts.today)
	compared, derived_indicators = indicators.compare_indicators(summary.get("indicators") or [])
	row_values = {
		"measure_progress": [
			{"overdue": int(progress.measure_is_overdue(row, as_of))}
			for row in summary.get("measure_progress") or []
		],
		"indicators": [
			{
				# an indicator of the programme in its unit; a row of no such indicator (the entries refuse it) as sent
				"unit": indicators.SUMMARY_INDICATOR_BY_KEY[row.get("indicator")].unit
				if row.get("indicator") in indicators.SUMMARY_INDICATOR_BY_KEY
				else row.get("unit"),
				"change_percent": values["change_percent"],
			}
			for row, values in zip(summary.get("indicators") or [], compared, strict=True)
		],
		"target_progress": [
			{
				"percent_of_target": progress.percent_of_target(
					row.get("target_value"), row.get("achieved_value")
				)
			}
			for row in summary.get("target_progress") or []
		],
	}
	derived = {
		"due_date": calendar.due_date(year, facts.province_due),
		"derived_indicators": derived_indicators,
		"own_brand_sales_share": indicators.own_brand_sales_share(summary.get("backbone_enterprises") or []),
		"total_funds": sum(
			finite_number(row.get("amount"), 0) for row in summary.get("policies_and_funds") or []
		),
	}
	if changes_state(facts) and summary.get("workflow_state") == workflow.PENDING_PROVINCIAL_INSPECTION:
		derived["submitted_on"] = facts.today
	return derived, row_values


def with_derived(summary: dict, derived: dict, row_values: dict) -> dict:
	"""The summary as the save will store it: its derived values and its rows' in place."""
	doc = {**summary, **derived}
	for table, values in row_values.items():
		doc[table] = [
			{**row, **values_of_row}
			for row, values_of_row in zip(summary.get(table) or [], values, strict=True)
		]
	return doc
