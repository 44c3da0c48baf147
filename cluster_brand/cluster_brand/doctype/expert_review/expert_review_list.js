// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.listview_settings["Expert Review"] = {
	formatters: {
		// A sheet not fully scored has no total (NULL, cluster_brand/controllers/blank_numbers.py): blank, where Frappe's
		// list shows a missing number as 0.00 (it reads null as ""). A total of 0 is a score.
		total_score(value, df, doc) {
			if (doc.total_score === null || doc.total_score === undefined) return "";
			return frappe.format(doc.total_score, df, { inline: true }, doc);
		},
	},
};
