// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// Shared by the programme's reports, included at the top of each report's script (Frappe's get_script renders
// the include): the batch filter preset to the latest batch, and total rows in bold.
frappe.provide("cluster_brand.reports");

cluster_brand.reports.batch_filter = () => ({
	fieldname: "pilot_batch",
	label: __("Pilot Batch"),
	fieldtype: "Link",
	options: "Pilot Batch",
	// the report runs once the batch is set: the latest one, below
	reqd: 1,
});

cluster_brand.reports.preset_latest_batch = (report) => {
	// A filter's default cannot be read from the database.
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
};

cluster_brand.reports.bold_totals = (value, row, column, data, default_formatter) => {
	value = default_formatter(value, row, column, data);
	return data && data.is_total ? `<b>${value}</b>` : value;
};
