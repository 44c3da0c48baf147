"""附表 工作任务计划表 from Excel (cluster_brand/office/task_plan_sheet.py): the template, and a filled sheet read
as real sheets write it (merged item cells, typed measure numbers, time nodes in words), every problem listed."""

import io
from datetime import date

from openpyxl import Workbook, load_workbook

from cluster_brand.office import task_plan_sheet
from cluster_brand.rules.application import work_plan

CONTEXT = {"batch_year": 2017, "pilot_cycle_years": 3}
HEADS = ["序号", "工作项目", "工作现状", "工作目标", "主要措施", "时间节点", "任务分工"]
KEYS = work_plan.WORK_ITEM_KEYS


def filled(rows, merge=()) -> bytes:
	book = Workbook()
	sheet = book.active
	sheet.append(["工作任务计划表"])
	sheet.merge_cells("A1:G1")
	sheet.append(HEADS)
	for row in rows:
		sheet.append(list(row) + [None] * (7 - len(row)))
	for cells in merge:
		sheet.merge_cells(cells)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def messages(result):
	return [(e.row, e.name, e.column, e.message.format(**e.args)) for e in result.errors]


def test_the_blank_template_is_the_annexs_table():
	sheet = load_workbook(io.BytesIO(task_plan_sheet.template({}))).active
	rows = list(sheet.iter_rows(values_only=True))
	assert rows[0][0] == "工作任务计划表"
	assert list(rows[2]) == HEADS
	items = [(row[0], row[1]) for row in rows[3:] if row[1]]
	assert items == [(n, zh) for n, (_key, zh) in enumerate(work_plan.WORK_ITEMS, start=1)]
	assert [row[4] for row in rows[3:5]] == ["1.1", "1.2"]
	assert len(rows) == 3 + 7 * 2
	assert "A4:A5" in {str(r) for r in sheet.merged_cells.ranges}


def test_the_template_round_trips_the_applications_plan():
	context = {
		**CONTEXT,
		"work_items": [{"work_item": KEYS[0], "current_state": "现状甲", "work_goal": "目标甲"}],
		"tasks": [
			{
				"work_item": KEYS[0],
				"measure": "编制规划",
				"time_node": date(2018, 6, 30),
				"responsible_party": "管委会",
			},
			{
				"work_item": KEYS[0],
				"measure": "设立机构",
				"time_node": date(2019, 6, 30),
				"responsible_party": "协会",
			},
		],
	}
	result = task_plan_sheet.read(task_plan_sheet.template(context), CONTEXT)
	assert result.errors == []
	assert [(t["measure_no"], t["measure"], t["time_node"]) for t in result.rows] == [
		("1.1", "编制规划", date(2018, 6, 30)),
		("1.2", "设立机构", date(2019, 6, 30)),
	]
	assert result.related["work_items"][0] == {
		"work_item_no": 1,
		"work_item": KEYS[0],
		"current_state": "现状甲",
		"work_goal": "目标甲",
	}
	# the other six as the form lists them, blank
	assert [
		(w["work_item_no"], w["work_item"], w["current_state"]) for w in result.related["work_items"][1:]
	] == [(n, key, "") for n, key in enumerate(KEYS[1:], start=2)]


def test_real_sheets_quirks_are_read():
	result = task_plan_sheet.read(
		filled(
			[
				[
					"1",
					"实施区域品牌发展战略",
					"现状",
					"目标",
					"1.1、编制区域品牌发展规划",
					"2018年6月",
					"管委会",
				],
				[None, None, None, None, "1.2 出台扶持政策", "2018年底", "经信局"],
				[],
				[2, None, "现状二", "目标二", "（1）建立联席会议", "２０１９．３．３１", "协会"],
				["", "健全 区域品牌保护机制", "", "", "开展打假", 43281, "市场监管局"],
			],
			merge=("A3:A4", "B3:B4", "C3:C4", "D3:D4"),
		),
		CONTEXT,
	)
	assert result.errors == []
	assert [(t["work_item"], t["measure_no"], t["measure"], t["time_node"]) for t in result.rows] == [
		(KEYS[0], "1.1", "编制区域品牌发展规划", date(2018, 6, 30)),
		(KEYS[0], "1.2", "出台扶持政策", date(2018, 12, 31)),
		(KEYS[1], "2.1", "建立联席会议", date(2019, 3, 31)),
		(KEYS[4], "5.1", "开展打假", date(2018, 6, 30)),
	]
	planned = [w["work_item"] for w in result.related["work_items"] if w["current_state"]]
	assert planned == [KEYS[0], KEYS[1]]  # the fifth has a measure but no state
	assert [w["work_item"] for w in result.related["work_items"]] == list(KEYS)


def test_every_problem_is_listed_with_its_row_item_and_column():
	result = task_plan_sheet.read(
		filled(
			[
				[None, None, None, None, "无项目的措施", "2018年", "甲"],
				["1", "实施区域品牌发展战略", "现状", "目标", "措施一", "明年", "甲"],
				[None, None, "另一个现状", None, "措施二", "2019-01-01", "乙"],
				[None, None, None, None, None, "2018-01-01", "丙"],
				["8", "品牌国际化", None, None, "措施", "2018", "丁"],
			]
		),
		CONTEXT,
	)
	assert messages(result) == [
		(
			3,
			"",
			"工作项目",
			"The measure has no work item: write the item's number or name in its row or above it.",
		),
		(
			4,
			"实施区域品牌发展战略",
			"时间节点",
			"明年 is no date: write the time node as 2018-06-30 or 2018年6月.",
		),
		(
			5,
			"实施区域品牌发展战略",
			"工作现状",
			"{item} of this work item is written twice, differently (rows {first} and {second}).".format(
				item="工作现状", first=4, second=5
			),
		),
		(
			6,
			"实施区域品牌发展战略",
			"主要措施",
			"The row has a time node or a responsible party but no measure.",
		),
		(7, "品牌国际化", "工作项目", "品牌国际化 is not one of the seven work items of the work task plan."),
	]


def test_a_time_node_outside_the_pilot_cycle_is_refused_with_its_row():
	result = task_plan_sheet.read(
		filled([["1", "实施区域品牌发展战略", "现状", "目标", "措施一", "2025-01-01", "甲"]]), CONTEXT
	)
	((row, name, column, message),) = messages(result)
	assert (row, name, column) == (3, "实施区域品牌发展战略", "时间节点")
	assert "1.1" in message and "2025-01-01" in message and "2020-12-31" in message


def test_a_sheet_without_heads_or_rows_is_refused():
	book = Workbook()
	book.active.append(["名称"])
	buffer = io.BytesIO()
	book.save(buffer)
	assert messages(task_plan_sheet.read(buffer.getvalue(), CONTEXT))[0][3].startswith("No row of the sheet")
	assert messages(task_plan_sheet.read(filled([]), CONTEXT)) == [
		(None, "", "", "The sheet has no filled row below its column heads.")
	]


def test_the_blank_template_imports_nothing():
	result = task_plan_sheet.read(task_plan_sheet.template({}), CONTEXT)
	assert [e.message for e in result.errors] == ["The sheet has no filled row below its column heads."]
	assert result.rows == []


def test_a_file_that_is_no_workbook_is_one_problem_not_a_failure():
	result = task_plan_sheet.read(b"%PDF-1.4 not a workbook", CONTEXT)
	assert [e.message for e in result.errors] == ["The file is no Excel workbook (.xlsx): {detail}"]
	assert result.rows == []
