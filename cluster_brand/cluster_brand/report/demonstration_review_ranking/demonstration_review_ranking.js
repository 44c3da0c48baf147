// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

{% include "cluster_brand/cluster_brand/report/programme_report.js" %}

// 示范申报评审排名: the evaluation round's two stages (the document review, the central hearing); the latest round
// preset, as the batch reports preset the latest batch.
frappe.query_reports["Demonstration Review Ranking"] = {
	filters: [
		{
			fieldname: "evaluation_round",
			label: __("Evaluation Round"),
			fieldtype: "Link",
			options: "Evaluation Round",
			reqd: 1,
		},
	],
	onload(report) {
		cluster_brand.reports.fit_page(report);
		if (report.get_filter_value("evaluation_round")) return;
		frappe.db
			.get_list("Evaluation Round", { fields: ["name"], order_by: "creation desc", limit: 1 })
			.then((rounds) => {
				if (rounds.length) report.set_filter_value("evaluation_round", rounds[0].name);
			});
	},
};
