"""The workflow of Annex 1 四 (试点工作程序): the states, what each transition requires (its conditions), the
deadlines and the pilot period. Who edits which part of the application in which state (the edit locks) and
what a reader may not read are rules/application/edit_locks.py; the experts' rubric and scores rules/review/scoring.py, their
ranking rules/review/ranking.py."""

from dataclasses import dataclass
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.values import as_text

DRAFT = "Draft"
PENDING_PROVINCIAL_REVIEW = "Pending Provincial Review"
RETURNED = "Returned"
WITHDRAWN = "Withdrawn"
RECOMMENDED = "Recommended"
NOT_RECOMMENDED = "Not Recommended"
UNDER_EXPERT_REVIEW = "Under Expert Review"
IN_PUBLIC_NOTICE = "In Public Notice"
APPROVED_AS_PILOT = "Approved as Pilot"
NOT_SELECTED = "Not Selected"
# Every state of the application's workflow (the Workflow below ships as a fixture with them: hooks.py)
STATES = (
	DRAFT,
	PENDING_PROVINCIAL_REVIEW,
	RETURNED,
	WITHDRAWN,
	RECOMMENDED,
	NOT_RECOMMENDED,
	UNDER_EXPERT_REVIEW,
	IN_PUBLIC_NOTICE,
	APPROVED_AS_PILOT,
	NOT_SELECTED,
)
# The Workflow record (fixtures/workflow.json) whose actions are APPLICATION_ACTIONS
WORKFLOW = "Cluster Brand Application Review"

APPLICANT_STATES = (DRAFT, RETURNED)
# A new application (no state yet) is with its applicant too.
WITH_APPLICANT = (None, "", *APPLICANT_STATES)
# States in which an application has been recommended: it counts against its authority's ranks and quota,
# the receiver expects its paper copies.
RECOMMENDED_OR_LATER = (RECOMMENDED, UNDER_EXPERT_REVIEW, IN_PUBLIC_NOTICE, APPROVED_AS_PILOT, NOT_SELECTED)
# States the province, the association and the receiver never see: the unit's own unfinished work.
PRIVATE_STATES = (DRAFT, WITHDRAWN)

PILOT_YEARS = 3  # 试点工作周期一般为三年左右


@dataclass
class TransitionFacts:
	"""What the checks of a transition need to know, gathered by the controller."""

	today: date
	online_submission_deadline: date | None = None
	recommendation_deadline: date | None = None
	recommendation_opinion: str | None = None
	recommendation_rank: int | None = None
	ranks_taken: tuple = ()  # ranks of the authority's other recommended applications in the batch
	recommendation_quota: int = 0  # 0: no quota
	paper_copies_required: int = 0
	paper_copies_received: int = 0
	paper_copies_stamped: bool = False
	assignments: int = 0
	reviews_submitted: int = 0
	public_notice_start: date | None = None
	public_notice_end: date | None = None
	designation_notice_number: str | None = None
	# the cluster's pilot in its pilot period (In Pilot), designated from another application
	pilot_in_progress: str | None = None
	# objections to the candidate (公示异议) the ministry has not yet handled
	unhandled_objections: int = 0


def check_transition(previous: str, target: str, facts: TransitionFacts) -> list[Violation]:
	"""The conditions of 申报程序 and 试点工作程序 for moving an application from ``previous`` to ``target``."""
	check = _CHECKS.get(target)
	return check(previous, facts) if check else []


def _submission(previous, facts):
	deadline = facts.online_submission_deadline
	if deadline and facts.today > deadline:
		return [
			Violation(
				_("The online submission deadline of this batch ({deadline}) has passed."),
				{"deadline": deadline.isoformat()},
			)
		]
	return []


def _opinion_required(previous, facts):
	if not as_text(facts.recommendation_opinion).strip():
		return [
			Violation(
				_("Write the {item} first."),
				{"item": "Recommendation Opinion"},
				"recommendation_opinion",
				translate_args=("item",),
			)
		]
	return []


def _recommendation(previous, facts):
	violations = _opinion_required(previous, facts)
	deadline = facts.recommendation_deadline
	if deadline and facts.today > deadline:
		violations.append(
			Violation(
				_("The recommendation deadline ({deadline}) has passed."), {"deadline": deadline.isoformat()}
			)
		)
	rank = facts.recommendation_rank or 0
	if rank < 1:
		violations.append(
			Violation(
				_("Give the application its {item} (1 for the first)."),
				{"item": "Rank among the Authority's Recommendations"},
				"recommendation_rank",
				translate_args=("item",),
			)
		)
	elif rank in facts.ranks_taken:
		violations.append(
			Violation(
				_("Rank {rank} is already given to another recommended application of this authority."),
				{"rank": rank},
				"recommendation_rank",
			)
		)
	quota = facts.recommendation_quota or 0
	if quota and len(facts.ranks_taken) >= quota:
		violations.append(
			Violation(
				_("The authority's quota of {quota} recommendations in this batch is used up."),
				{"quota": quota},
			)
		)
	return violations


def _start_review(previous, facts):
	# a review begun with nobody to review would reach public notice on no sheet at all
	violations = _experts_assigned(facts)
	if facts.paper_copies_received < facts.paper_copies_required:
		violations.append(
			Violation(
				_("{received} of the {required} stamped paper copies have been received."),
				{"received": facts.paper_copies_received, "required": facts.paper_copies_required},
				"paper_copies_received",
			)
		)
	if not facts.paper_copies_stamped:
		violations.append(
			Violation(
				_("The receipt of stamped paper copies has not been confirmed."), {}, "paper_copies_stamped"
			)
		)
	return violations


def _experts_assigned(facts):
	if facts.assignments == 0:
		return [
			Violation(_("No expert has been assigned to review the application."), {}, "expert_assignments")
		]
	return []


def _reviews_done(previous, facts):
	if facts.assignments == 0:
		return _experts_assigned(facts)
	if facts.reviews_submitted < facts.assignments:
		return [
			Violation(
				_("{submitted} of {assigned} assigned expert reviews have been submitted."),
				{"submitted": facts.reviews_submitted, "assigned": facts.assignments},
				"expert_assignments",
			)
		]
	return []


def _public_notice(previous, facts):
	violations = _reviews_done(previous, facts)
	start, end = facts.public_notice_start, facts.public_notice_end
	if not start or not end:
		violations.append(
			Violation(_("Set the start and end of the public notice."), {}, "public_notice_start")
		)
	elif end < start:
		violations.append(Violation(_("The public notice ends before it starts."), {}, "public_notice_end"))
	elif start < facts.today:
		# a notice is public from the day it is published: days before it cannot count towards its period
		violations.append(
			Violation(
				_("The public notice cannot start ({start}) before the day it is published ({today})."),
				{"start": start.isoformat(), "today": facts.today.isoformat()},
				"public_notice_start",
			)
		)
	return violations


def published_notice_changes(
	previous: str | None, state: str | None, before: tuple, after: tuple
) -> list[Violation]:
	"""The period of a notice in public notice stays as published: moved into the past, it would end, and
	let the pilot be approved, before anyone had the days to object."""
	if previous != IN_PUBLIC_NOTICE or state != IN_PUBLIC_NOTICE:
		return []
	if tuple(d or None for d in before) == tuple(d or None for d in after):
		return []
	return [
		Violation(
			_("The period of a public notice cannot be changed once it is published."),
			{},
			"public_notice_start",
		)
	]


def _not_selected(previous, facts):
	return _reviews_done(previous, facts) if previous == UNDER_EXPERT_REVIEW else []


def _approval(previous, facts):
	violations = []
	end = facts.public_notice_end
	if not end or facts.today <= end:
		violations.append(
			Violation(
				_("The public notice period has not ended ({end})."),
				{"end": end.isoformat() if end else "—"},
				"public_notice_end",
			)
		)
	if not as_text(facts.designation_notice_number).strip():
		violations.append(
			Violation(
				_("Enter the {item}."),
				{"item": "Designation Notice Number"},
				"designation_notice_number",
				translate_args=("item",),
			)
		)
	if facts.pilot_in_progress:
		# one cluster, one pilot at a time (试点工作周期一般为三年左右): a cluster in its pilot period is a pilot
		violations.append(
			Violation(
				_("The industrial cluster is already a pilot ({pilot}) and its pilot period has not ended."),
				{"pilot": facts.pilot_in_progress},
			)
		)
	if facts.unhandled_objections:
		# the notice is there for the public to object: the decision waits until each objection is handled
		violations.append(
			Violation(
				_("{count} objection(s) to the public notice of this application have not been handled."),
				{"count": facts.unhandled_objections},
			)
		)
	return violations


_CHECKS = {
	PENDING_PROVINCIAL_REVIEW: _submission,
	RETURNED: _opinion_required,
	NOT_RECOMMENDED: _opinion_required,
	RECOMMENDED: _recommendation,
	UNDER_EXPERT_REVIEW: _start_review,
	IN_PUBLIC_NOTICE: _public_notice,
	NOT_SELECTED: _not_selected,
	APPROVED_AS_PILOT: _approval,
}


# The province's decisions on an application: the 省级推荐意见 it prints is dated
PROVINCE_DECISIONS = (RECOMMENDED, NOT_RECOMMENDED)


def decision_date(previous: str | None, target: str | None, entered: date | None, today: date) -> date | None:
	"""The 推荐日期 of the province's decision: the date it entered, or else the day it decides, so that the
	printed opinion is never undated."""
	if entered or previous != PENDING_PROVINCIAL_REVIEW or target not in PROVINCE_DECISIONS:
		return entered
	return today


def recommendation_deadline(batch_deadline: date | None, authority_deadline: date | None) -> date | None:
	"""A province may set an earlier deadline of its own, never a later one."""
	if authority_deadline and batch_deadline:
		return min(authority_deadline, batch_deadline)
	return authority_deadline or batch_deadline


def planned_end(start: date, years: int = PILOT_YEARS) -> date:
	try:
		return start.replace(year=start.year + years)
	except ValueError:  # 29 February
		return start.replace(year=start.year + years, day=28)


# --- What each action says (issue 19) --------------------------------------------------------------------------
# Before an action the desk asks the actor to confirm what it will do; afterwards it says what happened and who
# acts next. Kept here, next to the states, so that every transition of the workflow has its texts (a tier-1 test
# reads the shipped Workflow) and the desk shows them from one place (cluster_brand/desk/workflow_messages.py).


@dataclass(frozen=True)
class ActionText:
	confirm: str  # what the action will do, asked before it is taken
	done: str  # what happened, said after it


APPLICATION_ACTIONS = {
	"Submit Application": ActionText(
		_("Submit the application to its recommending authority? It cannot be edited while it is reviewed."),
		_("The application has been submitted."),
	),
	"Resubmit Application": ActionText(
		_("Submit the revised application to its recommending authority again?"),
		_("The revised application has been submitted."),
	),
	"Withdraw": ActionText(
		_("Withdraw the application? It is not reviewed further and cannot be submitted again."),
		_("The application has been withdrawn."),
	),
	"Return for Revision": ActionText(
		_("Return the application to its unit for revision, with your opinion?"),
		_("The application has been returned to its unit for revision."),
	),
	"Recommend": ActionText(
		_("Recommend the application to the ministry, with your opinion and rank?"),
		_("The application has been recommended."),
	),
	"Do Not Recommend": ActionText(
		_("Decide not to recommend the application, with your opinion? Its review ends here."),
		_("The application has not been recommended."),
	),
	"Start Expert Review": ActionText(
		_("Start the expert review? The assigned experts get their score sheets."),
		_("The expert review has started."),
	),
	"Publish for Public Notice": ActionText(
		_("Publish the application for public notice, in the period set?"),
		_("The application is in public notice."),
	),
	"Do Not Select": ActionText(
		_("Decide not to select the application as a pilot? Its review ends here."),
		_("The application has not been selected."),
	),
	"Approve as Pilot": ActionText(
		_("Approve the industrial cluster as a pilot? Its Brand Pilot is created."),
		_("The industrial cluster has been approved as a pilot."),
	),
}

# Who acts next, by the state an action leads to
APPLICATION_NEXT_STEP = {
	PENDING_PROVINCIAL_REVIEW: _("Next: the provincial authority reviews and recommends it."),
	RETURNED: _("Next: the unit revises the application and submits it again."),
	WITHDRAWN: _("The application is closed; nobody acts on it further."),
	RECOMMENDED: _(
		"Next: the receiver confirms its stamped paper copies, and the ministry starts the expert review."
	),
	NOT_RECOMMENDED: _("Its review ends here; the unit is told."),
	UNDER_EXPERT_REVIEW: _(
		"Next: the assigned experts score it; then the ministry decides on the public notice."
	),
	IN_PUBLIC_NOTICE: _("Next: after the notice period the ministry approves it as a pilot."),
	APPROVED_AS_PILOT: _("Next: the unit carries out the pilot and writes its annual work summaries."),
	NOT_SELECTED: _("Its review ends here; the unit is told."),
}

# The expert's score sheet (Expert Review, submitted): no workflow, Frappe's submission
SHEET_SUBMISSION = ActionText(
	_("Submit your score sheet? Its scores cannot be changed afterwards."),
	_("Your score sheet has been submitted."),
)
SHEET_NEXT_STEP = _("Next: the ministry reads every expert's scores and decides on the public notice.")

# The receiver records the stamped paper copies (a save of the application in Recommended)
RECEIPT_RECORDED = _("The receipt of the paper copies has been recorded.")
RECEIPT_NEXT_STEP = _("Next: the ministry assigns the experts and starts the expert review.")


def transition_texts(transitions, actions: dict, next_steps: dict) -> dict:
	"""The texts of each transition of a workflow, by its state and action: ``transitions`` are
	(state, action, next state); a transition without texts raises KeyError (the tier-1 test reads the
	shipped workflows)."""
	texts = {}
	for state, action, next_state in transitions:
		text = actions[action]
		texts.setdefault(state, {})[action] = {
			"confirm": text.confirm,
			"done": text.done,
			"next": next_steps[next_state],
		}
	return texts


# --- The stage of a batch (Pilot Batch.status; issue 19: a designated batch no longer reads 申报中) ---------------
BATCH_DRAFT = "Draft"
BATCH_OPEN = "Open for Application"
BATCH_UNDER_REVIEW = "Under Review"
BATCH_CONCLUDED = "Concluded"
# the states in which an application is still on its way to a decision, past its applicant
IN_REVIEW = (PENDING_PROVINCIAL_REVIEW, RECOMMENDED, UNDER_EXPERT_REVIEW, IN_PUBLIC_NOTICE)


def batch_status(
	current: str | None, today: date, submission_deadline: date | None, application_states
) -> str:
	"""The batch's status follows its stage: a batch the ministry has not opened stays a draft; an opened
	one takes applications until its online submission deadline, is under review while any application is
	on its way to a decision, and is concluded when none is (after the deadline nobody can submit, so a
	draft left then is no longer on its way)."""
	if (current or BATCH_DRAFT) == BATCH_DRAFT:
		return BATCH_DRAFT
	if submission_deadline is None or today <= submission_deadline:
		return BATCH_OPEN
	if any(state in IN_REVIEW for state in application_states):
		return BATCH_UNDER_REVIEW
	return BATCH_CONCLUDED
