// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// 示范申报评审表: scored as the Expert Review is (expert_review.js): the round's rubric of the sheet's stage is fixed
// (checked on save), its guidance read in full; the expert opens the application it scores.

frappe.ui.form.on("Demonstration Review", {
	onload(frm) {
		cluster_brand.desk.fix_rows(frm, ["scores"]);
		cluster_brand.desk.show_rubric_in_full(frm, "scores");
	},

	refresh(frm) {
		if (frm.doc.demonstration_application) {
			frm.add_custom_button(__("Open the Demonstration Application"), () =>
				frappe.set_route("Form", "Demonstration Application", frm.doc.demonstration_application)
			);
		}
	},
});
