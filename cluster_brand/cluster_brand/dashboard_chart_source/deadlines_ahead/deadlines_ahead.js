// The open applications per step with a deadline: overdue, due within a week, later.
// Read through the user's permissions: deadlines_ahead.py, cluster_brand/readers/dashboards.py.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Deadlines Ahead"] = {
	method: "cluster_brand.cluster_brand.dashboard_chart_source.deadlines_ahead.deadlines_ahead.get",
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
