// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.listview_settings["Demonstration Review"] = {
	formatters: {
		// A sheet not fully scored has no total (NULL): blank, as the Expert Review's list shows it; 0 is a score.
		total_score(value, df, doc) {
			if (doc.total_score === null || doc.total_score === undefined) return "";
			return frappe.format(doc.total_score, df, { inline: true }, doc);
		},
	},
};
