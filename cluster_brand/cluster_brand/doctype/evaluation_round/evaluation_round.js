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

// The round's outcome (issue 21, the demonstration review): the two-stage ranking (the ministry's report) and the
// list of its demonstration zones and typical experiences (产业集群区域品牌建设示范区名单, A4 PDF).
const DEMONSTRATION_LIST_FORMAT = "产业集群区域品牌建设示范区名单";

frappe.ui.form.on("Evaluation Round", {
	refresh(frm) {
		if (frm.is_new()) return;
		const group = __("Demonstration Application Review");
		if (frappe.user.has_role("Ministry Administrator") || frappe.user.has_role("System Manager")) {
			frm.add_custom_button(
				__("Demonstration Review Ranking"),
				() =>
					frappe.set_route("query-report", "Demonstration Review Ranking", {
						evaluation_round: frm.doc.name,
					}),
				group
			);
		}
		frm.add_custom_button(
			__("List of Demonstration Zones and Typical Experiences (PDF)"),
			() => {
				const args = new URLSearchParams({
					doctype: frm.doctype,
					name: frm.doc.name,
					format: DEMONSTRATION_LIST_FORMAT,
					no_letterhead: 1,
					_lang: frappe.boot.lang || "zh",
				});
				window.open(
					frappe.urllib.get_full_url(`/api/method/frappe.utils.print_format.download_pdf?${args}`)
				);
			},
			group
		);
	},
});
