// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

{% include "cluster_brand/cluster_brand/report/programme_report.js" %}

frappe.query_reports["Expert Review Ranking"] = {
	filters: [cluster_brand.reports.batch_filter()],
	onload: cluster_brand.reports.preset_latest_batch,
};
