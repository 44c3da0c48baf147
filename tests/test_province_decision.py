"""The province's decision is dated (issue 19): the printed 省级推荐意见 never goes out without 推荐日期."""

from datetime import date

from cluster_brand.rules.application import workflow as states

TODAY = date(2017, 8, 28)


def test_a_recommendation_without_a_date_is_dated_the_day_it_is_made():
	assert states.decision_date(states.PENDING_PROVINCIAL_REVIEW, states.RECOMMENDED, None, TODAY) == TODAY
	assert (
		states.decision_date(states.PENDING_PROVINCIAL_REVIEW, states.NOT_RECOMMENDED, None, TODAY) == TODAY
	)


def test_the_date_the_province_entered_is_kept():
	entered = date(2017, 8, 25)
	assert (
		states.decision_date(states.PENDING_PROVINCIAL_REVIEW, states.RECOMMENDED, entered, TODAY) == entered
	)


def test_other_steps_leave_the_date_alone():
	# a return is no recommendation: its date would stand on the later opinion
	assert states.decision_date(states.PENDING_PROVINCIAL_REVIEW, states.RETURNED, None, TODAY) is None
	assert states.decision_date(states.RECOMMENDED, states.UNDER_EXPERT_REVIEW, None, TODAY) is None
