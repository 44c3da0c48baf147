// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Pilot Final Summary", {
	refresh(frm) {
		// Each part is edited by its role in its stage (rules/pilot_end/final_summary_workflow.py EDITABLE_IN)
		cluster_brand.desk.lock_other_parts(frm);
		// the rows are assembled from the pilot and its accepted annual summaries: fixed
		cluster_brand.desk.fix_rows(frm, ["measure_outcomes", "indicator_years", "target_outcomes", "self_evaluations"]);
		// each year column is headed by the year it reports, as the application's indicator years are
		const years = frm.doc.__onload?.reporting_years || [];
		const grid = frm.fields_dict.indicator_years.grid;
		const unreported = [__("Year 1"), __("Year 2"), __("Year 3")];
		["year_1_value", "year_2_value", "year_3_value"].forEach((fieldname, i) => {
			grid.update_docfield_property(fieldname, "label", years[i] ? __("Year {0}", [years[i]]) : unreported[i]);
			grid.update_docfield_property(fieldname, "in_list_view", years[i] ? 1 : 0);
		});
		grid.reset_grid();
		if (!frm.is_new()) {
			frm.add_custom_button(__("Brand Pilot"), () => frappe.set_route("Form", "Brand Pilot", frm.doc.brand_pilot));
		}
	},
});
