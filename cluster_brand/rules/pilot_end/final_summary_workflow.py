"""The workflow of a Pilot Final Summary (试点工作总结报告, issue 21): the unit writes it, its province checks it
and forwards it to the ministry, which accepts it with its outcome (the pilot completed or not). Its shapes are
the annual summary's (rules/pilot_years/workflow.py): the parts by permission level, each edited by its role in
its stage, and the conditions of each step.

The final summary is read as a plain dict (``doc.as_dict()`` shape)."""

from dataclasses import dataclass, field
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank
from cluster_brand.rules.application.workflow import DRAFT, RETURNED, ActionText
from cluster_brand.rules.pilot_end.final_summary import can_start, missing_items
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.pilot_years.workflow import ACCEPTED, FORWARDED_TO_MINISTRY

PENDING_PROVINCIAL_CHECK = "Pending Provincial Check"
STATES = (DRAFT, PENDING_PROVINCIAL_CHECK, RETURNED, FORWARDED_TO_MINISTRY, ACCEPTED)
# The Workflow record (fixtures/workflow.json) whose actions are FINAL_SUMMARY_ACTIONS
WORKFLOW = "Pilot Final Summary"
WITH_UNIT = (None, "", DRAFT, RETURNED)

# Who edits which part in which state, by permission level: 0 the unit's report, 1 the province's check, 2 the
# ministry's acceptance.
EDITABLE_IN = {
	0: (DRAFT, RETURNED),
	1: (PENDING_PROVINCIAL_CHECK,),
	2: (FORWARDED_TO_MINISTRY,),
}
LEVEL_NAMES = {0: "Pilot Final Summary", 1: "Provincial Check", 2: "Ministry Acceptance"}

CHECK = (("check_date", "Check Date"), ("check_opinion", "Provincial Check Opinion"))
ACCEPTANCE = (
	("acceptance_date", "Acceptance Date"),
	("acceptance_opinion", "Ministry Opinion"),
	("outcome", "Outcome of the Pilot"),
)


def _recorded(doc: dict, items) -> list[Violation]:
	return [
		Violation(_("Record the {item} first."), {"item": label}, fieldname, translate_args=("item",))
		for fieldname, label in items
		if is_blank(doc.get(fieldname))
	]


@dataclass
class FinalSummaryTransition:
	previous: str | None
	target: str
	summary: dict = field(default_factory=dict)


def check_transition(t: FinalSummaryTransition) -> list[Violation]:
	"""Complete before it goes to the province; the province's check recorded before it forwards or returns;
	the ministry's opinion before it returns, and its opinion and the outcome before it accepts."""
	if t.target == PENDING_PROVINCIAL_CHECK:
		return missing_items(t.summary)
	if t.target == FORWARDED_TO_MINISTRY or (t.target == RETURNED and t.previous == PENDING_PROVINCIAL_CHECK):
		return _recorded(t.summary, CHECK)
	if t.target == ACCEPTED:
		return _recorded(t.summary, ACCEPTANCE)
	if t.target == RETURNED and t.previous == FORWARDED_TO_MINISTRY:
		return _recorded(t.summary, ACCEPTANCE[1:2])
	return []


def forbidden_edits(previous_state: str | None, changed: set[int], roles: set[str]) -> list[Violation]:
	return summary_workflow.forbidden_edits(previous_state, changed, roles, EDITABLE_IN, LEVEL_NAMES)


def editable_levels(state: str | None, roles: set[str]) -> list[int]:
	return summary_workflow.editable_levels(state, roles, EDITABLE_IN)


# --- The save, as one pure function (the annual summary's shape: rules/pilot_years/save.py) ----------------
START, EDIT_LOCKS, DUPLICATE, TRANSITION = "start", "edit_locks", "duplicate", "transition"
PROBLEM_KINDS = (START, EDIT_LOCKS, DUPLICATE, TRANSITION)


@dataclass
class FinalSummaryFacts:
	"""Everything the rules of a final summary's save read, gathered once by its controller."""

	summary: dict
	today: date
	pilot_end: date | None = None
	is_new: bool = True
	previous_state: str | None = None
	changed_levels: frozenset = frozenset()
	is_administrator: bool = False
	roles: frozenset = frozenset()
	duplicate: str | None = None  # the pilot's other final summary
	evaluation_round: dict | None = (
		None  # the batch's round (status, final_summary_deadline): it may open early
	)


def check_save(facts: FinalSummaryFacts) -> dict[str, list[Violation]]:
	"""Every kind of problem of the save, in the order the controller reports them."""
	problems = {kind: [] for kind in PROBLEM_KINDS}
	if facts.is_new and not can_start(facts.pilot_end, facts.today, facts.evaluation_round):
		problems[START].append(
			Violation(
				_("The final summary of {pilot} can be started from 1 January {year}."),
				{
					"pilot": facts.summary.get("brand_pilot"),
					"year": facts.pilot_end.year if facts.pilot_end else "—",
				},
			)
		)
	if not facts.is_administrator:
		problems[EDIT_LOCKS] = forbidden_edits(
			facts.previous_state, set(facts.changed_levels), set(facts.roles)
		)
	if facts.duplicate:
		problems[DUPLICATE].append(
			Violation(
				_("{pilot} already has a final summary: {summary}."),
				{"pilot": facts.summary.get("brand_pilot"), "summary": facts.duplicate},
			)
		)
	target = facts.summary.get("workflow_state")
	if not facts.is_new and target != facts.previous_state:
		problems[TRANSITION] = check_transition(
			FinalSummaryTransition(facts.previous_state, target, facts.summary)
		)
	return problems


# --- What each action says (as rules/pilot_years/workflow.py SUMMARY_ACTIONS) ------------------------------
FINAL_SUMMARY_ACTIONS = {
	"Submit to Provincial Authority": ActionText(
		_("Submit the pilot's final summary to the provincial authority for its check?"),
		_("The pilot's final summary has been submitted."),
	),
	"Forward to Ministry": ActionText(
		_("Forward the pilot's final summary, with your check opinion, to the ministry?"),
		_("The pilot's final summary has been forwarded to the ministry."),
	),
	"Return for Revision": ActionText(
		_("Return the pilot's final summary to the unit for revision, with your opinion?"),
		_("The pilot's final summary has been returned to the unit for revision."),
	),
	"Accept Final Summary": ActionText(
		_("Accept the pilot's final summary with your opinion and outcome? The pilot then ends."),
		_("The pilot's final summary has been accepted; the pilot has ended."),
	),
}

FINAL_SUMMARY_NEXT_STEP = {
	PENDING_PROVINCIAL_CHECK: _("Next: the provincial authority checks it and forwards it to the ministry."),
	RETURNED: _("Next: the unit revises the final summary and submits it again."),
	FORWARDED_TO_MINISTRY: _(
		"Next: the ministry accepts it and decides whether the pilot completed its tasks."
	),
	ACCEPTED: _("The pilot has ended; nobody acts on its final summary further."),
}
