"""The computed columns of 试点进展 (Pilot Progress, issue 12): per pilot and reporting year, the state of its
Annual Work Summary, its measures done and overdue, and the growth of the followed indicators against the
baseline (the last indicator year of the 申报书).

Plain data in, plain data out: the report (cluster_brand/cluster_brand/report/pilot_progress) reads the
pilots and the summaries the reader may read, set-wise, and these functions compute over them."""

from datetime import date

from cluster_brand.rules.application.indicators import SALES, VALUE_ADDED
from cluster_brand.rules.pilot_years.indicators import growth_percent
from cluster_brand.rules.pilot_years.progress import COMPLETED, measure_is_overdue, progress_as_of
from cluster_brand.rules.values import as_text, finite_number

# The indicators the ministry follows over the pilot years, each as its growth against the baseline.
FOLLOWED_GROWTH = (("sales_growth", SALES), ("value_added_growth", VALUE_ADDED))


def measure_counts(rows: list[dict], reporting_year: int, today: date) -> dict[str, int]:
	"""The measures of one summary: completed, in all, and past their 时间节点 without being completed
	(judged as the summary's own check judges them: at the end of the reporting year, or today within it)."""
	as_of = progress_as_of(reporting_year, today)
	return {
		"measures_done": sum(1 for row in rows if row.get("status") == COMPLETED),
		"measures_total": len(rows),
		"measures_overdue": sum(1 for row in rows if measure_is_overdue(row, as_of)),
	}


def pilot_progress(
	years: list[dict],
	summaries: dict[str, dict],
	measures: dict[str, list[dict]],
	indicators: dict[str, list[dict]],
	baseline_share: dict[str, float | None],
	today: date,
) -> list[dict]:
	"""One row per pilot and reporting year, by province, pilot and latest year first.

	``years``: pilot_calendar.summary_rows' rows, each with its pilot's recommending_authority (the
	summary's name only where the reader may read it). By summary name: ``summaries`` (its
	own_brand_sales_share), ``measures`` (its measure progress rows: status, time_node) and ``indicators``
	(its indicator rows: indicator, baseline_value, reporting_value). ``baseline_share``: by pilot, the
	own-brand share of its 申报书. A year without a summary the reader may read has no figures."""
	rows = []
	for year in years:
		name = year.get("summary")
		row = {
			"brand_pilot": year["brand_pilot"],
			"industrial_cluster": year.get("industrial_cluster"),
			"recommending_authority": year.get("recommending_authority"),
			"reporting_year": year["reporting_year"],
			"annual_work_summary": name,
			"workflow_state": year.get("workflow_state") if name else None,
			"due_date": year.get("due_date"),
			"overdue": 1 if year.get("overdue") else 0,
		}
		if name:
			row.update(measure_counts(measures.get(name) or [], year["reporting_year"], today))
			values = {r.get("indicator"): r for r in indicators.get(name) or []}
			for field, key in FOLLOWED_GROWTH:
				value = values.get(key) or {}
				row[field] = growth_percent(value.get("baseline_value"), value.get("reporting_value"))
			share = finite_number((summaries.get(name) or {}).get("own_brand_sales_share"))
			baseline = finite_number(baseline_share.get(year["brand_pilot"]))
			row["own_brand_share"] = share
			# a share changes by percentage points, not by a percentage of itself
			row["own_brand_share_change"] = (
				round(share - baseline, 2) if share is not None and baseline is not None else None
			)
		rows.append(row)
	return sorted(
		rows, key=lambda r: (as_text(r["recommending_authority"]), r["brand_pilot"], -r["reporting_year"])
	)
