// The scored applications per band of the mean expert score (the ministry's: the mean score is level 4).
// Read through the user's permissions: cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Score Distribution"] = {
	method: "cluster_brand.readers.dashboards.score_distribution",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
