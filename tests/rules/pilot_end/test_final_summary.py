"""cluster_brand/rules/pilot_end/final_summary.py: the final summary assembled from the pilot and its years."""

from datetime import date

import pytest

from cluster_brand.rules.application.indicators import OUTPUT, SALES
from cluster_brand.rules.pilot_end import final_summary as f
from cluster_brand.rules.pilot_years.indicators import NEW_PRODUCT_OUTPUT, SUMMARY_INDICATORS
from cluster_brand.rules.pilot_years.progress import COMPLETED, DELAYED, IN_PROGRESS, NOT_STARTED

PILOT = {
	"work_plan": [
		{"work_item": "A", "measure_no": "1.1", "measure": "规划", "time_node": date(2018, 6, 30)},
		{"work_item": "A", "measure_no": "1.2", "measure": "监测", "time_node": date(2019, 6, 30)},
		{"work_item": "B", "measure_no": "2.1", "measure": "平台", "time_node": date(2019, 12, 31)},
	],
	"baseline_indicators": [
		{"indicator": OUTPUT, "baseline_value": 200.0},
		{"indicator": SALES, "baseline_value": 180},
	],
	"quantitative_targets": [
		{
			"target_indicator": "区域品牌价值（亿元）",
			"baseline_value": 50,
			"target_value": 80,
			"target_year": 2019,
		},
		{
			"target_indicator": "单位产值能耗（吨标煤/万元）",
			"baseline_value": 0.5,
			"target_value": 0.4,
			"target_year": 2019,
		},
		{
			"target_indicator": "注册集体商标（件）",
			"baseline_value": 0,
			"target_value": 3,
			"target_year": 2019,
		},
	],
}
YEAR_2018 = {
	"reporting_year": 2018,
	"measure_progress": [
		{"measure_no": "1.1", "status": COMPLETED, "work_done": "规划已发布"},
		{"measure_no": "1.2", "status": IN_PROGRESS, "work_done": "启动"},
	],
	"indicators": [
		{"indicator": OUTPUT, "reporting_value": 230},
		{"indicator": NEW_PRODUCT_OUTPUT.key, "reporting_value": 30},
	],
	"target_progress": [{"target_indicator": "区域品牌价值（亿元）", "achieved_value": 60}],
	"policies_and_funds": [{"amount": 300}, {"amount": 200.5}],
	"self_evaluations": [{"evaluation_date": date(2018, 11, 1), "method": "第三方评价", "result": "良好"}],
}
YEAR_2019 = {
	"reporting_year": 2019,
	"measure_progress": [
		{"measure_no": "1.2", "status": DELAYED, "work_done": "部分完成", "delay_reason": "经费延迟到位"},
		{"measure_no": "1.1", "status": "", "work_done": ""},  # not reported again: 2018's status stands
	],
	"indicators": [
		{"indicator": OUTPUT, "reporting_value": 260},
		{"indicator": SALES, "reporting_value": None},
	],
	"target_progress": [
		{"target_indicator": "区域品牌价值（亿元）", "achieved_value": 85},
		{"target_indicator": "单位产值能耗（吨标煤/万元）", "achieved_value": 0.38},
	],
	"policies_and_funds": [{"amount": 400}],
	"self_evaluations": [],
}


@pytest.fixture
def assembled():
	return f.assemble(PILOT, [{"amount": 1000}, {"amount": 500}], [YEAR_2019, YEAR_2018])


def test_each_measure_has_its_last_reported_status(assembled):
	outcomes = {row["measure_no"]: row for row in assembled[f.MEASURES_TABLE]}
	assert [row["measure_no"] for row in assembled[f.MEASURES_TABLE]] == [
		"1.1",
		"1.2",
		"2.1",
	]  # the plan's order
	assert (outcomes["1.1"]["final_status"], outcomes["1.1"]["last_reported_year"]) == (COMPLETED, 2018)
	assert outcomes["1.1"]["reason_not_completed"] is None
	assert (outcomes["1.2"]["final_status"], outcomes["1.2"]["reason_not_completed"]) == (
		DELAYED,
		"经费延迟到位",
	)
	# never reported: not started, no year
	assert (outcomes["2.1"]["final_status"], outcomes["2.1"]["last_reported_year"]) == (NOT_STARTED, None)


def test_the_indicators_of_every_year_beside_the_baseline(assembled):
	rows = {row["indicator"]: row for row in assembled["indicator_years"]}
	assert [row["indicator"] for row in assembled["indicator_years"]] == [i.key for i in SUMMARY_INDICATORS]
	assert rows[OUTPUT]["values"] == {2018: 230, 2019: 260}
	assert rows[OUTPUT]["change_percent"] == 30.0  # the last year against the baseline
	assert rows[SALES]["change_percent"] is None  # the last year has no figure
	assert (
		rows[NEW_PRODUCT_OUTPUT.key]["baseline_value"] is None
		and rows[NEW_PRODUCT_OUTPUT.key]["values"][2018] == 30
	)
	assert assembled["reporting_years"] == [2018, 2019]


def test_each_target_achieved_or_not_and_by_how_much(assembled):
	rows = {row["target_indicator"]: row for row in assembled["target_outcomes"]}
	value = rows["区域品牌价值（亿元）"]
	assert (value["achieved_value"], value["achieved_in_year"], value["result"], value["gap"]) == (
		85,
		2019,
		f.ACHIEVED,
		5,
	)
	assert value["percent_of_target"] == 106.25
	# a falling target is achieved by coming down to it
	assert rows["单位产值能耗（吨标煤/万元）"]["result"] == f.ACHIEVED
	assert rows["注册集体商标（件）"]["result"] == f.NO_FIGURE


@pytest.mark.parametrize(
	("baseline", "target", "achieved", "expected"),
	[
		(50, 80, 79.9, (f.NOT_ACHIEVED, -0.1)),
		(50, 80, 80, (f.ACHIEVED, 0)),
		(0.5, 0.4, 0.45, (f.NOT_ACHIEVED, 0.05)),
		(None, 80, 90, (f.ACHIEVED, 10)),
		(50, None, 90, (f.NO_FIGURE, None)),
	],
)
def test_target_outcome(baseline, target, achieved, expected):
	assert f.target_outcome(baseline, target, achieved) == expected


def test_funds_delivered_against_the_plan(assembled):
	assert assembled["funds_by_year"] == {2018: 500.5, 2019: 400}
	assert (assembled["funds_delivered"], assembled["funds_planned"]) == (900.5, 1500)
	assert assembled["funds_percent_of_plan"] == 60.03
	# no plan: no percentage, never a division by zero
	money = f.funds([], [YEAR_2018])
	assert (money.planned, money.percent_of_plan) == (None, None)


def test_every_self_evaluation_held(assembled):
	assert assembled["self_evaluations"] == [
		{
			"reporting_year": 2018,
			"evaluation_date": date(2018, 11, 1),
			"method": "第三方评价",
			"result": "良好",
		}
	]


def test_no_annual_summary_yet():
	assembled = f.assemble(PILOT, [], [])
	assert {row["final_status"] for row in assembled[f.MEASURES_TABLE]} == {NOT_STARTED}
	assert assembled["funds_delivered"] == 0 and assembled["reporting_years"] == []


def test_missing_items_name_the_texts_and_each_unfinished_measure(assembled):
	doc = {**assembled, "work_results": "成效", "problems": " ", "lessons": None}
	missing = f.missing_items(doc)
	assert [v.args["item"] for v in missing[:2]] == ["Problems", "Experience and Lessons"]
	reasons = [v for v in missing if v.column == "reason_not_completed"]
	# 1.2 carries its delay reason; 2.1 (never reported) needs one
	assert [(v.row, v.args["measure_no"]) for v in reasons] == [(3, "2.1")]
	doc[f.MEASURES_TABLE][2]["reason_not_completed"] = "并入2.2"
	assert f.missing_items({**doc, "problems": "有", "lessons": "有"}) == []


# --- starting it, its year columns, the pilot's end (issue 21) -------------------------------------------------
def test_the_final_summary_starts_from_1_january_of_the_last_reporting_year():
	end = date(2019, 12, 31)
	assert not f.can_start(end, date(2018, 12, 31))
	assert f.can_start(end, date(2019, 1, 1))
	assert f.can_start(end, date(2020, 3, 1))
	assert not f.can_start(None, date(2020, 3, 1))


def test_an_open_evaluation_round_opens_the_final_summary_early():
	end, before = date(2020, 12, 15), date(2018, 6, 1)
	opened = {"status": "In Progress", "final_summary_deadline": date(2018, 9, 30)}
	assert f.can_start(end, before, opened)
	# a round that sets no final summary deadline, or is concluded, leaves the planned end's year
	assert not f.can_start(end, before, {**opened, "final_summary_deadline": None})
	assert not f.can_start(end, before, {**opened, "status": "Concluded"})
	assert not f.can_start(end, before, None)
	# a pilot without a planned end starts with the round
	assert f.can_start(None, before, opened)


def test_the_final_summary_is_due_on_the_rounds_deadline_else_at_the_pilots_end():
	end = date(2020, 12, 15)
	opened = {"status": "In Progress", "final_summary_deadline": date(2020, 10, 31)}
	assert f.due_date(end, opened) == date(2020, 10, 31)
	assert f.due_date(end, {**opened, "status": "Concluded"}) == end
	assert f.due_date(end, {**opened, "final_summary_deadline": None}) == end
	assert f.due_date(end) == end


def test_each_reporting_year_has_its_column():
	rows = [
		{
			"indicator": OUTPUT,
			"unit": "亿元",
			"baseline_value": 1,
			"values": {2018: 2, 2019: 3},
			"change_percent": 200,
		}
	]
	(row,) = f.indicator_year_rows(rows, [2018, 2019])
	assert (row["year_1_value"], row["year_2_value"], row["change_percent"]) == (2, 3, 200)
	assert "year_3_value" not in row


def test_the_outcome_sets_the_pilots_status():
	assert f.pilot_status(f.OUTCOME_COMPLETED) == f.PILOT_COMPLETED
	assert f.pilot_status(f.OUTCOME_NOT_COMPLETED) == f.PILOT_NOT_COMPLETED
	assert f.pilot_status(None) is None
