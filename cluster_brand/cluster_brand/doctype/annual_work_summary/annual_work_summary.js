// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// the numbers that stay blank until typed (cluster_brand/nullable_numbers.py)
const BLANK_UNTIL_TYPED = {
	indicators: ["baseline_value", "reporting_value", "change_percent"],
	derived_indicators: ["baseline_value", "reporting_value", "change"],
	target_progress: ["achieved_value", "percent_of_target"],
};

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

	after_save(frm) {
		keep_blanks(frm);
	},
});

// Frappe's reply to a save or a method call leaves out the NULLs: the grid would show them as 0.00
function keep_blanks(frm) {
	for (const [table, fields] of Object.entries(BLANK_UNTIL_TYPED)) {
		for (const row of frm.doc[table] || []) {
			for (const fieldname of fields) {
				if (row[fieldname] === undefined) row[fieldname] = null;
			}
		}
	}
	frm.refresh_fields(Object.keys(BLANK_UNTIL_TYPED));
}

function check_completeness(frm) {
	frm.call("check_completeness").then(({ message }) => {
		keep_blanks(frm);
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
