// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

const APPLICATION = "Cluster Brand Application";
const APPLICATION_FORMAT = "产业集群区域品牌建设试点申报书";

frappe.ui.form.on("Expert Review", {
	onload(frm) {
		// The criteria and weights are the batch's rubric (checked on save): the expert scores them only.
		cluster_brand.desk.fix_rows(frm, ["scores"]);
		cluster_brand.desk.show_rubric_in_full(frm, "scores");
	},

	refresh(frm) {
		if (frm.doc.application) {
			// The expert reads the application it scores (an assigned expert may read and print it).
			const group = __("Application Form");
			frm.add_custom_button(
				__("Open the Application Form"),
				() => frappe.set_route("Form", APPLICATION, frm.doc.application),
				group
			);
			frm.add_custom_button(
				__("Application Form PDF"),
				() => window.open(application_pdf_url(frm.doc.application)),
				group
			);
		}
	},
});

function application_pdf_url(name) {
	// the desk's own PDF download (allowlisted; page numbers stamped by cluster_brand.print.pdf)
	const args = new URLSearchParams({
		doctype: APPLICATION,
		name: name,
		format: APPLICATION_FORMAT,
		no_letterhead: 1,
		_lang: frappe.boot.lang || "zh",
	});
	return frappe.urllib.get_full_url(
		`/api/method/frappe.utils.print_format.download_pdf?${args.toString()}`
	);
}
