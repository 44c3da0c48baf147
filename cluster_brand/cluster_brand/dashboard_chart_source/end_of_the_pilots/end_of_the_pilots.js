// The pilots by how they ended: in pilot, completed or not, applying, demonstration zone, typical experience.
// Read through the user's permissions: end_of_the_pilots.py, cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["End of the Pilots"] = {
	method: "cluster_brand.cluster_brand.dashboard_chart_source.end_of_the_pilots.end_of_the_pilots.get",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
