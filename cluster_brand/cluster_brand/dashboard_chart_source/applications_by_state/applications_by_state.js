// The applications per workflow state, in the process's order.
// Read through the user's permissions: applications_by_state.py, cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Applications by State"] = {
	method: "cluster_brand.cluster_brand.dashboard_chart_source.applications_by_state.applications_by_state.get",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
