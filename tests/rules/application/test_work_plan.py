from datetime import date

from cluster_brand.rules.application.work_plan import (
	WORK_ITEM_KEYS,
	check_time_nodes,
	check_work_plan,
	cycle_window,
	number_measures,
	sort_tasks,
)


def full_plan():
	items = [{"work_item": k, "current_state": "现状", "work_goal": "目标"} for k in WORK_ITEM_KEYS]
	tasks = [
		{"work_item": k, "measure": "措施", "time_node": date(2018, 6, 30), "responsible_party": "县经信局"}
		for k in WORK_ITEM_KEYS
	]
	return items, tasks


def test_seven_official_work_items():
	assert len(WORK_ITEM_KEYS) == 7


def test_complete_plan_passes():
	assert check_work_plan(*full_plan()) == []


def test_a_missing_work_item_is_named():
	items, tasks = full_plan()
	violations = check_work_plan(items[:-1], tasks)
	assert [v.args.get("number") for v in violations] == [7]
	assert violations[0].args["item"] == WORK_ITEM_KEYS[6]


def test_each_item_needs_a_measure_with_time_node_and_responsible_party():
	items, tasks = full_plan()
	tasks[1] = {"work_item": WORK_ITEM_KEYS[2], "measure": "", "time_node": None, "responsible_party": ""}
	messages = [v.message for v in check_work_plan(items, tasks)]
	assert any("has no measure" in m for m in messages)  # work item 2 lost its only measure
	assert sum("measure {number}" in m for m in messages) == 3


def test_measures_are_numbered_per_work_item_in_official_order():
	tasks = [
		{"work_item": WORK_ITEM_KEYS[1]},
		{"work_item": WORK_ITEM_KEYS[0]},
		{"work_item": WORK_ITEM_KEYS[1]},
		{"work_item": WORK_ITEM_KEYS[0]},
	]
	ordered = sort_tasks(tasks)
	assert [t["work_item"] for t in ordered] == [WORK_ITEM_KEYS[0]] * 2 + [WORK_ITEM_KEYS[1]] * 2
	assert ordered[0] is tasks[1] and ordered[1] is tasks[3]  # stable within an item
	assert number_measures(ordered) == ["1.1", "1.2", "2.1", "2.2"]


def test_cycle_window_counts_from_the_batch():
	assert cycle_window(2017, 3) == (date(2017, 1, 1), date(2020, 12, 31))
	assert cycle_window(2017, 1) == (date(2017, 1, 1), date(2018, 12, 31))


def test_time_nodes_outside_the_cycle_are_refused():
	tasks = [
		{"time_node": date(2020, 12, 31), "measure_no": "1.1"},
		{"time_node": date(2021, 1, 1), "measure_no": "1.2"},
		{"time_node": date(2016, 12, 31), "measure_no": "1.3"},
	]
	violations = check_time_nodes(tasks, cycle_window(2017, 3))
	assert [v.args["number"] for v in violations] == ["1.2", "1.3"]
