// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

frappe.ui.form.on("Brand Pilot", {
	refresh(frm) {
		// the pilot's end, as the ministry accepted its final summary (final_summary.py pilot_status); until
		// then the batch's 总结评价 round says when the final summary is due (brand_pilot.py onload)
		const ended = { "Pilot Completed": "green", "Pilot Not Completed": "red" }[frm.doc.status];
		const round = frm.doc.__onload?.evaluation_round;
		if (ended) {
			frm.page.set_indicator(__(frm.doc.status), ended);
			frm.set_intro(__("The pilot has ended: {0}.", [__(frm.doc.status)]), ended);
		} else if (round?.final_summary_deadline) {
			frm.set_intro(
				__("Evaluation round {0}: the final summary is due by {1}.", [
					round.name,
					frappe.datetime.str_to_user(round.final_summary_deadline),
				]),
				"blue"
			);
		}
		// the pilot's summaries, as the reader may see them (no Connections panel: its counts are not the
		// programme users' to call, cluster_brand/permissions/allowlist.py)
		if (!frm.is_new()) {
			frm.add_custom_button(__("Annual Work Summaries"), () =>
				frappe.set_route("List", "Annual Work Summary", { brand_pilot: frm.doc.name })
			);
		}
		// The unit starts its pilot's 试点工作总结报告 once the last reporting year has come, or earlier when the
		// batch's open evaluation round sets its deadline, or opens it (start_final_summary in brand_pilot.py;
		// a second start opens the existing one)
		const final = frm.doc.__onload?.final_summary;
		if (!frm.is_new() && final && (final.name || final.can_start)) {
			const label = final.name ? __("Pilot Final Summary") : __("Start Pilot Final Summary");
			frm.add_custom_button(label, () =>
				frappe
					.call({
						method: "cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_final_summary",
						args: { brand_pilot: frm.doc.name },
						freeze: true,
					})
					.then(({ message }) => frappe.set_route("Form", "Pilot Final Summary", message))
			);
		}
		// The unit of a completed pilot applies to be a demonstration zone (示范区) while its batch's evaluation
		// round takes applications, or opens its application (start_demonstration_application in brand_pilot.py)
		const demonstration = frm.doc.__onload?.demonstration_application;
		if (!frm.is_new() && demonstration) {
			const label = demonstration.name ? __("Demonstration Application") : __("Apply for Demonstration Zone");
			frm.add_custom_button(label, () =>
				frappe
					.call({
						method: "cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_demonstration_application",
						args: { brand_pilot: frm.doc.name },
						freeze: true,
					})
					.then(({ message }) => frappe.set_route("Form", "Demonstration Application", message))
			);
		}
		// The unit starts its year's 年度工作总结 here: made on the server from the approved plan, the baseline,
		// the targets and last year's enterprises (start_annual_summary in brand_pilot.py).
		const year = frm.doc.__onload?.suggested_reporting_year;
		if (frm.is_new() || !year || !frappe.model.can_create("Annual Work Summary")) return;
		frm.add_custom_button(__("Start Annual Work Summary"), () => {
			frappe.prompt(
				{
					fieldname: "reporting_year",
					fieldtype: "Int",
					label: __("Reporting Year"),
					default: year,
					reqd: 1,
				},
				({ reporting_year }) =>
					frappe
						.call({
							method: "cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary",
							args: { brand_pilot: frm.doc.name, reporting_year },
							freeze: true,
						})
						.then(({ message }) => frappe.set_route("Form", "Annual Work Summary", message)),
				__("Start Annual Work Summary"),
				__("Start")
			);
		}).addClass("btn-primary");
	},
});
