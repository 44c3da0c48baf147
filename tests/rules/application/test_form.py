"""The 申报书 as a whole: a complete demo application passes, and each rule's violation is reported."""

from datetime import date

from sample_application import BATCH_YEAR, complete_application

from cluster_brand.rules.application.completeness import missing_items
from cluster_brand.rules.application.enterprises import MINIMUM_COVERAGE_PERCENT
from cluster_brand.rules.application.form import check_entries, check_ready_to_leave_draft, derived_values
from cluster_brand.rules.application.indicators import SALES, indicator_years


def test_the_complete_demo_application_passes_every_check():
	doc = complete_application()
	assert check_entries(doc, BATCH_YEAR) == []
	assert check_ready_to_leave_draft(doc, BATCH_YEAR) == []


def test_an_empty_application_lists_every_required_item_by_official_name():
	missing = missing_items({}, indicator_years(BATCH_YEAR))
	items = [v.args.get("item") for v in missing]
	assert "Applicant Unit" in items and "Scan of the Stamped Application Form" in items
	assert "1. Profile of the Leading Industry" in items and "Supporting Policies" in items
	assert "6. Other Matters to Explain" not in items  # optional in the official outline
	indicator_rows = [v for v in missing if v.args.get("year")]
	assert len(indicator_rows) == 33 and indicator_rows[0].args["year"] == "2014年"
	assert sum(v.message.startswith("Declaration not made") for v in missing) == 3


def test_zero_counts_as_missing_only_where_zero_is_impossible():
	doc = complete_application()
	for row in doc["indicators"]:
		if row["indicator"] in (SALES, "Total Exports of the Leading Industry (100 million yuan)"):
			row["year_2_value"] = 0
	years = [
		(v.args["item"], v.args["year"])
		for v in missing_items(doc, indicator_years(BATCH_YEAR))
		if v.args.get("year")
	]
	assert years == [(SALES, "2015年")]


def test_coverage_below_eighty_percent_blocks_submission():
	doc = complete_application()
	doc["backbone_enterprises"] = doc["backbone_enterprises"][:3]
	messages = [v.message for v in check_ready_to_leave_draft(doc, BATCH_YEAR)]
	assert any("requires at least {minimum}%" in m for m in messages)


def test_wrong_top_three_blocks_submission():
	doc = complete_application()
	doc["top_enterprises"][2]["enterprise"] = doc["backbone_enterprises"][-1]["enterprise"]
	messages = [v.message for v in check_ready_to_leave_draft(doc, BATCH_YEAR)]
	assert any("must be the top three" in m for m in messages)


def test_time_node_outside_the_cycle_is_an_entry_error():
	doc = complete_application()
	doc["pilot_cycle_years"] = "1"
	late = [t for t in doc["tasks"] if t["time_node"] > date(2018, 12, 31)]
	assert late, "the demo plans measures beyond the first two years"
	assert len(check_entries(doc, BATCH_YEAR)) == len(late)


def test_derived_values():
	doc = complete_application()
	values = derived_values(doc, BATCH_YEAR)
	assert values["statistics_year"] == 2016
	assert values["total_sales_revenue"] == sum(r["sales_revenue"] for r in doc["backbone_enterprises"])
	assert MINIMUM_COVERAGE_PERCENT <= values["backbone_sales_coverage"] <= 100
	assert values["cycle_start"] == date(2017, 1, 1) and values["cycle_end"] == date(2020, 12, 31)
	assert values["total_funding"] == sum(f["amount"] for f in doc["funding_plan"])
	assert len(values["derived_indicators"]) == 6
