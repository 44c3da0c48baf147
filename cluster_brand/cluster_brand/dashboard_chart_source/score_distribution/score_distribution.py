"""The Dashboard Chart Source 「Score Distribution」 of the ministry's workspace: the scored applications per
band of the mean expert score (the ministry's alone: the mean score is level 4). Its .js names ``get`` as
the method the chart widget calls; the figures are read through the user's permissions by
cluster_brand/readers/dashboards.py."""

import frappe

from cluster_brand.readers import dashboards


@frappe.whitelist()
def get(chart_name=None, filters=None, **kwargs) -> dict:
	return dashboards.score_distribution(filters)
