"""The Dashboard Chart Source 「End of the Pilots」 of the ministry's and the provinces' workspaces (issue 21): the pilots
in pilot, completed or not, and their demonstration applications applying or ended as a demonstration zone or a
typical experience. Its .js names ``get`` as the method the chart widget calls; the figures are read through
the user's permissions by cluster_brand/readers/dashboards.py."""

import frappe

from cluster_brand.readers import dashboards


@frappe.whitelist()
def get(chart_name=None, filters=None, **kwargs) -> dict:
	return dashboards.end_of_the_pilots(filters)
