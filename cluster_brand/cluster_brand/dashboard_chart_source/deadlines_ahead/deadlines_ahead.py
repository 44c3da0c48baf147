"""The Dashboard Chart Source 「Deadlines Ahead」 of the ministry's and the provinces' workspaces: the open
applications per step with a deadline, overdue, due within a week, later. Its .js names ``get`` as the
method the chart widget calls; the figures are read through the user's permissions by
cluster_brand/readers/dashboards.py."""

import frappe

from cluster_brand.readers import dashboards


@frappe.whitelist()
def get(chart_name=None, filters=None, **kwargs) -> dict:
	return dashboards.deadlines_ahead(filters)
