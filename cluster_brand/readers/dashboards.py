"""What the charts of the ministry's and the provinces' workspaces read: the figures of the programme's
Dashboard Chart Sources (cluster_brand/cluster_brand/dashboard_chart_source/<source>/, whose ``get`` the
chart widget calls), laid out by cluster_brand/rules/views/dashboards.py and labelled in the reader's
language.

Every figure is read with ``frappe.get_list``, so through the same row rules as the lists (a province counts
its own applications) and the same field levels (the mean score is the ministry's); the chart's filters are
checked as any list query's (permissions/query_fields.py). The Number Cards and the "Group By" chart are
Frappe's (cluster_brand/cluster_brand/number_card, dashboard_chart), through the overrides of
cluster_brand/overrides/dashboards.py.
"""

import frappe
from frappe import _
from frappe.model import get_permitted_fields
from frappe.utils import getdate, today

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.query_fields import check_query_fields
from cluster_brand.readers.batches import batch_dates
from cluster_brand.readers.pilot_end import pilot_statuses_and_applications
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.views import dashboards as rules
from cluster_brand.rules.views import desk_status as status
from cluster_brand.rules.views import pilot_end


def applications_by_state(filters=None) -> dict:
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


def score_distribution(filters=None) -> dict:
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


def deadlines_ahead(filters=None) -> dict:
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
	return _translated(rules.deadlines_ahead(applications, batch_dates(applications), getdate(today())))


def end_of_the_pilots(filters=None) -> dict:
	"""The pilots by how they ended: in pilot, completed or not, and their demonstration applications applying
	or ended as a demonstration zone or a typical experience (issue 21)."""
	statuses, application_states = pilot_statuses_and_applications(filters)
	return _translated(pilot_end.pilot_end_counts(statuses, application_states))


def _translated(chart: dict) -> dict:
	"""The chart with its labels and dataset names in the reader's language."""
	return {
		"labels": [_(label) for label in chart["labels"]],
		"datasets": [
			{**dataset, "name": _(dataset["name"]).format(status.NEAR_DAYS)} for dataset in chart["datasets"]
		],
	}


def _filters(filters) -> list | dict:
	"""The chart's filters (JSON from the widget), refused if they name a field the user may not read."""
	filters = frappe.parse_json(filters) or []
	check_query_fields(APPLICATION, filters)
	return filters


def _as_list(filters) -> list:
	if isinstance(filters, dict):
		return [
			[APPLICATION, field, *(value if isinstance(value, list | tuple) else ("=", value))]
			for field, value in filters.items()
		]
	return list(filters)
