"""逾期未报年度工作总结 (the provinces' and the ministry's list of overdue annual work summaries): each pilot and
reporting year whose summary is past its due date and has not reached the province — not started, in draft
or returned. Plain data in, plain data out: the report (cluster_brand/cluster_brand/report/
overdue_annual_work_summaries/) reads the pilots through the reader's permissions (readers/pilot_years.py)."""

from datetime import date

from cluster_brand.rules.pilot_years import calendar as pilot_calendar


def overdue_rows(pilots: list[dict], today: date) -> list[dict]:
	"""One row per pilot and overdue year, a summary not started too. ``pilots``: name, industrial_cluster,
	organizing_unit, recommending_authority, start_date and planned_end_date (dates), province_due, summaries
	(year → {name, workflow_state}: every summary, whose true state decides what is overdue) and
	readable_summaries (those the reader may read: the row names only these; a province does not see a
	unit's draft)."""
	rows = []
	for pilot in pilots:
		if not (pilot.get("start_date") and pilot.get("planned_end_date")):
			continue
		province_due = pilot.get("province_due")
		states = {year: s["workflow_state"] for year, s in (pilot.get("summaries") or {}).items()}
		readable = pilot.get("readable_summaries") or {}
		for year in pilot_calendar.overdue_years(
			pilot["start_date"], pilot["planned_end_date"], today, states, province_due
		):
			summary = readable.get(year)
			due = pilot_calendar.due_date(year, province_due)
			rows.append(
				{
					"brand_pilot": pilot["name"],
					"industrial_cluster": pilot.get("industrial_cluster"),
					"organizing_unit": pilot.get("organizing_unit"),
					"recommending_authority": pilot.get("recommending_authority"),
					"reporting_year": year,
					"due_date": due,
					"days_overdue": (today - due).days,
					"annual_work_summary": summary["name"] if summary else None,
					"workflow_state": summary["workflow_state"] if summary else None,
				}
			)
	return rows
