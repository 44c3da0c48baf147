"""产业集群区域品牌建设试点年度工作总结 rendered with plain Jinja2 the way Frappe renders it (no autoescape),
against a full and an empty summary."""

from datetime import date

from print_env import Page, cells, flat, print_environment

from cluster_brand.print.annual_summary import annual_summary_print_context
from cluster_brand.rules.application.indicators import DERIVED_INDICATORS, INDICATORS
from cluster_brand.rules.application.work_plan import WORK_ITEM_KEYS
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress

TEMPLATE = "cluster_brand/templates/print/annual_work_summary.html"
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
OFFICIAL = "浙江省经济和信息化委员会"


def render(doc) -> Page:
	env = print_environment(
		annual_summary_print_context=annual_summary_print_context,
		official_name=lambda authority: OFFICIAL if authority else "",
	)
	return Page(env.get_template(TEMPLATE).render(doc=doc))


def summary(**values) -> dict:
	return {
		"brand_pilot": "BP-2017-001",
		"reporting_year": 2018,
		"baseline_year": 2016,
		"industrial_cluster": "青溪县五金工具产业集群",
		"organizing_unit": "青溪县人民政府",
		"recommending_authority": "浙江省工业和信息化主管部门",
		"due_date": date(2018, 11, 30),
		"measure_progress": [
			{
				"work_item": WORK_ITEM_KEYS[1],
				"measure_no": "2.1",
				"measure": "成立区域品牌建设领导小组",
				"time_node": date(2018, 3, 31),
				"status": summary_progress.COMPLETED,
				"work_done": "已成立",
			},
			{
				"work_item": WORK_ITEM_KEYS[0],
				"measure_no": "1.1",
				"measure": "编制区域品牌发展规划",
				"time_node": date(2018, 6, 30),
				"status": summary_progress.DELAYED,
				"overdue": 1,
				"work_done": "已完成初稿",
				"delay_reason": "专家评审推迟",
			},
		],
		"indicators": [
			{
				"indicator": INDICATORS[2].key,
				"baseline_value": 100.0,
				"reporting_value": 120.0,
				"change_percent": 20.0,
			},
			{"indicator": summary_indicators.NEW_PRODUCT_OUTPUT.key, "reporting_value": 15.5},
		],
		"derived_indicators": [
			{
				"derived_indicator": summary_indicators.RATIOS[0],
				"baseline_value": 20.0,
				"reporting_value": 25.0,
				"change": 5.0,
			}
		],
		"backbone_enterprises": [
			{
				"enterprise_name": "甲公司",
				"sales_revenue": 300.0,
				"own_brand_sales_revenue": 150.0,
				"total_profit": 9.0,
			},
			{
				"enterprise_name": "乙公司",
				"sales_revenue": 100.0,
				"own_brand_sales_revenue": 50.0,
				"total_profit": -1.0,
			},
		],
		"target_progress": [
			{
				"target_indicator": "区域品牌价值",
				"unit": "亿元",
				"target_value": 200.0,
				"target_year": 2020,
				"achieved_value": 50.0,
			}
		],
		"policies_and_funds": [
			{"policy": "品牌专项", "funding_source": "县财政", "amount": 300.0, "use_of_funds": "宣传"}
		],
		"self_evaluations": [{"evaluation_date": date(2018, 10, 15), "method": "自评", "result": "良好"}],
		"work_results": "成效一\n成效二",
		"problems": SCRIPT,
		"next_year_plan": "继续推进",
		**values,
	}


def test_title_and_heading_name_the_cluster_the_year_and_the_province():
	text = flat(render(summary()).text)
	assert flat("青溪县五金工具产业集群 产业集群区域品牌建设试点年度工作总结 （2018年度）") in text
	assert flat(f"省级主管部门：{OFFICIAL}") in text
	assert flat("报送截止日期：2018年11月30日") in text


def test_progress_by_work_item_in_the_official_order_with_the_delay_reason():
	page = render(summary())
	rows = [cells(r) for r in page.tables_of("cb-progress")[0]["rows"][1:]]
	assert rows[0] == ["1", "实施区域品牌发展战略"]
	assert rows[1][:4] == ["1.1", "编制区域品牌发展规划", "2018年6月30日", "延期（逾期）"]
	assert "延期原因：专家评审推迟" in rows[1][4]
	assert rows[2] == ["2", "健全区域品牌管理机制建立"]
	assert rows[3][3] == "已完成"
	assert flat("未开始 0 项，进行中 0 项，已完成 1 项，延期 1 项") in flat(page.text)


def test_indicators_beside_the_baseline_with_their_change():
	page = render(summary())
	table = page.tables_of("cb-indicators")[0]
	assert cells(table["rows"][0]) == ["指标名称", "基期（2016年）", "报告年度（2018年）", "增减"]
	rows = {cells(r)[0]: cells(r)[1:] for r in table["rows"][1:]}
	assert rows["主导产业总产值（亿元）"] == ["100", "120", "+20.00%"]
	assert rows["主导产业新产品产值（亿元）"] == ["", "15.5", ""]
	assert rows[dict(DERIVED_INDICATORS)[summary_indicators.RATIOS[0]]] == ["20", "25", "+5.00个百分点"]
	assert len(rows) == len(summary_indicators.SUMMARY_INDICATORS) + len(summary_indicators.RATIOS)


def test_own_brand_share_targets_and_funds():
	page = render(summary())
	assert flat("骨干企业 2 家，自主品牌产品销售收入占销售收入的 50%") in flat(page.text)
	target = cells(page.tables_of("cb-targets")[0]["rows"][1])
	assert target == ["区域品牌价值", "亿元", "", "200", "2020", "50", "25"]
	funding = [cells(r) for r in page.tables_of("cb-funding")[0]["rows"][1:]]
	assert funding[-1] == ["合计", "300", ""]


def test_user_text_prints_as_text():
	html = render(summary()).text
	assert SCRIPT in html  # the parser reads the escaped text back as the characters typed
	env = print_environment(
		annual_summary_print_context=annual_summary_print_context, official_name=lambda a: a or ""
	)
	raw = env.get_template(TEMPLATE).render(doc=summary())
	assert ESCAPED in raw and SCRIPT not in raw


def test_the_inspection_prints_once_recorded():
	assert "督导检查意见" not in render(summary()).text
	inspected = summary(inspection_date=date(2018, 12, 5), inspectors="王五", inspection_opinion="同意报送。")
	text = flat(render(inspected).text)
	assert flat("检查日期：2018年12月5日 检查人员：王五") in text
	assert "同意报送。" in text


def test_an_empty_summary_prints_its_blank_form():
	page = render({})
	assert flat("产业集群区域品牌建设试点年度工作总结") in flat(page.text)
	assert page.tables_of("cb-progress") == []
	assert len(page.tables_of("cb-indicators")[0]["rows"]) == 1 + len(INDICATORS) + 1 + len(
		summary_indicators.RATIOS
	)
