// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Expert Review", {
	onload(frm) {
		// The criteria and weights are the batch's rubric (checked on save): the expert scores them only.
		frm.set_df_property("scores", "cannot_add_rows", true);
		frm.set_df_property("scores", "cannot_delete_rows", true);
	},
});
