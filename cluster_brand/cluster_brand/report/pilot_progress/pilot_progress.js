// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.query_reports["Pilot Progress"] = {
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
	],
};
