"""The pilot years' rules (cluster_brand/rules/summary_*.py, pilot_calendar.py), without Frappe."""

from datetime import date

from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.indicators import INDICATORS, OUTPUT, PROFIT, VALUE_ADDED
from cluster_brand.rules.application.work_plan import WORK_ITEM_KEYS
from cluster_brand.rules.pilot_years import calendar as pilot_calendar
from cluster_brand.rules.pilot_years import completeness as summary_completeness
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from tests.sample_summary import CODE, complete_summary

# --- the due date and the province's earlier date ------------------------------------------------------


def test_due_on_30_november_of_the_reporting_year():
	assert pilot_calendar.due_date(2018) == date(2018, 11, 30)


def test_the_provinces_earlier_date_applies_to_every_reporting_year():
	assert pilot_calendar.due_date(2019, date(2018, 11, 15)) == date(2019, 11, 15)


def test_a_later_date_of_the_province_does_not_move_30_november():
	assert pilot_calendar.due_date(2018, date(2018, 12, 20)) == date(2018, 11, 30)


def test_a_province_date_of_29_february_falls_on_28_february_in_other_years():
	assert pilot_calendar.due_date(2019, date(2016, 2, 29)) == date(2019, 2, 28)


def test_the_province_may_not_set_a_date_after_30_november():
	assert pilot_calendar.check_province_due(date(2018, 12, 1))[0].fieldname == "annual_summary_due_date"
	assert pilot_calendar.check_province_due(date(2018, 11, 30)) == []


def test_overdue_only_while_not_yet_submitted():
	due = date(2018, 11, 30)
	assert pilot_calendar.is_overdue(workflow.DRAFT, due, date(2018, 12, 1))
	assert pilot_calendar.is_overdue(workflow.RETURNED, due, date(2018, 12, 1))
	assert not pilot_calendar.is_overdue(workflow.DRAFT, due, date(2018, 11, 30))
	assert not pilot_calendar.is_overdue(
		summary_workflow.PENDING_PROVINCIAL_INSPECTION, due, date(2018, 12, 1)
	)


def test_reminder_in_the_week_before_the_due_date():
	due = date(2018, 11, 30)
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 23))
	assert pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 30))
	assert not pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 11, 22))
	assert not pilot_calendar.reminder_due(workflow.DRAFT, due, date(2018, 12, 1))
	assert not pilot_calendar.reminder_due(summary_workflow.FORWARDED_TO_MINISTRY, due, date(2018, 11, 29))


def test_the_reporting_year_lies_in_the_pilot_period():
	start, end = date(2017, 12, 1), date(2020, 12, 1)
	assert pilot_calendar.check_reporting_year(2018, start, end) == []
	assert pilot_calendar.check_reporting_year(2021, start, end)[0].args["year"] == 2021
	assert pilot_calendar.check_reporting_year(None, start, end)[0].fieldname == "reporting_year"


def test_a_pilot_designated_in_december_reports_first_on_the_next_year():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	assert pilot_calendar.reporting_years(start, end) == [2018, 2019, 2020]
	assert pilot_calendar.reporting_years(date(2017, 6, 1), date(2020, 6, 1)) == [2017, 2018, 2019]


def test_overdue_years_count_the_missing_and_the_unsubmitted_summaries():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	today = date(2019, 12, 5)
	assert pilot_calendar.overdue_years(start, end, today, {}) == [2018, 2019]
	states = {2018: summary_workflow.ACCEPTED, 2019: workflow.RETURNED}
	assert pilot_calendar.overdue_years(start, end, today, states) == [2019]
	assert pilot_calendar.overdue_years(start, end, date(2019, 11, 20), states, date(2017, 11, 15)) == [2019]
	assert pilot_calendar.overdue_years(start, end, date(2019, 11, 20), states) == []


def test_the_suggested_year_is_the_earliest_unreported_one():
	start, end = date(2017, 12, 20), date(2020, 12, 20)
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2019, 3, 1)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, {2018}, date(2019, 3, 1)) == 2019
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2018, 1, 5)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, set(), date(2017, 12, 25)) == 2018
	assert pilot_calendar.suggested_reporting_year(start, end, {2018, 2019, 2020}, date(2020, 3, 1)) is None


def test_summary_rows_list_the_years_due_by_now_those_with_the_unit_first():
	pilot = {
		"name": "BP-2017-001",
		"start_date": date(2017, 12, 20),
		"planned_end_date": date(2020, 12, 20),
		"summaries": {2018: {"name": "BP-2017-001-2018", "workflow_state": summary_workflow.ACCEPTED}},
	}
	rows = pilot_calendar.summary_rows([pilot], date(2019, 12, 2))
	assert [(r["reporting_year"], r["summary"], r["with_unit"], r["overdue"]) for r in rows] == [
		(2019, None, True, True),
		(2018, "BP-2017-001-2018", False, False),
	]
	# before its first year: nothing due yet, but a summary already started is listed (work waiting)
	assert pilot_calendar.summary_rows([{**pilot, "summaries": {}}], date(2017, 12, 25)) == []
	assert [r["reporting_year"] for r in pilot_calendar.summary_rows([pilot], date(2017, 12, 25))] == [2018]


# --- overdue measures ------------------------------------------------------------------------------------


def test_a_measure_past_its_time_node_and_not_completed_is_overdue():
	as_of = date(2018, 11, 1)
	assert summary_progress.measure_is_overdue(
		{"time_node": date(2018, 6, 30), "status": summary_progress.IN_PROGRESS}, as_of
	)
	assert not summary_progress.measure_is_overdue(
		{"time_node": date(2018, 6, 30), "status": summary_progress.COMPLETED}, as_of
	)
	assert not summary_progress.measure_is_overdue(
		{"time_node": date(2018, 12, 30), "status": summary_progress.NOT_STARTED}, as_of
	)


def test_an_overdue_measure_needs_a_reason():
	row = {
		"measure_no": "2.1",
		"time_node": date(2018, 6, 30),
		"status": summary_progress.DELAYED,
		"work_done": "部分",
	}
	violations = summary_progress.check_measures([row], date(2018, 11, 1))
	assert [v.column for v in violations] == ["delay_reason"]
	assert violations[0].args["number"] == "2.1"
	row["delay_reason"] = "资金未到位"
	assert summary_progress.check_measures([row], date(2018, 11, 1)) == []


def test_progress_is_judged_at_the_end_of_the_reporting_year_at_the_latest():
	assert summary_progress.progress_as_of(2018, date(2019, 3, 1)) == date(2018, 12, 31)
	assert summary_progress.progress_as_of(2018, date(2018, 10, 1)) == date(2018, 10, 1)


def test_a_measure_under_way_says_what_was_done():
	violations = summary_progress.check_measures(
		[{"measure_no": "1.1", "status": summary_progress.IN_PROGRESS}], date(2018, 1, 1)
	)
	assert [v.column for v in violations] == ["work_done"]


def test_progress_rows_follow_the_plan_and_carry_over_last_years_status():
	plan = [
		{
			"work_item": WORK_ITEM_KEYS[0],
			"measure_no": "1.1",
			"measure": "甲",
			"time_node": date(2018, 6, 30),
		},
		{
			"work_item": WORK_ITEM_KEYS[1],
			"measure_no": "2.1",
			"measure": "乙",
			"time_node": date(2019, 6, 30),
		},
	]
	previous = [{"measure_no": "1.1", "status": summary_progress.COMPLETED, "work_done": "做完了"}]
	rows = summary_progress.measure_progress_rows(plan, previous)
	assert [(r["measure_no"], r["status"], r["work_done"]) for r in rows] == [
		("1.1", summary_progress.COMPLETED, "做完了"),
		("2.1", summary_progress.NOT_STARTED, None),
	]


# --- the yearly self-evaluation ------------------------------------------------------------------------


def test_at_least_one_self_evaluation_in_the_reporting_year():
	assert summary_progress.check_self_evaluations([], 2018)[0].fieldname == "self_evaluations"
	wrong_year = [{"evaluation_date": date(2017, 10, 1), "method": "自评", "result": "良好"}]
	messages = [v.message for v in summary_progress.check_self_evaluations(wrong_year, 2018)]
	assert len(messages) == 2  # the row's year, and none in the year
	good = [{"evaluation_date": date(2018, 10, 1), "method": "自评", "result": "良好"}]
	assert summary_progress.check_self_evaluations(good, 2018) == []


def test_a_self_evaluation_names_its_missing_method_and_result():
	rows = [{"evaluation_date": date(2018, 10, 1)}]
	assert [v.column for v in summary_progress.check_self_evaluations(rows, 2018)] == ["method", "result"]


# --- own-brand share and the indicators ------------------------------------------------------------------


def test_own_brand_share_is_summed_own_brand_sales_over_summed_sales():
	rows = [
		{"sales_revenue": 300.0, "own_brand_sales_revenue": 100.0},
		{"sales_revenue": 100.0, "own_brand_sales_revenue": 100.0},
	]
	assert summary_indicators.own_brand_sales_share(rows) == 50.0
	assert (
		summary_indicators.own_brand_sales_share([{"sales_revenue": 0, "own_brand_sales_revenue": 0}]) is None
	)


def test_backbone_rows_keep_the_applications_rules():
	rows = [{"enterprise": "123", "sales_revenue": -1.0, "own_brand_sales_revenue": 5.0}]
	columns = {v.column for v in summary_indicators.check_backbone_entries(rows)}
	assert {"enterprise", "sales_revenue", "own_brand_sales_revenue"} <= columns


def test_backbone_rows_are_prefilled_from_the_previous_year():
	previous = [{"enterprise": CODE, "enterprise_name": "甲", "sales_revenue": 5.0, "name": "x", "idx": 1}]
	rows = summary_indicators.backbone_rows(previous)
	assert rows[0]["enterprise"] == CODE and rows[0]["sales_revenue"] == 5.0 and "name" not in rows[0]


def test_change_against_the_baseline_and_the_derived_ratios():
	rows = [
		{"indicator": OUTPUT, "baseline_value": 100.0, "reporting_value": 120.0},
		{"indicator": VALUE_ADDED, "baseline_value": 20.0, "reporting_value": 30.0},
		{"indicator": PROFIT, "baseline_value": -10.0, "reporting_value": 5.0},
	]
	compared, derived = summary_indicators.compare_indicators(rows)
	assert [r["change_percent"] for r in compared] == [20.0, 50.0, 150.0]
	rate = next(d for d in derived if d["derived_indicator"] == summary_indicators.RATIOS[0])
	assert (rate["baseline_value"], rate["reporting_value"], rate["change"]) == (20.0, 25.0, 5.0)
	assert [d["derived_indicator"] for d in derived] == list(summary_indicators.RATIOS)


def test_no_change_without_a_baseline():
	assert summary_indicators.growth_percent(None, 5) is None
	assert summary_indicators.growth_percent(0, 5) is None


def test_new_product_output_is_the_twelfth_indicator_without_a_baseline():
	baseline = summary_indicators.baseline_of([{"indicator": INDICATORS[0].key, "year_3_value": 7}])
	rows = summary_indicators.indicator_rows(baseline)
	assert len(rows) == 12 and rows[0]["baseline_value"] == 7
	assert (
		rows[-1]["indicator"] == summary_indicators.NEW_PRODUCT_OUTPUT.key
		and rows[-1]["baseline_value"] is None
	)


def test_a_negative_reported_amount_is_refused_with_its_cell():
	rows = [{"indicator": OUTPUT, "reporting_value": -1}]
	violation = summary_indicators.check_indicator_entries(rows, 2018)[0]
	assert (violation.fieldname, violation.row, violation.column) == ("indicators", 1, "reporting_value")


def test_percent_of_target():
	assert summary_progress.percent_of_target(200, 50) == 25.0
	assert summary_progress.percent_of_target(0, 50) is None


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


# --- the steps of the workflow and the edit locks -------------------------------------------------------


def transition(previous, target, summary=None):
	return summary_workflow.check_transition(
		summary_workflow.SummaryTransition(
			previous, target, date(2018, 11, 1), summary or {"reporting_year": 2018}
		)
	)


def test_only_a_complete_summary_goes_to_the_province():
	assert transition(workflow.DRAFT, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
	assert (
		transition(workflow.DRAFT, summary_workflow.PENDING_PROVINCIAL_INSPECTION, complete_summary()) == []
	)


def test_the_province_records_its_inspection_before_forwarding_or_returning():
	for target in (summary_workflow.FORWARDED_TO_MINISTRY, workflow.RETURNED):
		fields = [v.fieldname for v in transition(summary_workflow.PENDING_PROVINCIAL_INSPECTION, target)]
		assert fields == ["inspection_date", "inspectors", "inspection_findings", "inspection_opinion"]
	recorded = {
		"inspection_date": date(2018, 12, 5),
		"inspectors": "王五",
		"inspection_findings": "按计划推进",
		"inspection_opinion": "同意",
	}
	assert (
		transition(
			summary_workflow.PENDING_PROVINCIAL_INSPECTION, summary_workflow.FORWARDED_TO_MINISTRY, recorded
		)
		== []
	)


def test_the_ministry_writes_its_opinion_before_accepting_or_returning():
	for target in (summary_workflow.ACCEPTED, workflow.RETURNED):
		assert [v.fieldname for v in transition(summary_workflow.FORWARDED_TO_MINISTRY, target)] == [
			"acceptance_opinion"
		]
	assert (
		transition(
			summary_workflow.FORWARDED_TO_MINISTRY, summary_workflow.ACCEPTED, {"acceptance_opinion": "通过"}
		)
		== []
	)


def test_each_part_is_edited_by_its_role_in_its_stage():
	unit, province = {"Cluster Applicant"}, {"Provincial Reviewer"}
	assert summary_workflow.forbidden_edits(workflow.DRAFT, {0}, unit) == []
	assert summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {0}, unit)[
		0
	].args["state"] == (summary_workflow.PENDING_PROVINCIAL_INSPECTION)
	assert (
		summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {1}, province) == []
	)
	assert summary_workflow.forbidden_edits(summary_workflow.PENDING_PROVINCIAL_INSPECTION, {1}, unit)[
		0
	].args["role"] == ("Provincial Reviewer")
	assert summary_workflow.forbidden_edits(summary_workflow.ACCEPTED, {2}, {"Ministry Administrator"})
	assert summary_workflow.editable_levels(
		summary_workflow.FORWARDED_TO_MINISTRY, {"Ministry Administrator"}
	) == [2]


def test_a_reporting_year_the_calendar_does_not_have_is_refused_before_any_date_of_it():
	# the controller checks the year first: its due date, date(10000, 11, 30), would fail (a 500)
	for year in (0, -1, 10000, 99999):
		(violation,) = pilot_calendar.check_reporting_year(year, None, None)
		assert violation.fieldname == "reporting_year" and "1 to 9999" in violation.message
	assert pilot_calendar.check_reporting_year(9999, None, None) == []


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
