// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.listview_settings["Expert Review"] = {
	formatters: {
		// A draft's total is 0 until every criterion is scored (a Float column): blank, not a score of 0.
		total_score(value, df, doc) {
			if (doc.docstatus === 0 && !value) return "";
			return frappe.format(value, df, { inline: true }, doc);
		},
	},
};
