// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

{% include "cluster_brand/cluster_brand/report/programme_report.js" %}

frappe.query_reports["Pilot Progress"] = {
	onload: cluster_brand.reports.fit_page,
	filters: [
		{
			fieldname: "reporting_year",
			label: __("Reporting Year"),
			fieldtype: "Int",
		},
		{
			fieldname: "recommending_authority",
			label: __("Recommending Authority"),
			fieldtype: "Link",
			options: "Recommending Authority",
		},
		{
			fieldname: "pilot_status",
			label: __("Pilot Status"),
			fieldtype: "Select",
			options: ["", "In Pilot", "Pilot Completed", "Pilot Not Completed"].map((value) => ({
				value,
				label: __(value),
			})),
		},
	],
};
