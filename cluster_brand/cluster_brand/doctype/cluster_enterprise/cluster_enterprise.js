// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Cluster Enterprise", {
	unified_social_credit_code(frm) {
		const code = (frm.doc.unified_social_credit_code || "").trim().toUpperCase();
		if (code !== frm.doc.unified_social_credit_code) {
			frm.set_value("unified_social_credit_code", code);
		}
	},
});
