// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Annual Work Summary", {
	refresh(frm) {
		// Each part is edited by its role in its stage (rules/pilot_years/workflow.py EDITABLE_IN): the
		// others read-only, as the application's form does.
		cluster_brand.desk.lock_other_parts(frm);
		// the rows come from the approved plan and the programme's indicators: fixed
		const fixed = ["measure_progress", "indicators", "derived_indicators", "target_progress"];
		cluster_brand.desk.fix_rows(frm, fixed);
		if (!frm.is_new()) {
			frm.add_custom_button(__("Check Completeness"), () =>
				cluster_brand.desk.check_completeness(frm, __("The annual work summary is complete."))
			);
			frm.add_custom_button(__("Brand Pilot"), () => frappe.set_route("Form", "Brand Pilot", frm.doc.brand_pilot));
		}
	},
});
