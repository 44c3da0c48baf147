"""产业集群区域品牌建设试点工作总结报告 (cluster_brand/print/final_summary.py and its template) rendered with plain
Jinja2 the way Frappe renders it: the title, each measure's final status, the year columns headed by their
years, the ministry's outcome once accepted, every user value escaped."""

from datetime import date

from print_env import Page, print_environment

from cluster_brand.print.final_summary import final_summary_print_context
from cluster_brand.rules.application.indicators import OUTPUT
from cluster_brand.rules.pilot_end import final_summary as rules

TEMPLATE = "cluster_brand/templates/print/pilot_final_summary.html"
SCRIPT = "<script>alert(1)</script>"


def render(doc) -> Page:
	env = print_environment(
		final_summary_print_context=final_summary_print_context,
		official_name=lambda authority: "浙江省经济和信息化委员会" if authority else "",
	)
	return Page(env.get_template(TEMPLATE).render(doc=doc))


def summary(**values) -> dict:
	return {
		"brand_pilot": "BP-2017-001",
		"industrial_cluster": "海宁经编产业集群",
		"organizing_unit": "海宁市经编产业协会",
		"recommending_authority": "浙江省",
		"due_date": date(2020, 6, 30),
		"reporting_years": "2018、2019",
		"measure_outcomes": [
			{"measure_no": "1.1", "measure": "编制区域品牌发展规划", "final_status": "Completed"},
			{
				"measure_no": "1.2",
				"measure": "建设品牌监测平台",
				"final_status": "Delayed",
				"reason_not_completed": SCRIPT,
			},
		],
		"indicator_years": [
			{
				"indicator": OUTPUT,
				"baseline_value": 200,
				"year_1_value": 210,
				"year_2_value": 230,
				"change_percent": 15,
			}
		],
		"work_results": "成效显著",
		**values,
	}


def test_the_report_prints_its_title_measures_and_years():
	page = render(summary())
	assert "产业集群区域品牌建设试点工作总结报告" in page.text
	assert "编制区域品牌发展规划" in page.text and "已完成" in page.text and "延期" in page.text
	assert "2018年" in page.text and "2019年" in page.text and "+15.00%" in page.text
	assert "验收意见" not in page.text


def test_the_ministrys_outcome_once_accepted_and_user_values_escaped():
	page = render(
		summary(
			acceptance_opinion="同意验收",
			outcome=rules.OUTCOME_NOT_COMPLETED,
			acceptance_date=date(2020, 9, 1),
		)
	)
	assert "未完成试点任务" in page.text
	rendered = (
		print_environment(final_summary_print_context=final_summary_print_context, official_name=lambda a: "")
		.get_template(TEMPLATE)
		.render(doc=summary())
	)
	assert SCRIPT not in rendered and "&lt;script&gt;" in rendered


def test_a_long_plan_prints_one_table_per_page_each_with_its_header():
	measures = [
		{"measure_no": f"{n}.1", "measure": "建设区域品牌公共服务平台，" * 6, "final_status": "Completed"}
		for n in range(1, 40)
	]
	page = render(summary(measure_outcomes=measures))
	headers = page.text.count("措施编号")
	assert headers >= 2
	assert all(f"{n}.1" in page.text for n in range(1, 40))
