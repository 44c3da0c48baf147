"""附表 工作任务计划表: the seven work items of Annex 1 三, numbered measures and the 1–3-year cycle."""

from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.values import as_text, finite_number, whole_number

# (English key stored in the child tables, official name as printed in the 附表)
WORK_ITEMS = (
	("Implement the Regional Brand Development Strategy", "实施区域品牌发展战略"),
	("Establish the Regional Brand Management Mechanism", "健全区域品牌管理机制建立"),
	("Consolidate the Foundation of Regional Brand Development", "夯实区域品牌发展基础"),
	("Guide Enterprises to Cultivate Their Own Brands", "引导企业培育自主品牌"),
	("Improve the Regional Brand Protection Mechanism", "健全区域品牌保护机制"),
	("Build the Regional Brand Marketing and Publicity Platform", "打造区域品牌营销和宣传平台"),
	("Improve the Regional Brand Evaluation System", "健全区域品牌评价制度"),
)
WORK_ITEM_KEYS = tuple(key for key, _zh in WORK_ITEMS)
WORK_ITEM_NUMBER = {key: n for n, key in enumerate(WORK_ITEM_KEYS, start=1)}

CYCLE_YEARS = (1, 2, 3)


def parse_cycle_years(value) -> int | None:
	"""The pilot cycle in years (1, 2 or 3; "3" and 3.0 read as 3), or None when it is none of them."""
	years = whole_number(value)
	return years if years in CYCLE_YEARS else None


def cycle_window(batch_year: int, cycle_years: int) -> tuple[date, date] | None:
	"""The pilot cycle counted from the batch: 1 January of the batch year to 31 December
	``cycle_years`` years on (2017, 3 → 2017-01-01 … 2020-12-31); None when either is no usable number."""
	year, years = finite_number(batch_year), finite_number(cycle_years)
	if (
		year is None
		or years is None
		or not date.min.year <= int(year) <= int(year) + int(years) <= date.max.year
	):
		return None
	return date(int(year), 1, 1), date(int(year) + int(years), 12, 31)


def number_measures(tasks: list[dict]) -> list[str]:
	"""The official numbering n.1, n.2 … of the measures of work item n, in table order."""
	counters, numbers = {}, []
	for task in tasks:
		n = WORK_ITEM_NUMBER.get(task.get("work_item"))
		if n is None:
			numbers.append("")
			continue
		counters[n] = counters.get(n, 0) + 1
		numbers.append(f"{n}.{counters[n]}")
	return numbers


def sort_tasks(tasks: list[dict]) -> list[dict]:
	"""Measures grouped under their work item in the official order, keeping their order within an item."""
	return sorted(tasks, key=lambda t: WORK_ITEM_NUMBER.get(t.get("work_item"), len(WORK_ITEMS) + 1))


def check_time_nodes(tasks: list[dict], window: tuple[date, date] | None) -> list[Violation]:
	if window is None:
		return []
	start, end = window
	violations = []
	for idx, task in enumerate(tasks, start=1):
		node = task.get("time_node")
		if node and not start <= node <= end:
			violations.append(
				Violation(
					_(
						"Work task plan, measure {number}: the time node {date} lies outside the pilot cycle {start} to {end}."
					),
					{
						"number": task.get("measure_no") or idx,
						"date": node.isoformat(),
						"start": start.isoformat(),
						"end": end.isoformat(),
					},
					"tasks",
					idx,
					column="time_node",
				)
			)
	return violations


def check_work_plan(work_items: list[dict], tasks: list[dict]) -> list[Violation]:
	"""All seven work items planned: current state and goal given, at least one measure each,
	every measure with its time node and responsible party."""
	violations = []
	planned = {row.get("work_item"): row for row in work_items}
	measures = {}
	for task in tasks:
		measures.setdefault(task.get("work_item"), []).append(task)
	for n, key in enumerate(WORK_ITEM_KEYS, start=1):
		row = planned.get(key)
		if row is None:
			violations.append(
				Violation(
					_('Work task plan: work item {number} "{item}" is not planned.'),
					{"number": n, "item": key},
					"work_items",
					translate_args=("item",),
				)
			)
			continue
		for fieldname, label in (("current_state", "Current State"), ("work_goal", "Work Goal")):
			if not as_text(row.get(fieldname)).strip():
				violations.append(
					Violation(
						_('Work task plan: {field} of work item {number} "{item}" is empty.'),
						{"field": label, "number": n, "item": key},
						"work_items",
						translate_args=("field", "item"),
					)
				)
		if not measures.get(key):
			violations.append(
				Violation(
					_('Work task plan: work item {number} "{item}" has no measure.'),
					{"number": n, "item": key},
					"tasks",
					translate_args=("item",),
				)
			)
	for idx, task in enumerate(tasks, start=1):
		number = task.get("measure_no") or idx
		if not as_text(task.get("measure")).strip():
			violations.append(
				Violation(
					_("Work task plan, measure {number}: the measure is empty."),
					{"number": number},
					"tasks",
					idx,
				)
			)
		if not task.get("time_node"):
			violations.append(
				Violation(
					_("Work task plan, measure {number}: the time node is missing."),
					{"number": number},
					"tasks",
					idx,
				)
			)
		if not as_text(task.get("responsible_party")).strip():
			violations.append(
				Violation(
					_("Work task plan, measure {number}: the responsible party is missing."),
					{"number": number},
					"tasks",
					idx,
				)
			)
	return violations
