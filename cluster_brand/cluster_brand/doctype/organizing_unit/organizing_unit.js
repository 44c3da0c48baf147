// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Organizing Unit", {
	setup(frm) {
		// An organizing unit reports to the provincial-level authority of its region.
		frm.set_query("recommending_authority", () => ({
			filters: { authority_type: "Provincial Industry and Information Technology Authority", disabled: 0 },
		}));
	},
	refresh(frm) {
		// The unit's province is the ministry's to set (the server refuses anyone else's change too).
		const ministry = frappe.user.has_role(["Ministry Administrator", "System Manager"]);
		frm.set_df_property("recommending_authority", "read_only", ministry ? 0 : 1);
	},
});
