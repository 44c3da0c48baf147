"""The charts and number cards of the ministry's and the provinces' workspaces.

Every figure is read with ``frappe.get_list``, so through the same row rules as the lists (a province counts
its own applications) and the same field levels (the mean score is the ministry's). The Number Cards and the
"Group By" chart are Frappe's (cluster_brand/cluster_brand/number_card, dashboard_chart); the charts that
need the programme's order, labels or rules are Dashboard Chart Sources whose methods are here; what they
show is decided by cluster_brand/rules/dashboards.py.

Frappe's own chart and card methods, which the programme's roles may call for these (allowlist.py), are
wrapped (override_whitelisted_methods in hooks.py): a chart or card defined in the request could count or
group by a field the user may not read (the mean score), and Frappe's chart cache is keyed by the chart
alone, the same for every user and filter (Frappe 15 does not fill it; the wrapper does not read it).
"""

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart
from frappe.desk.doctype.dashboard_settings import dashboard_settings
from frappe.desk.doctype.number_card import number_card
from frappe.model import get_permitted_fields
from frappe.utils import getdate, today

from cluster_brand.desk_status import _batch_dates
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules import dashboards as rules
from cluster_brand.rules import desk_status as status
from cluster_brand.rules import workflow as states
from cluster_brand.side_paths import check_query_fields


def _translated(chart: dict) -> dict:
	"""The chart with its labels and dataset names in the reader's language."""
	return {
		"labels": [_(label) for label in chart["labels"]],
		"datasets": [
			{**dataset, "name": _(dataset["name"]).format(status.NEAR_DAYS)} for dataset in chart["datasets"]
		],
	}


def _filters(filters) -> list | dict:
	filters = frappe.parse_json(filters) or []
	check_query_fields(APPLICATION, filters)
	return filters


# --- Dashboard Chart Sources (the methods of their .js files) ---------------------------------------------


@frappe.whitelist()
def applications_by_state(chart_name=None, filters=None, **kwargs) -> dict:
	"""Applications per workflow state, in the process's order."""
	rows = frappe.get_list(
		APPLICATION,
		filters=_filters(filters),
		fields=["workflow_state", "count(name) as count"],
		group_by="workflow_state",
		order_by="workflow_state asc",
	)
	counts = {row.workflow_state or states.DRAFT: row.count for row in rows}
	return _translated(rules.applications_by_state(counts))


@frappe.whitelist()
def score_distribution(chart_name=None, filters=None, **kwargs) -> dict:
	"""Scored applications per band of the mean expert score; for those who may read the mean score only."""
	if "mean_score" not in get_permitted_fields(APPLICATION):
		frappe.throw(
			_("You may not read {0} of {1}.").format(_("Mean Expert Score"), _(APPLICATION)),
			frappe.PermissionError,
		)
	# the mean score is 0 until an expert submits a sheet: count the applications with a submitted sheet
	rows = frappe.get_list(
		APPLICATION,
		filters=[*_as_list(_filters(filters)), ["Expert Assignment", "review_submitted", "=", 1]],
		fields=["name", "mean_score"],
		limit_page_length=0,
	)
	scores = {row.name: row.mean_score for row in rows}
	return _translated(rules.score_distribution(list(scores.values())))


@frappe.whitelist()
def deadlines_ahead(chart_name=None, filters=None, **kwargs) -> dict:
	"""The open applications per step with a deadline: overdue, near, later."""
	applications = frappe.get_list(
		APPLICATION,
		filters=_filters(filters),
		fields=[
			"name",
			"pilot_batch",
			"workflow_state",
			"online_submission_deadline",
			"recommendation_deadline",
			"public_notice_end",
		],
		limit_page_length=0,
	)
	return _translated(rules.deadlines_ahead(applications, _batch_dates(applications), getdate(today())))


def _as_list(filters) -> list:
	if isinstance(filters, dict):
		return [
			[APPLICATION, field, *(value if isinstance(value, list | tuple) else ("=", value))]
			for field, value in filters.items()
		]
	return list(filters)


# --- Frappe's chart and card methods, for every user --------------------------------------------------------


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
	result), refused for a chart defined by the caller on a field it may not read."""
	if chart:
		definition = frappe.parse_json(chart)
		check_query_fields(
			definition.get("document_type"),
			[definition.get(f) for f in ("based_on", "value_based_on", "group_by_based_on")],
			[definition.get("aggregate_function_based_on")],
			definition.get("filters_json"),
		)
	check_query_fields(_chart_doctype(chart_name), filters)
	# the function under Frappe's cache_source decorator
	return dashboard_chart.get.__wrapped__(
		chart_name=chart_name,
		chart=chart,
		filters=filters,
		from_date=from_date,
		to_date=to_date,
		timespan=timespan,
		time_interval=time_interval,
		heatmap_year=heatmap_year,
	)


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
