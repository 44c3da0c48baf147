"""附表 工作任务计划表 from Excel: the seven work items with their current state, goal and numbered measures.

The template is the annex's table (序号, 工作项目, 工作现状, 工作目标, 主要措施, 时间节点) with the system's
任务分工 (who is responsible) beside it: one row per measure, an item's number, name, state and goal merged over
its measures as the form prints them. A filled sheet is read tolerantly: merged cells (an item's later rows
empty), a measure's number typed before it (「1.1 」, 「1.1、」), time nodes as people write them (2018年6月,
2018年底: office/cells.py day), an item named by its number alone; and checked with the 申报书's own rule of
the time nodes (within the pilot cycle: rules/application/work_plan.py). A plan may be incomplete in a draft,
as in the form: the completeness check comes with submission.
"""

import re

from openpyxl.utils import get_column_letter

from cluster_brand.office import cells
from cluster_brand.office.sheet_import import NO_HEADS, NO_ROWS, SheetError, SheetImport, unreadable
from cluster_brand.office.sheet_layout import LINE_HEIGHT, as_bytes, fill_row, line_count, new_sheet
from cluster_brand.rules import _
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application import work_plan
from cluster_brand.rules.values import INVALID

HEADS = {
	"no": "序号",
	"work_item": form.item("work_item", form.WORK_ITEM).official,  # 工作项目
	"current_state": form.item("current_state", form.WORK_ITEM).official,
	"work_goal": form.item("work_goal", form.WORK_ITEM).official,
	"measure": form.item("measure", form.TASK).official,  # 主要措施
	"time_node": form.item("time_node", form.TASK).official,
	"responsible_party": form.item("responsible_party", form.TASK).official,  # 任务分工
}
# the application's child tables the sheet fills: the measures, and the work items beside them
TABLE, ITEM_TABLE = "tasks", "work_items"
SHEET_NAME = form.PARTS[form.ANNEX].partition(" ")[2]  # 工作任务计划表
NOTES = (
	"注：每项工作任务至少一条主要措施，每条措施一行，写明时间节点（如 2018-06-30 或 2018年6月）和任务分工；"
	"同一工作项目的多条措施可续写在其下方各行（序号、工作项目可合并或留空）。时间节点应在试点周期内。",
)
BLANK_MEASURES = 2  # the annex's blank table has n.1 and n.2 under each item

UNKNOWN_WORK_ITEM = _("{value} is not one of the seven work items of the work task plan.")
NO_WORK_ITEM = _("The measure has no work item: write the item's number or name in its row or above it.")
NOT_A_DATE = _("{value} is no date: write the time node as 2018-06-30 or 2018年6月.")
NO_MEASURE = _("The row has a time node or a responsible party but no measure.")
TWO_TEXTS = _("{item} of this work item is written twice, differently (rows {first} and {second}).")

_NAMES = {re.sub(r"\s", "", zh): key for key, zh in work_plan.WORK_ITEMS}
_NUMBERED = {str(n): key for n, key in enumerate(work_plan.WORK_ITEM_KEYS, start=1)}
_ZH = dict(work_plan.WORK_ITEMS)
# a measure's own number typed before it: 1.1 / 1.1、/ 1．1: / (1)
_MEASURE_NUMBER = re.compile(r"^\s*(?:\d+\s*[.．]\s*\d+|[(（]\d+[)）])\s*[、.．:：]?\s*")


def template(context: dict) -> bytes:
	"""The annex's table to fill, prefilled with ``context["work_items"]`` and ``context["tasks"]`` (the
	application's rows) where given; each item has at least the annex's two blank measure rows."""
	heads = list(HEADS.values())
	book, sheet, _head = new_sheet(SHEET_NAME, SHEET_NAME, heads, [6, 22, 30, 30, 44, 14, 18], NOTES)
	items = {row.get("work_item"): row for row in context.get("work_items") or []}
	tasks = work_plan.sort_tasks(list(context.get("tasks") or []))
	numbers = work_plan.number_measures(tasks)
	measures = {}
	for task, number in zip(tasks, numbers, strict=True):
		measures.setdefault(task.get("work_item"), []).append((number, task))
	for n, (key, zh) in enumerate(work_plan.WORK_ITEMS, start=1):
		item = items.get(key) or {}
		planned = measures.get(key) or [(f"{n}.{m}", {}) for m in range(1, BLANK_MEASURES + 1)]
		first = sheet.max_row + 1
		for index, (number, task) in enumerate(planned):
			measure = cells.text(task.get("measure"))
			fill_row(
				sheet,
				[
					n if index == 0 else None,
					zh if index == 0 else None,
					item.get("current_state") if index == 0 else None,
					item.get("work_goal") if index == 0 else None,
					f"{number} {measure}".strip(),
					task.get("time_node"),
					task.get("responsible_party"),
				],
				{6: "yyyy-mm-dd"},
			)
		last = sheet.max_row
		if last > first:
			for column in range(1, 5):
				letter = get_column_letter(column)
				sheet.merge_cells(f"{letter}{first}:{letter}{last}")
		_fit_item(sheet, first, last, [zh, item.get("current_state"), item.get("work_goal")])
	return as_bytes(book)


def _fit_item(sheet, first: int, last: int, texts: list):
	"""The item's rows together as high as its merged name, state and goal need (each row already fits its
	measure): the rows share what is missing."""
	widths = [sheet.column_dimensions[get_column_letter(c)].width for c in (2, 3, 4)]
	needed = max(line_count(t, w) for t, w in zip(texts, widths, strict=True)) * LINE_HEIGHT
	heights = [sheet.row_dimensions[row].height for row in range(first, last + 1)]
	if needed > sum(heights):
		extra = (needed - sum(heights)) / len(heights)
		for row, height in zip(range(first, last + 1), heights, strict=True):
			sheet.row_dimensions[row].height = height + extra


def read(content: bytes, context: dict) -> SheetImport:
	"""The application's measures (``rows``, Application Task dicts) and work items (``related["work_items"]``,
	Application Work Item dicts, in the form's order), or every problem of the sheet."""
	result = SheetImport()
	try:
		rows = cells.sheet_rows(content)
	except cells.UnreadableWorkbook as error:
		return unreadable(error)
	found = cells.find_heads(rows, HEADS, ("work_item", "measure"))
	if found is None:
		result.errors.append(SheetError(NO_HEADS, {"heads": f"{HEADS['work_item']}、{HEADS['measure']}"}))
		return result
	head_index, columns, _units = found
	items, item_rows, tasks, task_rows = {}, {}, [], []
	current = None
	for row in rows[head_index + 1 :]:
		if row.is_blank():
			continue
		number = cells.text(row.cell(columns.get("no")))
		name = cells.text(row.cell(columns["work_item"]))
		if name or number:
			key = _NAMES.get(name.replace(" ", "")) if name else _NUMBERED.get(number)
			if key is None:
				result.errors.append(
					SheetError(
						UNKNOWN_WORK_ITEM, {"value": name or number}, row.number, name, HEADS["work_item"]
					)
				)
				current = None
				continue
			current = key
		label = _ZH.get(current, "")
		texts = {f: cells.text(row.cell(columns.get(f))) for f in ("current_state", "work_goal")}
		measure_text = _MEASURE_NUMBER.sub("", cells.text(row.cell(columns["measure"])))
		node = cells.day(row.cell(columns.get("time_node")))
		responsible = cells.text(row.cell(columns.get("responsible_party")))
		if current is None:
			if any(texts.values()) or measure_text or node or responsible:
				result.errors.append(SheetError(NO_WORK_ITEM, {}, row.number, "", HEADS["work_item"]))
			continue
		item = items.setdefault(current, {"work_item": current, "current_state": "", "work_goal": ""})
		for fieldname, value in texts.items():
			if not value:
				continue
			if item[fieldname] and item[fieldname] != value:
				result.errors.append(
					SheetError(
						TWO_TEXTS,
						{
							"item": HEADS[fieldname],
							"first": item_rows[(current, fieldname)],
							"second": row.number,
						},
						row.number,
						label,
						HEADS[fieldname],
					)
				)
				continue
			item[fieldname] = value
			item_rows.setdefault((current, fieldname), row.number)
		if node is INVALID:
			written = cells.text(row.cell(columns.get("time_node")))
			result.errors.append(
				SheetError(NOT_A_DATE, {"value": written}, row.number, label, HEADS["time_node"])
			)
			node = None
		if not measure_text:
			if node or responsible:
				result.errors.append(SheetError(NO_MEASURE, {}, row.number, label, HEADS["measure"]))
			continue
		tasks.append(
			{
				"work_item": current,
				"measure": measure_text,
				"time_node": node,
				"responsible_party": responsible,
			}
		)
		task_rows.append((row.number, label))
	planned = [key for key, item in items.items() if item["current_state"] or item["work_goal"]]
	if not planned and not tasks and not result.errors:
		# nothing but the template's item names and measure numbers
		result.errors.append(SheetError(NO_ROWS))
		return result
	for task, number in zip(tasks, work_plan.number_measures(tasks), strict=True):
		task["measure_no"] = number  # as the form numbers them (the messages name the measure by it)
	window = work_plan.cycle_window(
		context.get("batch_year"), work_plan.parse_cycle_years(context.get("pilot_cycle_years") or 3)
	)
	for violation in work_plan.check_time_nodes(tasks, window):
		sheet_row, label = task_rows[(violation.row or 1) - 1]
		result.errors.append(SheetError.of(violation, sheet_row, label, HEADS["time_node"]))
	if result.errors:
		return result
	result.rows = work_plan.sort_tasks(tasks)
	# all seven, in the form's order, as the application holds them (the form always lists the seven); an item
	# the sheet only names (the template's blank n.1, n.2 rows) stays blank
	result.related = {
		ITEM_TABLE: [
			{"work_item_no": n, **items.get(key, {"work_item": key, "current_state": "", "work_goal": ""})}
			for n, key in enumerate(work_plan.WORK_ITEM_KEYS, start=1)
		]
	}
	return result
