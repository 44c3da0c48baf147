"""示范区申报书 as plain data for its Jinja template (cluster_brand/templates/print/demonstration_application.html),
in the official style of the final summary (print/final_summary.py).

No Frappe import here: the template calls ``demonstration_print_context(readable(doc), official_name(…))``
through the ``jinja`` hook. Values are returned as text but NOT escaped: the template escapes every user value.
"""

from cluster_brand.print.formatting import date_text, float_value, format_number, int_value, plain_text
from cluster_brand.rules.pilot_end import demonstration as condition_3

TITLE = "产业集群区域品牌建设示范区申报书"
# the notice's words for the four conditions (工信厅科函〔2018〕283号)
CONDITIONS = (
	"（一）区域品牌发展战略正式发布，定位清晰，相关政策、资金按计划落实到位",
	"（二）建立区域品牌评价和舆情监测机制，并根据结果采取改进措施",
	"（三）工业增加值率、以自主品牌销售产品比重、新产品产值率有所提高",
	"（四）联合行业组织和骨干企业开展质量、品牌推广或营销活动，成效明显",
)
HEADINGS = ("一、典型经验", "二、示范区条件", "三、省级主管部门推荐意见")
RATIO_NAMES = {
	condition_3.VALUE_ADDED_RATE: "工业增加值率（%）",
	condition_3.OWN_BRAND_SHARE: "以自主品牌销售产品比重（%）",
	condition_3.NEW_PRODUCT_RATE: "新产品产值率（%）",
}
VERDICT_NAMES = {
	condition_3.IMPROVED: "提高",
	condition_3.UNCHANGED: "持平",
	condition_3.WORSE: "下降",
	condition_3.MISSING: "缺少数据",
}
RATIO_COLUMNS = ("指标", "基期年份", "基期值", "最近报告年度", "最近报告年度值", "变化（百分点）", "结果")
ACTIVITY_COLUMNS = ("日期", "活动名称及内容", "联合组织单位", "成效")


def _file_name(url) -> str:
	text = plain_text(url)
	return text.rsplit("/", 1)[-1] if text else ""


def _year(value) -> str:
	year = int_value(value)
	return f"{year}年" if year else ""


def _change(value) -> str:
	# percentage points, signed as the final summary's changes are
	number = float_value(value)
	return f"{number:+.2f}" if number is not None else ""


def demonstration_print_context(doc, authority_name: str = "") -> dict:
	doc = doc if doc is not None else {}
	ratios = []
	notes = []
	for row in doc.get("ratio_changes") or []:
		name = RATIO_NAMES.get(row.get("ratio"), plain_text(row.get("ratio")))
		ratios.append(
			[
				name,
				_year(row.get("baseline_year")),
				format_number(row.get("baseline_value"), 2),
				_year(row.get("last_year")),
				format_number(row.get("last_value"), 2),
				_change(row.get("change")),
				VERDICT_NAMES.get(row.get("verdict"), plain_text(row.get("verdict"))),
			]
		)
		if row.get("first_year_as_baseline"):
			notes.append(f"申报书未填报新产品产值，{name}以首个报告年度为基期。")
	return {
		"title": TITLE,
		"cluster": plain_text(doc.get("industrial_cluster")),
		"unit": plain_text(doc.get("organizing_unit")),
		"authority": plain_text(authority_name) or plain_text(doc.get("recommending_authority")),
		"pilot": plain_text(doc.get("brand_pilot")),
		"round": plain_text(doc.get("evaluation_round")),
		"headings": HEADINGS,
		"conditions": CONDITIONS,
		"typical_experience": plain_text(doc.get("typical_experience")),
		"condition_1": [
			("区域品牌发展战略文件", _file_name(doc.get("strategy_document"))),
			("发布日期", date_text(doc.get("strategy_published_on"))),
			("落实资金（万元）", format_number(doc.get("funds_delivered"), 2)),
		],
		"positioning": plain_text(doc.get("strategy_positioning")),
		"condition_2": {
			"mechanism": plain_text(doc.get("evaluation_mechanism")),
			"evidence": _file_name(doc.get("monitoring_evidence")),
			"measures": plain_text(doc.get("improvement_measures")),
		},
		"ratio_columns": RATIO_COLUMNS,
		"ratios": ratios,
		"ratio_notes": notes,
		"claimed": bool(doc.get("condition_3_met")),
		"activity_columns": ACTIVITY_COLUMNS,
		"activities": [
			[
				date_text(r.get("activity_date")),
				plain_text(r.get("activity")),
				plain_text(r.get("organisers")),
				plain_text(r.get("effect")),
			]
			for r in doc.get("promotion_activities") or []
		],
		"recommendation": {
			"date": date_text(doc.get("recommendation_date")),
			"rank": str(int_value(doc.get("recommendation_rank")) or ""),
			"opinion": plain_text(doc.get("recommendation_opinion")),
		}
		if doc.get("recommendation_opinion")
		else None,
	}
