"""The workflow of a Demonstration Application (示范区申报书, issue 21): the unit of a completed pilot submits it,
its province recommends it (with its opinion and rank) or not, the experts review the documents, the ministry
shortlists some for the central hearing (集中答辩), puts its proposed decision to public notice, and decides:
demonstration zone (示范区), typical experience recommended (典型经验推荐), or neither.

The states and actions are the Workflow record's (fixtures/workflow.json), each spelled once here. The parts of
the form by permission level: 0 the unit's application, 1 the province's recommendation, 2 the ministry's review
and decision."""

from cluster_brand.rules.application.workflow import (
	DRAFT,
	IN_PUBLIC_NOTICE,
	NOT_RECOMMENDED,
	RETURNED,
	UNDER_EXPERT_REVIEW,
)
from cluster_brand.rules.application.workflow import NOT_SELECTED as NOT_SELECTED_STATE
from cluster_brand.rules.pilot_end.demonstration_review import DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE

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
