"""The programme's reports as Excel, for whoever may read them (issue 23).

Frappe's own export of a query report needs export permission on the report's DocType, which the ministry
alone has: a province read its report on screen and could not take it away. Here the rule is the screen's:
whoever may open the report (Report.is_permitted, overrides/query_report.check_report_access) exports it,
and the export holds what the reader reads: the report runs once, as the page runs it
(frappe.desk.query_report.run with the reader's filters), so a province's sheet holds its own province's
rows, a unit's its own, and the columns a reader may not read (programme_report.readable_columns) are
absent. cluster_brand/office/report_sheet.py lays the sheet out.

Frappe's export (the report menu's 「导出」, frappe.desk.query_report.export_query) comes here too for the
programme's reports (override_whitelisted_methods): one rule and one sheet, whichever way it is asked for.
Other reports keep Frappe's export and its permission.
"""

import json

import frappe
from frappe import _
from frappe.desk import query_report
from frappe.utils import format_datetime, formatdate, get_fullname, now_datetime, today

from cluster_brand.api.downloads import send_file
from cluster_brand.cluster_brand.report.programme_report import FILTERS
from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.office.report_sheet import build_report_csv, build_report_sheet
from cluster_brand.overrides.query_report import check_report_access

XLSX, CSV = "Excel", "CSV"


@frappe.whitelist()
def export_report(report_name: str, filters: str | dict | None = None):
	"""The report as the caller reads it on screen, as an .xlsx download named by its title and the day
	(「申报汇总表-2026-11-09.xlsx」)."""
	answer(report_name, filters, XLSX)


@frappe.whitelist()
def export_query():
	"""Frappe's report export (the ministry's menu 「导出」, Excel or CSV): the programme's reports as above, the
	rows the page shows after its own column filters (``visible_idx``); any other report as Frappe has it."""
	form = frappe.local.form_dict
	report_name = form.get("report_name")
	if not is_programme_report(report_name):
		return query_report.export_query()
	file_format = CSV if form.get("file_format_type") == CSV else XLSX
	answer(report_name, form.get("filters"), file_format, visible_rows=form.get("visible_idx"))


def is_programme_report(report_name) -> bool:
	if not report_name or not isinstance(report_name, str):
		return False
	report = frappe.db.get_value("Report", report_name, ["module", "is_standard"], as_dict=True)
	return bool(report) and report.module == PROGRAMME_MODULE and report.is_standard == "Yes"


def answer(report_name: str, filters, file_format: str, visible_rows=None):
	check_report_access(report_name)
	if not is_programme_report(report_name):
		frappe.throw(
			_("{0} is not a report of the programme.").format(_(report_name or "")), frappe.DoesNotExistError
		)
	filters = filter_values(filters)
	title = _(report_name)
	columns, rows = report_rows(report_name, filters)
	rows = shown_rows(rows, visible_rows)
	head = [*filter_lines(filters), *export_lines()]
	if file_format == CSV:
		content, extension = build_report_csv(head, columns, rows), "csv"
	else:
		content, extension = build_report_sheet(title, head, columns, rows), "xlsx"
	send_file(content, f"{title}-{today()}.{extension}", f"{report_name}-{today()}.{extension}")


def report_rows(report_name: str, filters: dict) -> tuple[list[dict], list[dict]]:
	"""The report's columns and rows as the page gets them: Frappe's run, as the session user, once."""
	result = query_report.run(report_name, filters=filters, are_default_filters=False)
	columns = [as_column(column) for column in result.get("columns") or []]
	columns = [column for column in columns if not column.get("hidden")]
	rows = []
	for row in result.get("result") or []:
		if isinstance(row, dict):
			rows.append(row)
		elif isinstance(row, list | tuple):  # a report that answers lists: by the columns' order
			rows.append({column["fieldname"]: value for column, value in zip(columns, row, strict=False)})
	return columns, rows


def as_column(column) -> dict:
	"""A column as a dict: a report may give 「Label:Fieldtype/Options:Width」 strings."""
	if isinstance(column, dict):
		return {**column, "label": _(column.get("label") or "")}
	label, _sep, rest = str(column).partition(":")
	fieldtype, _sep, width = rest.partition(":")
	return {
		"fieldname": frappe.scrub(label),
		"label": _(label),
		"fieldtype": fieldtype.partition("/")[0] or "Data",
		"width": int(width) if width.isdigit() else 120,
	}


def shown_rows(rows: list[dict], visible_rows) -> list[dict]:
	"""The rows the page shows: all of them, or those its column filters left (the desk sends their
	indexes, as to Frappe's export)."""
	if isinstance(visible_rows, str):
		try:
			visible_rows = json.loads(visible_rows)
		except ValueError:
			visible_rows = None
	if not isinstance(visible_rows, list) or not visible_rows or len(visible_rows) == len(rows):
		return rows
	shown = {index for index in visible_rows if isinstance(index, int)}
	return [row for index, row in enumerate(rows) if index in shown]


def filter_values(filters) -> dict:
	"""The filters as the page sends them: a JSON object (or none)."""
	if filters in (None, ""):
		return {}
	if isinstance(filters, str):
		try:
			filters = json.loads(filters)
		except ValueError:
			filters = None
	if not isinstance(filters, dict):
		frappe.throw(_("The report's filters must be a JSON object."), frappe.ValidationError)
	return filters


def filter_lines(filters: dict) -> list[str]:
	"""Each filter the page shows and the reader set, as 「label：value」 (in the reader's language)."""
	lines = []
	for fieldname, (label, fieldtype) in FILTERS.items():
		value = filters.get(fieldname)
		if value in (None, "", []):
			continue
		lines.append(_("{0}: {1}").format(_(label), filter_text(value, fieldtype)))
	return lines


def filter_text(value, fieldtype: str) -> str:
	if fieldtype == "Select":
		return _(str(value))
	if fieldtype == "Date":
		return formatdate(value, "yyyy-mm-dd")
	if isinstance(value, list):
		return "、".join(str(v) for v in value)
	return str(value)


def export_lines() -> list[str]:
	"""When the sheet was exported and by whom (the reader: whose rows it holds)."""
	user = frappe.session.user
	return [
		_("{0}: {1}").format(_("Exported At"), format_datetime(now_datetime(), "yyyy-MM-dd HH:mm")),
		_("{0}: {1}").format(_("Exported By"), f"{get_fullname(user)} ({user})"),
	]
