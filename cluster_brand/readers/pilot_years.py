"""What the pilot years' lists and reports read (Annex 1 四(五)): the pilots in pilot with each year's Annual
Work Summary and their province's own due date, as the session user may read them — for the workspaces'
试点年度工作总结, the 试点进展 and 逾期未报 reports and the daily reminder (notifications/annual_summary.py).

Read set-wise: the pilots, their summaries and their provinces' due dates in one query each, whatever the
number of pilots. The due dates and the years to report on are the rules' (rules/pilot_years/calendar.py).
"""

from datetime import date

import frappe
from frappe.utils import getdate

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT
from cluster_brand.rules.pilot_years import calendar as pilot_calendar

IN_PILOT = "In Pilot"
SETTING = "Recommendation Setting"


def province_due_date(doc) -> date | None:
	"""The province's own due date of its pilots' summaries, in the Recommendation Setting of the pilot's
	batch (its month and day apply to every reporting year); None when it has set none. ``doc``: a pilot or
	a summary (its pilot_batch and recommending_authority)."""
	if not (doc.get("pilot_batch") and doc.get("recommending_authority")):
		return None
	value = frappe.db.get_value(
		SETTING,
		{"pilot_batch": doc.pilot_batch, "recommending_authority": doc.recommending_authority},
		"annual_summary_due_date",
	)
	return getdate(value) if value else None


def pilots_and_their_summaries(pilot_names: list[str] | None = None, statuses=(IN_PILOT,)) -> list[dict]:
	"""Each pilot in pilot (or of ``statuses``), with its period, its province's own due date and the state of
	each year's summary."""
	filters = {"status": ("in", list(statuses))}
	if pilot_names is not None:
		filters["name"] = ("in", pilot_names or [""])
	pilots = frappe.get_all(
		BRAND_PILOT,
		filters,
		[
			"name",
			"application",
			"industrial_cluster",
			"organizing_unit",
			"recommending_authority",
			"pilot_batch",
			"start_date",
			"planned_end_date",
			"status",
		],
	)
	states = {}
	for row in frappe.get_all(
		ANNUAL_WORK_SUMMARY,
		{"brand_pilot": ("in", [p.name for p in pilots] or [""])},
		["name", "brand_pilot", "reporting_year", "workflow_state"],
	):
		states.setdefault(row.brand_pilot, {})[row.reporting_year] = row
	province_due = province_due_dates(pilots)
	for pilot in pilots:
		pilot.province_due = province_due.get((pilot.pilot_batch, pilot.recommending_authority))
		pilot.summaries = states.get(pilot.name, {})
	return pilots


def province_due_dates(pilots: list[dict]) -> dict[tuple[str, str], date]:
	"""province_due_date of each (pilot_batch, recommending_authority) of ``pilots``, in one query."""
	batches = {p.pilot_batch for p in pilots if p.pilot_batch}
	authorities = {p.recommending_authority for p in pilots if p.recommending_authority}
	if not (batches and authorities):
		return {}
	settings = frappe.get_all(
		SETTING,
		{
			"pilot_batch": ("in", sorted(batches)),
			"recommending_authority": ("in", sorted(authorities)),
			"annual_summary_due_date": ("is", "set"),
		},
		["pilot_batch", "recommending_authority", "annual_summary_due_date"],
	)
	return {(s.pilot_batch, s.recommending_authority): getdate(s.annual_summary_due_date) for s in settings}


def readable_pilots(statuses=(IN_PILOT,)) -> list[dict]:
	"""The pilots (of ``statuses``) the session user may read, each with the summaries it may read (a province
	does not read a unit's draft: it reads as not started); the due dates follow every summary's true state."""
	pilots = pilots_and_their_summaries(frappe.get_list(BRAND_PILOT, pluck="name"), statuses)
	readable = set(
		frappe.get_list(
			ANNUAL_WORK_SUMMARY, {"brand_pilot": ("in", [p.name for p in pilots] or [""])}, pluck="name"
		)
	)
	for pilot in pilots:
		pilot.readable_summaries = {
			year: summary for year, summary in pilot.summaries.items() if summary.name in readable
		}
	return pilots


def with_dates(pilot: dict) -> dict:
	"""The pilot with its period as dates, as the rules take it."""
	return {
		**pilot,
		"start_date": getdate(pilot.start_date) if pilot.start_date else None,
		"planned_end_date": getdate(pilot.planned_end_date) if pilot.planned_end_date else None,
	}


def summary_status_rows(day, pilots: list[dict] | None = None) -> list[dict]:
	"""The years each pilot has reported on or must report on by now, as the session user may read them
	(pilot_calendar.summary_rows of ``pilots``, readable_pilots by default), each with its pilot's province:
	the workspaces' 试点年度工作总结 (desk/status_block.py) and 试点进展."""
	pilots = readable_pilots() if pilots is None else pilots
	authority = {pilot.name: pilot.recommending_authority for pilot in pilots}
	rows = pilot_calendar.summary_rows(
		[{**with_dates(pilot), "summaries": pilot.readable_summaries} for pilot in pilots],
		day,
	)
	for row in rows:
		row["recommending_authority"] = authority.get(row["brand_pilot"])
	return rows


def summary_own_brand_shares(names: list[str]) -> dict[str, dict]:
	"""By summary: those of ``names`` the session user may read, with their own-brand share (试点进展)."""
	return {
		s.name: s
		for s in frappe.get_list(
			ANNUAL_WORK_SUMMARY,
			filters={"name": ("in", names or [""])},
			fields=["name", "own_brand_sales_share"],
			limit_page_length=0,
		)
	}


def summary_rows_by_parent(doctype: str, table: str, parents: list[str], fields: list[str], **conditions):
	"""The rows of one child table of the summaries ``parents`` (read through the permissions), by summary."""
	by_parent = {}
	for row in frappe.get_all(
		doctype,
		filters={
			"parenttype": ANNUAL_WORK_SUMMARY,
			"parentfield": table,
			"parent": ("in", parents or [""]),
			**conditions,
		},
		fields=["parent", *fields],
		order_by="parent asc, idx asc",
	):
		by_parent.setdefault(row.parent, []).append(row)
	return by_parent


def baseline_sales(pilots: list[dict]) -> dict[str, tuple]:
	"""By pilot: the own-brand and the total sales revenue of its 申报书's backbone enterprises, (None, None)
	without a 申报书 (the pilots were read through the permissions; a pilot's 申报书 is its province's and the
	ministry's to read)."""
	sales = {
		a.name: (a.total_own_brand_sales_revenue, a.total_sales_revenue)
		for a in frappe.get_all(
			APPLICATION,
			filters={"name": ("in", [p.application for p in pilots if p.application] or [""])},
			fields=["name", "total_own_brand_sales_revenue", "total_sales_revenue"],
		)
	}
	return {p.name: sales.get(p.application, (None, None)) for p in pilots}
