"""A complete, valid annual work summary as the plain dict the rules read (dates as dates)."""

from datetime import date

from cluster_brand.rules.application.work_plan import WORK_ITEM_KEYS
from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.rules.pilot_years import indicators as summary_indicators
from cluster_brand.rules.pilot_years import progress as summary_progress

CODE = "91330000MA2CC9990" + credit_code_check_character("91330000MA2CC9990")


def complete_summary(year=2018) -> dict:
	return {
		"reporting_year": year,
		"measure_progress": [
			{
				"work_item": WORK_ITEM_KEYS[0],
				"measure_no": "1.1",
				"time_node": date(year, 6, 30),
				"status": summary_progress.COMPLETED,
				"work_done": "已完成",
			}
		],
		"indicators": [
			{"indicator": i.key, "baseline_value": 10.0, "reporting_value": 12.0}
			for i in summary_indicators.SUMMARY_INDICATORS
		],
		"backbone_enterprises": [
			{
				"enterprise": CODE,
				"enterprise_name": "甲公司",
				"main_products": "扳手",
				"own_brand": "甲",
				"assets": 100.0,
				"sales_revenue": 200.0,
				"own_brand_sales_revenue": 50.0,
				"total_profit": 10.0,
				"contact_person": "张三",
				"contact_details": "0571-1",
			}
		],
		"target_progress": [{"target_indicator": "品牌价值", "target_value": 10.0, "achieved_value": 5.0}],
		"policies_and_funds": [
			{"policy": "专项资金", "funding_source": "县财政", "amount": 100.0, "use_of_funds": "品牌宣传"}
		],
		"self_evaluations": [{"evaluation_date": date(year, 10, 1), "method": "自评", "result": "良好"}],
		"work_results": "成效",
		"problems": "问题",
		"next_year_plan": "计划",
	}
