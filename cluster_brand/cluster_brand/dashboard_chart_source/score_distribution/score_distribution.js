// The scored applications per band of the mean expert score (the ministry's: the mean score is level 4).
// Read through the user's permissions: score_distribution.py, cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Score Distribution"] = {
	method: "cluster_brand.cluster_brand.dashboard_chart_source.score_distribution.score_distribution.get",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
