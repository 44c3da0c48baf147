"""第二部分 主导产业骨干企业情况: the backbone-enterprise summary and the three detailed enterprises."""

from dataclasses import replace

from cluster_brand.rules import Violation, _
from cluster_brand.rules.capacity import check_number
from cluster_brand.rules.formats import is_valid_credit_code
from cluster_brand.rules.values import as_text, finite_number, number_text

# Enterprises report in 万元, the indicators in 亿元: 1 亿元 = 10,000 万元.
WAN_PER_YI = 10_000
MINIMUM_COVERAGE_PERCENT = 80
TOP_ENTERPRISE_COUNT = 3

SALES_FIELD = "sales_revenue"
MONEY_FIELDS = ("assets", "sales_revenue", "own_brand_sales_revenue")  # 利润总额 may be negative
SIGNED_MONEY_FIELDS = ("total_profit",)
MONEY_FIELDTYPE = "Float"  # the money columns of Application Backbone Enterprise
TABLE_ITEM = "2. Backbone Enterprise Summary Table"
TOP_TABLE_ITEM = "1. Key Backbone Enterprises"
# The tables whose rows name an enterprise of the register, by its 统一社会信用代码: (fieldname, official name)
ENTERPRISE_TABLES = (("top_enterprises", TOP_TABLE_ITEM), ("backbone_enterprises", TABLE_ITEM))
LABELS = {
	"assets": "Assets (10,000 yuan)",
	"sales_revenue": "Sales Revenue (10,000 yuan)",
	"own_brand_sales_revenue": "Sales Revenue of Own-Brand Products (10,000 yuan)",
	"total_profit": "Total Profit (10,000 yuan)",
}


def _sales(row: dict) -> float:
	return finite_number(row.get(SALES_FIELD), 0)


def backbone_totals(rows: list[dict]) -> dict:
	"""合计 of the summary table's money columns, in 万元 (a value that is no finite number counts as 0:
	the row checks report it)."""
	return {f: sum(finite_number(r.get(f), 0) for r in rows) for f in MONEY_FIELDS + SIGNED_MONEY_FIELDS}


def sales_coverage_percent(backbone_sales_wan: float, industry_sales_yi) -> float | None:
	"""Share of the leading industry's sales revenue that the backbone enterprises account for."""
	backbone_sales_wan, industry_sales_yi = (
		finite_number(backbone_sales_wan, 0),
		finite_number(industry_sales_yi),
	)
	if not industry_sales_yi:
		return None
	return round(backbone_sales_wan / (industry_sales_yi * WAN_PER_YI) * 100, 2)


def check_sales_coverage(backbone_sales_wan: float, industry_sales_yi, year: int) -> Violation | None:
	coverage = sales_coverage_percent(backbone_sales_wan, industry_sales_yi)
	if coverage is None:
		return Violation(
			_("The backbone enterprises' share of sales cannot be computed: fill in {item} for {year}."),
			{"item": "Sales Revenue of the Leading Industry (100 million yuan)", "year": year},
			"indicators",
			translate_args=("item",),
		)
	if coverage < MINIMUM_COVERAGE_PERCENT:
		return Violation(
			_(
				"The backbone enterprises' summed sales revenue ({sales} 万元) is {coverage}% of the leading "
				"industry's sales revenue in {year} ({industry} 亿元); the programme requires at least {minimum}%."
			),
			{
				"sales": f"{backbone_sales_wan:,.2f}",
				"coverage": coverage,
				"year": year,
				"industry": industry_sales_yi,
				"minimum": MINIMUM_COVERAGE_PERCENT,
			},
			"backbone_enterprises",
		)
	return None


def check_backbone_rows(rows: list[dict]) -> list[Violation]:
	violations, seen = [], {}
	for idx, row in enumerate(rows, start=1):
		for f in MONEY_FIELDS + SIGNED_MONEY_FIELDS:
			problem = check_number(
				row.get(f), MONEY_FIELDTYPE, LABELS[f], "backbone_enterprises", idx, TABLE_ITEM
			)
			if problem:
				violations.append(replace(problem, column=f))
				continue
			value = finite_number(row.get(f))
			if f in MONEY_FIELDS and value is not None and value < 0:
				violations.append(
					Violation(
						_(
							"Backbone enterprise summary table, row {row}: {item} may not be negative ({value})."
						),
						{"row": idx, "item": LABELS[f], "value": number_text(value)},
						"backbone_enterprises",
						idx,
						("item",),
						f,
					)
				)
		own, sales = (
			finite_number(row.get("own_brand_sales_revenue")),
			finite_number(row.get("sales_revenue")),
		)
		if own is not None and sales is not None and own > sales:
			violations.append(
				Violation(
					_(
						"Backbone enterprise summary table, row {row}: the sales revenue of own-brand products exceeds the enterprise's sales revenue."
					),
					{"row": idx},
					"backbone_enterprises",
					idx,
					column="own_brand_sales_revenue",
				)
			)
		enterprise = row.get("enterprise")
		if enterprise:
			if enterprise in seen:
				violations.append(
					Violation(
						_(
							"Backbone enterprise summary table: {enterprise} is listed in rows {first} and {row}."
						),
						{
							"enterprise": row.get("enterprise_name") or enterprise,
							"first": seen[enterprise],
							"row": idx,
						},
						"backbone_enterprises",
						idx,
						column="enterprise",
					)
				)
			seen.setdefault(enterprise, idx)
	return violations


def check_enterprise_codes(rows: list[dict], table_field: str, table_item: str) -> list[Violation]:
	"""An enterprise is named by its 统一社会信用代码 (the register's key): a code that fails the
	GB 32100-2015 check is an entry error, reported with its table and row."""
	violations = []
	for idx, row in enumerate(rows, start=1):
		code = as_text(row.get("enterprise")).strip()
		if code and not is_valid_credit_code(code):
			violations.append(
				Violation(
					_(
						'{table}, row {row}: {item} "{value}" is not a valid Unified Social Credit Code (GB 32100-2015).'
					),
					{"table": table_item, "row": idx, "item": "Enterprise", "value": code},
					table_field,
					idx,
					("table", "item"),
					"enterprise",
				)
			)
	return violations


def top_enterprises_by_sales(rows: list[dict], count: int = TOP_ENTERPRISE_COUNT) -> list[str]:
	ranked = sorted((r for r in rows if r.get("enterprise")), key=_sales, reverse=True)
	return [r["enterprise"] for r in ranked[:count]]


def check_top_enterprises(detailed: list[str], backbone_rows: list[dict]) -> Violation | None:
	"""The detailed profiles must be of the top three enterprises by sales in the summary table.

	Ties at the cut-off are accepted: any enterprise whose sales equal the third-highest qualifies.
	"""
	names = {r.get("enterprise"): r.get("enterprise_name") or r.get("enterprise") for r in backbone_rows}
	sales = {r.get("enterprise"): _sales(r) for r in backbone_rows if r.get("enterprise")}
	if len(detailed) != TOP_ENTERPRISE_COUNT or len(set(detailed)) != TOP_ENTERPRISE_COUNT:
		return Violation(
			_("Profiles of exactly three different enterprises are required in {item}."),
			{"item": TOP_TABLE_ITEM},
			"top_enterprises",
			translate_args=("item",),
		)
	missing = [e for e in detailed if e not in sales]
	if missing:
		return Violation(
			_(
				"{enterprise} has a profile among the top three enterprises but is not in the backbone enterprise summary table."
			),
			{"enterprise": "、".join(str(names.get(e, e)) for e in missing)},
			"top_enterprises",
		)
	ranked = sorted(sales.values(), reverse=True)
	cut_off = ranked[TOP_ENTERPRISE_COUNT - 1] if len(ranked) >= TOP_ENTERPRISE_COUNT else 0
	outside = [e for e in detailed if sales[e] < cut_off]
	if outside:
		expected = top_enterprises_by_sales(backbone_rows)
		return Violation(
			_(
				"The three detailed enterprises must be the top three by sales revenue in the summary table ({expected}); {enterprise} is not."
			),
			{
				"expected": "、".join(str(names.get(e, e)) for e in expected),
				"enterprise": "、".join(str(names.get(e, e)) for e in outside),
			},
			"top_enterprises",
		)
	return None
