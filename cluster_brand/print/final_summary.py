"""试点工作总结报告 as plain data for its Jinja template (cluster_brand/templates/print/pilot_final_summary.html), in
the official style of the annual summary (print/annual_summary.py).

No Frappe import here: the template calls ``final_summary_print_context(readable(doc), official_name(…))``
through the ``jinja`` hook. Values are returned as text but NOT escaped: the template escapes every user value.
"""

from cluster_brand.print import pages
from cluster_brand.print.formatting import date_text, format_number, int_value, plain_text
from cluster_brand.rules.application import indicators
from cluster_brand.rules.pilot_end import final_summary as rules
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress

TITLE = "产业集群区域品牌建设试点工作总结报告"
MEASURE_COLUMNS = ("措施编号", "主要措施", "时间节点", "完成状态", "完成情况", "未完成原因")
TARGET_COLUMNS = (
	"指标名称",
	"单位",
	"基期值",
	"目标值",
	"目标年份",
	"实际完成值",
	"是否实现",
	"完成目标比例（%）",
)
EVALUATION_COLUMNS = ("年度", "评价日期", "评价方式", "评价结果")
RESULT_NAMES = {rules.ACHIEVED: "已实现", rules.NOT_ACHIEVED: "未实现", rules.NO_FIGURE: "缺少数据"}
OUTCOME_NAMES = {rules.OUTCOME_COMPLETED: "完成试点任务", rules.OUTCOME_NOT_COMPLETED: "未完成试点任务"}
TEXT_HEADINGS = {"work_results": "试点工作成效", "problems": "存在问题", "lessons": "经验做法"}
SECTIONS = (
	"各项措施完成情况",
	"主要指标情况",
	"定量指标完成情况",
	"资金落实情况",
	"自我评价情况",
	*TEXT_HEADINGS.values(),
)
SECTION_NUMBERS = "一二三四五六七八九十"
# the measures table's columns (share of the table), as the template sets them; what stands above it on the
# first page (the title, the unit and province, the heading; pt, as pages.py measures)
MEASURE_WIDTHS = (0.08, 0.26, 0.12, 0.09, 0.25, 0.20)
TITLE_BLOCK = 200


def final_summary_print_context(doc, authority_name: str = "") -> dict:
	doc = doc if doc is not None else {}
	years = [y for y in (plain_text(doc.get("reporting_years")) or "").split("、") if y]
	return {
		"title": TITLE,
		"cluster": plain_text(doc.get("industrial_cluster")),
		"unit": plain_text(doc.get("organizing_unit")),
		"authority": plain_text(authority_name) or plain_text(doc.get("recommending_authority")),
		"pilot": plain_text(doc.get("brand_pilot")),
		"due_date": date_text(doc.get("due_date")),
		"headings": [f"{SECTION_NUMBERS[i]}、{title}" for i, title in enumerate(SECTIONS)],
		"measure_columns": MEASURE_COLUMNS,
		"measure_pages": _measure_pages(doc),
		"indicator_columns": ["指标名称", "基期", *(f"{y}年" for y in years), "较基期增减"],
		"indicator_rows": _indicator_rows(doc, len(years)),
		"target_columns": TARGET_COLUMNS,
		"targets": [
			[
				plain_text(r.get("target_indicator")),
				plain_text(r.get("unit")),
				format_number(r.get("baseline_value"), 2),
				format_number(r.get("target_value"), 2),
				str(int_value(r.get("target_year")) or ""),
				format_number(r.get("achieved_value"), 2),
				RESULT_NAMES.get(r.get("result"), ""),
				format_number(r.get("percent_of_target"), 2),
			]
			for r in doc.get("target_outcomes") or []
		],
		"funds": {
			"planned": format_number(doc.get("funds_planned"), 2),
			"delivered": format_number(doc.get("funds_delivered"), 2),
			"percent": format_number(doc.get("funds_percent_of_plan"), 2),
		},
		"evaluation_columns": EVALUATION_COLUMNS,
		"evaluations": [
			[
				str(int_value(r.get("reporting_year")) or ""),
				date_text(r.get("evaluation_date")),
				plain_text(r.get("method")),
				plain_text(r.get("result")),
			]
			for r in doc.get("self_evaluations") or []
		],
		"texts": [plain_text(doc.get(fieldname)) for fieldname in TEXT_HEADINGS],
		"check": {"date": date_text(doc.get("check_date")), "opinion": plain_text(doc.get("check_opinion"))}
		if doc.get("check_opinion")
		else None,
		"acceptance": {
			"date": date_text(doc.get("acceptance_date")),
			"opinion": plain_text(doc.get("acceptance_opinion")),
			"outcome": OUTCOME_NAMES.get(doc.get("outcome"), ""),
		}
		if doc.get("acceptance_opinion")
		else None,
	}


def _indicator_rows(doc, year_count: int) -> list[dict]:
	rows = {r.get("indicator"): r for r in doc.get("indicator_years") or []}
	result = []
	for indicator in summary_indicators.SUMMARY_INDICATORS:
		row = rows.get(indicator.key) or {}
		decimals = 0 if indicator.kind == indicators.COUNT else 2
		change = row.get("change_percent")
		result.append(
			{
				"name": indicator.official_name,
				"cells": [
					format_number(row.get("baseline_value"), decimals),
					*(format_number(row.get(column), decimals) for column in rules.YEAR_COLUMNS[:year_count]),
					(f"{change:+.2f}%" if change else "0.00%") if change is not None else "",
				],
			}
		)
	return result


def _measure_pages(doc) -> list[list[list[str]]]:
	"""The measures, one table per page: wkhtmltopdf repeats no header and cuts rows (pages.py)."""
	rows = [
		[
			plain_text(r.get("measure_no")),
			plain_text(r.get("measure")),
			date_text(r.get("time_node")),
			summary_progress.MEASURE_STATUS_NAMES.get(r.get("final_status"), ""),
			plain_text(r.get("work_done")),
			plain_text(r.get("reason_not_completed")),
		]
		for r in doc.get(rules.MEASURES_TABLE) or []
	]
	heights = [pages.row_height(row, MEASURE_WIDTHS) for row in rows]
	chunks = pages.paginate(heights, pages.PLAN_HEADER, TITLE_BLOCK) if rows else []
	return [[rows[i] for i in page] for page in chunks]
