// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

const YEAR_FIELDS = ["year_1_value", "year_2_value", "year_3_value"];
const COMPLETENESS_CHECKERS = [
	"Cluster Applicant",
	"Provincial Reviewer",
	"Ministry Administrator",
	"System Manager",
];

frappe.ui.form.on("Cluster Brand Application", {
	setup(frm) {
		// Only the applicant unit's own clusters can be chosen.
		frm.set_query("industrial_cluster", () => ({
			filters: frm.doc.organizing_unit ? { organizing_unit: frm.doc.organizing_unit } : {},
		}));
	},

	onload(frm) {
		if (frm.is_new()) {
			// the main indicators are blank until typed (stored blank, not as 0: cluster_brand/controllers/blank_numbers.py)
			const blank_years = Object.fromEntries(YEAR_FIELDS.map((fieldname) => [fieldname, null]));
			add_official_rows(frm, "indicators", "indicator", blank_years);
			add_official_rows(frm, "work_items", "work_item");
			fill_only_unit(frm);
		}
	},

	refresh(frm) {
		set_year_headings(frm);
		cluster_brand.desk.lock_other_parts(frm); // each role its own part in its own stage
		// The official rows are fixed (11 indicators, their derived ratios, 7 work items)
		cluster_brand.desk.fix_rows(frm, ["indicators", "derived_indicators", "work_items"]);
		// The first year has no year before it: its growth is 「—」, not the 0 that the number column stores.
		const first_year_growth = (value, df, options, doc) =>
			(doc?.derived_indicator || "").startsWith("Year-on-Year Growth")
				? "—"
				: frappe.form.formatters.Float(value, df, options, doc);
		frm.fields_dict.derived_indicators.grid.update_docfield_property(
			"year_1_value",
			"formatter",
			first_year_growth
		);
		// the check is the applicant's before it submits, and its reviewers'; not a reader's (the association)
		if (!frm.is_new() && COMPLETENESS_CHECKERS.some((role) => frappe.user_roles.includes(role))) {
			frm.add_custom_button(__("Check Completeness"), () =>
				cluster_brand.desk.check_completeness(frm, __("The application is complete."))
			);
		}
		if (!frm.is_new()) {
			offer_copy_to_batch(frm); // the applicant's
			open_own_part(frm); // the receiver's
		}
	},

	batch_year(frm) {
		set_year_headings(frm);
	},

	organizing_unit(frm) {
		// a cluster of another unit is cleared; one of the chosen unit is kept (the cluster may be chosen first)
		const cluster = frm.doc.industrial_cluster;
		if (!cluster) return;
		if (!frm.doc.organizing_unit) {
			frm.set_value("industrial_cluster", null);
			return;
		}
		frappe.db.get_value("Industrial Cluster", cluster, "organizing_unit").then(({ message }) => {
			if (frm.doc.industrial_cluster === cluster && message?.organizing_unit !== frm.doc.organizing_unit) {
				frm.set_value("industrial_cluster", null);
			}
		});
	},
});

// The receiver works on the paper materials only: its form opens there (the review tab), once per document
function open_own_part(frm) {
	if (!frappe.user.has_role("Materials Receiver") || frappe.user.has_role("System Manager")) return;
	if (frm._own_part_opened === frm.doc.name) return;
	frm._own_part_opened = frm.doc.name;
	frm.scroll_to_field("paper_copies_received", false);
}

// A unit that applies for itself: its only 申报单位 is filled in (the row rules list the user's own units only).
function fill_only_unit(frm) {
	if (frm.doc.organizing_unit || !frappe.user.has_role("Cluster Applicant")) return;
	frappe.db.get_list("Organizing Unit", { fields: ["name"], limit: 2 }).then((units) => {
		if (units.length === 1 && frm.is_new() && !frm.doc.organizing_unit) {
			frm.set_value("organizing_unit", units[0].name);
		}
	});
}

// 复制到新批次: the unit's application of an earlier batch, as a new draft of a later batch open for application
// (cluster_brand/cluster_brand/doctype/cluster_brand_application/application_copy.py). Frappe's raw duplicate is hidden (the DocType's allow_copy).
function offer_copy_to_batch(frm) {
	if (!frappe.user.has_role("Cluster Applicant")) return;
	frappe.db
		.get_list("Pilot Batch", {
			filters: { status: "Open for Application", batch_year: [">", cint(frm.doc.batch_year)] },
			fields: ["name"],
			order_by: "batch_year desc",
			limit: 20,
		})
		.then((batches) => {
			if (!batches.length || frm.is_new()) return;
			frm.add_custom_button(__("Copy to a New Batch"), () => ask_copy_to_batch(frm, batches));
		});
}

function ask_copy_to_batch(frm, batches) {
	const dialog = new frappe.ui.Dialog({
		title: __("Copy to a New Batch"),
		fields: [
			{
				fieldname: "pilot_batch",
				fieldtype: "Select",
				label: __("Pilot Batch"),
				options: batches.map((b) => b.name),
				default: batches[0].name,
				reqd: 1,
			},
			{
				fieldtype: "HTML",
				options: `<p class="text-muted small">${__(
					"A new draft is made in the chosen batch: the indicators move to its years (the new year is left blank), the application date and the stamped scan are left for you to fill in, the review is not copied."
				)}</p>`,
			},
		],
		primary_action_label: __("Copy"),
		primary_action({ pilot_batch }) {
			dialog.hide();
			frappe
				.xcall("cluster_brand.cluster_brand.doctype.cluster_brand_application.application_copy.copy_to_batch", {
					application: frm.doc.name,
					pilot_batch,
				})
				.then((name) => {
					frappe.show_alert({
						message: __(
							"Copied into {0} as draft {1}: fill in the indicators of the new year, the application date and the stamped scan.",
							[pilot_batch, name]
						),
						indicator: "green",
					});
					frappe.set_route("Form", frm.doctype, name);
				});
		},
	});
	dialog.show();
}

// The official rows (11 main indicators, 7 work items) are the options of the row's Select, in order.
function add_official_rows(frm, table, fieldname, values = {}) {
	if ((frm.doc[table] || []).length) return;
	const options = frappe.meta.get_docfield(frappe.meta.get_docfield(frm.doctype, table).options, fieldname).options;
	options
		.split("\n")
		.filter(Boolean)
		.forEach((value) => frm.add_child(table, { ...values, [fieldname]: value }));
	frm.refresh_field(table);
}

// The indicator columns read like the official table: 2014年, 2015年, 2016年 for the 2017 batch.
function set_year_headings(frm) {
	const batch_year = cint(frm.doc.batch_year);
	if (!batch_year) return;
	for (const table of ["indicators", "derived_indicators"]) {
		const grid = frm.fields_dict[table].grid;
		YEAR_FIELDS.forEach((fieldname, i) => {
			grid.update_docfield_property(fieldname, "label", __("Year {0}", [batch_year - 3 + i]));
		});
		frm.refresh_field(table);
	}
}

// --- The province's 省级推荐意见 (issue 19) ------------------------------------------------------------------
// The province opens its printed opinion from the application (the format lists every application it recommended
// in the batch, in rank order); its 推荐日期 is required and defaults to today while it decides, so that the
// printed opinion is dated (the server dates a decision taken without one: rules/application/workflow.py decision_date).
const RECOMMENDATION_FORMAT = "省级推荐意见";
const PROVINCE = "Provincial Reviewer";
const NOT_THE_PROVINCES = ["Draft", "Returned", "Withdrawn"];

frappe.ui.form.on("Cluster Brand Application", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user_roles.includes(PROVINCE)) return;
		if (!NOT_THE_PROVINCES.includes(frm.doc.workflow_state)) {
			frm.add_custom_button(__("Provincial Recommendation Opinion"), () =>
				window.open(recommendation_pdf_url(frm.doc.name))
			);
		}
		const deciding =
			frm.doc.workflow_state === "Pending Provincial Review" &&
			(frm.doc.__onload?.editable_levels || []).includes(1);
		frm.set_df_property("recommendation_date", "reqd", deciding ? 1 : 0);
		if (deciding && !frm.doc.recommendation_date) {
			// shown as the default, saved with the province's next save (not a change of its own)
			frm.doc.recommendation_date = frappe.datetime.get_today();
			frm.refresh_field("recommendation_date");
		}
	},
});

function recommendation_pdf_url(name) {
	const args = new URLSearchParams({
		doctype: "Cluster Brand Application",
		name: name,
		format: RECOMMENDATION_FORMAT,
		no_letterhead: 1,
		_lang: frappe.boot.lang || "zh",
	});
	return frappe.urllib.get_full_url(`/api/method/frappe.utils.print_format.download_pdf?${args.toString()}`);
}

// The objections to the public notice (issue 22): the ministry, their only reader, handles them before it
// approves (an unhandled one blocks the approval): the form says how many wait and opens them.
const OBJECTION = "Public Notice Objection";
const NOTICED = ["In Public Notice", "Approved as Pilot", "Not Selected"];

frappe.ui.form.on("Cluster Brand Application", {
	refresh(frm) {
		if (frm.is_new() || !NOTICED.includes(frm.doc.workflow_state) || !frappe.model.can_read(OBJECTION)) {
			return;
		}
		frm.add_custom_button(__("Public Notice Objections"), () =>
			frappe.set_route("List", OBJECTION, { application: frm.doc.name })
		);
		frappe
			.xcall("frappe.desk.reportview.get_count", {
				doctype: OBJECTION,
				filters: { application: frm.doc.name, status: "Unhandled" },
			})
			.then((unhandled) => {
				if (unhandled) {
					frm.dashboard.set_headline_alert(
						__("{0} objection(s) to the public notice have not been handled.", [unhandled]),
						"red"
					);
				}
			});
	},
});

// The 骨干企业汇总表 from Excel (issue 23: cluster_brand/api/application_import.py): under the table, while the
// unit may edit its application, the template (with the table's rows) to download and the filled sheet to
// import; the sheet goes straight to the server (no File is kept), which saves all of its rows or none.
const SHEET_TABLES = ["indicators", "backbone_enterprises", "tasks"]; // the tables of TABLES in application_import.py
const SHEET_API = "cluster_brand.api.application_import";

frappe.ui.form.on("Cluster Brand Application", {
	refresh(frm) {
		const editable = (frm.doc.__onload?.editable_levels || []).includes(0);
		for (const table of SHEET_TABLES) {
			const grid = frm.fields_dict[table].grid;
			if (frm.is_new() || !editable || !frappe.user.has_role("Cluster Applicant")) {
				grid.custom_buttons?.[__("Download the Excel Template")]?.addClass("hidden");
				grid.custom_buttons?.[__("Import from Excel")]?.addClass("hidden");
				continue;
			}
			// the grid puts each new button first: 下载Excel模板, 从Excel导入, 添加行
			grid.add_custom_button(__("Import from Excel"), () => choose_sheet(frm, table));
			grid.add_custom_button(__("Download the Excel Template"), () => download_sheet(frm, table));
		}
	},
});

function download_sheet(frm, table) {
	const args = new URLSearchParams({ application: frm.doc.name, table });
	cluster_brand.desk.download(`/api/method/${SHEET_API}.download_template?${args}`);
}

function choose_sheet(frm, table) {
	if (frm.is_dirty()) {
		frappe.msgprint(__("Save your changes first: the import saves the application."));
		return;
	}
	const input = $('<input type="file" accept=".xlsx" style="display: none">').appendTo(document.body);
	input.on("change", () => {
		const file = input[0].files[0];
		input.remove();
		if (file) import_sheet(frm, table, file);
	});
	input.trigger("click");
}

function import_sheet(frm, table, file) {
	const form = new FormData();
	form.append("application", frm.doc.name);
	form.append("table", table);
	form.append("file", file, file.name);
	frappe.dom.freeze(__("Importing {0} …", [file.name]));
	fetch(`/api/method/${SHEET_API}.import_table`, {
		method: "POST",
		headers: { "X-Frappe-CSRF-Token": frappe.csrf_token, Accept: "application/json" },
		body: form,
	})
		.then((response) => response.json().then((body) => ({ ok: response.ok, body })))
		.then(({ ok, body }) => {
			frappe.dom.unfreeze();
			if (ok) {
				frm.reload_doc();
				const { rows, registered } = body.message;
				frappe.show_alert({
					// the backbone table also registers the enterprises the register lacks
					message:
						registered === undefined
							? __("{0} rows imported.", [rows])
							: __("{0} rows imported; {1} enterprises newly registered.", [rows, registered]),
					indicator: "green",
				});
				return;
			}
			// the server's message: every problem of the sheet in one table (row, its enterprise, indicator or work
			// item, column, problem)
			const messages = JSON.parse(body._server_messages || "[]").map((m) => JSON.parse(m));
			const dialog = new frappe.ui.Dialog({
				title: messages[0]?.title || __("Import from Excel"),
				size: "large", // the four columns of the problems' table side by side
				indicator: "red",
				fields: [{ fieldtype: "HTML", fieldname: "problems" }],
			});
			dialog.fields_dict.problems.$wrapper.html(
				messages.map((m) => m.message).join("") || __("The import failed.")
			);
			dialog.$wrapper.find(".sheet-errors th, .sheet-errors td:nth-child(-n+3)").css("white-space", "nowrap");
			dialog.show();
		})
		.catch(() => {
			frappe.dom.unfreeze();
			frappe.msgprint(__("The import failed."));
		});
}
