"""cluster_brand/rules/application/workflow.py: what each transition of an application requires (申报程序,
试点工作程序), the deadlines and the pilot period, the dated provincial decision and the batch's status."""

from datetime import date

import pytest

from cluster_brand.rules.application import workflow as r
from cluster_brand.rules.application import workflow as states
from tests.rules.messages import messages


def facts(**values):
	return r.TransitionFacts(today=date(2017, 8, 20), **values)


# --- transitions
def test_submission_before_and_after_the_online_deadline():
	assert (
		r.check_transition(
			r.DRAFT, r.PENDING_PROVINCIAL_REVIEW, facts(online_submission_deadline=date(2017, 8, 20))
		)
		== []
	)
	late = r.check_transition(
		r.DRAFT, r.PENDING_PROVINCIAL_REVIEW, facts(online_submission_deadline=date(2017, 8, 19))
	)
	assert late and late[0].args["deadline"] == "2017-08-19"


@pytest.mark.parametrize("target", [r.RETURNED, r.NOT_RECOMMENDED, r.RECOMMENDED])
def test_the_province_writes_an_opinion_first(target):
	assert any(
		"Write the {item} first." == m
		for m in messages(r.check_transition(r.PENDING_PROVINCIAL_REVIEW, target, facts()))
	)
	ok = facts(recommendation_opinion="同意推荐", recommendation_rank=1)
	assert r.check_transition(r.PENDING_PROVINCIAL_REVIEW, target, ok) == []


def test_recommendation_deadline_rank_and_quota():
	base = {"recommendation_opinion": "同意", "recommendation_rank": 2}
	assert r.check_transition(
		r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, recommendation_deadline=date(2017, 8, 19))
	)
	taken = r.check_transition(r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, ranks_taken=(1, 2)))
	assert any("already given" in m for m in messages(taken))
	full = r.check_transition(
		r.PENDING_PROVINCIAL_REVIEW, r.RECOMMENDED, facts(**base, ranks_taken=(1,), recommendation_quota=1)
	)
	assert any("quota" in m for m in messages(full))
	assert (
		r.check_transition(
			r.PENDING_PROVINCIAL_REVIEW,
			r.RECOMMENDED,
			facts(**base, ranks_taken=(1,), recommendation_quota=2),
		)
		== []
	)


def test_review_starts_with_all_stamped_copies():
	assert (
		len(
			r.check_transition(
				r.RECOMMENDED,
				r.UNDER_EXPERT_REVIEW,
				facts(paper_copies_required=2, paper_copies_received=1, assignments=1),
			)
		)
		== 2
	)
	ok = facts(paper_copies_required=2, paper_copies_received=2, paper_copies_stamped=True, assignments=1)
	assert r.check_transition(r.RECOMMENDED, r.UNDER_EXPERT_REVIEW, ok) == []


def test_review_starts_with_an_expert_assigned():
	nobody = facts(paper_copies_required=2, paper_copies_received=2, paper_copies_stamped=True)
	assert messages(r.check_transition(r.RECOMMENDED, r.UNDER_EXPERT_REVIEW, nobody)) == [
		"No expert has been assigned to review the application."
	]


def test_public_notice_needs_every_assigned_review_and_dates():
	assert messages(r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, facts()))[0].startswith(
		"No expert"
	)
	partial = facts(
		assignments=3,
		reviews_submitted=2,
		public_notice_start=date(2017, 9, 1),
		public_notice_end=date(2017, 9, 8),
	)
	assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, partial)[0].args == {
		"submitted": 2,
		"assigned": 3,
	}
	backwards = facts(
		assignments=1,
		reviews_submitted=1,
		public_notice_start=date(2017, 9, 8),
		public_notice_end=date(2017, 9, 1),
	)
	assert messages(r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, backwards)) == [
		"The public notice ends before it starts."
	]


def test_a_public_notice_starts_on_the_day_it_is_published_or_later():
	reviewed = {"assignments": 1, "reviews_submitted": 1}
	backdated = facts(**reviewed, public_notice_start=date(2017, 8, 8), public_notice_end=date(2017, 8, 19))
	violations = r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, backdated)
	assert [(v.fieldname, v.args) for v in violations] == [
		("public_notice_start", {"start": "2017-08-08", "today": "2017-08-20"})
	]
	for start in (date(2017, 8, 20), date(2017, 8, 21)):
		ok = facts(**reviewed, public_notice_start=start, public_notice_end=date(2017, 8, 27))
		assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, ok) == []


def test_a_published_notice_keeps_its_period():
	period = (date(2017, 8, 20), date(2017, 8, 27))
	moved = (date(2017, 8, 8), date(2017, 8, 19))
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, period, moved)
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, period, period) == []
	# before the notice is published, and in the step that publishes it, the ministry sets the period
	assert r.published_notice_changes(r.UNDER_EXPERT_REVIEW, r.UNDER_EXPERT_REVIEW, period, moved) == []
	assert r.published_notice_changes(r.UNDER_EXPERT_REVIEW, r.IN_PUBLIC_NOTICE, period, moved) == []
	assert r.published_notice_changes(r.IN_PUBLIC_NOTICE, r.IN_PUBLIC_NOTICE, (None, None), ("", "")) == []


def test_a_cluster_in_its_pilot_period_is_not_approved_again():
	ready = {"public_notice_end": date(2017, 8, 19), "designation_notice_number": "工信厅科函〔2017〕1号"}
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready)) == []
	again = r.check_transition(
		r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready, pilot_in_progress="BP-2017-001")
	)
	assert [v.args for v in again] == [{"pilot": "BP-2017-001"}]


def test_an_unhandled_objection_blocks_the_approval():
	ready = {"public_notice_end": date(2017, 8, 19), "designation_notice_number": "工信厅科函〔2017〕1号"}
	blocked = r.check_transition(
		r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready, unhandled_objections=2)
	)
	assert [v.args for v in blocked] == [{"count": 2}]
	# handled (upheld or not), the objections leave the decision to the ministry
	assert (
		r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(**ready, unhandled_objections=0))
		== []
	)
	# they do not hold up a decision not to select the application
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.NOT_SELECTED, facts(unhandled_objections=1)) == []


def test_approval_after_the_notice_period_with_a_notice_number():
	during = facts(public_notice_end=date(2017, 8, 20), designation_notice_number="工信厅科函〔2017〕1号")
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, during)
	after = facts(public_notice_end=date(2017, 8, 19), designation_notice_number="工信厅科函〔2017〕1号")
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, after) == []
	assert r.check_transition(
		r.IN_PUBLIC_NOTICE, r.APPROVED_AS_PILOT, facts(public_notice_end=date(2017, 8, 1))
	)


def test_not_selected_after_review_needs_the_reviews_but_not_during_notice():
	assert r.check_transition(r.UNDER_EXPERT_REVIEW, r.NOT_SELECTED, facts(assignments=1))
	assert r.check_transition(r.IN_PUBLIC_NOTICE, r.NOT_SELECTED, facts()) == []


def test_an_authority_deadline_is_never_later_than_the_batch():
	assert r.recommendation_deadline(date(2017, 8, 31), date(2017, 8, 25)) == date(2017, 8, 25)
	assert r.recommendation_deadline(date(2017, 8, 31), date(2017, 9, 5)) == date(2017, 8, 31)
	assert r.recommendation_deadline(date(2017, 8, 31), None) == date(2017, 8, 31)


def test_a_pilot_runs_three_years():
	assert r.planned_end(date(2017, 12, 1)) == date(2020, 12, 1)
	assert r.planned_end(date(2016, 2, 29)) == date(2019, 2, 28)


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
