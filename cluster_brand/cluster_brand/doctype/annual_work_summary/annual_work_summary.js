// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Annual Work Summary", {
	refresh(frm) {
		// Each part is edited by its role in its stage (rules/summary_workflow.py EDITABLE_IN): the others read-only,
		// as the application's form does.
		const levels = frm.doc.__onload?.editable_levels;
		if (!frm.is_new() && Array.isArray(levels)) {
			for (const df of frm.meta.fields) {
				if (frappe.model.layout_fields.includes(df.fieldtype)) continue;
				const locked = !levels.includes(cint(df.permlevel));
				frm.set_df_property(df.fieldname, "read_only", locked ? 1 : df.read_only);
			}
		}
		// the rows come from the approved plan and the programme's indicators: fixed
		for (const table of ["measure_progress", "indicators", "derived_indicators", "target_progress"]) {
			frm.set_df_property(table, "cannot_add_rows", true);
			frm.set_df_property(table, "cannot_delete_rows", true);
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Check Completeness"), () => check_completeness(frm));
			frm.add_custom_button(__("Brand Pilot"), () => frappe.set_route("Form", "Brand Pilot", frm.doc.brand_pilot));
		}
	},
});

function check_completeness(frm) {
	frm.call("check_completeness").then(({ message }) => {
		// the method's reply leaves out the blank numbers, as a save's does (desk_forms.js)
		cluster_brand.desk.keep_blank_numbers(frm);
		frm.refresh_fields();
		if (message.complete) {
			frappe.msgprint({
				title: __("Completeness Check"),
				message: __("The annual work summary is complete."),
				indicator: "green",
			});
			return;
		}
		const items = message.missing.map((m) => `<li>${frappe.utils.escape_html(m)}</li>`).join("");
		frappe.msgprint({ title: __("Missing or incorrect items"), message: `<ol>${items}</ol>`, indicator: "orange" });
	});
}
