"""The computed columns of the ministry's and the provinces' reports (issue 12): 申报汇总表 (Application
Summary), 各地推荐情况 (Recommendation By Authority), 主要指标对比 (Indicator Comparison).

Plain data in, plain data out: each report reads its rows set-wise through the reader's permissions
(cluster_brand/cluster_brand/report/*) and these functions compute shares, totals and positions over them.
A position (rank, quartile) is among the rows the reader sees: a province's among its own applications.
"""

import math
from collections import Counter, defaultdict

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application import edit_locks
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.application.enterprises import sales_coverage_percent
from cluster_brand.rules.application.indicators import (
	DERIVED_INDICATORS,
	INDICATOR_YEAR_COUNT,
	INDICATORS,
	SALES,
	VALUE_ADDED,
	YEAR_FIELDS,
	derived_from_values,
)
from cluster_brand.rules.capacity import as_text, finite_number
from cluster_brand.rules.views.desk_status import copies_of
from cluster_brand.rules.views.withheld import withheld_fields

LAST_YEAR = YEAR_FIELDS[-1]  # the indicator table's last year (2016 for the 2017 batch)
SUBTOTAL, GRAND_TOTAL = 1, 2  # a total row's ``is_total``


def share_percent(part, whole) -> float | None:
	"""``part`` as a percentage of ``whole`` (2 decimals); None when either is missing or ``whole`` is 0."""
	part, whole = finite_number(part), finite_number(whole)
	if part is None or not whole:
		return None
	return round(part / whole * 100, 2)


def positions(values: dict[str, float | None]) -> dict[str, tuple[int, int]]:
	"""Each name's (rank, quartile) by its value, largest first; ties share a rank (1, 2, 2, 4). Quartile 1
	is the top quarter: the share of names ranked above is under 25%. Names without a value have none."""
	present = sorted(
		((value, name) for name, value in values.items() if finite_number(value) is not None),
		key=lambda pair: (-pair[0], pair[1]),
	)
	result, rank, previous = {}, 0, None
	for position, (value, name) in enumerate(present, start=1):
		if value != previous:
			rank, previous = position, value
		result[name] = (rank, (rank - 1) * 4 // len(present) + 1)
	return result


def _sum(rows: list[dict], field: str):
	"""The sum of ``field`` over ``rows`` that have it (numbers, or None: blank), None when none has."""
	values = [row[field] for row in rows if row.get(field) is not None]
	return round(sum(values), 2) if values else None


# --- 申报汇总表 -------------------------------------------------------------------------------------------

SUMMED = ("sales_revenue", "value_added", "experts_assigned", "sheets_submitted")


def application_summary(
	applications: list[dict],
	figures_of: dict[str, dict[str, float | None]],
	assignments: dict[str, tuple[int, int]] | None,
	roles: set[str],
) -> list[dict]:
	"""One row per application, grouped by recommending authority (the province) in the order of its rank,
	each group followed by its subtotal, and a grand total last.

	``applications``: name, recommending_authority, organizing_unit, industrial_cluster, leading_industry,
	workflow_state, recommendation_rank, backbone_sales_coverage, total_sales_revenue and
	total_own_brand_sales_revenue (the backbone table's sums, 万元), leading_industry_sales_revenue (亿元),
	mean_score where readable. ``figures_of``: by application, its last_year_figures. ``assignments``: by application, its experts assigned
	and sheets submitted, None when the reader may not know who reviews. A reader with ``roles`` gets no field the form withholds from it in
	the application's state (rules/views/withheld.py)."""
	rows = []
	for application in applications:
		name = application["name"]
		row = {
			"application": name,
			"recommending_authority": application.get("recommending_authority"),
			"organizing_unit": application.get("organizing_unit"),
			"industrial_cluster": application.get("industrial_cluster"),
			"leading_industry": application.get("leading_industry"),
			"sales_revenue": figures_of.get(name, {}).get(SALES),
			"value_added": figures_of.get(name, {}).get(VALUE_ADDED),
			"backbone_sales_coverage": finite_number(application.get("backbone_sales_coverage")),
			"own_brand_share": share_percent(
				application.get("total_own_brand_sales_revenue"), application.get("total_sales_revenue")
			),
			"workflow_state": application.get("workflow_state"),
			"recommendation_rank": application.get("recommendation_rank") or None,
			# for the totals' shares
			"total_sales_revenue": finite_number(application.get("total_sales_revenue")),
			"total_own_brand_sales_revenue": finite_number(application.get("total_own_brand_sales_revenue")),
			"leading_industry_sales_revenue": finite_number(
				application.get("leading_industry_sales_revenue")
			),
		}
		if assignments is not None:
			row["experts_assigned"], row["sheets_submitted"] = assignments.get(name, (0, 0))
			row["mean_score"] = finite_number(application.get("mean_score")) or None
		for field in withheld_fields(APPLICATION, application.get("workflow_state"), roles):
			row.pop(field, None)
		rows.append(row)
	rows.sort(
		key=lambda r: (
			as_text(r["recommending_authority"]),
			r.get("recommendation_rank") is None,
			r.get("recommendation_rank") or 0,
			as_text(r["industrial_cluster"]),
			r["application"],
		)
	)
	grouped: dict[str, list[dict]] = {}
	for row in rows:
		grouped.setdefault(row["recommending_authority"], []).append(row)
	result = []
	for authority, group in grouped.items():
		result += group
		result.append(_total(group, SUBTOTAL, authority))
	if rows:
		result.append(_total(rows, GRAND_TOTAL, None))
	return result


def _total(rows: list[dict], kind: int, authority: str | None) -> dict:
	"""A total row: the applications counted, the sums, the shares of the sums (Σ own-brand sales /
	Σ backbone sales; Σ backbone sales / Σ leading-industry sales), not the mean of the shares, and the
	mean score of the applications scored."""
	total = {
		"is_total": kind,
		"recommending_authority": authority,
		"applications": len(rows),
		"own_brand_share": share_percent(
			_sum(rows, "total_own_brand_sales_revenue"), _sum(rows, "total_sales_revenue")
		),
		"backbone_sales_coverage": sales_coverage_percent(
			_sum(rows, "total_sales_revenue"), _sum(rows, "leading_industry_sales_revenue")
		),
	}
	for field in SUMMED:
		if any(field in row for row in rows):
			total[field] = _sum(rows, field)
	if any("mean_score" in row for row in rows):
		# the mean of the applications' mean scores, over those with one
		scores = [row["mean_score"] for row in rows if row.get("mean_score") is not None]
		total["mean_score"] = round(sum(scores) / len(scores), 2) if scores else None
	return total


# --- 各地推荐情况 -----------------------------------------------------------------------------------------


def recommendation_by_authority(
	authorities: list[str], settings: list[dict], applications: list[dict], batch_deadline
) -> list[dict]:
	"""Per recommending authority (those in ``authorities`` and any of the applications): its quota and
	deadline (its Recommendation Setting for the batch, if readable), the applications submitted to it and
	how it decided — recommended (or later), not recommended, returned to the unit, pending its decision —
	and the recommended ones' paper copies expected and received. ``batch_deadline``: the batch's
	provincial recommendation deadline; an authority may set an earlier one of its own. The authorities
	with applications come first (most submitted first), then the others by name; a total row last."""
	setting_of = {s["recommending_authority"]: s for s in settings}
	of_authority = defaultdict(list)
	for application in applications:
		of_authority[application.get("recommending_authority")].append(application)
	names = sorted(set(authorities) | set(of_authority) | set(setting_of), key=as_text)
	rows = []
	for authority in names:
		mine = of_authority.get(authority, [])
		setting = setting_of.get(authority, {})
		in_state = Counter(a.get("workflow_state") for a in mine)
		recommended = [a for a in mine if a.get("workflow_state") in states.RECOMMENDED_OR_LATER]
		copies = [copies_of(a) for a in recommended]
		quota = setting.get("recommendation_quota") or None
		rows.append(
			{
				"recommending_authority": authority,
				"recommendation_quota": quota,
				"submitted": sum(1 for a in mine if a.get("workflow_state") not in states.PRIVATE_STATES),
				"recommended": len(recommended),
				"not_recommended": in_state[states.NOT_RECOMMENDED],
				"returned": in_state[states.RETURNED],
				"pending": sum(in_state[state] for state in edit_locks.PROVINCE_DECIDING),
				"quota_left": quota - len(recommended) if quota else None,
				"recommendation_deadline": states.recommendation_deadline(
					batch_deadline, setting.get("recommendation_deadline")
				),
				"paper_copies_expected": sum(required for required, _received, _complete in copies),
				"paper_copies_received": sum(min(received, required) for required, received, _c in copies),
				"paper_copies_complete": sum(1 for _required, _received, complete in copies if complete),
			}
		)
	rows.sort(key=lambda r: -r["submitted"])  # stable: by name within the same number
	if rows:
		total = {"is_total": GRAND_TOTAL, "authorities": len(rows)}
		for field in AUTHORITY_COUNTS:
			total[field] = _sum(rows, field)
		rows.append(total)
	return rows


AUTHORITY_COUNTS = (
	"recommendation_quota",
	"submitted",
	"recommended",
	"not_recommended",
	"returned",
	"pending",
	"quota_left",
	"paper_copies_expected",
	"paper_copies_received",
	"paper_copies_complete",
)


# --- 主要指标对比 -----------------------------------------------------------------------------------------

# What the comparison shows, in the order of 第一部分: the 11 main indicators, then the derived ratios;
# each with the column's fieldname in the report.
COMPARED = tuple(
	(f"indicator_{i}", indicator.key) for i, indicator in enumerate(INDICATORS, start=1)
) + tuple((f"derived_{i}", key) for i, (key, _zh) in enumerate(DERIVED_INDICATORS, start=1))
FIELD_OF = {key: field for field, key in COMPARED}
COMPARED_KEYS = tuple(key for _field, key in COMPARED)


def last_year_figures(values: dict[str, tuple]) -> dict[str, float | None]:
	"""What the reports show of one application's indicator table, by key (COMPARED_KEYS): the last
	indicator year's 11 indicators and derived ratios (as the form derives them, growth over the year
	before). ``values``: its indicators' values by year, as rules.indicators.values_by_indicator gives them."""
	figures = {
		indicator.key: finite_number((values.get(indicator.key) or (None,))[-1]) for indicator in INDICATORS
	}
	for derived in derived_from_values(values, years=(INDICATOR_YEAR_COUNT - 1,)):
		figures[derived["derived_indicator"]] = derived[LAST_YEAR]
	return figures


def indicator_comparison(
	applications: list[dict], figures_of: dict[str, dict[str, float | None]], rank_by: str
) -> list[dict]:
	"""One row per application: its last_year_figures, and its rank and quartile by ``rank_by`` (an
	indicator's or derived ratio's key) among ``applications``, ranked first. ``figures_of``: each
	application's last_year_figures."""
	rows = []
	for application in applications:
		figures = figures_of.get(application["name"], {})
		row = {
			"application": application["name"],
			"recommending_authority": application.get("recommending_authority"),
			"organizing_unit": application.get("organizing_unit"),
			"industrial_cluster": application.get("industrial_cluster"),
		}
		for field, key in COMPARED:
			row[field] = figures.get(key)
		rows.append(row)
	field = FIELD_OF[rank_by]
	ranked = positions({row["application"]: row[field] for row in rows})
	for row in rows:
		row["rank"], row["quartile"] = ranked.get(row["application"], (None, None))
	rows.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, as_text(r["industrial_cluster"])))
	return rows


# The programme's reports wrap their headers onto up to three lines (programme_report.js), so that a column is
# as wide as its values, not as its header, and a report fits a 1440 px screen with its headers whole. In the
# desk's 14 px font a Chinese character is 15 px wide, a Latin letter or digit about 8; a header cell has 28 px
# of padding and border (the sort menu's button on the right); a line breaks between characters (Chinese) or
# words (Latin), so a line holds up to a character less than its width.
HEADER_LINES = 3
HEADER_PADDING = 28


def text_width(text: str) -> int:
	return sum(15 if ord(char) >= 0x2E80 else 8 for char in text)


def header_width(label: str, lines: int = HEADER_LINES) -> int:
	words = label.split()
	longest_word = max((text_width(word) for word in words if word.isascii()), default=0)
	per_line = max(math.ceil(text_width(label) / lines) + 15, longest_word)
	return per_line + HEADER_PADDING
