"""The Dashboard Chart Source 「Applications by State」 of the ministry's and the provinces' workspaces: the
applications per workflow state, in the process's order. Its .js names ``get`` as the method the chart
widget calls; the figures are read through the user's permissions by cluster_brand/readers/dashboards.py."""

import frappe

from cluster_brand.readers import dashboards


@frappe.whitelist()
def get(chart_name=None, filters=None, **kwargs) -> dict:
	return dashboards.applications_by_state(filters)
