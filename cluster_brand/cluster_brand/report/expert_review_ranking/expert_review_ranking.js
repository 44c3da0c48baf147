// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.query_reports["Expert Review Ranking"] = {
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
		},
	],
};
