// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

{% include "cluster_brand/cluster_brand/report/programme_report.js" %}

frappe.query_reports["Indicator Comparison"] = {
	filters: [
		cluster_brand.reports.batch_filter(),
		{
			fieldname: "rank_by",
			label: __("Rank By"),
			fieldtype: "Select",
			// the keys of cluster_brand.rules.views.programme_reports.COMPARED (the report's tests compare the
			// two), shown by their official names
			options: [
				"Enterprises in the Leading Industry (units)",
				"Enterprises above Designated Size in the Leading Industry (units)",
				"Gross Output Value of the Leading Industry (100 million yuan)",
				"Value Added of the Leading Industry (100 million yuan)",
				"Sales Revenue of the Leading Industry (100 million yuan)",
				"Total Profit of the Leading Industry (100 million yuan)",
				"Total Tax of the Leading Industry (100 million yuan)",
				"Total Costs and Expenses of the Leading Industry (100 million yuan)",
				"Total Exports of the Leading Industry (100 million yuan)",
				"Domestic Market Share of the Leading Industry (%)",
				"Investment in the Leading Industry (100 million yuan)",
				"Industrial Value-Added Rate (%)",
				"Cost-Profit Ratio (%)",
				"Export Share of Sales Revenue (%)",
				"Year-on-Year Growth of Sales Revenue (%)",
				"Year-on-Year Growth of Gross Output Value (%)",
				"Year-on-Year Growth of Total Profit (%)",
			].map((key) => ({ value: key, label: __(key) })),
			default: "Sales Revenue of the Leading Industry (100 million yuan)",
			reqd: 1,
		},
	],
	onload: cluster_brand.reports.preset_latest_batch,
};
