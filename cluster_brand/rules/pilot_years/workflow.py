"""The workflow of an Annual Work Summary (年度工作总结, Annex 1 四(五)): the unit writes it, its province
inspects it (督导检查) and forwards it to the ministry, which accepts it; who edits which part in which state,
and the conditions of each step.

The summary is read as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts, dates as
``date``), so every rule runs the same in the desk, over REST and in tests without Frappe."""

from dataclasses import dataclass, field
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank
from cluster_brand.rules.application.workflow import DRAFT, RETURNED, ActionText
from cluster_brand.rules.pilot_years.completeness import missing_items

PENDING_PROVINCIAL_INSPECTION = "Pending Provincial Inspection"
FORWARDED_TO_MINISTRY = "Forwarded to Ministry"
ACCEPTED = "Accepted"
STATES = (DRAFT, PENDING_PROVINCIAL_INSPECTION, RETURNED, FORWARDED_TO_MINISTRY, ACCEPTED)
# The Workflow record (fixtures/workflow.json) whose actions are SUMMARY_ACTIONS
WORKFLOW = "Annual Work Summary Review"
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
		if is_blank(summary.get(fieldname))
	]


def _acceptance_opinion(summary: dict) -> list[Violation]:
	if is_blank(summary.get("acceptance_opinion")):
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


def forbidden_edits(
	previous_state: str | None,
	changed: set[int],
	roles: set[str],
	editable_in: dict = EDITABLE_IN,
	level_names: dict = LEVEL_NAMES,
) -> list[Violation]:
	"""Each part of the summary (a permission level) is edited by its role in its stage only; the final
	summary's parts and stages are passed in (rules/pilot_end/final_summary_workflow.py)."""
	state = previous_state or DRAFT
	violations = []
	for level in sorted(changed):
		if state not in editable_in.get(level, ()):
			violations.append(
				Violation(
					_("{part} cannot be changed while the summary is {state}."),
					{"part": level_names[level], "state": state},
					translate_args=("part", "state"),
				)
			)
		elif EDITOR_ROLE[level] not in roles:
			violations.append(
				Violation(
					_("{part} is edited by the {role} only."),
					{"part": level_names[level], "role": EDITOR_ROLE[level]},
					translate_args=("part", "role"),
				)
			)
	return violations


def editable_levels(state: str | None, roles: set[str], editable_in: dict = EDITABLE_IN) -> list[int]:
	return [
		level
		for level in sorted(editable_in)
		if (state or DRAFT) in editable_in[level] and EDITOR_ROLE[level] in roles
	]


# --- What each action says (issue 19; as rules/application/workflow.py APPLICATION_ACTIONS) -------------------------------
SUMMARY_ACTIONS = {
	"Submit to Province": ActionText(
		_("Submit the annual work summary to the provincial authority for its inspection?"),
		_("The annual work summary has been submitted."),
	),
	"Resubmit to Province": ActionText(
		_("Submit the revised annual work summary to the provincial authority again?"),
		_("The revised annual work summary has been submitted."),
	),
	"Forward to Ministry": ActionText(
		_("Forward the annual work summary, with your inspection, to the ministry?"),
		_("The annual work summary has been forwarded to the ministry."),
	),
	"Return for Revision": ActionText(
		_("Return the annual work summary to the unit for revision, with your opinion?"),
		_("The annual work summary has been returned to the unit for revision."),
	),
	"Accept Summary": ActionText(
		_("Accept the annual work summary, with your opinion?"),
		_("The annual work summary has been accepted."),
	),
}

SUMMARY_NEXT_STEP = {
	PENDING_PROVINCIAL_INSPECTION: _(
		"Next: the provincial authority inspects it and forwards it to the ministry."
	),
	RETURNED: _("Next: the unit revises the summary and submits it again."),
	FORWARDED_TO_MINISTRY: _("Next: the ministry reads it and accepts it."),
	ACCEPTED: _("The summary of this year is complete; nobody acts on it further."),
}
