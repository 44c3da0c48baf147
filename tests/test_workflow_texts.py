"""Every action of the shipped workflows says what it will do, what happened and who acts next (issue 19)."""

import pytest
from metadata import fixtures

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.pilot_years import workflow as summary_workflow

TEXTS = {
	APPLICATION: (states.APPLICATION_ACTIONS, states.APPLICATION_NEXT_STEP),
	ANNUAL_WORK_SUMMARY: (summary_workflow.SUMMARY_ACTIONS, summary_workflow.SUMMARY_NEXT_STEP),
}


def shipped_transitions(doctype):
	(workflow,) = [w for w in fixtures("workflow") if w["document_type"] == doctype]
	return [(t["state"], t["action"], t["next_state"]) for t in workflow["transitions"]]


@pytest.mark.parametrize("doctype", sorted(TEXTS))
def test_every_shipped_transition_has_its_texts(doctype):
	actions, next_steps = TEXTS[doctype]
	transitions = shipped_transitions(doctype)
	texts = states.transition_texts(transitions, actions, next_steps)
	for state, action, next_state in transitions:
		text = texts[state][action]
		assert "?" in text["confirm"], (state, action)  # a question
		assert text["done"] == actions[action].done
		assert text["next"] == next_steps[next_state]
	# no text for an action the workflow does not have (it would never be shown, and drift)
	assert set(actions) == {action for _, action, _ in transitions}


def test_submission_says_the_province_acts_next():
	texts = states.transition_texts(
		[(states.DRAFT, "Submit Application", states.PENDING_PROVINCIAL_REVIEW)],
		states.APPLICATION_ACTIONS,
		states.APPLICATION_NEXT_STEP,
	)
	text = texts[states.DRAFT]["Submit Application"]
	assert text["done"] == "The application has been submitted."
	assert text["next"] == "Next: the provincial authority reviews and recommends it."


def test_a_transition_without_texts_is_refused():
	with pytest.raises(KeyError):
		states.transition_texts(
			[(states.DRAFT, "Fly to the Moon", states.PENDING_PROVINCIAL_REVIEW)],
			states.APPLICATION_ACTIONS,
			states.APPLICATION_NEXT_STEP,
		)
