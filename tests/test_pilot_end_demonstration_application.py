"""cluster_brand/rules/pilot_end/demonstration_application.py: who may apply, and what the application holds."""

from datetime import date

from cluster_brand.rules.pilot_end import demonstration_application as a

COMPLETE = {
	"typical_experience": "“政府+协会+企业”协同推进区域品牌建设",
	"strategy_document": "/private/files/strategy.pdf",
	"strategy_published_on": date(2018, 3, 1),
	"strategy_positioning": "中国品质羊绒之都",
	"funds_delivered": 0,  # declared: 0 is a figure, not a blank
	"evaluation_mechanism": "每年第三方评价",
	"monitoring_evidence": "/private/files/monitoring.pdf",
	"improvement_measures": "完善准入机制",
	"promotion_activities": [
		{
			"activity_date": date(2019, 5, 1),
			"activity": "品牌巡展",
			"organisers": "行业协会、骨干企业",
			"effect": "订单增长",
		}
	],
}


def test_a_completed_pilot_may_apply_until_the_deadline():
	deadline = date(2020, 7, 31)
	assert a.may_apply(a.PILOT_COMPLETED, deadline, date(2020, 7, 31)) == []
	assert a.may_apply(a.PILOT_COMPLETED, None, date(2030, 1, 1)) == []
	assert a.may_apply(a.PILOT_COMPLETED, deadline, date(2020, 8, 1))[0].args == {"deadline": "2020-07-31"}
	assert a.may_apply("In Pilot", deadline, date(2020, 7, 1))
	assert a.may_apply("Pilot Revoked", deadline, date(2020, 7, 1))


def test_a_complete_application_misses_nothing():
	assert a.missing_items(COMPLETE) == []


def test_each_missing_declaration_is_named_with_its_condition():
	doc = {**COMPLETE, "typical_experience": " ", "funds_delivered": None, "monitoring_evidence": ""}
	missing = a.missing_items(doc)
	assert [v.fieldname for v in missing] == ["typical_experience", "funds_delivered", "monitoring_evidence"]
	assert missing[1].args["condition"].startswith("Condition 1")
	assert missing[2].args["condition"].startswith("Condition 2")
	assert {"condition", "item"} <= set(missing[1].translate_args)


def test_activities_are_required_and_each_row_complete():
	assert [v.fieldname for v in a.missing_items({**COMPLETE, "promotion_activities": []})] == [
		"promotion_activities"
	]
	row = {**COMPLETE["promotion_activities"][0], "effect": "", "organisers": None}
	missing = a.missing_items(
		{**COMPLETE, "promotion_activities": [COMPLETE["promotion_activities"][0], row]}
	)
	assert [(v.row, v.column) for v in missing] == [(2, "organisers"), (2, "effect")]
