// The applications per workflow state, in the process's order.
// Read through the user's permissions: cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Applications by State"] = {
	method: "cluster_brand.readers.dashboards.applications_by_state",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
