"""cluster_brand/rules/review/scoring.py: the rubric, the experts' scores and their recusal."""

from cluster_brand.rules.review import scoring as s
from tests.rules.messages import messages


# --- rubric, scores, recusal, ranking
def test_default_rubric_weights_sum_to_100_and_cover_the_seven_work_contents():
	rubric = [{"criterion": c, "weight": w} for c, w, _g in s.DEFAULT_RUBRIC]
	assert s.check_rubric(rubric) == []
	assert len(rubric) == 9


def test_rubric_weights():
	assert messages(s.check_rubric([{"criterion": "A", "weight": 60}, {"criterion": "B", "weight": 30}])) == [
		"The weights of the review criteria sum to {total}, not 100."
	]
	dup = s.check_rubric([{"criterion": "A", "weight": 50}, {"criterion": "A", "weight": 50}])
	assert any("listed twice" in m for m in messages(dup))
	zero = s.check_rubric([{"criterion": "A", "weight": 100}, {"criterion": "B", "weight": 0}])
	assert any("weight above 0" in m for m in messages(zero))


def test_weighted_scores_and_their_range():
	weighted, total = s.weighted_scores([{"score": 80, "weight": 60}, {"score": 50, "weight": 40}])
	assert weighted == [48.0, 20.0] and total == 68.0
	assert (
		s.check_scores([{"criterion": "A", "score": 101}, {"criterion": "B", "score": 100}])[0].args[
			"criterion"
		]
		== "A"
	)


def test_recusal_of_experts_from_the_same_province_or_unit():
	application = {
		"recommending_authority": "浙江省工业和信息化主管部门",
		"organizing_unit": "青溪县人民政府",
	}
	assert s.recusal_reason({"recommending_authority": "浙江省工业和信息化主管部门"}, application)
	assert s.recusal_reason(
		{"organizing_unit": "青溪县人民政府", "recommending_authority": "北京市工业和信息化主管部门"},
		application,
	)
	assert s.recusal_reason({"recommending_authority": "北京市工业和信息化主管部门"}, application) is None


def test_a_score_sheet_has_the_batchs_rubric_exactly():
	rubric = [{"criterion": c, "weight": w} for c, w, _guidance in s.DEFAULT_RUBRIC]
	sheet = [dict(row, score=80) for row in rubric]
	assert s.check_sheet_rubric(sheet, rubric) == []
	assert s.check_sheet_rubric([dict(row, weight=str(row["weight"])) for row in sheet], rubric) == []

	reweighted = [dict(sheet[0], weight=1000), *sheet[1:]]
	[v] = s.check_sheet_rubric(reweighted, rubric)
	assert (v.row, v.args["expected"], v.args["weight"]) == (1, "15", "1000")

	added = [*sheet, {"criterion": "附加指标", "weight": 500, "score": 100}]
	[v] = s.check_sheet_rubric(added, rubric)
	assert (v.row, v.args["criterion"]) == (len(rubric) + 1, "附加指标")

	[v] = s.check_sheet_rubric(sheet[:-1], rubric)
	assert v.args["criterion"] == rubric[-1]["criterion"] and v.row is None

	renamed = [dict(sheet[0], criterion="改名的指标"), *sheet[1:]]
	[v] = s.check_sheet_rubric(renamed, rubric)
	assert v.args == {"row": 1, "expected": rubric[0]["criterion"], "criterion": "改名的指标"}

	assert [v.row for v in s.check_sheet_rubric(sheet[::-1], rubric)] == [1, 2, 3, 4, 6, 7, 8, 9]
	assert s.check_sheet_rubric([dict(sheet[0], weight=float("inf")), *sheet[1:]], rubric)[0].row == 1


# --- the expert's score sheet
def test_a_score_not_entered_is_blank_not_zero():
	rows = [{"criterion": "A", "weight": 60, "score": None}, {"criterion": "B", "weight": 40, "score": "50"}]
	weighted, total = s.weighted_scores(rows)
	assert weighted == [None, 20.0]
	assert total is None  # no total until every criterion is scored
	assert s.weighted_scores([{"weight": 100, "score": ""}]) == ([None], None)
	assert s.weighted_scores([{"weight": 60, "score": "0"}, {"weight": 40, "score": 50}]) == (
		[0.0, 20.0],
		20.0,
	)
	# a draft may be saved half scored; submission needs every score, and 0 is one
	assert s.check_scores(rows) == []
	assert [v.args["criterion"] for v in s.check_scores_complete(rows)] == ["A"]
	assert [v.row for v in s.check_scores_complete(rows)] == [1]
	assert s.check_scores_complete([{"criterion": "A", "score": 0}, {"criterion": "B", "score": "0"}]) == []


def test_an_entered_score_is_kept_as_its_number():
	assert s.score_value(" 85.50 ") == 85.5
	assert s.score_value(85) == 85.0 and isinstance(s.score_value(85), float)
	assert s.score_value("0") == 0.0 and s.score_value(0.0) == 0.0  # 0 is a score
	assert s.score_value("") is None and s.score_value(None) is None and s.score_value("  ") is None
	assert s.score_value("abc") == "abc"  # refused by check_scores, not stored as Frappe's 0
	assert [v.args["criterion"] for v in s.check_scores([{"criterion": "A", "score": "abc"}])] == ["A"]
	assert [v.args["criterion"] for v in s.check_scores([{"criterion": "A", "score": -1.0}])] == ["A"]
