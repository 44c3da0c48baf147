"""The edit locks of the application (Annex 1 四: each party writes its part in its stage): who may change
which part, by permission level, in which state. What a state withholds from a reader is rules/views/withheld.py;
the states and the transitions' conditions are rules/application/workflow.py; the comparison of a save with the saved
version is controllers/edit_locks.py (changed_levels)."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.workflow import (
	DRAFT,
	IN_PUBLIC_NOTICE,
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	RETURNED,
	UNDER_EXPERT_REVIEW,
)

# Who may change which part of the application, by permission level, in which state (before the save).
# Level 0 is the 申报书 itself, 1 the provincial recommendation, 2 the paper receipt, 3 the ministry's public
# part (notice, decision), 4 the ministry's confidential part (who reviews, the mean score).
EDITABLE_IN = {
	0: (DRAFT, RETURNED),
	1: (PENDING_PROVINCIAL_REVIEW,),
	2: (RECOMMENDED,),
	3: (RECOMMENDED, UNDER_EXPERT_REVIEW, IN_PUBLIC_NOTICE),
	4: (RECOMMENDED, UNDER_EXPERT_REVIEW, IN_PUBLIC_NOTICE),
}

# The role that edits each permission level (levels 1–3 are also guarded by the DocType's permissions).
EDITOR_ROLE = {
	0: "Cluster Applicant",
	1: "Provincial Reviewer",
	2: "Materials Receiver",
	3: "Ministry Administrator",
	4: "Ministry Administrator",
}
LEVEL_NAMES = {
	0: "Application Content",
	1: "Provincial Recommendation",
	2: "Paper Materials",
	3: "Public Notice and Decision",
	4: "Expert Review Arrangements",
}

# The state in which the province decides (its draft opinion is withheld: rules/views/withheld.py).
PROVINCE_DECIDING = (PENDING_PROVINCIAL_REVIEW,)


def locked_levels(previous_state: str | None, changed_levels: set[int]) -> list[int]:
	"""The permission levels that were changed although they are not editable in ``previous_state``."""
	state = previous_state or DRAFT
	return sorted(level for level in changed_levels if state not in EDITABLE_IN.get(level, ()))


def forbidden_edits(previous_state: str | None, changed: set[int], roles: set[str]) -> list[Violation]:
	"""The edit locks: each part of the application (a permission level) is edited by its role in its stage
	only; ``changed`` are the levels that the save changes (Frappe's Workflow checks transitions, not edits)."""
	locked = locked_levels(previous_state, changed)
	violations = [
		Violation(
			_("{part} cannot be changed while the application is {state}."),
			{"part": LEVEL_NAMES[level], "state": previous_state or DRAFT},
			translate_args=("part", "state"),
		)
		for level in locked
	]
	violations += [
		Violation(
			_("{part} is edited by the {role} only."),
			{"part": LEVEL_NAMES[level], "role": EDITOR_ROLE[level]},
			translate_args=("part", "role"),
		)
		for level in sorted(changed)
		if EDITOR_ROLE[level] not in roles and level not in locked
	]
	return violations


def editable_levels(state: str | None, roles: set[str]) -> list[int]:
	"""The levels that a reader with ``roles`` may change in ``state``: the form makes the others read-only."""
	return [
		level
		for level in sorted(EDITABLE_IN)
		if not locked_levels(state, {level}) and EDITOR_ROLE[level] in roles
	]
