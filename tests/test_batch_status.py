"""A batch's status follows its stage (issue 19: the 2017 batch still said 申报中 after its designation)."""

from datetime import date

from cluster_brand.rules.application import workflow as states

DEADLINE = date(2017, 8, 31)


def status(today, application_states, current=states.BATCH_OPEN, deadline=DEADLINE):
	return states.batch_status(current, today, deadline, application_states)


def test_a_batch_not_yet_opened_stays_a_draft():
	assert status(date(2017, 9, 30), [], current=states.BATCH_DRAFT) == states.BATCH_DRAFT
	assert status(date(2017, 9, 30), [], current=None) == states.BATCH_DRAFT


def test_open_until_its_submission_deadline():
	assert status(date(2017, 8, 31), [states.RECOMMENDED]) == states.BATCH_OPEN
	assert status(date(2030, 1, 1), [], deadline=None) == states.BATCH_OPEN


def test_under_review_while_an_application_is_on_its_way_to_a_decision():
	for state in states.IN_REVIEW:
		assert status(date(2017, 9, 1), [states.APPROVED_AS_PILOT, state]) == states.BATCH_UNDER_REVIEW


def test_concluded_once_every_application_is_decided():
	# the 2017 batch after its designation: one pilot, one draft left at the deadline
	assert status(date(2017, 12, 1), [states.APPROVED_AS_PILOT, states.DRAFT]) == states.BATCH_CONCLUDED
	assert (
		status(date(2017, 12, 1), [states.NOT_SELECTED, states.NOT_RECOMMENDED, states.WITHDRAWN])
		== states.BATCH_CONCLUDED
	)
	# a concluded batch is never reopened by a later look
	assert status(date(2018, 1, 1), [], current=states.BATCH_CONCLUDED) == states.BATCH_CONCLUDED
