"""Frappe's own chart and card methods behind the ministry's and the provinces' workspaces (Dashboard Chart's
get, Number Card's get_result, Dashboard Settings' create_dashboard_settings), which the programme's roles
may call for these (allowlist.py), wrapped for every user (override_whitelisted_methods in hooks.py).

A chart or card defined in the request could count or group by a field the user may not read (the mean
score): refused (permissions/query_fields.py). Frappe's chart cache is keyed by the chart alone, the same
for every user and filter (Frappe 15 does not fill it; the wrapper calls the function under it, so it
neither reads it nor writes the chart's last_synced_on). A chart Frappe's method cannot draw (a Custom
chart, a definition without its fields) is refused with a 4xx, a heatmap (read with frappe.get_all, past
the row rules) for the programme's users. The programme's own charts are Dashboard Chart Sources
(cluster_brand/cluster_brand/dashboard_chart_source/), read by cluster_brand/readers/dashboards.py.
"""

import inspect

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart
from frappe.desk.doctype.dashboard_settings import dashboard_settings
from frappe.desk.doctype.number_card import number_card
from frappe.utils import cint

from cluster_brand.permissions.query_fields import check_query_fields
from cluster_brand.permissions.request_input import BadRequestInput, refuse
from cluster_brand.permissions.scope import is_restricted
from cluster_brand.rules.input_values import NOT_A_DATE, calendar_date, shown


@frappe.whitelist()
def get_chart(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
):
	"""Frappe's Dashboard Chart data, computed for the caller every time (never another user's cached
	result), refused for a chart defined by the caller on a field it may not read, and for a chart that
	Frappe's method cannot draw (a Custom chart's figures come from its source's method)."""
	if chart_name:
		definition = frappe.get_doc("Dashboard Chart", chart_name)
	elif chart:
		definition = frappe._dict(frappe.parse_json(chart))
		check_query_fields(
			definition.get("document_type"),
			[definition.get(f) for f in ("based_on", "value_based_on", "group_by_based_on")],
			[definition.get("aggregate_function_based_on")],
			definition.get("filters_json"),
		)
	else:
		frappe.throw(_("Name the chart (chart_name) or send its definition (chart)."), BadRequestInput)
	check_query_fields(_chart_doctype(chart_name), filters)
	refuse(chart_problems(definition, timespan, time_interval, heatmap_year, from_date, to_date))
	if definition.get("type") == "Heatmap" and definition.get("chart_type") != "Group By" and is_restricted():
		# Frappe reads a heatmap with frappe.get_all: past the row rules
		frappe.throw(
			_("Heatmap charts are not available to the users of the programme."), frappe.PermissionError
		)
	# the function itself, under Frappe's type check and cache_source (whose wrapper drops ``chart`` and
	# caches by the chart's name for every user)
	return inspect.unwrap(dashboard_chart.get)(
		chart_name=chart_name,
		chart=None if chart_name else chart,
		filters=filters,
		from_date=from_date,
		to_date=to_date,
		timespan=timespan,
		time_interval=time_interval,
		heatmap_year=heatmap_year,
	)


# Select fields of a Dashboard Chart that Frappe's method reads as one of their options
CHART_OPTIONS = ("chart_type", "type", "timespan", "time_interval", "group_by_type")


def chart_problems(definition, timespan, time_interval, heatmap_year, from_date, to_date) -> list[str]:
	"""What Frappe's chart method would fail on (a 500), as translated messages naming the chart's field."""
	meta = frappe.get_meta("Dashboard Chart")

	def label(fieldname):
		return _(meta.get_label(fieldname))

	chart_type = definition.get("chart_type") or "Count"
	if chart_type in ("Custom", "Report"):
		return [
			_("The chart {0} takes its figures from its source or report, not from this method.").format(
				definition.get("chart_name") or definition.get("name") or ""
			)
		]
	problems = []
	sent = {f: definition.get(f) for f in (*CHART_OPTIONS, "based_on", "group_by_based_on")}
	sent.update(timespan=timespan or sent["timespan"], time_interval=time_interval or sent["time_interval"])
	for fieldname in CHART_OPTIONS:
		options = (meta.get_field(fieldname).options or "").split("\n")
		if sent.get(fieldname) and sent.get(fieldname) not in options:
			problems.append(
				_("{0} is one of {1}, not {2}.").format(label(fieldname), ", ".join(options), sent[fieldname])
			)
	doctype = definition.get("document_type")
	if not (isinstance(doctype, str) and frappe.db.exists("DocType", doctype, cache=True)):
		problems.append(_("{0} is required for this chart.").format(label("document_type")))
	required = ["group_by_based_on"] if chart_type == "Group By" else ["based_on"]
	if chart_type != "Group By" and sent["type"] != "Heatmap":
		required += ["timespan", "time_interval"]
	problems += [_("{0} is required for this chart.").format(label(f)) for f in required if not sent.get(f)]
	if heatmap_year and not 1 <= cint(heatmap_year) < 9999:
		problems.append(
			_("{0} is a year from 1 to 9998, not {1}.").format(label("heatmap_year"), heatmap_year)
		)
	for fieldname, value in (("from_date", from_date), ("to_date", to_date)):
		if value and not calendar_date(value):
			problems.append(_(NOT_A_DATE).format(item=label(fieldname), value=shown(value)))
	return problems


def _chart_doctype(chart_name) -> str | None:
	return frappe.db.get_value("Dashboard Chart", chart_name, "document_type") if chart_name else None


@frappe.whitelist()
def get_number_card_result(doc, filters, to_date=None):
	"""Frappe's Number Card figure, refused for a card that counts or filters by a field the caller may not
	read."""
	card = frappe.parse_json(doc)
	check_query_fields(
		card.get("document_type"),
		[card.get("aggregate_function_based_on")],
		filters,
		card.get("filters_json"),
		card.get("dynamic_filters_json"),
	)
	return number_card.get_result(doc, filters, to_date)


@frappe.whitelist()
def create_dashboard_settings(user=None):
	"""Frappe's per-user chart settings, which a workspace with charts makes on first view: the caller's own
	only (Frappe's makes one under any user name it is given)."""
	return dashboard_settings.create_dashboard_settings(frappe.session.user)
