"""The experts' part of the review (Annex 1 四): the batch's rubric, the score sheets, recusal and an
application's mean score. The ranking of the batch is rules/review/ranking.py, the workflow around it
rules/application/workflow.py."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.capacity import check_number
from cluster_brand.rules.values import INVALID, as_text, finite_number, parse_number

# --- the experts' rubric ---------------------------------------------------------------------------

# Annex 1 二 (conditions (二) and (三)) and 三 (the seven work contents); the ministry may change them per batch.
DEFAULT_RUBRIC = (
	("具有较强的产业影响力", 15, "主导产业竞争优势、地位、自主知识产权和关键技术指标"),
	(
		"具有较好的区域品牌建设工作基础",
		15,
		"发展规划、统计评价、信誉监测、营销平台等工作基础；行业组织和骨干企业积极性",
	),
	# the seven work contents: their main points in Annex 1 三's own words
	(
		"实施区域品牌发展战略",
		10,
		"产业监测机制；区域品牌核心价值、内涵和定位；品牌发展目标和路径；区域品牌形象识别系统",
	),
	(
		"健全区域品牌管理机制",
		10,
		"区域产业联盟、行业协会等管理机构；团体标准和共同行为准则；准入和退出机制；公共服务平台和营销平台",
	),
	(
		"夯实区域品牌发展基础",
		10,
		"专业化协作，产业链、创新链、价值链；产学研协同和共性技术；品牌培育、创意设计、质量管理、检验检测、知识产权保护等服务能力",
	),
	(
		"引导企业培育自主品牌",
		10,
		"鼓励企业培育自主品牌的政策措施；企业品牌管理体系；品牌专业知识培训和首席品牌官制度",
	),
	(
		"健全区域品牌保护机制",
		10,
		"集体商标、证明商标等集体品牌；质量信誉承诺和行业自律；舆情监控；质量安全和信誉风险控制预案",
	),
	(
		"打造区域品牌营销和宣传平台",
		10,
		"品牌巡展发布、产业链对接、供需见面等活动；展览展示平台和电子商务平台；线上线下融合；企业参与宣传区域品牌",
	),
	(
		"健全区域品牌评价制度",
		10,
		"区域品牌建设评价体系；数据采集和报送机制；统计评价制度；每年至少开展一次评价并改进",
	),
)
TOTAL_WEIGHT = 100
MAX_SCORE = 100


def check_rubric(criteria: list[dict]) -> list[Violation]:
	"""Each criterion named once, with a positive weight; the weights sum to 100."""
	violations, seen = [], set()
	for idx, row in enumerate(criteria, start=1):
		name = as_text(row.get("criterion")).strip()
		if name in seen:
			violations.append(
				Violation(
					_('Review criterion "{criterion}" is listed twice.'),
					{"criterion": name},
					"review_criteria",
					idx,
				)
			)
		seen.add(name)
		problem = check_number(
			row.get("weight"), "Float", "Weight", "review_criteria", idx, "Review Criteria"
		)
		if problem:
			violations.append(problem)
		elif finite_number(row.get("weight"), 0) <= 0:
			violations.append(
				Violation(
					_('Review criterion "{criterion}" needs a weight above 0.'),
					{"criterion": name},
					"review_criteria",
					idx,
				)
			)
	total = round(sum(finite_number(row.get("weight"), 0) for row in criteria), 6)
	if criteria and total != TOTAL_WEIGHT:
		violations.append(
			Violation(
				_("The weights of the review criteria sum to {total}, not 100."),
				{"total": total},
				"review_criteria",
			)
		)
	return violations


def score_entered(value) -> bool:
	"""Whether the expert has entered a score (a right or a wrong one); blank is not 0."""
	return parse_number(value) is not None


def score_value(value) -> float | None:
	"""A score as the sheet stores it (a Float column that holds NULL until the expert enters a score,
	cluster_brand/controllers/blank_numbers.py): the number (" 85.50 " → 85.5, "0" → 0.0), None when blank, a wrong
	entry unchanged for check_scores to report (Frappe would store it as 0)."""
	number = parse_number(value)
	if number is None:
		return None
	return value if number is INVALID else float(number)


def weighted_scores(scores: list[dict]) -> tuple[list[float | None], float | None]:
	"""Each criterion's score (0–100) weighted by its share of 100, and the total (0–100). A criterion not
	scored yet has no weighted score, and the sheet no total until every criterion is scored."""
	weighted = [
		round(finite_number(row.get("score"), 0) * finite_number(row.get("weight"), 0) / TOTAL_WEIGHT, 4)
		if score_entered(row.get("score"))
		else None
		for row in scores
	]
	if None in weighted:
		return weighted, None
	return weighted, round(sum(weighted), 2)


SHEET_RUBRIC_INTRO = _(
	"The criteria and weights of a score sheet are the batch's rubric and cannot be changed:"
)


def _weight_text(value) -> str:
	number = finite_number(value)
	return f"{number:g}" if number is not None else as_text(value)


def _same_weight(weight, expected) -> bool:
	number = finite_number(weight)
	return number is not None and round(number, 6) == round(finite_number(expected, 0), 6)


def check_sheet_rubric(scores: list[dict], rubric: list[dict]) -> list[Violation]:
	"""An expert scores the batch's rubric as it stands: the sheet's rows have the batch's criteria, in its
	order, with its weights; none added, removed, renamed or reweighted (else a weight of 1000 or an added
	criterion would count in the total)."""
	violations = []
	for idx in range(max(len(scores), len(rubric))):
		row = scores[idx] if idx < len(scores) else None
		expected = rubric[idx] if idx < len(rubric) else None
		criterion = as_text(row.get("criterion")).strip() if row else ""
		if expected is None:
			violations.append(
				Violation(
					_('Row {row}: "{criterion}" is not a criterion of the batch\'s rubric.'),
					{"row": idx + 1, "criterion": criterion},
					"scores",
					idx + 1,
				)
			)
			continue
		expected_criterion = as_text(expected.get("criterion")).strip()
		if row is None:
			violations.append(
				Violation(
					_('The criterion "{criterion}" of the batch\'s rubric is missing.'),
					{"criterion": expected_criterion},
					"scores",
				)
			)
		elif criterion != expected_criterion:
			violations.append(
				Violation(
					_('Row {row}: the criterion must be "{expected}", not "{criterion}".'),
					{"row": idx + 1, "expected": expected_criterion, "criterion": criterion},
					"scores",
					idx + 1,
				)
			)
		elif not _same_weight(row.get("weight"), expected.get("weight")):
			violations.append(
				Violation(
					_('Row {row}: the weight of "{criterion}" must be {expected}, not {weight}.'),
					{
						"row": idx + 1,
						"criterion": criterion,
						"expected": _weight_text(expected.get("weight")),
						"weight": _weight_text(row.get("weight")),
					},
					"scores",
					idx + 1,
				)
			)
	return violations


def check_scores(scores: list[dict]) -> list[Violation]:
	"""Every entered score is a number from 0 to 100; a draft may leave some blank."""
	return [
		Violation(
			_('The score for "{criterion}" must be between 0 and 100, not {score}.'),
			{"criterion": row.get("criterion"), "score": row.get("score")},
			"scores",
			idx,
		)
		for idx, row in enumerate(scores, start=1)
		if score_entered(row.get("score")) and not _is_score(row.get("score"))
	]


def check_scores_complete(scores: list[dict]) -> list[Violation]:
	"""A sheet is submitted with a score for every criterion (0 is a score, blank is none)."""
	return [
		Violation(
			_('Enter the score for "{criterion}" before submitting the review.'),
			{"criterion": row.get("criterion")},
			"scores",
			idx,
		)
		for idx, row in enumerate(scores, start=1)
		if not score_entered(row.get("score"))
	]


def _is_score(value) -> bool:
	"""A score is a number from 0 to 100; inf, nan and text are none."""
	if check_number(value, "Float", ""):
		return False
	return 0 <= finite_number(value, 0) <= MAX_SCORE


def recusal_reason(expert: dict, application: dict) -> str | None:
	"""Why an expert may not review an application: same province, or the expert's own organizing unit."""
	if expert.get("organizing_unit") and expert.get("organizing_unit") == application.get("organizing_unit"):
		return _("{expert} belongs to the applicant unit {unit}.")
	if expert.get("recommending_authority") and expert.get("recommending_authority") == application.get(
		"recommending_authority"
	):
		return _("{expert} comes from the same province ({authority}) as the application.")
	return None


def assignment_problems(
	assignments: list[dict], experts: dict[str, dict], application: dict
) -> list[Violation]:
	"""Each expert assigned once, enabled in the register and not recused. ``experts`` are the register's
	records of the assigned experts by name (casefolded, as the database compares names); one missing from
	it is reported by the link check."""
	problems, seen = [], set()
	for row in assignments:
		if row.get("expert") in seen:
			problems.append(
				Violation(
					_("{expert} is assigned twice."), {"expert": row.get("expert_name") or row.get("expert")}
				)
			)
		seen.add(row.get("expert"))
		expert = experts.get(as_text(row.get("expert")).casefold())
		if not expert:
			continue
		if expert.get("disabled"):
			problems.append(Violation(_("{expert} is disabled."), {"expert": expert.get("expert_name")}))
		reason = recusal_reason(expert, application)
		if reason:
			problems.append(
				Violation(
					reason,
					{
						"expert": expert.get("expert_name"),
						"unit": application.get("organizing_unit"),
						"authority": application.get("recommending_authority"),
					},
				)
			)
	return problems


def mean_score(totals: list[float | None]) -> float | None:
	"""The application's mean score: the mean of its complete sheets' totals (a blank total, stored NULL, is
	no 0: cluster_brand/controllers/blank_numbers.py), blank (None) before any."""
	scores = [total for total in totals if total is not None]
	return round(sum(scores) / len(scores), 2) if scores else None
