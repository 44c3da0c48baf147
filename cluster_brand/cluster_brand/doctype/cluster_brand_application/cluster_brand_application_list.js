// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// The receiver records the paper copies of the applications it selects, all at once (the list's Actions menu:
// cluster_brand/cluster_brand/doctype/cluster_brand_application/paper_copies.py saves each as its form would, under the edit locks).
frappe.listview_settings["Cluster Brand Application"] = {
	onload(listview) {
		if (!frappe.user.has_role("Materials Receiver")) return;
		listview.page.add_actions_menu_item(__("Record Paper Copies"), () => record_paper_copies(listview), false);
	},
};

function record_paper_copies(listview) {
	const names = listview.get_checked_items(true);
	if (!names.length) {
		frappe.msgprint(__("Choose the applications whose paper copies were received."));
		return;
	}
	const dialog = new frappe.ui.Dialog({
		title: __("Record Paper Copies of {0} Applications", [names.length]),
		fields: [
			{ fieldname: "paper_copies_received", fieldtype: "Int", label: __("Paper Copies Received"), reqd: 1 },
			{ fieldname: "paper_copies_stamped", fieldtype: "Check", label: __("Stamped with the Official Seal") },
			{
				fieldname: "paper_received_date",
				fieldtype: "Date",
				label: __("Date Received"),
				default: frappe.datetime.get_today(),
				reqd: 1,
			},
			{ fieldname: "paper_receipt_note", fieldtype: "Small Text", label: __("Receipt Note") },
		],
		primary_action_label: __("Record"),
		primary_action(values) {
			dialog.hide();
			frappe
				.xcall("cluster_brand.cluster_brand.doctype.cluster_brand_application.paper_copies.record_paper_copies", { names, ...values })
				.then(({ recorded, refused }) => {
					listview.clear_checked_items();
					listview.refresh();
					const lines = refused.map(
						(r) => `<li>${frappe.utils.escape_html(r.name)}：${frappe.utils.escape_html(r.message)}</li>`
					);
					frappe.msgprint({
						title: __("Paper Copies Recorded"),
						indicator: refused.length ? "orange" : "green",
						message:
							`<p>${__("Recorded for {0} applications.", [recorded.length])}</p>` +
							(lines.length
								? `<p>${__("Not recorded for these applications:")}</p><ol>${lines.join("")}</ol>`
								: ""),
					});
				});
		},
	});
	dialog.show();
}
