// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.query_reports["Expert Review Ranking"] = {
	filters: [
		{
			fieldname: "pilot_batch",
			label: __("Pilot Batch"),
			fieldtype: "Link",
			options: "Pilot Batch",
			// the report runs once the batch is set: the latest one, below
			reqd: 1,
		},
	],
	onload(report) {
		// Preset to the latest batch (a filter's default cannot be read from the database).
		if (report.get_filter_value("pilot_batch")) return;
		frappe.db
			.get_list("Pilot Batch", {
				fields: ["name"],
				order_by: "batch_year desc, creation desc",
				limit: 1,
			})
			.then((batches) => {
				if (batches.length) report.set_filter_value("pilot_batch", batches[0].name);
			});
	},
};
