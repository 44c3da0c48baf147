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

// The report's page at 1440 px: the column headers wrap onto up to three lines, so that a column is as wide as
// its values (programme_report.py beside this file sets the widths from the headers), and the batch filter is
// wide enough for a batch's title (「2017年产业集群区域品牌建设试点」). Scoped to the programme's reports.
// (a property, not a const: each report's script runs in the page's global scope, this part in each)
cluster_brand.reports.style = `
.programme-report .dt-row-header,
.programme-report .dt-row-header .dt-cell--header {
	height: auto !important;
}
.programme-report .dt-row-header .dt-cell--header .dt-cell__content {
	height: auto !important;
	white-space: normal !important;
	overflow-wrap: anywhere;
	line-height: 1.35;
}
`;

cluster_brand.reports.fit_page = (report) => {
	if (!document.getElementById("programme-report-style")) {
		$("<style id='programme-report-style'>").text(cluster_brand.reports.style).appendTo(document.head);
	}
	report.page.wrapper.addClass("programme-report");
	const batch = report.page.fields_dict.pilot_batch;
	if (batch) $(batch.wrapper).removeClass("col-md-2").addClass("col-md-3");
	cluster_brand.reports.add_export_button(report);
};

// 导出Excel for every reader of the report (Frappe's menu item 「导出」 shows only to who may export the DocType,
// the ministry): the report as the reader sees it, run with the page's filters (cluster_brand/api/report_export.py).
cluster_brand.reports.add_export_button = (report) => {
	// the page keeps one button of a label (Frappe's add_inner_button), whichever report it shows next
	report.page.add_inner_button(__("Export Excel"), () => {
		let filters;
		try {
			filters = report.get_filter_values(true);
		} catch (e) {
			return; // a required filter is empty: the page says so
		}
		open_url_post("/api/method/cluster_brand.api.report_export.export_report", {
			report_name: report.report_name,
			filters: JSON.stringify(filters),
		});
	});
};

cluster_brand.reports.preset_latest_batch = (report) => {
	cluster_brand.reports.fit_page(report);
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
