# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""The layout the programme's script reports share (beside programme_report.js, their shared filters): their
columns, each as wide as its values or its header, the columns that name an application, the columns a reader
may not read left out, and the states and the indicator year as the desk names them. What they read is in
cluster_brand/readers/, what they compute in cluster_brand/rules/views/."""

from frappe import _

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.fields import unreadable_fields
from cluster_brand.rules.application.indicators import indicator_years, year_heading
from cluster_brand.rules.views import programme_reports as computed


def last_indicator_year(batch) -> str:
	"""The heading of the indicator table's last year (2016年 for the 2017 batch), "" without a batch year."""
	years = indicator_years(batch.batch_year) if batch else ()
	return year_heading(years[-1]) if years else ""


def readable_columns(columns: list[dict], source_field: dict[str, str]) -> list[dict]:
	"""``columns`` without those whose source field of the application the reader may not read
	(``source_field``: column fieldname → the application's field)."""
	hidden = unreadable_fields(APPLICATION)
	return [c for c in columns if source_field.get(c["fieldname"]) not in hidden]


def translated_states(rows: list[dict]):
	"""The workflow state as the desk names it (the report's cells and its Excel export)."""
	translated = {}
	for row in rows:
		if state := row.get("workflow_state"):
			if state not in translated:
				translated[state] = _(state)
			row["workflow_state"] = translated[state]


def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **more) -> dict:
	"""A report column ``width`` px wide for its values, or wider if its header needs it
	(rules.views.programme_reports.header_width)."""
	return {
		"fieldname": fieldname,
		"label": label,
		"fieldtype": fieldtype,
		"width": max(width, computed.header_width(label)),
		**more,
	}


def application_columns() -> list[dict]:
	"""The columns that name an application: its province, the application, its unit and cluster."""
	return [
		authority_column(),
		column("application", _("Cluster Brand Application"), "Link", 150, options=APPLICATION),
		# Data, not Link: as authority_column
		column("organizing_unit", _("Applicant Unit"), width=170),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 160, options="Industrial Cluster"),
	]


def authority_column(width: int = 150) -> dict:
	# Data, not Link: Frappe filters a report's rows once more by the reader's User Permissions on the
	# DocTypes of its Link columns. The rows here come through the permission rules already; that filter
	# would drop every row of an industry association (its permission on its own authority is for the
	# authority list only) and query the database once per total row.
	return column("recommending_authority", _("Recommending Authority"), width=width)


# The reports' filters (their scripts: programme_report.js and each report's .js), by fieldname: the label and
# the type, to name them in the head of the Excel export (cluster_brand/api/report_export.py) as the page
# does. tests/test_report_filters.py reads the scripts and keeps the two the same.
FILTERS = {
	"pilot_batch": ("Pilot Batch", "Link"),
	"rank_by": ("Rank By", "Select"),
	"evaluation_round": ("Evaluation Round", "Link"),
	"as_of": ("As of", "Date"),
	"reporting_year": ("Reporting Year", "Int"),
	"recommending_authority": ("Recommending Authority", "Link"),
	"pilot_status": ("Pilot Status", "Select"),
}
