from cluster_brand.rules.registration.workflow import (
	ACTIONS,
	REGISTRATION_ACTIONS,
	REGISTRATION_NEXT_STEP,
	REJECT,
	STATES,
	VERIFY,
	check_decision,
)


def test_a_rejection_states_its_reason():
	assert [v.fieldname for v in check_decision(REJECT, "  ")] == ["rejection_reason"]
	assert check_decision(REJECT, "信用代码与单位名称不符") == []
	assert check_decision(VERIFY, None) == []


def test_every_action_and_end_state_has_its_texts():
	assert set(REGISTRATION_ACTIONS) == set(ACTIONS)
	assert set(REGISTRATION_NEXT_STEP) <= set(STATES)
