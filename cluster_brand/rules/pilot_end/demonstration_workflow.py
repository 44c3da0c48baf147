"""The workflow of a Demonstration Application (示范区申报书, issue 21): the unit of a completed pilot submits it,
its province recommends it (with its opinion and rank) or not, the experts review the documents, the ministry
shortlists some for the central hearing (集中答辩), puts its proposed decision to public notice, and decides:
demonstration zone (示范区), typical experience recommended (典型经验推荐), or neither.

The states and actions are the Workflow record's (fixtures/workflow.json), each spelled once here. The parts of
the form by permission level: 0 the unit's application, 1 the province's recommendation, 2 the ministry's review
and decision."""

from dataclasses import dataclass, field
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank
from cluster_brand.rules.application.workflow import (
	DRAFT,
	IN_PUBLIC_NOTICE,
	NOT_RECOMMENDED,
	RETURNED,
	UNDER_EXPERT_REVIEW,
	ActionText,
)
from cluster_brand.rules.application.workflow import NOT_SELECTED as NOT_SELECTED_STATE
from cluster_brand.rules.pilot_end.demonstration import check_condition_claim
from cluster_brand.rules.pilot_end.demonstration_application import may_apply, missing_items
from cluster_brand.rules.pilot_end.demonstration_review import (
	DEMONSTRATION_ZONE,
	NOT_SELECTED,
	TYPICAL_EXPERIENCE,
	check_decision,
	check_shortlist,
)
from cluster_brand.rules.pilot_end.evaluation_round import check_recommendation_quota

WORKFLOW = "Demonstration Application"
PENDING_PROVINCIAL_RECOMMENDATION = "Pending Provincial Recommendation"
SHORTLISTED_FOR_HEARING = "Shortlisted for Hearing"
# the end states are the ministry's decisions (rules/pilot_end/demonstration_review.py DECISIONS)
DEMONSTRATION_ZONE_STATE, TYPICAL_EXPERIENCE_STATE = DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE
STATES = (
	DRAFT,
	RETURNED,
	PENDING_PROVINCIAL_RECOMMENDATION,
	NOT_RECOMMENDED,
	UNDER_EXPERT_REVIEW,
	SHORTLISTED_FOR_HEARING,
	IN_PUBLIC_NOTICE,
	DEMONSTRATION_ZONE_STATE,
	TYPICAL_EXPERIENCE_STATE,
	NOT_SELECTED_STATE,
)
WITH_UNIT = (None, "", DRAFT, RETURNED)
DECIDED = (NOT_RECOMMENDED, DEMONSTRATION_ZONE_STATE, TYPICAL_EXPERIENCE_STATE, NOT_SELECTED_STATE)

SUBMIT, RECOMMEND, RETURN, DO_NOT_RECOMMEND = (
	"Submit to Provincial Authority",
	"Recommend",
	"Return for Revision",
	"Do Not Recommend",
)
SHORTLIST, PUBLISH, DO_NOT_SELECT = "Shortlist for Hearing", "Publish for Public Notice", "Do Not Select"
NAME_DEMONSTRATION_ZONE, RECOMMEND_TYPICAL_EXPERIENCE = (
	"Name Demonstration Zone",
	"Recommend as Typical Experience",
)
ACTIONS = (
	SUBMIT,
	RECOMMEND,
	RETURN,
	DO_NOT_RECOMMEND,
	SHORTLIST,
	PUBLISH,
	DO_NOT_SELECT,
	NAME_DEMONSTRATION_ZONE,
	RECOMMEND_TYPICAL_EXPERIENCE,
)

# Who edits which part in which state, by permission level: 3 is the experts' assignment, the ministry's alone
# (as the application's level 4: no unit or province learns who reviews it)
EDITABLE_IN = {
	0: (DRAFT, RETURNED),
	1: (PENDING_PROVINCIAL_RECOMMENDATION,),
	2: (UNDER_EXPERT_REVIEW, SHORTLISTED_FOR_HEARING, IN_PUBLIC_NOTICE),
	3: (UNDER_EXPERT_REVIEW, SHORTLISTED_FOR_HEARING),
}
LEVEL_NAMES = {
	0: "Demonstration Application",
	1: "Provincial Recommendation",
	2: "Ministry Decision",
	3: "Expert Assignments",
}
RECOMMENDATION = (
	("recommendation_date", "Recommendation Date"),
	("recommendation_rank", "Rank in the Province"),
	("recommendation_opinion", "Provincial Recommendation Opinion"),
)
DECISION = (
	("decision", "Decision"),
	("decision_date", "Decision Date"),
	("decision_opinion", "Ministry Opinion"),
)
# The states in which the province has recommended the application (its quota counts them)
RECOMMENDED_STATES = (
	UNDER_EXPERT_REVIEW,
	SHORTLISTED_FOR_HEARING,
	IN_PUBLIC_NOTICE,
	DEMONSTRATION_ZONE_STATE,
	TYPICAL_EXPERIENCE_STATE,
	NOT_SELECTED_STATE,
)
# the decision each end state records (Do Not Select records Not Selected itself)
DECISION_OF_STATE = {
	DEMONSTRATION_ZONE_STATE: DEMONSTRATION_ZONE,
	TYPICAL_EXPERIENCE_STATE: TYPICAL_EXPERIENCE,
	NOT_SELECTED_STATE: NOT_SELECTED,
}
# The role that edits each part (levels 1–3 are also guarded by the DocType's permissions)
EDITOR_ROLE = {
	0: "Cluster Applicant",
	1: "Provincial Reviewer",
	2: "Ministry Administrator",
	3: "Ministry Administrator",
}


def forbidden_edits(previous_state: str | None, changed: set[int], roles: set[str]) -> list[Violation]:
	"""Each part of the application (a permission level) is edited by its role in its stage only."""
	state = previous_state or DRAFT
	violations = []
	for level in sorted(changed):
		if state not in EDITABLE_IN.get(level, ()):
			violations.append(
				Violation(
					_("{part} cannot be changed while the application is {state}."),
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


def _recorded(doc: dict, items) -> list[Violation]:
	return [
		Violation(_("Record the {item} first."), {"item": label}, fieldname, translate_args=("item",))
		for fieldname, label in items
		if is_blank(doc.get(fieldname))
	]


# --- The save, as one pure function (the final summary's shape: final_summary_workflow.check_save) --------
START, EDIT_LOCKS, DUPLICATE, TRANSITION = "start", "edit_locks", "duplicate", "transition"
PROBLEM_KINDS = (START, EDIT_LOCKS, DUPLICATE, TRANSITION)


@dataclass
class DemonstrationFacts:
	"""Everything the rules of a demonstration application's save read, gathered once by its controller."""

	application: dict
	today: date
	pilot_status: str | None = None
	pilot_batch: str | None = None
	round_batch: str | None = None
	deadline: date | None = None  # the round's demonstration_application_deadline
	is_new: bool = True
	previous_state: str | None = None
	changed_levels: frozenset = frozenset()
	is_administrator: bool = False
	roles: frozenset = frozenset()
	duplicate: str | None = None  # the pilot's other application in the round
	ratio_changes: list = field(default_factory=list)  # demonstration.RatioChange, computed this save
	# the round's provincial quotas (rows) and the province's other recommended applications of the round
	quotas: list = field(default_factory=list)
	recommended_in_province: int = 0
	# the submitted Demonstration Review sheets of the application, by stage
	document_sheets: int = 0
	hearing_sheets: int = 0


def derived(facts: DemonstrationFacts) -> dict:
	"""What a step records by itself: the shortlisting, the decision Not Selected, the decision's date."""
	doc, target = facts.application, facts.application.get("workflow_state")
	if facts.is_new or target == facts.previous_state:
		return {}
	values = {}
	if target == SHORTLISTED_FOR_HEARING:
		values["shortlisted"] = 1
	if target == NOT_SELECTED_STATE:
		values["decision"] = NOT_SELECTED
	if target in DECISION_OF_STATE and is_blank(doc.get("decision_date")):
		values["decision_date"] = facts.today.isoformat()
	return values


def review_row(facts: DemonstrationFacts, doc: dict) -> dict:
	"""The application as the review's rules read it (demonstration_review.check_shortlist, check_decision)."""
	return {
		"application": doc.get("name") or doc.get("brand_pilot"),
		"shortlisted": bool(doc.get("shortlisted")),
		"document_sheets": facts.document_sheets,
		"hearing_sheets": facts.hearing_sheets,
	}


def check_transition(facts: DemonstrationFacts, doc: dict) -> list[Violation]:
	"""The conditions of each step (``doc`` with what the step records itself)."""
	previous, target = facts.previous_state, doc.get("workflow_state")
	if target == PENDING_PROVINCIAL_RECOMMENDATION:
		late = may_apply(facts.pilot_status, facts.deadline, facts.today) if previous == DRAFT else []
		return (
			late
			+ missing_items(doc)
			+ check_condition_claim(bool(doc.get("condition_3_met")), facts.ratio_changes)
		)
	if previous == PENDING_PROVINCIAL_RECOMMENDATION:
		if target == UNDER_EXPERT_REVIEW:
			return _recorded(doc, RECOMMENDATION) + check_recommendation_quota(
				doc.get("recommending_authority") or "",
				facts.recommended_in_province + 1,
				facts.quotas,
			)
		return _recorded(doc, (RECOMMENDATION[0], RECOMMENDATION[2]))
	if target == SHORTLISTED_FOR_HEARING:
		return check_shortlist(review_row(facts, doc))
	if target == IN_PUBLIC_NOTICE:
		decision = doc.get("decision")
		if decision not in (DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE):
			return [
				Violation(
					_("Record the {item} first: {zone} or {experience}."),
					{"item": "Decision", "zone": DEMONSTRATION_ZONE, "experience": TYPICAL_EXPERIENCE},
					"decision",
					translate_args=("item", "zone", "experience"),
				)
			]
		return check_decision(decision, review_row(facts, doc))
	if target in DECISION_OF_STATE:
		expected = DECISION_OF_STATE[target]
		wrong = (
			[
				Violation(
					_("The decision put to public notice is {decision}, not {state}."),
					{"decision": doc.get("decision") or "—", "state": target},
					"decision",
					translate_args=("decision", "state"),
				)
			]
			if doc.get("decision") != expected
			else []
		)
		return wrong + _recorded(doc, DECISION[1:])
	return []


def check_save(facts: DemonstrationFacts) -> dict[str, list[Violation]]:
	"""Every kind of problem of the save, in the order the controller reports them."""
	problems = {kind: [] for kind in PROBLEM_KINDS}
	doc = {**facts.application, **derived(facts)}
	if facts.is_new:
		problems[START] = may_apply(facts.pilot_status, facts.deadline, facts.today)
		if facts.round_batch and facts.pilot_batch and facts.round_batch != facts.pilot_batch:
			problems[START].append(
				Violation(
					_("{round} evaluates another batch of pilots than {pilot}'s."),
					{"round": doc.get("evaluation_round"), "pilot": doc.get("brand_pilot")},
					"evaluation_round",
				)
			)
	if not facts.is_administrator:
		problems[EDIT_LOCKS] = forbidden_edits(
			facts.previous_state, set(facts.changed_levels), set(facts.roles)
		)
	if facts.duplicate:
		problems[DUPLICATE].append(
			Violation(
				_("{pilot} has applied in this evaluation round already: {application}."),
				{"pilot": doc.get("brand_pilot"), "application": facts.duplicate},
			)
		)
	if not facts.is_new and doc.get("workflow_state") != facts.previous_state:
		problems[TRANSITION] = check_transition(facts, doc)
	return problems


# --- What each action says (as final_summary_workflow.FINAL_SUMMARY_ACTIONS) --------------------------------
DEMONSTRATION_ACTIONS = {
	SUBMIT: ActionText(
		_("Submit the demonstration application to the provincial authority for its recommendation?"),
		_("The demonstration application has been submitted."),
	),
	RECOMMEND: ActionText(
		_("Recommend the demonstration application to the ministry, with your opinion and rank?"),
		_("The demonstration application has been recommended to the ministry."),
	),
	RETURN: ActionText(
		_("Return the demonstration application to the unit for revision, with your opinion?"),
		_("The demonstration application has been returned to the unit for revision."),
	),
	DO_NOT_RECOMMEND: ActionText(
		_("Decline to recommend the demonstration application, with your opinion? This ends it."),
		_("The demonstration application has not been recommended."),
	),
	SHORTLIST: ActionText(
		_("Shortlist the demonstration application for the central hearing?"),
		_("The demonstration application has been shortlisted for the central hearing."),
	),
	PUBLISH: ActionText(
		_("Put the proposed decision on the demonstration application to public notice?"),
		_("The proposed decision is in public notice."),
	),
	DO_NOT_SELECT: ActionText(
		_("Decide not to select the demonstration application, with your opinion? This ends it."),
		_("The demonstration application has not been selected."),
	),
	NAME_DEMONSTRATION_ZONE: ActionText(
		_("Name the cluster a demonstration zone, as put to public notice?"),
		_("The cluster has been named a demonstration zone."),
	),
	RECOMMEND_TYPICAL_EXPERIENCE: ActionText(
		_("Recommend the cluster's experience as a typical experience, as put to public notice?"),
		_("The cluster's experience has been recommended as a typical experience."),
	),
}

DEMONSTRATION_NEXT_STEP = {
	PENDING_PROVINCIAL_RECOMMENDATION: _(
		"Next: the provincial authority recommends it to the ministry, or returns it."
	),
	RETURNED: _("Next: the unit revises the demonstration application and submits it again."),
	NOT_RECOMMENDED: _("The province has not recommended it; nobody acts on it further."),
	UNDER_EXPERT_REVIEW: _(
		"Next: the experts review the documents and the ministry shortlists for the hearing."
	),
	SHORTLISTED_FOR_HEARING: _(
		"Next: the unit defends it in the central hearing; the ministry then decides."
	),
	IN_PUBLIC_NOTICE: _("Next: after the public notice the ministry makes its decision final."),
	DEMONSTRATION_ZONE_STATE: _("The cluster is a demonstration zone; nobody acts on it further."),
	TYPICAL_EXPERIENCE_STATE: _(
		"The cluster's experience is a recommended typical experience; nobody acts on it further."
	),
	NOT_SELECTED_STATE: _("The application has not been selected; nobody acts on it further."),
}
