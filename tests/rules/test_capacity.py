"""Bad input gives a clear, translated message naming the item, never a crash or a value the column
cannot hold: non-finite numbers (``1e400`` over JSON is ``inf``), numbers too large for decimal(21,9) or
int(11), texts too long for varchar(140) or text (65,535 bytes), and numbers where text is expected."""

import json
import math

import pytest
from metadata import doctypes, translations
from sample_application import BATCH_YEAR, complete_application

from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.rules import registry
from cluster_brand.rules.application import form as application
from cluster_brand.rules.application import indicators, work_plan, workflow
from cluster_brand.rules.capacity import (
	DECIMAL_LIMIT,
	INT_MAX,
	INT_MIN,
	TEXT_BYTES,
	VARCHAR_LENGTH,
	check_capacity,
	check_table_capacity,
	storable,
)
from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.review import scoring
from cluster_brand.rules.values import as_text

INF, NAN = json.loads("1e400"), float("nan")
NON_FINITE = [INF, -INF, NAN]
SALES = indicators.SALES


def meta_fields(doctype: str) -> list[tuple]:
	"""(fieldname, fieldtype, label, length) of a DocType, as the Frappe side passes them from its meta."""
	return [
		(f["fieldname"], f["fieldtype"], f.get("label"), f.get("length"))
		for f in doctypes()[doctype]["fields"]
	]


def zh(violation) -> str:
	"""The message as a Chinese user reads it (what cluster_brand.controllers.messages.translate_violation does)."""
	t = translations()
	args = {
		k: (t.get(str(v), str(v)) if k in violation.translate_args else v) for k, v in violation.args.items()
	}
	return t[violation.message].format(**args)


def english(violation) -> str:
	return violation.message.format(**violation.args)


def indicator_rows(**overrides):
	base = {i.key: (10.0, 20.0, 40.0) for i in indicators.INDICATORS}
	base.update(overrides)
	return [
		{"indicator": k, "year_1_value": v[0], "year_2_value": v[1], "year_3_value": v[2]}
		for k, v in base.items()
	]


# --- 1. non-finite numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("indicator", indicators.INDICATORS, ids=lambda i: i.kind + ":" + i.key[:30])
@pytest.mark.parametrize("value", NON_FINITE, ids=["inf", "-inf", "nan"])
def test_non_finite_indicator_values_are_reported_by_name(indicator, value):
	violations = indicators.check_indicator_rows(indicator_rows(**{indicator.key: (value, 1.0, 1.0)}))
	assert [(v.args["item"], v.fieldname, v.row, v.column) for v in violations] == [
		(indicator.key, "indicators", indicators.INDICATORS.index(indicator) + 1, "year_1_value")
	]
	assert indicator.official_name.split("（")[0] in zh(violations[0])
	assert "不是有效的数值" in zh(violations[0])


def test_1e400_sent_over_json_is_reported_not_a_crash():
	rows = json.loads(json.dumps(indicator_rows()).replace("10.0", "1e400", 1))
	violations = indicators.check_indicator_rows(rows)
	assert len(violations) == 1 and violations[0].args["item"] == indicators.INDICATORS[0].key


@pytest.mark.parametrize("value", ["abc", [1], {"a": 1}])
def test_a_value_that_is_no_number_is_reported_not_a_crash(value):
	violations = indicators.check_indicator_rows(indicator_rows(**{SALES: (value, 1.0, 1.0)}))
	assert [v.args["item"] for v in violations] == [SALES]


def test_numbers_sent_as_text_are_read_as_numbers():
	assert indicators.check_indicator_rows(indicator_rows(**{SALES: ("1,234.5", "20", 3)})) == []


@pytest.mark.parametrize("value", NON_FINITE, ids=["inf", "-inf", "nan"])
def test_non_finite_money_in_the_application_is_reported(value):
	doc = complete_application()
	doc["funding_plan"][0]["amount"] = value
	doc["backbone_enterprises"][1]["sales_revenue"] = value
	doc["backbone_enterprises"][1]["total_profit"] = value
	derived = application.derived_values(doc, BATCH_YEAR)  # computed before the checks: must not fail
	assert all(
		math.isfinite(derived[f]) for f in ("total_funding", "total_sales_revenue", "total_profit_sum")
	)
	violations = application.check_entries(doc, BATCH_YEAR)
	items = sorted(v.args["item"] for v in violations)
	assert items == ["Amount (10,000 yuan)", "Sales Revenue (10,000 yuan)", "Total Profit (10,000 yuan)"]
	assert all("不是有效的数值" in zh(v) for v in violations)
	assert any(zh(v).startswith("资金安排第1行：金额（万元）") for v in violations)


@pytest.mark.parametrize("value", [*NON_FINITE, "abc", 10**6, 2.5])
def test_a_wrong_pilot_cycle_is_reported_not_a_crash(value):
	doc = complete_application()
	doc["pilot_cycle_years"] = value
	derived = application.derived_values(doc, BATCH_YEAR)
	assert derived["cycle_start"] is None and derived["cycle_end"] is None
	violations = application.check_entries(doc, BATCH_YEAR)
	assert [v.args.get("item") for v in violations] == ["Pilot Cycle (Years)"]


@pytest.mark.parametrize("value", ["3", 3, 3.0])
def test_the_pilot_cycle_may_come_as_text_or_number(value):
	doc = complete_application()
	doc["pilot_cycle_years"] = value
	assert application.check_entries(doc, BATCH_YEAR) == []
	assert application.derived_values(doc, BATCH_YEAR)["cycle_end"].year == BATCH_YEAR + 3


@pytest.mark.parametrize("year", [*NON_FINITE, "abc", 1e20])
def test_a_wrong_batch_year_is_reported_not_a_crash(year):
	violations = registry.check_pilot_batch({"batch_year": year, "paper_copies_required": 2})
	assert [v.args["item"] for v in violations] == ["Batch Year"]
	assert "申报年度" in zh(violations[0])


@pytest.mark.parametrize("year", [*NON_FINITE, "abc", None, ""])
def test_indicator_years_of_a_batch_year_that_is_no_number_are_none(year):
	assert indicators.indicator_years(year) == ()
	assert indicators.indicator_years("2017") == indicators.indicator_years(2017.0) == (2014, 2015, 2016)


@pytest.mark.parametrize("copies", [*NON_FINITE, "abc"])
def test_wrong_paper_copies_are_reported_not_a_crash(copies):
	violations = registry.check_pilot_batch({"batch_year": 2017, "paper_copies_required": copies})
	assert [v.args["item"] for v in violations] == ["Paper Copies Required"]


def test_a_400_digit_integer_is_too_large_not_a_crash():
	huge = json.loads("1" + "0" * 400)  # JSON keeps it an exact int
	violations = indicators.check_indicator_rows(indicator_rows(**{SALES: (huge, 1.0, 1.0)}))
	assert [v.message for v in violations] == [
		"{table}, row {row}: {item} must be less than {limit} (and more than -{limit})."
	]
	doc = complete_application()
	doc["indicators"] = indicator_rows(**{SALES: (huge, huge, huge), indicators.EXPORTS: (huge, huge, huge)})
	doc["funding_plan"][0]["amount"] = huge
	assert application.derived_values(doc, BATCH_YEAR)["total_funding"] < DECIMAL_LIMIT
	assert check_capacity({"total_funding": huge}, meta_fields(APPLICATION))


@pytest.mark.parametrize("year", [*NON_FINITE, "abc", 10**6])
def test_an_application_of_a_batch_year_that_is_no_year_does_not_crash(year):
	doc = complete_application()
	assert work_plan.cycle_window(year, 3) is None
	derived = application.derived_values(doc, year)
	assert derived["cycle_start"] is None
	application.check_entries(doc, year)
	application.check_ready_to_leave_draft(doc, year)


def test_derived_ratios_of_huge_or_wrong_inputs_stay_blank():
	value_added, output = indicators.VALUE_ADDED, indicators.OUTPUT
	rows = indicator_rows(**{value_added: (9e11, INF, "abc"), output: (1e-6, 1.0, 1.0)})
	derived = {r["derived_indicator"]: r for r in indicators.derived_indicators(rows)}
	rate = derived[indicators.VALUE_ADDED_RATE]
	assert (rate["year_1_value"], rate["year_2_value"], rate["year_3_value"]) == (None, None, None)
	doc = complete_application()
	doc["indicators"] = rows
	doc["indicators"][4]["year_3_value"] = 1e-9  # sales revenue: coverage would be astronomically large
	assert application.derived_values(doc, BATCH_YEAR)["backbone_sales_coverage"] is None


def test_expert_scores_that_are_no_number_are_reported_not_a_crash():
	scores = [
		{"criterion": "A", "weight": 50, "score": INF},
		{"criterion": "B", "weight": 50, "score": "abc"},
		{"criterion": "C", "weight": NAN, "score": 80},
	]
	weighted, total = scoring.weighted_scores(scores)
	assert all(math.isfinite(w) for w in weighted) and math.isfinite(total)
	assert [v.args["criterion"] for v in scoring.check_scores(scores)] == ["A", "B"]
	rubric = scoring.check_rubric([{"criterion": "A", "weight": INF}, {"criterion": "B", "weight": 100}])
	assert [(v.row, v.args.get("item")) for v in rubric] == [(1, "Weight")]
	assert zh(rubric[0]) == "评审指标第1行：权重不是有效的数值。"


# --- 2. numbers too large for their column ---------------------------------------------------------


@pytest.mark.parametrize("value", [1e20, DECIMAL_LIMIT, -1e20])
def test_indicator_values_beyond_decimal_21_9_are_reported(value):
	profit = indicators.PROFIT  # signed: the negative limit holds too
	violations = indicators.check_indicator_rows(indicator_rows(**{profit: (value, 1.0, 1.0)}))
	assert [v.args["item"] for v in violations] == [profit]
	assert "1,000,000,000,000" in zh(violations[0]) and "利润总额" in zh(violations[0])


def test_sales_revenue_of_1e20_is_reported():
	violations = indicators.check_indicator_rows(indicator_rows(**{SALES: (1.0, 1.0, 1e20)}))
	assert [(v.args["item"], v.fieldname, v.column) for v in violations] == [
		(SALES, "indicators", "year_3_value")
	]
	assert english(violations[0]).endswith(
		"must be less than 1,000,000,000,000 (and more than -1,000,000,000,000)."
	)


@pytest.mark.parametrize("value", [999_999_999_999.99, DECIMAL_LIMIT - 1, 0])
def test_values_just_inside_decimal_21_9_pass(value):
	assert indicators.check_indicator_rows(indicator_rows(**{SALES: (value, value, value)})) == []
	profit = indicators.PROFIT
	assert indicators.check_indicator_rows(indicator_rows(**{profit: (-value, -value, -value)})) == []


def test_funding_and_backbone_sales_of_1e20_are_reported():
	doc = complete_application()
	doc["funding_plan"][0]["amount"] = 1e20
	doc["backbone_enterprises"][0]["sales_revenue"] = 1e20
	doc["backbone_enterprises"][0]["total_profit"] = -1e20
	violations = application.check_entries(doc, BATCH_YEAR)
	assert sorted((v.fieldname, v.row, v.args["item"]) for v in violations) == [
		("backbone_enterprises", 1, "Sales Revenue (10,000 yuan)"),
		("backbone_enterprises", 1, "Total Profit (10,000 yuan)"),
		("funding_plan", 1, "Amount (10,000 yuan)"),
	]
	doc["funding_plan"][0]["amount"] = DECIMAL_LIMIT - 0.01
	doc["backbone_enterprises"][0]["sales_revenue"] = DECIMAL_LIMIT - 0.01
	doc["backbone_enterprises"][0]["total_profit"] = -(DECIMAL_LIMIT - 0.01)
	assert application.check_entries(doc, BATCH_YEAR) == []


@pytest.mark.parametrize(
	"value,ok", [(INT_MAX, True), (INT_MIN, True), (INT_MAX + 1, False), (INT_MIN - 1, False)]
)
def test_int_fields_hold_a_signed_32_bit_integer(value, ok):
	fields = meta_fields(APPLICATION)
	violations = check_capacity({"recommendation_rank": value}, fields)
	assert (violations == []) is ok
	if not ok:
		assert violations[0].fieldname == "recommendation_rank"
		assert zh(violations[0]) == "推荐排序须在-2,147,483,648至2,147,483,647之间。"


@pytest.mark.parametrize("value", [*NON_FINITE, "abc"])
def test_int_and_float_fields_refuse_what_is_no_finite_number(value):
	violations = check_capacity(
		{"recommendation_rank": value, "total_funding": value}, meta_fields(APPLICATION)
	)
	assert sorted(v.fieldname for v in violations) == ["recommendation_rank", "total_funding"]


def test_a_total_beyond_the_column_is_reported_by_the_capacity_check():
	doc = complete_application()
	doc["funding_plan"] = [{"amount": 9e11}, {"amount": 9e11}]
	doc.update(application.derived_values(doc, BATCH_YEAR))
	violations = check_capacity(doc, meta_fields(APPLICATION))
	assert [v.fieldname for v in violations] == ["total_funding"]


def test_child_rows_are_named_by_table_and_row():
	rows = [{"amount": 1.0}, {"amount": 1e20, "support_direction": "x" * (TEXT_BYTES + 1)}]
	violations = check_table_capacity(
		rows, meta_fields("Application Funding"), "Funding Plan", "funding_plan"
	)
	assert [(v.fieldname, v.row) for v in violations] == [("funding_plan", 2), ("funding_plan", 2)]
	assert zh(violations[0]).startswith("资金安排第2行：金额（万元）须小于1,000,000,000,000")
	assert english(violations[1]).startswith("Funding Plan, row 2: Direction of Support is too long")


def test_a_row_without_a_table_name_says_its_row():
	violations = check_capacity({"amount": INF}, meta_fields("Application Funding"), row=3)
	assert english(violations[0]) == "Row 3: Amount (10,000 yuan) is not a valid number."
	assert zh(violations[0]) == "第3行：金额（万元）不是有效的数值。"


# --- 3. texts too long for their column ------------------------------------------------------------


@pytest.mark.parametrize(
	"text,ok",
	[
		("x" * 100_000, False),
		("产" * 30_000, False),  # 90,000 bytes
		("x" * TEXT_BYTES, True),
		("x" * (TEXT_BYTES + 1), False),
		("产" * (TEXT_BYTES // 3), True),  # 21,845 Chinese characters = 65,535 bytes
		("产" * (TEXT_BYTES // 3) + "x", False),
	],
	ids=["100k-ascii", "30k-chinese", "65535-ascii", "65536-ascii", "21845-chinese", "21845-chinese+1"],
)
def test_text_fields_hold_65535_bytes(text, ok):
	fields = meta_fields(APPLICATION)
	violations = check_capacity({"leading_industry_profile": text, "other_matters": text}, fields)
	assert (violations == []) is ok
	if not ok:
		assert [v.fieldname for v in violations] == ["leading_industry_profile", "other_matters"]
		message = zh(violations[0])
		assert "主导产业简介" in message and "65,535字节" in message and "21,845个汉字" in message


def test_small_text_holds_65535_bytes_too():
	violations = check_capacity({"address": "路" * 30_000}, meta_fields("Organizing Unit"))
	assert [v.fieldname for v in violations] == ["address"]


@pytest.mark.parametrize(
	"text,ok",
	[("x" * VARCHAR_LENGTH, True), ("x" * 141, False), ("产" * VARCHAR_LENGTH, True), ("产" * 141, False)],
)
def test_data_fields_hold_140_characters(text, ok):
	violations = check_capacity({"unit_name": text}, meta_fields("Organizing Unit"))
	assert (violations == []) is ok
	if not ok:
		assert english(violations[0]) == "Unit Name is too long: at most 140 characters, not 141."
		assert zh(violations[0]).endswith("过长：最多140个字符，现为141个字符。")


def test_a_data_field_with_its_own_length_holds_that_many_characters():
	fields = meta_fields("Organizing Unit")
	assert check_capacity({"unified_social_credit_code": "9" * 18}, fields) == []
	violations = check_capacity({"unified_social_credit_code": "9" * 19, "postcode": 3100000}, fields)
	assert [(v.fieldname, v.args["limit"]) for v in violations] == [
		("unified_social_credit_code", "18"),
		("postcode", "6"),
	]


def test_an_int_field_longer_than_11_digits_is_a_bigint():
	assert check_capacity({"n": INT_MAX + 1}, [("n", "Int", "N", 20)]) == []
	assert check_capacity({"n": 2**63}, [("n", "Int", "N", 20)])


def test_long_text_fields_are_not_limited():
	assert check_capacity({"body": "x" * 100_000}, [("body", "Long Text", "Body")]) == []
	assert check_capacity({"body": "x" * 100_000}, [("body", "Text Editor", "Body")]) == []


def test_the_demo_application_fits_every_column():
	doc = complete_application()
	doc.update(application.derived_values(doc, BATCH_YEAR))
	assert check_capacity(doc, meta_fields(APPLICATION)) == []
	for table, child in (
		("indicators", "Application Indicator"),
		("backbone_enterprises", "Application Backbone Enterprise"),
		("top_enterprises", "Application Top Enterprise"),
		("funding_plan", "Application Funding"),
		("tasks", "Application Task"),
		("derived_indicators", "Application Derived Indicator"),
	):
		assert check_table_capacity(doc.get(table) or [], meta_fields(child), table, table) == [], table


# --- 4. numbers where text is expected -------------------------------------------------------------


def test_a_postcode_sent_as_a_number_is_read_as_text():
	assert registry.check_organizing_unit({"postcode": 310000}) == []
	violations = registry.check_organizing_unit({"postcode": 31000})
	assert [(v.args["item"], v.args["value"]) for v in violations] == [("Postcode", "31000")]
	assert zh(violations[0]) == "邮政编码“31000”应为6位数字。"


def test_contacts_and_codes_sent_as_numbers_are_read_as_text():
	unit = {"mobile": 13812345678, "contact_phone": 1068205252, "unified_social_credit_code": 12345}
	assert [v.fieldname for v in registry.check_organizing_unit(unit)] == [
		"contact_phone",
		"unified_social_credit_code",
	]
	assert normalize_credit_code(12345) == "12345"
	assert as_text(310000) == "310000" and as_text(310000.0) == "310000" and as_text(None) == ""


def test_work_plan_and_review_texts_sent_as_numbers_do_not_crash():
	tasks = [
		{"work_item": key, "measure": 1, "responsible_party": 2, "time_node": None}
		for key in work_plan.WORK_ITEM_KEYS
	]
	items = [{"work_item": key, "current_state": 3, "work_goal": 4.5} for key in work_plan.WORK_ITEM_KEYS]
	assert {v.message for v in work_plan.check_work_plan(items, tasks)} == {
		"Work task plan, measure {number}: the time node is missing."
	}
	facts = workflow.TransitionFacts(today=None, recommendation_opinion=123, recommendation_rank=1)
	assert workflow.check_transition(workflow.PENDING_PROVINCIAL_REVIEW, workflow.RETURNED, facts) == []
	assert scoring.check_rubric([{"criterion": 7, "weight": 100}]) == []


def test_storable_keeps_what_fits_and_blanks_the_rest():
	assert storable(12.5) == 12.5 and storable(None) is None
	assert storable(INF) is None and storable(NAN) is None and storable(1e12) is None
	assert storable(INT_MAX + 1, "Int") is None and storable(INT_MAX, "Int") == INT_MAX


# --- 5. links to records that do not exist (named like the capacity messages) -----------------------


def test_a_missing_link_is_named_by_its_item_and_row():
	from cluster_brand.rules.links import missing_link

	assert zh(missing_link("Pilot Batch", "无", PILOT_BATCH, "pilot_batch")) == "申报批次“无”不存在。"
	v = missing_link(
		"Enterprise",
		"X",
		"Cluster Enterprise",
		"backbone_enterprises",
		3,
		"2. Backbone Enterprise Summary Table",
	)
	assert (v.fieldname, v.row) == ("backbone_enterprises", 3)
	assert zh(v) == "二、骨干企业汇总表第3行：企业“X”在集群企业中不存在。"
	assert (
		english(v)
		== '2. Backbone Enterprise Summary Table, row 3: Enterprise "X" does not exist in Cluster Enterprise.'
	)
