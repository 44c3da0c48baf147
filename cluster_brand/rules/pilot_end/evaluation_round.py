"""总结评价 (the evaluation round, per batch of pilots, set by the ministry): its deadlines in the order the
round runs, the rubrics of the document review and of the central hearing (集中答辩), and the provinces'
quotas of demonstration-zone recommendations."""

from dataclasses import replace

from cluster_brand.rules import Violation, _
from cluster_brand.rules.review.scoring import check_rubric
from cluster_brand.rules.values import as_text, whole_number

# the round's deadlines, in the order the round runs: (fieldname, English label; zh is the official name)
DEADLINES = (
	("final_summary_deadline", "Final Summary Deadline"),
	("demonstration_application_deadline", "Demonstration Application Deadline"),
	("provincial_recommendation_deadline", "Provincial Recommendation Deadline"),
	("hearing_date", "Central Hearing Date"),
)
# the hearing is scored on these three, each once (工信厅科函〔2018〕283号)
HEARING_CRITERIA = ("创新性", "先进性", "示范性")
DOCUMENT_RUBRIC_TABLE, DOCUMENT_RUBRIC_ITEM = "document_review_criteria", "Document Review Criteria"
HEARING_RUBRIC_TABLE, HEARING_RUBRIC_ITEM = "hearing_criteria", "Hearing Criteria"
QUOTA_TABLE, QUOTA_ITEM = "provincial_quotas", "Provincial Quotas"
# the round's status, the ministry's to set (Frappe's own zh for "Open" is 开: a word of its own here)
IN_PROGRESS, CONCLUDED = "In Progress", "Concluded"

# A new round's document rubric: the four demonstration conditions (示范区条件) of the notice and the typical
# experience the round looks for; the ministry adjusts it to the round's notice.
DEFAULT_DOCUMENT_RUBRIC = (
	("区域品牌发展战略与政策落实", 25, "区域品牌发展战略正式发布、定位清晰，政策、资金按计划落实到位"),
	("评价和舆情监测", 20, "开展区域品牌评价和舆情监测，并根据结果采取改进措施"),
	("主要指标提升", 25, "工业增加值率、以自主品牌销售产品比重、新产品产值率较基期提高"),
	("品牌推广与营销活动", 15, "联合行业组织和骨干企业开展质量、品牌推广或营销活动，成效明显"),
	("典型经验", 15, "经验成熟、可复制、可推广"),
)


def default_rubrics() -> dict[str, list[dict]]:
	"""A new round's rubrics: the document review's default, and the hearing's three criteria with their
	weights blank (the ministry sets them for each round)."""
	return {
		DOCUMENT_RUBRIC_TABLE: [
			{"criterion": criterion, "weight": weight, "guidance": guidance}
			for criterion, weight, guidance in DEFAULT_DOCUMENT_RUBRIC
		],
		HEARING_RUBRIC_TABLE: [{"criterion": criterion, "weight": None} for criterion in HEARING_CRITERIA],
	}


def check_one_round_per_batch(batch: str, other_round: str | None) -> list[Violation]:
	"""A batch of pilots is evaluated in one round; ``other_round`` is a round of the batch saved before."""
	if not (batch and other_round):
		return []
	return [
		Violation(
			_("{item}: {batch} is evaluated in {round} already; a batch has one evaluation round."),
			{"item": "Pilot Batch", "batch": batch, "round": other_round},
			"pilot_batch",
			translate_args=("item",),
		)
	]


def check_deadline_order(round_: dict) -> list[Violation]:
	"""Each deadline set may not be earlier than one set before it in the round's order."""
	violations, earlier = [], None
	for fieldname, label in DEADLINES:
		value = round_.get(fieldname)
		if not value:
			continue
		if earlier and value < earlier[1]:
			violations.append(
				Violation(
					_("{item} ({date}) may not be earlier than {earlier_item} ({earlier_date})."),
					{
						"item": label,
						"date": value.isoformat(),
						"earlier_item": earlier[0],
						"earlier_date": earlier[1].isoformat(),
					},
					fieldname,
					translate_args=("item", "earlier_item"),
				)
			)
		earlier = (label, value)
	return violations


def _in_table(violations: list[Violation], table: str) -> list[Violation]:
	# check_rubric speaks of the batch's review criteria; the round has two rubrics of its own
	return [replace(violation, fieldname=table) for violation in violations]


def check_hearing_rubric(rows: list[dict]) -> list[Violation]:
	violations = _in_table(check_rubric(rows), HEARING_RUBRIC_TABLE)
	named = [as_text(row.get("criterion")).strip() for row in rows]
	for idx, name in enumerate(named, start=1):
		if name and name not in HEARING_CRITERIA:
			violations.append(
				Violation(
					_('The hearing is scored on {criteria}; "{criterion}" is none of them.'),
					{"criteria": "、".join(HEARING_CRITERIA), "criterion": name},
					HEARING_RUBRIC_TABLE,
					idx,
					column="criterion",
				)
			)
	missing = [name for name in HEARING_CRITERIA if name not in named]
	if rows and missing:
		violations.append(
			Violation(
				_("{item}: add {criteria}."),
				{"item": HEARING_RUBRIC_ITEM, "criteria": "、".join(missing)},
				HEARING_RUBRIC_TABLE,
				translate_args=("item",),
			)
		)
	return violations


def check_quotas(rows: list[dict]) -> list[Violation]:
	"""A quota is a whole number of at least 1, one per province."""
	violations, seen = [], set()
	for idx, row in enumerate(rows, start=1):
		authority = as_text(row.get("recommending_authority")).strip()
		if authority and authority in seen:
			violations.append(
				Violation(
					_("{item}: {authority} is listed twice."),
					{"item": QUOTA_ITEM, "authority": authority},
					QUOTA_TABLE,
					idx,
					translate_args=("item",),
					column="recommending_authority",
				)
			)
		seen.add(authority)
		quota = whole_number(row.get("quota"))
		if quota is None or quota < 1:
			violations.append(
				Violation(
					_("{item}, row {row}: the quota must be a whole number of at least 1, not {value}."),
					{"item": QUOTA_ITEM, "row": idx, "value": as_text(row.get("quota")) or "—"},
					QUOTA_TABLE,
					idx,
					translate_args=("item",),
					column="quota",
				)
			)
	return violations


def check_evaluation_round(round_: dict) -> list[Violation]:
	return (
		check_deadline_order(round_)
		+ _in_table(check_rubric(round_.get(DOCUMENT_RUBRIC_TABLE) or []), DOCUMENT_RUBRIC_TABLE)
		+ check_hearing_rubric(round_.get(HEARING_RUBRIC_TABLE) or [])
		+ check_quotas(round_.get(QUOTA_TABLE) or [])
	)


def over_quota(recommended: dict[str, int], rows: list[dict]) -> dict[str, tuple[int, int]]:
	"""{province: (recommended, quota)} of the provinces that recommend more than their quota; a province
	without a quota is not limited."""
	quotas = {
		as_text(row.get("recommending_authority")).strip(): whole_number(row.get("quota")) for row in rows
	}
	return {
		authority: (count, quotas[authority])
		for authority, count in recommended.items()
		if quotas.get(authority) is not None and count > quotas[authority]
	}


def check_recommendation_quota(authority: str, recommended: int, rows: list[dict]) -> list[Violation]:
	"""A province's next recommendation, refused when it would exceed its quota."""
	exceeded = over_quota({authority: recommended}, rows)
	if authority not in exceeded:
		return []
	count, quota = exceeded[authority]
	return [
		Violation(
			_(
				"{authority} may recommend at most {quota} demonstration applications in this round; with this one it would be {count}."
			),
			{"authority": authority, "quota": quota, "count": count},
		)
	]
