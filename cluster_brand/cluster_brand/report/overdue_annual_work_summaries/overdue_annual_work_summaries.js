// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

{% include "cluster_brand/cluster_brand/report/programme_report.js" %}

frappe.query_reports["Overdue Annual Work Summaries"] = {
	onload: cluster_brand.reports.fit_page,
	filters: [
		{
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
	],
};
