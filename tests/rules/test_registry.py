"""cluster_brand/rules/registry.py: the registers' and the batch's own rules."""

from datetime import date


def test_the_expert_review_deadline_comes_after_the_provincial_recommendation():
	from cluster_brand.rules import registry

	batch = {"batch_year": 2017, "paper_copies_required": 2}
	provincial = {"provincial_recommendation_deadline": date(2017, 8, 31)}
	assert (
		registry.check_pilot_batch({**batch, **provincial, "expert_review_deadline": date(2017, 10, 31)})
		== []
	)
	assert registry.check_pilot_batch({**batch, "expert_review_deadline": date(2017, 10, 31)}) == []
	early = registry.check_pilot_batch({**batch, **provincial, "expert_review_deadline": date(2017, 8, 30)})
	assert [(v.fieldname, v.args) for v in early] == [
		("expert_review_deadline", {"expert": "2017-08-30", "provincial": "2017-08-31"})
	]
