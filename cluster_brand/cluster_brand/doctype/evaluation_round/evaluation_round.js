// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// 总结评价: a new round starts from the programme's rubrics (rules/pilot_end/evaluation_round.py default_rubrics:
// the document review's default, the hearing's 创新性、先进性、示范性 with their weights for the ministry to set).

frappe.ui.form.on("Evaluation Round", {
	onload(frm) {
		const empty = (table) => !(frm.doc[table] || []).length;
		if (!frm.is_new() || !(empty("document_review_criteria") || empty("hearing_criteria"))) return;
		frappe
			.call("cluster_brand.cluster_brand.doctype.evaluation_round.evaluation_round.default_rubrics")
			.then(({ message }) => {
				if (!frm.is_new()) return;
				for (const [table, rows] of Object.entries(message || {})) {
					if (!empty(table)) continue;
					for (const row of rows) frm.add_child(table, row);
					frm.refresh_field(table);
				}
			});
	},
});
