"""产业集群区域品牌建设试点年度工作总结 as plain data for its Jinja template
(cluster_brand/templates/print/annual_work_summary.html), in the official style of the 申报书.

No Frappe import here: the template calls ``annual_summary_print_context(readable(doc), official_name(…))``
through the ``jinja`` hook; the tests without Frappe render it with plain Jinja2. Values are returned as text
but NOT escaped: the template escapes every user value.
"""

from cluster_brand.print import pages
from cluster_brand.print.formatting import BLANK, date_text, float_value, format_number, int_value, plain_text
from cluster_brand.rules.application import indicators, work_plan
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress
from cluster_brand.rules.pilot_years import workflow as summary_workflow

TITLE = "产业集群区域品牌建设试点年度工作总结"

# the progress table's columns (share of the table), as the template sets them
PROGRESS_WIDTHS = (0.08, 0.32, 0.13, 0.09, 0.38)
BACKBONE_WIDTHS = (0.08, 0.38, 0.18, 0.18, 0.18)
# what stands above the progress table on the first page: the title, the unit and province, the section's
# heading and its count of measures (pt, as pages.py measures)
TITLE_BLOCK = 230
PROGRESS_COLUMNS = ("序号", "主要措施", "时间节点", "进展状态", "完成情况")
INDICATOR_COLUMNS = ("指标名称", "基期", "报告年度", "增减")
TARGET_COLUMNS = ("指标名称", "单位", "基期值", "目标值", "目标年份", "实际完成值", "完成目标比例（%）")
FUNDING_COLUMNS = ("政策或资金名称", "资金来源", "金额（万元）", "资金用途")
EVALUATION_COLUMNS = ("评价日期", "评价方式", "评价结果")
BACKBONE_COLUMNS = (
	"序号",
	"企业名称",
	"销售收入（万元）",
	"自主品牌产品销售收入（万元）",
	"利润总额（万元）",
)
NARRATIVE_HEADINGS = {"work_results": "工作成效", "problems": "存在问题", "next_year_plan": "下一步计划"}
SECTION_NUMBERS = "一二三四五六七八九十"


def annual_summary_print_context(doc, authority_name: str = "") -> dict:
	"""Everything the template needs, from a Frappe Document or a plain dict (read with ``doc.get``)."""
	doc = doc if doc is not None else {}
	year = int_value(doc.get("reporting_year"))
	baseline_year = int_value(doc.get("baseline_year"))
	progress = _progress(doc)
	sections = [
		"工作任务计划表完成情况",
		"主要指标情况",
		"骨干企业情况",
		"定量指标完成情况",
		"政策和资金落实情况",
		"自我评价情况",
		*NARRATIVE_HEADINGS.values(),
	]
	return {
		"title": TITLE,
		"year": f"（{year}年度）" if year else f"（{BLANK}年度）",
		"cluster": plain_text(doc.get("industrial_cluster")),
		"unit": plain_text(doc.get("organizing_unit")),
		"authority": plain_text(authority_name) or plain_text(doc.get("recommending_authority")),
		"pilot": plain_text(doc.get("brand_pilot")),
		"due_date": date_text(doc.get("due_date")),
		"submitted_on": date_text(doc.get("submitted_on")),
		"headings": [f"{SECTION_NUMBERS[i]}、{title}" for i, title in enumerate(sections)],
		"progress_columns": PROGRESS_COLUMNS,
		"progress_pages": progress["pages"],
		"progress_counts": progress["counts"],
		"indicator_columns": [
			INDICATOR_COLUMNS[0],
			f"{INDICATOR_COLUMNS[1]}（{baseline_year}年）" if baseline_year else INDICATOR_COLUMNS[1],
			f"{INDICATOR_COLUMNS[2]}（{year}年）" if year else INDICATOR_COLUMNS[2],
			INDICATOR_COLUMNS[3],
		],
		"indicator_rows": _indicator_rows(doc),
		"backbone_columns": BACKBONE_COLUMNS,
		"backbone": _backbone(doc),
		"target_columns": TARGET_COLUMNS,
		"targets": _targets(doc),
		"funding_columns": FUNDING_COLUMNS,
		"funding": _funding(doc),
		"evaluation_columns": EVALUATION_COLUMNS,
		"evaluations": [
			{
				"date": date_text(r.get("evaluation_date")),
				"method": plain_text(r.get("method")),
				"result": plain_text(r.get("result")),
			}
			for r in doc.get("self_evaluations") or []
		],
		"narrative": [{"key": key, "text": plain_text(doc.get(key))} for key in NARRATIVE_HEADINGS],
		"inspection": _inspection(doc),
	}


def _progress(doc) -> dict:
	"""The measures by work item (the 附表's seven, in order), each item a heading row over its measures;
	one table per page (see pages.py)."""
	rows = list(doc.get("measure_progress") or [])
	by_item = {}
	for row in work_plan.sort_tasks(rows):
		by_item.setdefault(row.get("work_item"), []).append(row)
	printed, counts = [], {zh: 0 for zh in summary_progress.MEASURE_STATUS_NAMES.values()}
	for n, (key, name) in enumerate(work_plan.WORK_ITEMS, start=1):
		measures = by_item.get(key) or []
		if not measures:
			continue
		printed.append({"group": True, "cells": [str(n), name]})
		for row in measures:
			status = summary_progress.MEASURE_STATUS_NAMES.get(row.get("status"), "")
			if status:
				counts[status] += 1
			done = plain_text(row.get("work_done"))
			reason = plain_text(row.get("delay_reason"))
			if row.get("overdue") and reason:
				done = f"{done}\n延期原因：{reason}" if done else f"延期原因：{reason}"
			printed.append(
				{
					"group": False,
					"overdue": bool(row.get("overdue")),
					"cells": [
						plain_text(row.get("measure_no")),
						plain_text(row.get("measure")),
						date_text(row.get("time_node")),
						status + ("（逾期）" if row.get("overdue") else ""),
						done,
					],
				}
			)
	heights = [
		pages.row_height([" ".join(r["cells"])], (1.0,))
		if r["group"]
		else pages.row_height(r["cells"], PROGRESS_WIDTHS)
		for r in printed
	]
	chunks = pages.paginate(heights, pages.PLAN_HEADER, TITLE_BLOCK) if printed else []
	return {
		"pages": [[printed[i] for i in page] for page in chunks],
		"counts": [{"status": status, "count": count} for status, count in counts.items()],
	}


def _change(value, unit: str = "%") -> str:
	v = float_value(value)
	if v is None:
		return ""
	# a column of changes reads alike on every row: +8.00%, 0.00个百分点, -1.25%
	return (f"{v:+.2f}" if v else "0.00") + unit


def _indicator_rows(doc) -> list[dict]:
	rows = {r.get("indicator"): r for r in doc.get("indicators") or []}
	result = []
	for indicator in summary_indicators.SUMMARY_INDICATORS:
		row = rows.get(indicator.key) or {}
		decimals = 0 if indicator.kind == indicators.COUNT else 2
		result.append(
			{
				"name": indicator.official_name,
				"derived": False,
				"cells": [
					format_number(row.get("baseline_value"), decimals),
					format_number(row.get("reporting_value"), decimals),
					_change(row.get("change_percent")),
				],
			}
		)
	derived = {r.get("derived_indicator"): r for r in doc.get("derived_indicators") or []}
	zh = dict(indicators.DERIVED_INDICATORS)
	for key in summary_indicators.RATIOS:
		row = derived.get(key) or {}
		result.append(
			{
				"name": zh[key],
				"derived": True,
				"cells": [
					format_number(row.get("baseline_value"), 2),
					format_number(row.get("reporting_value"), 2),
					_change(row.get("change"), "个百分点"),
				],
			}
		)
	return result


def _backbone(doc) -> dict:
	rows = list(doc.get("backbone_enterprises") or [])
	share = doc.get("own_brand_sales_share")
	if share is None and rows:
		share = summary_indicators.own_brand_sales_share(rows)
	printed = [
		[
			str(n),
			plain_text(r.get("enterprise_name")),
			format_number(r.get("sales_revenue"), 2),
			format_number(r.get("own_brand_sales_revenue"), 2),
			format_number(r.get("total_profit"), 2),
		]
		for n, r in enumerate(rows, start=1)
	]
	heights = [pages.row_height(row, BACKBONE_WIDTHS) for row in printed]
	# one table with its header per page: wkhtmltopdf repeats no header and cuts rows (pages.py)
	chunks = pages.paginate(heights, pages.BACKBONE_HEADER + pages.HEADING) if printed else []
	return {
		"rows": printed,
		"pages": [[printed[i] for i in page] for page in chunks],
		"count": len(rows),
		"share": format_number(share, 2) if rows and share is not None else "",
	}


def _targets(doc) -> list[list[str]]:
	return [
		[
			plain_text(r.get("target_indicator")),
			plain_text(r.get("unit")),
			format_number(r.get("baseline_value"), 2),
			format_number(r.get("target_value"), 2),
			str(int_value(r.get("target_year")) or ""),
			format_number(r.get("achieved_value"), 2),
			format_number(
				r.get("percent_of_target")
				if r.get("percent_of_target") is not None
				else summary_progress.percent_of_target(r.get("target_value"), r.get("achieved_value")),
				2,
			),
		]
		for r in doc.get("target_progress") or []
	]


def _funding(doc) -> dict:
	rows = list(doc.get("policies_and_funds") or [])
	total = doc.get("total_funds")
	if total is None:
		total = sum(float_value(r.get("amount")) or 0 for r in rows)
	return {
		"rows": [
			[
				plain_text(r.get("policy")),
				plain_text(r.get("funding_source")),
				format_number(r.get("amount"), 2),
				plain_text(r.get("use_of_funds")),
			]
			for r in rows
		],
		"total": format_number(total, 2) if rows else "",
	}


def _inspection(doc) -> dict | None:
	"""The province's 督导检查, once recorded (the reader may not read it while it is being written)."""
	if not any(doc.get(f) for f, _label in summary_workflow.INSPECTION):
		return None
	return {
		"date": date_text(doc.get("inspection_date")),
		"inspectors": plain_text(doc.get("inspectors")),
		"findings": plain_text(doc.get("inspection_findings")),
		"opinion": plain_text(doc.get("inspection_opinion")),
	}
