"""The review process's forms as plain data for their templates: 省级推荐意见, 专家评审表 and the
产业集群区域品牌建设试点名单. Lists that need the database are read by cluster_brand.print.readers, with the
reader's permissions, and passed in as plain rows."""

import json
from functools import cache
from pathlib import Path

from cluster_brand.print.formatting import BLANK, date_text, float_value, format_number, int_value, plain_text
from cluster_brand.rules.review import scoring

# --- The review process's forms: 省级推荐意见, 专家评审表, 产业集群区域品牌建设试点名单 -----------------------------
# Lists that need the database (an authority's recommendations, a batch's pilots) are read by
# cluster_brand.print.readers with the reader's permissions and passed in here as plain rows.

PROGRAMME = "产业集群区域品牌建设试点"
# The opinion prints once, under the list (the form is printed from the application it is about).
RECOMMENDATION_COLUMNS = ("推荐排序", "组织实施单位", "产业集群（园区）", "主导产业")
BLANK_LIST_ROWS = 3  # a list with nothing in it yet prints as a form to be filled in by hand


def recommendation_print_context(doc, recommended=None, authority_name: str | None = None) -> dict:
	"""The 推荐意见 of the application's recommending authority: every application it recommended in the
	batch (``recommended``: rows of Cluster Brand Application, as read by the printing reader) in rank
	order, and this application's own opinion, officer and date. The authority heads and seals it by its
	official name (``authority_name``: Recommending Authority.official_name) when it has one."""
	doc = doc if doc is not None else {}
	year = int_value(doc.get("batch_year"))
	authority = plain_text(authority_name) or plain_text(doc.get("recommending_authority"))
	rows = sorted(
		recommended or [],
		key=lambda r: (int_value(r.get("recommendation_rank")) or 10**6, plain_text(r.get("name"))),
	)
	rank = int_value(doc.get("recommendation_rank"))
	return {
		"authority": authority,
		"title": f"{year or BLANK}年{PROGRAMME}推荐意见",
		"batch": plain_text(doc.get("pilot_batch")),
		"columns": RECOMMENDATION_COLUMNS,
		"rows": [
			{
				"rank": str(int_value(r.get("recommendation_rank")) or ""),
				"unit": plain_text(r.get("organizing_unit")),
				"cluster": plain_text(r.get("industrial_cluster")),
				"industry": plain_text(r.get("leading_industry")),
				"current": bool(doc.get("name")) and r.get("name") == doc.get("name"),
			}
			for r in rows
		],
		"blank_rows": 0 if rows else BLANK_LIST_ROWS,
		"own": {
			"cluster": plain_text(doc.get("industrial_cluster")),
			"unit": plain_text(doc.get("organizing_unit")),
			"rank": f"第 {rank} 位" if rank else "",
			"opinion": plain_text(doc.get("recommendation_opinion")),
			"officer": plain_text(doc.get("recommending_officer")),
			"date": date_text(doc.get("recommendation_date")),
		},
	}


EXPERT_REVIEW_TITLE = f"{PROGRAMME}专家评审表"
SCORE_COLUMNS = ("序号", "评审指标", "权重", "得分（0–100）", "加权得分")
# The expert's options of Expert Review.recommendation in full: zh.csv shares "Do Not Recommend" with the
# province's workflow action (不予推荐).
RECOMMENDATIONS = {"Recommend as Pilot": "建议确定为试点", "Do Not Recommend": "不建议确定为试点"}
CONFLICT_DECLARATION = "本人声明与该申报书不存在利益冲突"
BLANK_SCORE_ROWS = 5


def expert_review_print_context(doc) -> dict:
	"""An expert's review sheet: the application, the scores by criterion with the total, the comments,
	the recommendation and the conflict-of-interest declaration."""
	doc = doc if doc is not None else {}
	scores = list(doc.get("scores") or [])
	# The saved weighted scores and total; computed only for a sheet that was never validated. A criterion not
	# scored yet prints blank for the expert to fill in by hand, and so does the total of a sheet not fully
	# scored (stored NULL, cluster_brand/controllers/blank_numbers.py; read from the scores, not from a 0 stored before
	# the site's columns accepted NULL).
	weighted, total = scoring.weighted_scores(scores)
	rows = [
		{
			"no": n,
			"criterion": plain_text(r.get("criterion")),
			"guidance": plain_text(r.get("guidance")),
			"weight": format_number(r.get("weight")),
			"score": format_number(r.get("score")),
			"weighted": ""
			if w is None
			else format_number(r.get("weighted_score") if r.get("weighted_score") is not None else w),
		}
		for n, (r, w) in enumerate(zip(scores, weighted, strict=True), start=1)
	]
	if total is not None and doc.get("total_score") is not None:
		total = doc.get("total_score")
	choice = doc.get("recommendation")
	return {
		"title": EXPERT_REVIEW_TITLE,
		"application": plain_text(doc.get("application")),
		"cluster": plain_text(doc.get("industrial_cluster")),
		"batch": plain_text(doc.get("pilot_batch")),
		"expert": plain_text(doc.get("expert_name")) or plain_text(doc.get("expert")),
		"columns": SCORE_COLUMNS,
		"rows": rows,
		"blank_rows": 0 if rows else BLANK_SCORE_ROWS,
		"weight_total": format_number(sum(float_value(r.get("weight")) or 0 for r in scores)) if rows else "",
		"total": format_number(total) if rows and total is not None else "",
		"comments": plain_text(doc.get("comments")),
		"recommendation": RECOMMENDATIONS.get(choice, plain_text(choice)),
		"recommendation_choices": [
			{"label": label, "checked": choice == value} for value, label in RECOMMENDATIONS.items()
		],
		"declaration": {
			"text": CONFLICT_DECLARATION,
			"checked": bool(int_value(doc.get("no_conflict_of_interest"))),
			"statement": plain_text(doc.get("conflict_statement")),
		},
	}


DESIGNATION_TITLE = f"{PROGRAMME}名单"
DESIGNATION_COLUMNS = ("序号", "产业集群（园区）", "组织实施单位", "推荐单位", "试点开始日期", "计划结束日期")
AUTHORITIES_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "recommending_authority.json"


def designation_print_context(doc, pilots=None) -> dict:
	"""The list of a batch's pilots (``pilots``: rows of Brand Pilot), by recommending authority in the
	notice's order (provinces, then the industry associations), with the batch and its notice numbers."""
	doc = doc if doc is not None else {}
	order = authority_order()
	rows = sorted(
		pilots or [],
		key=lambda r: (
			order.get(r.get("recommending_authority"), len(order)),
			plain_text(r.get("recommending_authority")),
			plain_text(r.get("industrial_cluster")),
		),
	)
	year = int_value(doc.get("batch_year"))
	numbers = sorted({plain_text(r.get("designation_notice_number")) for r in rows} - {""})
	return {
		"title": f"{year}年{DESIGNATION_TITLE}" if year else DESIGNATION_TITLE,
		"batch": plain_text(doc.get("batch_title")) or plain_text(doc.get("name")),
		"notice_number": plain_text(doc.get("notice_number")),
		"designation_numbers": numbers,
		"columns": DESIGNATION_COLUMNS,
		"rows": [
			{
				"no": n,
				"cluster": plain_text(r.get("industrial_cluster")),
				"unit": plain_text(r.get("organizing_unit")),
				"authority": plain_text(r.get("recommending_authority_name"))
				or plain_text(r.get("recommending_authority")),
				"start": date_text(r.get("start_date")),
				"end": date_text(r.get("planned_end_date")),
			}
			for n, r in enumerate(rows, start=1)
		],
	}


@cache
def authority_order() -> dict[str, int]:
	"""The authorities as the fixture lists them: the notice's order (北京 … 新疆生产建设兵团, then the
	associations)."""
	try:
		authorities = json.loads(AUTHORITIES_FIXTURE.read_text(encoding="utf-8"))
	except (OSError, ValueError):
		return {}
	return {a.get("name"): n for n, a in enumerate(authorities)}
