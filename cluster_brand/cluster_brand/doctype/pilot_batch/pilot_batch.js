// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// 申报书汇编: the batch's applications as one PDF for the review meeting (cluster_brand/print/batch_pdf.py). The
// ministry prints every recommended application of the batch (or one authority's), a province its own
// recommended ones. The PDF is made by a background job; its progress comes over realtime to this user, and
// from batch_pdf_status when no realtime server runs; the finished file is the requester's own attachment.

const BATCH_PDF_EVENT = "cluster_brand_batch_pdf";
const BATCH_PDF_POLL_MS = 3000;

frappe.ui.form.on("Pilot Batch", {
	onload(frm) {
		// a new batch starts from the previous batch's rubric (the server does the same for one saved without)
		if (frm.is_new() && !(frm.doc.review_criteria || []).length) start_from_previous_rubric(frm);
	},

	refresh(frm) {
		if (frm.is_new()) return;
		const ministry =
			frappe.user.has_role("Ministry Administrator") || frappe.user.has_role("System Manager");
		const province = frappe.user.has_role("Provincial Reviewer");
		if (ministry) {
			frm.add_custom_button(__("Print Applications as One PDF"), () => ask_batch_pdf(frm));
		} else if (province) {
			frm.add_custom_button(__("Print Our Recommended Applications as One PDF"), () =>
				start_batch_pdf(frm, null)
			);
		}
	},
});

function start_from_previous_rubric(frm) {
	frappe.db
		.get_list("Pilot Batch", { fields: ["name"], order_by: "batch_year desc, creation desc", limit: 1 })
		.then((batches) => {
			if (!batches.length) return;
			frappe.model.with_doc("Pilot Batch", batches[0].name).then((previous) => {
				if (!frm.is_new() || (frm.doc.review_criteria || []).length) return;
				for (const { criterion, weight, guidance } of previous.review_criteria || []) {
					frm.add_child("review_criteria", { criterion, weight, guidance });
				}
				frm.refresh_field("review_criteria");
			});
		});
}

function ask_batch_pdf(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Print Applications as One PDF"),
		// the authority is optional: focused, its dropdown would open by itself over the button
		no_focus: true,
		fields: [
			{
				fieldname: "authority",
				fieldtype: "Link",
				options: "Recommending Authority",
				label: __("Recommending Authority"),
				description: __(
					"Leave blank for every recommended application of the batch, in the order of the expert review ranking; name an authority for its recommended applications in its recommendation rank order."
				),
			},
		],
		primary_action_label: __("Make the PDF"),
		primary_action(values) {
			dialog.hide();
			start_batch_pdf(frm, values.authority || null);
		},
	});
	dialog.show();
}

function start_batch_pdf(frm, authority) {
	frappe
		.xcall("cluster_brand.api.batch_print.make_batch_pdf", { batch: frm.doc.name, authority })
		.then((job) => follow_batch_pdf(frm, job));
}

function follow_batch_pdf(frm, job) {
	let finished = false;
	let timer = null;
	const stop = () => {
		finished = true;
		frappe.realtime.off(BATCH_PDF_EVENT, show);
		clearInterval(timer);
		frappe.hide_progress();
	};
	function show(status) {
		if (finished || !status || status.job !== job.job) return;
		if (status.status === "done") {
			stop();
			batch_pdf_done(frm, status);
		} else if (status.status === "failed") {
			stop();
			frappe.msgprint({
				title: __("The combined PDF could not be made"),
				message: frappe.utils.escape_html(status.message || ""),
				indicator: "red",
			});
		} else {
			frappe.show_progress(
				job.title,
				status.done || 0,
				status.total || job.total,
				status.description || __("Waiting for the background worker…")
			);
		}
	}
	frappe.realtime.on(BATCH_PDF_EVENT, show);
	timer = setInterval(() => {
		frappe
			.xcall("cluster_brand.api.batch_print.batch_pdf_status", { job: job.job })
			.then(show)
			.catch(() => {});
	}, BATCH_PDF_POLL_MS);
	show({ job: job.job, status: "queued", done: 0, total: job.total });
}

function batch_pdf_done(frm, status) {
	const url = encodeURI(status.file_url);
	frappe.msgprint({
		title: __("The combined PDF is ready"),
		indicator: "green",
		message: `<p>${__("{0} applications, {1} pages, with a contents page and a bookmark for each application.", [
			status.total,
			status.pages,
		])}</p>
		<p><a class="btn btn-primary btn-sm" href="${url}" target="_blank" rel="noopener">${__(
			"Open the PDF"
		)}</a></p>
		<p class="text-muted small">${frappe.utils.escape_html(status.file_name)} · ${__(
			"Attached to the batch; only you can read it."
		)}</p>`,
	});
	frm.reload_doc();
}
