"""The save of an application, as one pure function: the facts gathered once by the controller
(save_facts.py in the application's DocType folder) in, what to derive and every kind of problem out.

The problems come in the order in which the controller reports them, one kind at a time: the edit locks,
the entries, the values their columns cannot hold and the links to no record (the checks of every
programme form), the cluster's unit, one application per cluster and batch, the expert assignments,
completeness when the application leaves its applicant, and the conditions of the transition.
"""

from dataclasses import dataclass, field
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application import edit_locks, workflow
from cluster_brand.rules.application import form as application
from cluster_brand.rules.application.indicators import indicator_years
from cluster_brand.rules.capacity import ColumnSizes, check_document_capacity
from cluster_brand.rules.review import scoring
from cluster_brand.rules.values import finite_number


@dataclass
class SaveFacts:
	"""Everything the rules of a save read, gathered in one trip."""

	application: dict  # the document as plain data, its rows in official order (dates as dates)
	today: date
	is_new: bool = True  # no saved version before this save
	previous_state: str | None = None  # the state before this save
	changed_levels: frozenset = frozenset()  # the permission levels this save changes (the edit locks)
	is_administrator: bool = False
	roles: frozenset = frozenset()
	batch_year: int | None = None
	batch_recommendation_deadline: date | None = None  # the batch's provincial recommendation deadline
	authority_deadline: date | None = None  # the authority's own (Recommendation Setting)
	recommendation_quota: int = 0
	ranks_taken: tuple = ()  # of the authority's other recommended applications in the batch
	submitted_totals: tuple = ()  # the totals of the assigned experts' submitted sheets (None: blank)
	experts: dict = field(default_factory=dict)  # the assigned experts' register records, by casefolded name
	cluster_unit: str | None = None  # the organizing unit of the application's cluster
	duplicate: str | None = None  # another application of the cluster in the batch
	notice_before: tuple = ()  # (public_notice_start, public_notice_end) before this save
	pilot_in_progress: str | None = None  # the cluster's pilot in its pilot period, of another application
	unhandled_objections: int = 0  # the objections to its public notice the ministry has not handled
	column_sizes: ColumnSizes = ColumnSizes()  # the form's limited columns (a value beyond one is refused)
	# their values as sent, not cast as ``application`` is (a text for a number is refused, not read as 0);
	# None: ``application``'s
	values_as_sent: dict | None = None
	missing_links: tuple = ()  # the links of the form to records that do not exist (Violations)


# The kinds of problem, in the order in which they are reported.
EDIT_LOCKS = "edit_locks"
ENTRIES = "entries"
STORABLE = "storable"
LINKS = "links"
CLUSTER_UNIT = "cluster_unit"
DUPLICATE = "duplicate"
ASSIGNMENTS = "assignments"
INCOMPLETE = "incomplete"
TRANSITION = "transition"
PROBLEM_KINDS = (
	EDIT_LOCKS,
	ENTRIES,
	STORABLE,
	LINKS,
	CLUSTER_UNIT,
	DUPLICATE,
	ASSIGNMENTS,
	INCOMPLETE,
	TRANSITION,
)


@dataclass
class SaveOutcome:
	derived: dict  # field → value; derived_indicators as the rows it should have
	problems: dict  # kind → [Violation], for every kind of PROBLEM_KINDS, in that order


def leaves_applicant(facts: SaveFacts) -> bool:
	state = facts.application.get("workflow_state")
	return state not in workflow.WITH_APPLICANT and facts.previous_state in workflow.WITH_APPLICANT


def changes_state(facts: SaveFacts) -> bool:
	return not facts.is_new and facts.previous_state != facts.application.get("workflow_state")


def check_save(facts: SaveFacts, completeness: bool = False) -> SaveOutcome:
	"""What the save derives and what it must refuse. With ``completeness`` (the 完整性检查), what the
	application would lack to leave its applicant is checked whatever its state."""
	doc = dict(facts.application)
	derived = derive(facts)
	doc.update(derived)
	problems = dict.fromkeys(PROBLEM_KINDS, ())
	if facts.changed_levels and not facts.is_administrator:
		problems[EDIT_LOCKS] = edit_locks.forbidden_edits(
			facts.previous_state, set(facts.changed_levels), set(facts.roles)
		)
	if not facts.is_new:
		notice = (doc.get("public_notice_start"), doc.get("public_notice_end"))
		problems[EDIT_LOCKS] = [
			*problems[EDIT_LOCKS],
			*workflow.published_notice_changes(
				facts.previous_state, doc.get("workflow_state"), facts.notice_before, notice
			),
		]
	problems[ENTRIES] = application.check_entries(doc, facts.batch_year)
	# the derived values too: 资金合计 of 9e11 + 9e11 is beyond its column
	as_sent = facts.application if facts.values_as_sent is None else facts.values_as_sent
	problems[STORABLE] = check_document_capacity({**as_sent, **derived}, facts.column_sizes)
	problems[LINKS] = list(facts.missing_links)
	if facts.cluster_unit and facts.cluster_unit != doc.get("organizing_unit"):
		problems[CLUSTER_UNIT] = [
			Violation(
				_(
					"Industrial Cluster {cluster} is organized by {unit}, not by the applicant unit {applicant}."
				),
				{
					"cluster": doc.get("industrial_cluster"),
					"unit": facts.cluster_unit,
					"applicant": doc.get("organizing_unit"),
				},
			)
		]
	if facts.duplicate:
		problems[DUPLICATE] = [
			Violation(
				_("Industrial Cluster {cluster} already has application {application} in batch {batch}."),
				{
					"cluster": doc.get("industrial_cluster"),
					"application": facts.duplicate,
					"batch": doc.get("pilot_batch"),
				},
			)
		]
	problems[ASSIGNMENTS] = scoring.assignment_problems(
		doc.get("expert_assignments") or [], facts.experts, doc
	)
	if completeness or leaves_applicant(facts):
		problems[INCOMPLETE] = application.check_ready_to_leave_draft(doc, facts.batch_year)
	if changes_state(facts):
		problems[TRANSITION] = workflow.check_transition(
			facts.previous_state, doc.get("workflow_state"), transition_facts(doc, facts)
		)
	return SaveOutcome(derived, problems)


def derive(facts: SaveFacts) -> dict:
	"""The values the form shows read-only: the 申报书's (rules/application/form.py) and the review's."""
	year = facts.batch_year
	derived = application.derived_values(facts.application, year)
	derived["indicator_years"] = ", ".join(str(y) for y in indicator_years(year)) if year else None
	derived["recommendation_deadline"] = workflow.recommendation_deadline(
		facts.batch_recommendation_deadline, facts.authority_deadline
	)
	derived["mean_score"] = scoring.mean_score(list(facts.submitted_totals))
	if changes_state(facts):
		derived["recommendation_date"] = workflow.decision_date(
			facts.previous_state,
			facts.application.get("workflow_state"),
			facts.application.get("recommendation_date"),
			facts.today,
		)
	return derived


def _whole(value) -> int:
	return int(finite_number(value, 0))


def transition_facts(doc: dict, facts: SaveFacts) -> workflow.TransitionFacts:
	return workflow.TransitionFacts(
		today=facts.today,
		online_submission_deadline=doc.get("online_submission_deadline"),
		recommendation_deadline=doc.get("recommendation_deadline"),
		recommendation_opinion=doc.get("recommendation_opinion"),
		recommendation_rank=_whole(doc.get("recommendation_rank")),
		ranks_taken=tuple(facts.ranks_taken),
		recommendation_quota=facts.recommendation_quota,
		paper_copies_required=_whole(doc.get("paper_copies_required")),
		paper_copies_received=_whole(doc.get("paper_copies_received")),
		paper_copies_stamped=bool(doc.get("paper_copies_stamped")),
		assignments=len(doc.get("expert_assignments") or []),
		reviews_submitted=len(facts.submitted_totals),
		public_notice_start=doc.get("public_notice_start"),
		public_notice_end=doc.get("public_notice_end"),
		designation_notice_number=doc.get("designation_notice_number"),
		pilot_in_progress=facts.pilot_in_progress,
		unhandled_objections=facts.unhandled_objections,
	)
