"""第一部分 主要指标情况: the 11 main indicators of the leading industry over the batch's three years."""

from dataclasses import dataclass, replace

from cluster_brand.rules import Violation, _
from cluster_brand.rules.capacity import check_number, storable
from cluster_brand.rules.values import finite_number, number_text

COUNT, MONEY, SIGNED_MONEY, SHARE = "count", "money", "signed_money", "share"

INDICATOR_YEAR_COUNT = 3


@dataclass(frozen=True)
class Indicator:
	key: str  # stored in Application Indicator.indicator; the zh translation is the official name
	official_name: str  # as printed in Annex 2, unit included
	unit: str
	kind: str
	# Frappe stores an unfilled number as 0, so a 0 can only mean "not filled" where 0 is impossible
	# for a leading industry (it has enterprises, output and sales); exports, profit etc. may be 0.
	zero_is_missing: bool = False


INDICATORS = (
	Indicator(
		"Enterprises in the Leading Industry (units)",
		"主导产业企业数（个）",
		"个",
		COUNT,
		zero_is_missing=True,
	),
	Indicator(
		"Enterprises above Designated Size in the Leading Industry (units)",
		"主导产业规模以上企业数（个）",
		"个",
		COUNT,
		zero_is_missing=True,
	),
	Indicator(
		"Gross Output Value of the Leading Industry (100 million yuan)",
		"主导产业总产值（亿元）",
		"亿元",
		MONEY,
		zero_is_missing=True,
	),
	Indicator(
		"Value Added of the Leading Industry (100 million yuan)",
		"主导产业增加值（亿元）",
		"亿元",
		MONEY,
		zero_is_missing=True,
	),
	Indicator(
		"Sales Revenue of the Leading Industry (100 million yuan)",
		"主导产业销售收入（亿元）",
		"亿元",
		MONEY,
		zero_is_missing=True,
	),
	Indicator(
		"Total Profit of the Leading Industry (100 million yuan)",
		"主导产业利润总额（亿元）",
		"亿元",
		SIGNED_MONEY,
	),
	Indicator(
		"Total Tax of the Leading Industry (100 million yuan)", "主导产业税收总额（亿元）", "亿元", MONEY
	),
	Indicator(
		"Total Costs and Expenses of the Leading Industry (100 million yuan)",
		"主导产业成本费用总额（亿元）",
		"亿元",
		MONEY,
		zero_is_missing=True,
	),
	Indicator(
		"Total Exports of the Leading Industry (100 million yuan)", "主导产业出口总额（亿元）", "亿元", MONEY
	),
	Indicator("Domestic Market Share of the Leading Industry (%)", "主导产业国内市场占有率（%）", "%", SHARE),
	Indicator(
		"Investment in the Leading Industry (100 million yuan)", "主导产业投资数额（亿元）", "亿元", MONEY
	),
)
INDICATOR_BY_KEY = {i.key: i for i in INDICATORS}

OUTPUT = INDICATORS[2].key
VALUE_ADDED = INDICATORS[3].key
SALES = INDICATORS[4].key
PROFIT = INDICATORS[5].key
COSTS = INDICATORS[7].key
EXPORTS = INDICATORS[8].key

YEAR_FIELDS = ("year_1_value", "year_2_value", "year_3_value")


# The indicator values are stored in Float columns.
VALUE_FIELDTYPE = "Float"
TABLE_ITEM = "Main Indicators"  # the table's label: 主要指标情况


def indicator_years(batch_year: int) -> tuple[int, ...]:
	"""The three years before the batch year: 2017 → (2014, 2015, 2016); () when the batch year is no
	finite number (the batch's own check reports it)."""
	batch_year = finite_number(batch_year)
	if batch_year is None:
		return ()
	batch_year = int(batch_year)
	return tuple(range(batch_year - INDICATOR_YEAR_COUNT, batch_year))


def year_heading(year: int) -> str:
	return f"{year}年"


def check_value(kind: str, value, item: str, column: str | None = None, row: int | None = None, year=None):
	"""Range check of one number by its kind; ``None`` (not filled) is completeness's concern. The message
	names the table (主要指标情况), the indicator ``item`` and the ``year`` (2016年, or 1, 2, 3 without a batch);
	the Violation locates the cell: table "indicators", ``row``, ``column`` (year_1_value …).

	A value that is no finite number, or too large for its column, is reported first."""
	problem = check_number(value, VALUE_FIELDTYPE, item, "indicators", row, TABLE_ITEM)
	if problem:
		return replace(problem, column=column)
	value = finite_number(value)
	if value is None:
		return None
	message = None
	if kind == COUNT and (value < 0 or value != int(value)):
		message = _("Main Indicators: {item}, {year}, must be a whole number of zero or more, not {value}.")
	elif kind == MONEY and value < 0:
		message = _("Main Indicators: {item}, {year}, may not be negative ({value}).")
	elif kind == SHARE and not 0 <= value <= 100:
		message = _(
			"Main Indicators: {item}, {year}, is a percentage and must be between 0 and 100, not {value}."
		)
	if message is None:
		return None
	return Violation(
		message,
		{"item": item, "year": year, "value": number_text(value)},
		"indicators",
		row,
		("item",),
		column,
	)


def check_indicator_rows(rows: list[dict], years: tuple[int, ...] | None = None) -> list[Violation]:
	"""Each row: {'indicator': key, 'year_1_value': …}. Checks ranges and that each indicator appears once.
	``years``: the indicator years (2014, 2015, 2016) that the messages name; without them, 1, 2, 3."""
	violations, seen = [], set()
	for idx, row in enumerate(rows, start=1):
		key = row.get("indicator")
		indicator = INDICATOR_BY_KEY.get(key)
		if indicator is None:
			violations.append(
				Violation(
					_('Row {row}: "{value}" is not one of the official main indicators.'),
					{"row": idx, "value": key},
					"indicators",
					idx,
				)
			)
			continue
		if key in seen:
			violations.append(
				Violation(
					_("{item} is entered twice in the main indicators."),
					{"item": key},
					"indicators",
					idx,
					("item",),
				)
			)
		seen.add(key)
		for position, fieldname in enumerate(YEAR_FIELDS):
			year = year_heading(years[position]) if years else str(position + 1)
			v = check_value(indicator.kind, row.get(fieldname), key, fieldname, idx, year)
			if v:
				violations.append(v)
	return violations


def values_by_indicator(rows: list[dict]) -> dict[str, tuple]:
	"""The values of each indicator by year, as numbers; a value that is no finite number reads as None."""
	return {r.get("indicator"): tuple(finite_number(r.get(f)) for f in YEAR_FIELDS) for r in rows}


def _ratio(numerator, denominator):
	if numerator is None or not denominator:
		return None
	return storable(round(numerator / denominator * 100, 2))


def _growth(previous, current):
	if previous is None or current is None or not previous:
		return None
	return storable(round((current - previous) / abs(previous) * 100, 2))


# Derived ratios (in %), shown read-only under the indicator table.
VALUE_ADDED_RATE = "Industrial Value-Added Rate (%)"
COST_PROFIT_RATIO = "Cost-Profit Ratio (%)"
EXPORT_SHARE = "Export Share of Sales Revenue (%)"
SALES_GROWTH = "Year-on-Year Growth of Sales Revenue (%)"
OUTPUT_GROWTH = "Year-on-Year Growth of Gross Output Value (%)"
PROFIT_GROWTH = "Year-on-Year Growth of Total Profit (%)"

DERIVED_INDICATORS = (
	(VALUE_ADDED_RATE, "工业增加值率（%）"),
	(COST_PROFIT_RATIO, "成本费用利润率（%）"),
	(EXPORT_SHARE, "出口占比（%）"),
	(SALES_GROWTH, "销售收入同比增长（%）"),
	(OUTPUT_GROWTH, "总产值同比增长（%）"),
	(PROFIT_GROWTH, "利润总额同比增长（%）"),
)


def derived_indicators(rows: list[dict]) -> list[dict]:
	"""工业增加值率 = 增加值/总产值, 成本费用利润率 = 利润总额/成本费用总额, 出口占比 = 出口总额/销售收入,
	and year-on-year growth; a value is None where its inputs are missing or the divisor is zero."""
	return derived_from_values(values_by_indicator(rows))


def derived_from_values(values: dict[str, tuple], years=range(INDICATOR_YEAR_COUNT)) -> list[dict]:
	"""derived_indicators of the values by indicator (values_by_indicator), for who has them at hand; of
	the ``years`` given by index only (a report of the last year: None in the others)."""
	empty = (None,) * INDICATOR_YEAR_COUNT

	def per_year(func, a, b):
		va, vb = values.get(a, empty), values.get(b, empty)
		return tuple(func(va[i], vb[i]) if i in years else None for i in range(INDICATOR_YEAR_COUNT))

	def growth(key):
		v = values.get(key, empty)
		return (None,) + tuple(
			_growth(v[i - 1], v[i]) if i in years else None for i in range(1, INDICATOR_YEAR_COUNT)
		)

	results = {
		VALUE_ADDED_RATE: per_year(_ratio, VALUE_ADDED, OUTPUT),
		COST_PROFIT_RATIO: per_year(_ratio, PROFIT, COSTS),
		EXPORT_SHARE: per_year(_ratio, EXPORTS, SALES),
		SALES_GROWTH: growth(SALES),
		OUTPUT_GROWTH: growth(OUTPUT),
		PROFIT_GROWTH: growth(PROFIT),
	}
	return [
		dict(derived_indicator=key, **dict(zip(YEAR_FIELDS, results[key], strict=True)))
		for key, _zh in DERIVED_INDICATORS
	]


def last_year_sales_revenue(rows: list[dict]):
	"""主导产业销售收入 of the last indicator year, in 亿元 (None if not filled)."""
	return values_by_indicator(rows).get(SALES, (None,) * INDICATOR_YEAR_COUNT)[-1]
