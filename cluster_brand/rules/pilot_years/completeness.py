"""The Annual Work Summary as a whole (年度工作总结, Annex 1 四(五)): what no save may store, and every
missing item, by its name, before the summary goes to the province.

The summary is read as a plain dict (``doc.as_dict()`` shape: child tables are lists of dicts, dates as
``date``), so every rule runs the same in the desk, over REST and in tests without Frappe."""

from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.pilot_years.indicators import (
	check_backbone_entries,
	check_indicator_entries,
	missing_backbone,
	missing_indicators,
)
from cluster_brand.rules.pilot_years.progress import (
	check_funding_entries,
	check_measures,
	check_self_evaluations,
	missing_funding,
	missing_target_progress,
	progress_as_of,
)
from cluster_brand.rules.values import as_text

NARRATIVE = (
	("work_results", "Work Results"),
	("problems", "Problems"),
	("next_year_plan", "Next Year's Plan"),
)


def fill_in(item_label: str, fieldname: str) -> Violation:
	"""A missing item of the summary, said as what to do (「请填写存在问题。」), not only its name."""
	return Violation(_("Fill in {item}."), {"item": item_label}, fieldname, translate_args=("item",))


def entry_problems(summary: dict) -> list[Violation]:
	"""What no save may store: values out of their range, whatever the state."""
	return (
		check_indicator_entries(summary.get("indicators") or [], summary.get("reporting_year"))
		+ check_backbone_entries(summary.get("backbone_enterprises") or [])
		+ check_funding_entries(summary.get("policies_and_funds") or [])
	)


def missing_items(summary: dict, today: date) -> list[Violation]:
	"""The completeness check: every missing item of the summary, by its name, before it goes to the
	province."""
	year = summary.get("reporting_year")
	as_of = progress_as_of(year, today) if year else today
	missing = []
	if not summary.get("measure_progress"):
		missing.append(fill_in("Measure Progress", "measure_progress"))
	missing += check_measures(summary.get("measure_progress") or [], as_of)
	missing += missing_indicators(summary.get("indicators") or [], year)
	missing += missing_backbone(summary.get("backbone_enterprises") or [])
	missing += missing_target_progress(summary.get("target_progress") or [])
	missing += missing_funding(summary.get("policies_and_funds") or [])
	missing += check_self_evaluations(summary.get("self_evaluations") or [], year)
	for fieldname, label in NARRATIVE:
		if not as_text(summary.get(fieldname)).strip():
			missing.append(fill_in(label, fieldname))
	return missing
