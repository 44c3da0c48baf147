"""cluster_brand/rules/application/edit_locks.py: who edits which part of an application in which state."""

from cluster_brand.rules.application import edit_locks
from cluster_brand.rules.application import workflow as r


def test_edit_locks_by_stage():
	assert edit_locks.locked_levels(r.DRAFT, {0}) == []
	assert edit_locks.locked_levels(r.PENDING_PROVINCIAL_REVIEW, {0, 1}) == [0]
	assert edit_locks.locked_levels(r.RECOMMENDED, {1, 2, 3}) == [1]
	assert edit_locks.locked_levels(r.APPROVED_AS_PILOT, {3}) == [3]
	assert edit_locks.locked_levels(None, {0}) == []
