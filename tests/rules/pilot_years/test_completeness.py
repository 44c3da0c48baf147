"""cluster_brand/rules/pilot_years/completeness.py: what a summary misses before it goes to the province, each
item saying what to do."""

from datetime import date, timedelta

from sample_summary import complete_summary

from cluster_brand.rules.pilot_years import completeness as summary_completeness
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from tests.rules.pilot_years.turning_days import days


# --- completeness --------------------------------------------------------------------------------------
def test_a_complete_summary_has_nothing_missing():
	assert summary_completeness.missing_items(complete_summary(), date(2018, 11, 1)) == []


def test_completeness_names_every_missing_item():
	summary = complete_summary()
	summary["work_results"] = " "
	summary["indicators"][-1]["reporting_value"] = None
	summary["target_progress"][0]["achieved_value"] = None
	summary["backbone_enterprises"][0]["own_brand"] = ""
	summary["policies_and_funds"][0]["amount"] = 0
	summary["self_evaluations"] = []
	summary["measure_progress"][0]["status"] = None
	missing = summary_completeness.missing_items(summary, date(2018, 11, 1))
	fields = [v.fieldname for v in missing]
	assert fields == [
		"measure_progress",  # its status
		"measure_progress",  # past its time node without status: the reason of the delay
		"indicators",
		"backbone_enterprises",
		"target_progress",
		"policies_and_funds",
		"self_evaluations",
		"work_results",
	]
	assert [v.column for v in missing[:2]] == ["status", "delay_reason"]
	assert missing[2].args["item"] == summary_indicators.NEW_PRODUCT_OUTPUT.key


def test_an_empty_summary_misses_its_tables():
	fields = {
		v.fieldname for v in summary_completeness.missing_items({"reporting_year": 2018}, date(2018, 11, 1))
	}
	assert {"measure_progress", "backbone_enterprises", "self_evaluations", "next_year_plan"} <= fields


def test_each_missing_item_says_what_to_do():
	# 「存在问题」 alone named the item; each item now says to fill it in (or what to give), and locates its cell
	summary = complete_summary()
	summary.update(problems="", work_results=" ", self_evaluations=[{"evaluation_date": date(2017, 10, 1)}])
	summary["measure_progress"][0].update(status=None)
	summary["indicators"][0]["reporting_value"] = None
	summary["backbone_enterprises"][0]["assets"] = None
	summary["target_progress"][0]["achieved_value"] = None
	summary["policies_and_funds"][0]["use_of_funds"] = ""
	missing = summary_completeness.missing_items(summary, date(2018, 12, 31))
	assert len(missing) == 12  # the overdue measure asks for its reason too
	for v in missing:
		assert any(verb in v.message for verb in ("fill in", "Fill in", "give", "Add ")), v.message
	assert next(v for v in missing if v.args.get("item") == "Problems").message == "Fill in {item}."
	indicator = next(v for v in missing if v.fieldname == "indicators")
	assert (indicator.row, indicator.column) == (1, "reporting_value")


@days
def test_a_complete_summary_is_complete_on_the_day(day):
	summary = complete_summary(day.year)
	assert summary_completeness.missing_items(summary, day) == []
	# a measure past its time node on the day and not completed needs the reason of its delay
	summary["measure_progress"][0].update(
		time_node=day - timedelta(days=1), status=summary_progress.IN_PROGRESS, work_done="部分"
	)
	assert [v.column for v in summary_completeness.missing_items(summary, day)] == ["delay_reason"]
