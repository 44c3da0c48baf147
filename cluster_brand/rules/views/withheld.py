"""What each workflow state withholds from each reader, declared once per DocType.

Field levels (a DocType's permission rules) say who reads a part of a record at all; this says what a reader
who may read the record does not read of it *in a state*: the province's draft opinion while it decides, the
province's inspection while it inspects. One mechanism applies the declaration on every read path
(permissions/withheld.py): the form and REST read, every print format and PDF, list queries and counts
(a query cannot tell the state of each row: there, and in the history, a field withheld in any state is
withheld from that reader always), the timeline and versions, and the reports.

Every DocType of the programme has an entry, an empty one when no state withholds anything, so that a new
DocType is a decision, not an omission (tests/rules/views/test_withheld.py checks the declaration against the DocTypes,
and the Frappe tier generates its read-path tests from it)."""

from dataclasses import dataclass

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	FINAL_SUMMARY,
)
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW
from cluster_brand.rules.pilot_end import demonstration_workflow
from cluster_brand.rules.pilot_end.final_summary_workflow import ACCEPTANCE, CHECK, PENDING_PROVINCIAL_CHECK
from cluster_brand.rules.pilot_years.workflow import (
	FORWARDED_TO_MINISTRY,
	INSPECTION,
	PENDING_PROVINCIAL_INSPECTION,
)

# They read everything a record holds, in every state.
READS_EVERY_STATE = frozenset({"Ministry Administrator", "System Manager"})


@dataclass(frozen=True)
class Withheld:
	"""In ``states``, ``fields`` are read by ``shown_to`` (and by READS_EVERY_STATE) only: every other reader
	of the record reads them blank."""

	fields: tuple[str, ...]
	states: tuple[str, ...]
	shown_to: frozenset[str]
	why: str


# The province's recommendation while it is still being written (Annex 1 四(二) 初审推荐): the unit, the
# association and, later, the experts read the opinion the province decided on, never its drafts.
DRAFT_RECOMMENDATION = Withheld(
	fields=("recommendation_opinion", "recommending_officer", "recommendation_date", "recommendation_rank"),
	states=(PENDING_PROVINCIAL_REVIEW,),
	shown_to=frozenset({"Provincial Reviewer"}),
	why="the province's draft opinion and rank, until it decides",
)

# The province's inspection of an annual work summary while it inspects (督导检查).
INSPECTION_IN_PROGRESS = Withheld(
	fields=tuple(fieldname for fieldname, _label in INSPECTION),
	states=(PENDING_PROVINCIAL_INSPECTION,),
	shown_to=frozenset({"Provincial Reviewer"}),
	why="the province's inspection, until it forwards or returns the summary",
)

# The province's check of a pilot's final summary while it checks; the ministry's acceptance (its opinion and
# the pilot's outcome) while it decides (issue 21).
FINAL_CHECK_IN_PROGRESS = Withheld(
	fields=tuple(fieldname for fieldname, _label in CHECK),
	states=(PENDING_PROVINCIAL_CHECK,),
	shown_to=frozenset({"Provincial Reviewer"}),
	why="the province's check of the final summary, until it forwards or returns it",
)
FINAL_ACCEPTANCE_IN_PROGRESS = Withheld(
	fields=tuple(fieldname for fieldname, _label in ACCEPTANCE),
	states=(FORWARDED_TO_MINISTRY,),
	shown_to=frozenset({"Ministry Administrator"}),
	why="the ministry's acceptance and the pilot's outcome, until it accepts or returns the final summary",
)

# The province's recommendation of a demonstration application while it decides; the ministry's decision
# while the experts review and the shortlisted defend (its proposal is public from the public notice on).
DEMONSTRATION_RECOMMENDATION_DRAFT = Withheld(
	fields=tuple(fieldname for fieldname, _label in demonstration_workflow.RECOMMENDATION),
	states=(demonstration_workflow.PENDING_PROVINCIAL_RECOMMENDATION,),
	shown_to=frozenset({"Provincial Reviewer"}),
	why="the province's draft recommendation and rank, until it decides",
)
DEMONSTRATION_DECISION_DRAFT = Withheld(
	fields=tuple(fieldname for fieldname, _label in demonstration_workflow.DECISION),
	states=(demonstration_workflow.UNDER_EXPERT_REVIEW, demonstration_workflow.SHORTLISTED_FOR_HEARING),
	shown_to=frozenset({"Ministry Administrator"}),
	why="the ministry's decision, until it puts it to public notice",
)

WITHHELD: dict[str, tuple[Withheld, ...]] = {
	APPLICATION: (DRAFT_RECOMMENDATION,),
	ANNUAL_WORK_SUMMARY: (INSPECTION_IN_PROGRESS,),
	FINAL_SUMMARY: (FINAL_CHECK_IN_PROGRESS, FINAL_ACCEPTANCE_IN_PROGRESS),
	DEMONSTRATION_APPLICATION: (DEMONSTRATION_RECOMMENDATION_DRAFT, DEMONSTRATION_DECISION_DRAFT),
	# an expert's sheet: who reads it at all is its row rule (the expert its own, the ministry all)
	DEMONSTRATION_REVIEW: (),
	# no state of these withholds a field from a reader who may read the record
	"Brand Pilot": (),
	"Cluster Enterprise": (),
	"Expert Review": (),
	"Industrial Cluster": (),
	"Organizing Unit": (),
	"Pilot Batch": (),
	# the ministry's published notice of the round: withheld from no reader (who reads it: its row rule)
	"Evaluation Round": (),
	"Recommendation Setting": (),
	"Recommending Authority": (),
	"Review Expert": (),
	# an objection to a candidate (issue 22): the ministry's alone (its DocType permissions), nothing withheld
	"Public Notice Objection": (),
	# a registration: read by its province and the ministry whole, by nobody else in the desk (its row rule)
	"Unit Registration": (),
}


def _reads_all_of(item: Withheld, roles: set[str] | frozenset[str]) -> bool:
	return bool(set(roles) & (item.shown_to | READS_EVERY_STATE))


def withheld_fields(doctype: str, state: str | None, roles: set[str] | frozenset[str]) -> tuple[str, ...]:
	"""The fields of a ``doctype`` record in ``state`` that a reader with ``roles`` reads blank."""
	fields = []
	for item in WITHHELD.get(doctype, ()):
		if state in item.states and not _reads_all_of(item, roles):
			fields += [f for f in item.fields if f not in fields]
	return tuple(fields)


def ever_withheld_fields(doctype: str, roles: set[str] | frozenset[str]) -> frozenset[str]:
	"""The fields of ``doctype`` that some state withholds from a reader with ``roles``: what list queries,
	counts and the history withhold from that reader whatever the state (a query does not know each row's
	state, and a version written in a withholding state outlives it)."""
	return frozenset(
		fieldname
		for item in WITHHELD.get(doctype, ())
		if not _reads_all_of(item, roles)
		for fieldname in item.fields
	)
