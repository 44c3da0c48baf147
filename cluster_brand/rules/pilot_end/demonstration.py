"""示范区条件 (3): 工业增加值率, 以自主品牌销售产品比重 and 新产品产值率 improved over the pilot period, computed
from the data rather than declared (工信厅科函〔2018〕283号).

Each ratio of the last reporting year is compared with the baseline: the 申报书's last indicator year for
工业增加值率 and the own-brand share of its backbone enterprises. The 申报书 does not ask for 新产品产值, so that
ratio's baseline is the first annual work summary that reports it, and the form says so. A ratio changes by
percentage points; one that the data cannot give is missing, never "improved"."""

from dataclasses import dataclass

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.indicators import OUTPUT, VALUE_ADDED
from cluster_brand.rules.pilot_years.indicators import NEW_PRODUCT_OUTPUT
from cluster_brand.rules.values import finite_number

VALUE_ADDED_RATE = "Industrial Value-Added Rate (%)"
OWN_BRAND_SHARE = "Share of Products Sold under Own Brands (%)"
NEW_PRODUCT_RATE = "New Product Output Rate (%)"
# in the order of the condition's text; the zh translations are the official names
RATIOS = (VALUE_ADDED_RATE, OWN_BRAND_SHARE, NEW_PRODUCT_RATE)
IMPROVED, UNCHANGED, WORSE, MISSING = "Improved", "Unchanged", "Worse", "No Figure"
CONDITION_ITEM = (
	"Condition 3: Industrial Value-Added Rate, Own-Brand Share and New Product Output Rate Improved"
)


@dataclass(frozen=True)
class RatioChange:
	ratio: str
	baseline_year: int | None
	baseline_value: float | None
	last_year: int | None
	last_value: float | None
	change: float | None  # percentage points, rounded to 2 decimals
	verdict: str
	# True where the 申报书 had no figure and the first reporting year serves as the baseline
	first_year_as_baseline: bool = False


def _percent(part, whole) -> float | None:
	part, whole = finite_number(part), finite_number(whole)
	if part is None or whole is None or whole <= 0:
		return None
	return round(part / whole * 100, 2)


def _indicator(summary: dict, key: str):
	for row in summary.get("indicators") or []:
		if row.get("indicator") == key:
			return row.get("reporting_value")
	return None


def summary_ratios(summary: dict) -> dict[str, float | None]:
	"""The three ratios of one annual work summary's reporting year."""
	return {
		VALUE_ADDED_RATE: _percent(_indicator(summary, VALUE_ADDED), _indicator(summary, OUTPUT)),
		OWN_BRAND_SHARE: finite_number(summary.get("own_brand_sales_share")),
		NEW_PRODUCT_RATE: _percent(_indicator(summary, NEW_PRODUCT_OUTPUT.key), _indicator(summary, OUTPUT)),
	}


def verdict(baseline: float | None, last: float | None) -> tuple[float | None, str]:
	if baseline is None or last is None:
		return None, MISSING
	change = round(last - baseline, 2)
	return change, IMPROVED if change > 0 else WORSE if change < 0 else UNCHANGED


def ratio_changes(baseline: dict, summaries: list[dict]) -> list[RatioChange]:
	"""Each ratio of the last reporting year against its baseline.

	``baseline``: ``year`` (the 申报书's last indicator year), ``indicators`` ({indicator key: value} of that
	year) and ``own_brand_sales_share`` (of its backbone enterprises, %). ``summaries``: the pilot's accepted
	annual work summaries (``reporting_year``, ``indicators`` rows, ``own_brand_sales_share``), in any order.
	"""
	figures = baseline.get("indicators") or {}
	baseline_ratios = {
		VALUE_ADDED_RATE: _percent(figures.get(VALUE_ADDED), figures.get(OUTPUT)),
		OWN_BRAND_SHARE: finite_number(baseline.get("own_brand_sales_share")),
		NEW_PRODUCT_RATE: None,  # not asked in the 申报书
	}
	years = sorted(
		(s for s in summaries if finite_number(s.get("reporting_year")) is not None),
		key=lambda s: s["reporting_year"],
	)
	by_year = [(int(s["reporting_year"]), summary_ratios(s)) for s in years]
	changes = []
	last_year, last_ratios = by_year[-1] if by_year else (None, {})
	for ratio in RATIOS:
		last_value = last_ratios.get(ratio)
		if ratio == NEW_PRODUCT_RATE:
			# the first year that reports it is the baseline; the last year itself is no baseline
			first = next(
				((year, ratios[ratio]) for year, ratios in by_year if ratios[ratio] is not None), None
			)
			first_year, first_value = first if first and first[0] != last_year else (None, None)
			change, result = verdict(first_value, last_value)
			changes.append(
				RatioChange(ratio, first_year, first_value, last_year, last_value, change, result, True)
			)
			continue
		base_year = finite_number(baseline.get("year"))
		change, result = verdict(baseline_ratios[ratio], last_value)
		changes.append(
			RatioChange(
				ratio,
				int(base_year) if base_year is not None else None,
				baseline_ratios[ratio],
				last_year,
				last_value,
				change,
				result,
			)
		)
	return changes


def condition_met(changes: list[RatioChange]) -> bool:
	"""Condition 3 holds when every ratio improved."""
	return bool(changes) and all(change.verdict == IMPROVED for change in changes)


def check_condition_claim(claimed_met: bool, changes: list[RatioChange]) -> list[Violation]:
	"""A unit may not claim condition 3 where its own figures say otherwise: each ratio that did not improve
	is named, with what the data shows."""
	if not claimed_met:
		return []
	return [
		Violation(
			_("{condition}: the data does not support the claim: {ratio} {verdict} ({baseline} → {last})."),
			{
				"condition": CONDITION_ITEM,
				"ratio": change.ratio,
				"verdict": change.verdict,
				"baseline": "—" if change.baseline_value is None else f"{change.baseline_value:g}",
				"last": "—" if change.last_value is None else f"{change.last_value:g}",
			},
			"condition_3_met",
			translate_args=("condition", "ratio", "verdict"),
		)
		for change in changes
		if change.verdict != IMPROVED
	]
