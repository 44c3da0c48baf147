"""rules/views/overdue_summaries.py: the 逾期未报 list of the annual work summaries."""

from datetime import date

from cluster_brand.rules.application.workflow import DRAFT, RETURNED
from cluster_brand.rules.pilot_years.workflow import PENDING_PROVINCIAL_INSPECTION
from cluster_brand.rules.views.overdue_summaries import overdue_rows


def pilot(summaries=None, readable=None, province_due=None, **more):
	return {
		"name": "BP-2017-001",
		"industrial_cluster": "青溪县五金工具产业集群",
		"organizing_unit": "青溪县经济和信息化局",
		"recommending_authority": "浙江省",
		"start_date": date(2018, 1, 15),
		"planned_end_date": date(2020, 12, 31),
		"province_due": province_due,
		"summaries": summaries or {},
		"readable_summaries": summaries if readable is None else readable,
		**more,
	}


def summary(name, state):
	return {"name": name, "workflow_state": state}


def test_each_year_past_its_due_date_and_not_with_the_province_a_missing_one_too():
	summaries = {2018: summary("AWS-1", PENDING_PROVINCIAL_INSPECTION), 2019: summary("AWS-2", RETURNED)}
	rows = overdue_rows([pilot(summaries)], date(2020, 12, 5))
	assert [(r["reporting_year"], r["annual_work_summary"], r["workflow_state"]) for r in rows] == [
		(2019, "AWS-2", RETURNED),
		(2020, None, None),
	]
	assert rows[-1]["due_date"] == date(2020, 11, 30)
	assert rows[-1]["days_overdue"] == 5
	assert rows[-1]["recommending_authority"] == "浙江省"


def test_the_provinces_own_earlier_date_counts():
	rows = overdue_rows([pilot(province_due=date(2000, 10, 31))], date(2018, 11, 5))
	assert [(r["reporting_year"], r["due_date"], r["days_overdue"]) for r in rows] == [
		(2018, date(2018, 10, 31), 5)
	]


def test_a_draft_the_reader_may_not_read_is_overdue_but_not_named():
	"""A province does not read the unit's draft: the year is overdue by the draft's true state, unnamed."""
	rows = overdue_rows([pilot({2018: summary("AWS-1", DRAFT)}, readable={})], date(2018, 12, 1))
	assert [(r["reporting_year"], r["annual_work_summary"]) for r in rows] == [(2018, None)]


def test_a_pilot_without_its_period_has_no_row():
	assert overdue_rows([pilot(start_date=None)], date(2020, 12, 5)) == []
