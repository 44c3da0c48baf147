// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Demonstration Application", {
	refresh(frm) {
		// Each part is edited by its role in its stage (rules/pilot_end/demonstration_workflow.py EDITABLE_IN)
		cluster_brand.desk.lock_other_parts(frm);
		// condition 3 is computed from the pilot's figures on every save (rules/pilot_end/demonstration.py)
		cluster_brand.desk.fix_rows(frm, ["ratio_changes"]);
		const grid = frm.fields_dict.ratio_changes.grid;
		// the ratio and its result are the programme's terms, stored in English: shown in the reader's language
		for (const fieldname of ["ratio", "verdict"]) {
			grid.update_docfield_property(fieldname, "formatter", (value) => frappe.utils.escape_html(__(value || "")));
		}
		grid.reset_grid();
		const first_year = (frm.doc.ratio_changes || []).filter((row) => row.first_year_as_baseline && row.baseline_year);
		const note = [
			__("Computed from the pilot's figures on every save, never typed: each ratio of the last accepted annual work summary against its baseline."),
			__("Baseline of the value-added rate and the own-brand share: the application's last indicator year and its backbone enterprises."),
			__("Baseline of the new product output rate: the first reporting year that reports it (the application does not ask for new product output)."),
			...first_year.map((row) => __("{0}: the first reporting year ({1}) is the baseline.", [__(row.ratio), row.baseline_year])),
		];
		// above the table, where the unit reads the ratios (a section's description is drawn once, not on refresh)
		const wrapper = frm.fields_dict.ratio_changes.$wrapper;
		wrapper.find(".cb-ratio-note").remove();
		$("<div class='cb-ratio-note text-muted small' style='margin-bottom: 8px'>")
			.html(note.map((text) => frappe.utils.escape_html(text)).join("<br>"))
			.prependTo(wrapper);
		if (!frm.is_new()) {
			frm.add_custom_button(__("Brand Pilot"), () => frappe.set_route("Form", "Brand Pilot", frm.doc.brand_pilot));
		}
	},
});
