from cluster_brand.rules.application.enterprises import (
	TABLE_ITEM,
	backbone_totals,
	check_backbone_rows,
	check_sales_coverage,
	check_top_enterprises,
	sales_coverage_percent,
	top_enterprises_by_sales,
)


def backbone(*sales):
	return [
		{
			"enterprise": f"E{i}",
			"enterprise_name": f"企业{i}",
			"sales_revenue": s,
			"assets": 1,
			"own_brand_sales_revenue": 0,
			"total_profit": 0,
		}
		for i, s in enumerate(sales, start=1)
	]


def test_coverage_converts_wan_to_yi():
	# 8,000 万元 of 1 亿元 = 10,000 万元 → 80%
	assert sales_coverage_percent(8000, 1) == 80.0
	assert sales_coverage_percent(8000, None) is None


def test_coverage_at_eighty_percent_passes_and_below_fails():
	# Annex 2's "80% 以上", pinned on purpose rather than read from MINIMUM_COVERAGE_PERCENT
	assert check_sales_coverage(8000, 1, 2016) is None
	v = check_sales_coverage(7999, 1, 2016)
	assert v is not None and v.args["coverage"] == 79.99 and v.args["year"] == 2016


def test_coverage_needs_the_industry_sales():
	v = check_sales_coverage(8000, None, 2016)
	assert v.args["item"] == "Sales Revenue of the Leading Industry (100 million yuan)"


def test_totals():
	totals = backbone_totals(backbone(100, 50.5) + [{"enterprise": "E9", "total_profit": -3}])
	assert totals["sales_revenue"] == 150.5 and totals["total_profit"] == -3


def test_top_three_by_sales():
	rows = backbone(10, 50, 30, 40)
	assert top_enterprises_by_sales(rows) == ["E2", "E4", "E3"]
	assert check_top_enterprises(["E2", "E3", "E4"], rows) is None
	v = check_top_enterprises(["E1", "E2", "E4"], rows)
	assert v is not None and v.args["enterprise"] == "企业1"


def test_ties_at_third_place_are_accepted():
	rows = backbone(50, 40, 30, 30)
	assert check_top_enterprises(["E1", "E2", "E4"], rows) is None
	assert check_top_enterprises(["E1", "E2", "E3"], rows) is None


def test_top_three_must_be_three_different_listed_enterprises():
	rows = backbone(50, 40, 30)
	assert check_top_enterprises(["E1", "E1", "E2"], rows) is not None
	assert check_top_enterprises(["E1", "E2"], rows) is not None
	v = check_top_enterprises(["E1", "E2", "X"], rows)
	assert "not in the backbone enterprise summary table" in v.message


def test_backbone_rows():
	rows = backbone(100, 50)
	rows[0]["assets"] = -1
	rows[1]["own_brand_sales_revenue"] = 60
	rows.append(dict(rows[0], total_profit=-5, assets=1))
	messages = [v.message for v in check_backbone_rows(rows)]
	assert len(messages) == 3
	assert any("may not be negative" in m for m in messages)
	assert any("exceeds" in m for m in messages)
	assert any("is listed in rows" in m for m in messages)


def test_an_enterprise_code_that_fails_gb_32100_is_an_entry_error_with_its_row():
	from cluster_brand.rules.application.enterprises import ENTERPRISE_TABLES, check_enterprise_codes
	from cluster_brand.rules.formats import credit_code_check_character

	valid = "91330000MA2CC9990" + credit_code_check_character("91330000MA2CC9990")
	wrong = valid[:17] + ("0" if valid[17] != "0" else "1")
	rows = [{"enterprise": valid}, {"enterprise": wrong}, {"enterprise": None}, {"enterprise": 12345}]
	violations = check_enterprise_codes(rows, *ENTERPRISE_TABLES[1])
	assert [(v.fieldname, v.row, v.args["value"]) for v in violations] == [
		("backbone_enterprises", 2, wrong),
		("backbone_enterprises", 4, "12345"),
	]
	assert violations[0].args["table"] == TABLE_ITEM


def test_the_entry_checks_include_the_enterprise_codes():
	from sample_application import BATCH_YEAR, complete_application

	from cluster_brand.rules.application.form import check_entries

	doc = complete_application()
	code = doc["top_enterprises"][0]["enterprise"]
	doc["top_enterprises"][0]["enterprise"] = code[:17] + ("0" if code[17] != "0" else "1")
	assert [(v.fieldname, v.row) for v in check_entries(doc, BATCH_YEAR)] == [("top_enterprises", 1)]
