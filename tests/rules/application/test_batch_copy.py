"""The copy of an application into a new batch (rules/application/batch_copy.py): its years shifted, what stays
behind, and when it is refused."""

import json
from datetime import date
from pathlib import Path

from sample_application import BATCH_YEAR, complete_application

from cluster_brand.rules.application.batch_copy import (
	COPIED_FROM,
	OPEN_FOR_APPLICATION,
	FieldInfo,
	carried_fields,
	check_copy,
	copy_values,
	shift_indicator_years,
	shift_plan_years,
)
from cluster_brand.rules.application.form import check_ready_to_leave_draft

APPLICATION_JSON = (
	Path(__file__).resolve().parents[3]
	/ "cluster_brand/cluster_brand/doctype/cluster_brand_application/cluster_brand_application.json"
)


def application_meta() -> dict:
	return json.loads(APPLICATION_JSON.read_text())


def fields_of_the_application() -> list[FieldInfo]:
	return [
		FieldInfo(f["fieldname"], f["fieldtype"], f.get("permlevel", 0), bool(f.get("read_only")))
		for f in application_meta()["fields"]
		if f["fieldtype"] not in ("Section Break", "Column Break", "Tab Break", "HTML")
	]


def test_the_overlapping_years_keep_their_values_and_the_new_year_is_blank():
	rows = [{"indicator": "A", "unit": "个", "year_1_value": 14, "year_2_value": 15, "year_3_value": 16}]
	# 2017 batch: 2014, 2015, 2016; 2018 batch: 2015, 2016, 2017
	assert shift_indicator_years(rows, 2017, 2018) == [
		{"indicator": "A", "unit": "个", "year_1_value": 15, "year_2_value": 16, "year_3_value": None}
	]
	# two batches on: only 2016 is shared
	assert shift_indicator_years(rows, 2017, 2019)[0]["year_1_value"] == 16
	assert shift_indicator_years(rows, 2017, 2019)[0]["year_2_value"] is None
	# no year in common: every value is blank
	assert {shift_indicator_years(rows, 2017, 2021)[0][f] for f in ("year_1_value", "year_3_value")} == {None}


def test_the_copy_carries_the_applicants_part_only():
	carried = set(carried_fields(fields_of_the_application()))
	assert {
		"organizing_unit",
		"industrial_cluster",
		"leading_industry_profile",
		"indicators",
		"tasks",
	} <= carried
	# the earlier submission's batch, date and stamped scan, the process, the review, what the save derives
	for fieldname in (
		"pilot_batch",
		"application_date",
		"stamped_form_scan",
		"workflow_state",
		"recommendation_opinion",
		"paper_copies_received",
		"expert_assignments",
		"mean_score",
		"decision_date",
		"brand_pilot",
		"derived_indicators",
		"batch_year",
		"online_submission_deadline",
		COPIED_FROM,
	):
		assert fieldname not in carried, fieldname


def test_the_copy_is_a_new_draft_of_the_new_batch_linked_back():
	source = {**complete_application(), "name": "CBA-2017-00001", "pilot_batch": "2017", "batch_year": 2017}
	source.update(
		workflow_state="Approved as Pilot",
		application_date="2017-05-01",
		recommendation_opinion="同意推荐。",
		stamped_form_scan="/private/files/stamped.pdf",
	)
	tables = {
		"indicators": ["indicator", "year_1_value", "year_2_value", "year_3_value"],
		"tasks": ["measure"],
	}
	values = copy_values(source, fields_of_the_application(), tables, "2018", 2018)
	assert values["pilot_batch"] == "2018" and values[COPIED_FROM] == "CBA-2017-00001"
	for fieldname in ("workflow_state", "application_date", "recommendation_opinion", "stamped_form_scan"):
		assert fieldname not in values
	first = source["indicators"][0]
	assert values["indicators"][0]["year_1_value"] == first["year_2_value"]
	assert values["indicators"][0]["year_3_value"] is None
	assert values["organizing_unit"] == source["organizing_unit"]
	# the copy is not ready to leave its applicant: no date, no scan, the new year's indicators missing
	missing = check_ready_to_leave_draft(values, BATCH_YEAR + 1)
	items = {v.args.get("item") for v in missing}
	assert {"Application Date", "Scan of the Stamped Application Form"} <= items


def test_the_work_plan_moves_with_the_batch():
	values = {
		"tasks": [
			{"measure": "m", "time_node": "2017-12-31"},
			{"measure": "n", "time_node": date(2016, 2, 29)},
		],
		"quantitative_targets": [{"target_year": 2019}, {"target_year": 0}],
	}
	shifted = shift_plan_years(values, 1)
	assert [row["time_node"] for row in shifted["tasks"]] == [date(2018, 12, 31), date(2017, 2, 28)]
	assert [row["target_year"] for row in shifted["quantitative_targets"]] == [2020, 0]
	assert values["tasks"][0]["time_node"] == "2017-12-31"  # the source is not changed


OPEN_2018 = {"name": "2018", "batch_year": 2018, "status": OPEN_FOR_APPLICATION}
SOURCE = {"name": "CBA-2017-00001", "organizing_unit": "U", "industrial_cluster": "C", "batch_year": 2017}


def test_a_unit_copies_its_own_application_into_a_later_open_batch():
	assert check_copy(SOURCE, ["U"], OPEN_2018, None) == []


def test_refused_across_units_into_a_closed_or_earlier_batch_and_for_a_second_application():
	assert check_copy(SOURCE, ["V"], OPEN_2018, None)[0].message.startswith("Only the applicant unit")
	closed = {**OPEN_2018, "status": "Under Review"}
	assert [v.message for v in check_copy(SOURCE, ["U"], closed, None)] == [
		"Batch {batch} is not open for application."
	]
	same = {**OPEN_2018, "batch_year": 2017}
	assert check_copy(SOURCE, ["U"], same, None)[0].args["batch"] == "2018"
	assert check_copy(SOURCE, ["U"], OPEN_2018, "CBA-2018-00003")[0].args["application"] == "CBA-2018-00003"
	assert check_copy(SOURCE, ["U"], None, None)[0].fieldname == "pilot_batch"


def test_frappes_raw_duplicate_is_not_offered():
	# the DocType's allow_copy (「隐藏复制」) hides 复制 in the form's menu; the link back is no copy's
	meta = application_meta()
	assert meta["allow_copy"] == 1
	copied_from = next(f for f in meta["fields"] if f["fieldname"] == COPIED_FROM)
	assert copied_from["read_only"] and copied_from["options"] == "Cluster Brand Application"
