"""Part 4 of the 申报书 (第四部分 区域品牌建设试点工作方案: the plan's sections, targets and funding) and its 附表
工作任务计划表 (the seven work items and their measures), as plain data for the template; the rest of the
申报书 is application.py. No Frappe import here."""

from cluster_brand.print import pages
from cluster_brand.print.formatting import date_text, float_value, format_number, plain_text, year_text
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application import work_plan

# zh of Application Funding.funding_source, as in cluster_brand/translations/zh.csv.
FUNDING_SOURCES = {
	"Central Government Funds": "中央财政资金",
	"Provincial Government Funds": "省级财政资金",
	"Municipal and County Government Funds": "市县财政资金",
	"Enterprise Self-Raised Funds": "企业自筹资金",
	"Social Capital": "社会资本",
	"Other": "其他",
}

PART_4_SECTIONS = (
	"work_approach",
	"work_objectives",
	"work_organisation",
	"work_tasks",
	"safeguard_measures",
	"other_matters",
)

# the 附表's blank form has measures n.1 and n.2 under each work item
BLANK_MEASURES_PER_ITEM = 2


def pilot_work_plan(doc) -> dict:
	"""第四部分: the six sections with their prompts, the quantitative and qualitative targets, the funding plan
	(its sources in Chinese) and the pilot cycle."""
	sections = []
	for fieldname in PART_4_SECTIONS:
		i = form.item(fieldname)
		sections.append(
			{
				"key": fieldname,
				"heading": i.official,
				"prompt": i.prompt,
				"text": plain_text(doc.get(fieldname)),
			}
		)
	quantitative = [
		{
			"indicator": plain_text(r.get("target_indicator")),
			"unit": plain_text(r.get("unit")),
			"baseline": format_number(r.get("baseline_value"), 2),
			"target": format_number(r.get("target_value"), 2),
			"year": year_text(r.get("target_year")),
		}
		for r in doc.get("quantitative_targets") or []
	]
	qualitative = [
		{"text": plain_text(r.get("target_description")), "year": year_text(r.get("target_year"))}
		for r in doc.get("qualitative_targets") or []
	]
	funding_rows = list(doc.get("funding_plan") or [])
	funding = [
		{
			"source": FUNDING_SOURCES.get(r.get("funding_source"), plain_text(r.get("funding_source"))),
			"amount": format_number(r.get("amount"), 2),
			"direction": plain_text(r.get("support_direction")),
			"step": plain_text(r.get("investment_step")),
		}
		for r in funding_rows
	]
	total = doc.get("total_funding")
	if total is None:
		total = sum(float_value(r.get("amount")) or 0 for r in funding_rows)
	return {
		"sections": sections,
		"quantitative_label": form.item("quantitative_targets").official,
		"quantitative_columns": ["指标名称", "单位", "基期值", "目标值", "目标年份"],
		"quantitative": quantitative,
		"qualitative_label": form.item("qualitative_targets").official,
		"qualitative": qualitative,
		"funding_label": form.item("funding_plan").official,
		"funding_columns": ["资金来源", "金额（万元）", "支持方向", "投入步骤"],
		"funding": funding,
		"funding_total": format_number(total, 2) if funding_rows else "",
		"pilot_cycle": plain_text(doc.get("pilot_cycle_years")),
		"pilot_cycle_label": form.item("pilot_cycle_years").official,
	}


def work_task_plan(doc) -> dict:
	"""附表 工作任务计划表: the seven work items in official order, each with its measures numbered as the rules
	number them (a blank form where none is planned), laid out in pages."""
	planned = {r.get("work_item"): r for r in doc.get("work_items") or []}
	tasks = work_plan.sort_tasks(list(doc.get("tasks") or []))
	numbers = work_plan.number_measures(tasks)
	measures = {}
	for task, number in zip(tasks, numbers, strict=True):
		measures.setdefault(task.get("work_item"), []).append(
			{
				"no": plain_text(task.get("measure_no")) or number,
				"measure": plain_text(task.get("measure")),
				"responsible": plain_text(task.get("responsible_party")),
				"time_node": date_text(task.get("time_node")),
				"blank": False,
			}
		)
	groups = []
	for n, (key, name) in enumerate(work_plan.WORK_ITEMS, start=1):
		row = planned.get(key) or {}
		rows = measures.get(key) or [
			{"no": f"{n}.{m}", "measure": "", "responsible": "", "time_node": "", "blank": True}
			for m in range(1, BLANK_MEASURES_PER_ITEM + 1)
		]
		groups.append(
			{
				"no": n,
				"name": name,
				"current_state": plain_text(row.get("current_state")),
				"work_goal": plain_text(row.get("work_goal")),
				"rowspan": len(rows),
				"measures": rows,
			}
		)
	label = {f: form.item(f, form.WORK_ITEM).official for f in ("work_item", "current_state", "work_goal")}
	annex_label, _space, table_title = form.PARTS[form.ANNEX].partition(" ")
	return {
		"pages": pages.plan_pages(groups),
		"annex_label": annex_label,
		"title": table_title,
		"columns": [
			"序号",
			label["work_item"],
			label["current_state"],
			label["work_goal"],
			form.item("measure", form.TASK).official,
			form.item("time_node", form.TASK).official,
		],
		"responsible_label": form.item("responsible_party", form.TASK).official,
		"groups": groups,
	}
