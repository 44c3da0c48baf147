// The pilots by how they ended: in pilot, completed or not, applying, demonstration zone, typical experience.
// Read through the user's permissions: pilots_end.py, cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Pilots' End"] = {
	method: "cluster_brand.cluster_brand.dashboard_chart_source.pilots_end.pilots_end.get",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
