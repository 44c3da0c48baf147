// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// What every form of the programme shares, loaded with each of its forms (hooks.py, doctype_js: read from the
// app's Python package, so a checkout under test serves its own copy without an asset build). Frappe evaluates
// it once per DocType whose form loads: what it installs, it installs once.

frappe.provide("cluster_brand.desk");

// ---- What several forms do alike, written once (issue 20): the forms' own scripts call these ----

// Each role edits its own part in its own stage only (the edit locks: rules/application/edit_locks.py,
// rules/pilot_years/workflow.py EDITABLE_IN): the server tells the form which permission levels the reader may
// change now (__onload.editable_levels); every field of another level is read-only, rather than editable and
// refused on save.
cluster_brand.desk.lock_other_parts = (frm) => {
	const levels = frm.doc.__onload?.editable_levels;
	if (frm.is_new() || !Array.isArray(levels)) return;
	for (const df of frm.meta.fields) {
		if (frappe.model.layout_fields.includes(df.fieldtype)) continue;
		const locked = !levels.includes(cint(df.permlevel));
		frm.set_df_property(df.fieldname, "read_only", locked ? 1 : df.read_only);
	}
};

// The rows that the programme fixes (the official indicators and work items, the approved plan's measures, the
// batch's rubric) are neither added nor deleted: Frappe v15 keeps these grid properties only when set in the
// form, not from the DocType's JSON.
cluster_brand.desk.fix_rows = (frm, tables) => {
	for (const table of tables) {
		frm.set_df_property(table, "cannot_add_rows", true);
		frm.set_df_property(table, "cannot_delete_rows", true);
	}
};

// A score sheet's rubric (评分要点) is read in the grid in full, not cut at one line (the experts' sheets).
cluster_brand.desk.show_rubric_in_full = (frm, table) => {
	frm.fields_dict[table].$wrapper.addClass("cb-rubric");
	frappe.dom.set_style(
		`.cb-rubric .grid-static-col { height: auto; min-height: 38px; }
		.cb-rubric .grid-static-col[data-fieldname="criterion"] .static-area,
		.cb-rubric .grid-static-col[data-fieldname="guidance"] .static-area { white-space: normal; }`,
		"cb-rubric-style"
	);
};

// The completeness check of a document (its controller's check_completeness): ``complete`` is what is said when
// nothing is missing; otherwise every missing or incorrect item is listed.
cluster_brand.desk.check_completeness = (frm, complete) => {
	frm.call("check_completeness").then(({ message }) => {
		// the method's reply leaves out the blank numbers, as a save's does (below)
		cluster_brand.desk.keep_blank_numbers(frm);
		frm.refresh_fields();
		if (message.complete) {
			frappe.msgprint({ title: __("Completeness Check"), message: complete, indicator: "green" });
			return;
		}
		const items = message.missing.map((m) => `<li>${frappe.utils.escape_html(m)}</li>`).join("");
		frappe.msgprint({
			title: __("Missing or incorrect items"),
			message: `<ol>${items}</ol>`,
			indicator: "orange",
		});
	});
};

// A refused save points at the failing cell: the server names the table, row and field in its message and
// lists them as data in its answer, ``errors`` (cluster_brand/controllers/messages.py, InvalidCellError). Frappe shows the message
// only when no handler takes the error, so the handler shows it and brings the first cell's row into view;
// when the message is closed, the cell is opened for editing (in the table, or in the row's form), or the
// form's own field is scrolled to and focused.
if (!frappe.request.error_handlers.InvalidCellError) {
	frappe.request.on_error("InvalidCellError", (r) => {
		if (r._server_messages) {
			frappe.hide_msgprint();
			frappe.msgprint(JSON.parse(r._server_messages));
		}
		const frm = cur_frm;
		// the first refused item the form has: a row of one of its tables, or one of its fields
		const cell = (r.errors || []).find((item) =>
			item.table ? frm?.fields_dict[item.table] && item.row : frm?.fields_dict[item.field]
		);
		if (!cell || !frm) return;
		// a cell of a table: its row is shown now; a field of the form itself (no table) is scrolled to
		const grid_row = cell.table ? show_row(frm, cell) : null;
		if (cell.table && !grid_row) return;
		const open = () => (grid_row ? open_cell(grid_row, cell.field) : frm.scroll_to_field(cell.field));
		if (r._server_messages && frappe.msg_dialog) {
			// closing a dialog closes the row's form too: open the cell once the message is closed
			frappe.msg_dialog.$wrapper.one("hidden.bs.modal", open);
		} else {
			open();
		}
	});
}

function show_row(frm, { table, row: idx }) {
	const grid = frm.fields_dict[table]?.grid;
	const row_doc = (frm.doc[table] || []).find((row) => cint(row.idx) === cint(idx));
	if (!grid || !row_doc) return null;
	frm.scroll_to_field(table, false);
	const page_length = grid.grid_pagination?.page_length;
	if (page_length && grid.grid_pagination.page_index !== Math.ceil(idx / page_length)) {
		grid.grid_pagination.go_to_page(Math.ceil(idx / page_length));
	}
	const grid_row = grid.grid_rows_by_docname[row_doc.name];
	if (!grid_row) return null;
	frappe.utils.scroll_to(grid_row.wrapper, true, 150);
	grid_row.row.addClass("highlight");
	setTimeout(() => grid_row.row.removeClass("highlight"), 3000);
	return grid_row;
}

function open_cell(grid_row, field) {
	if (!field) return;
	if (grid_row.columns[field]) {
		grid_row.activate(); // a column of the table: edited in place
		grid_row.on_grid_fields_dict[field]?.$input?.focus();
	} else {
		grid_row.show_form(); // not a column: the row's own form, which focuses its first field first
		setTimeout(() => grid_row.grid_form?.fields_dict[field]?.$input?.focus(), 500);
	}
}

// ---- The timeline in the reader's language (issue 19) ----
// Frappe 15's version_timeline_content_builder.js (a module: its functions cannot be replaced) names a changed
// table cell with frappe.meta.get_label, which does not translate ("Work Done"), numbers the row from 0 (the
// diff's list index, frappe/core/doctype/version/version.py), and shows each value as stored: a Check as 0/1,
// a blank as "null", a Select as its English option. So the timeline's version entries are built from a copy of
// each change with the values as the form shows them, the row numbered as the grid numbers it, and the labels
// translated while they are built. Guarded: if Frappe's timeline changes shape, it is left as Frappe builds it.
if (!cluster_brand.desk.readable_timeline) {
	cluster_brand.desk.readable_timeline = true;
	$(document).on("form-refresh", (_event, frm) => readable_timeline(frm));
}

function readable_timeline(frm) {
	const timeline = frm && frm.timeline;
	if (!timeline || typeof timeline.get_version_timeline_contents !== "function") return;
	const prototype = Object.getPrototypeOf(timeline);
	if (prototype.cluster_brand_readable_versions) return;
	prototype.cluster_brand_readable_versions = true;
	const build = prototype.get_version_timeline_contents;
	prototype.get_version_timeline_contents = function () {
		const versions = (this.doc_info && this.doc_info.versions) || [];
		const stored = versions.map((version) => version.data);
		const get_label = frappe.meta.get_label;
		frappe.meta.get_label = function (doctype, fieldname, docname) {
			return __(get_label.call(frappe.meta, doctype, fieldname, docname), null, doctype);
		};
		try {
			versions.forEach((version) => {
				version.data = readable_version(version.data, this.frm);
			});
			return build.call(this);
		} finally {
			frappe.meta.get_label = get_label;
			versions.forEach((version, i) => {
				version.data = stored[i];
			});
		}
	};
	// the timeline was drawn before this form's refresh reached here: draw it again, readable
	if (timeline.refresh) timeline.refresh();
}

function readable_version(data, frm) {
	let diff;
	try {
		diff = JSON.parse(data);
	} catch (e) {
		return data;
	}
	if (!diff || !frm) return data;
	const shown = (doctype, [fieldname, before, after], row) => {
		let df = frappe.meta.get_docfield(doctype, fieldname, frm.docname);
		// a count's row of the indicator and target tables: whole numbers, as its grid shows them
		if (df && row && df.fieldtype === "Float" && COUNT_UNITS.includes(cstr(row.unit).trim())) {
			df = { ...df, precision: "0" };
		}
		return [fieldname, readable_value(before, df), readable_value(after, df)];
	};
	if (Array.isArray(diff.changed)) {
		diff.changed = diff.changed.map((change) => shown(frm.doctype, change));
	}
	if (Array.isArray(diff.row_changed)) {
		diff.row_changed = diff.row_changed.map(([table, index, row_name, changes]) => {
			const child_doctype = frm.fields_dict[table]?.grid?.doctype;
			return [
				table,
				cint(index) + 1, // the diff's list index; the grid numbers rows from 1
				row_name,
				child_doctype
					? (changes || []).map((change) =>
							shown(
								child_doctype,
								change,
								(frm.doc[table] || []).find((row) => row.name === row_name)
							)
					  )
					: changes,
			];
		});
	}
	return JSON.stringify(diff);
}

function readable_value(value, df) {
	if (value === null || value === undefined || value === "") return __("(blank)");
	if (!df) return value;
	// Frappe's own Yes and No (its zh lacked No: tests/support/frappe_strings.py), as its Check filters show them
	if (df.fieldtype === "Check") return __(value === "Yes" || (value !== "No" && cint(value)) ? "Yes" : "No");
	if (df.fieldtype === "Select") return __(value, null, df.parent);
	if (df.fieldtype === "Link" && df.options === "Workflow State") return __(value);
	if (["Int", "Float", "Currency", "Percent"].includes(df.fieldtype)) {
		// Frappe keeps a number as the server formatted it then ("2,437,100"): read it back, shown as now
		const number = typeof value === "string" ? flt(value) : value;
		return frappe.format(number, df, { only_value: true, inline: true, always_show_decimals: true });
	}
	if (["Date", "Datetime"].includes(df.fieldtype)) {
		return frappe.format(value, df, { only_value: true, inline: true });
	}
	return value;
}

// ---- Numbers as the programme writes them (issue 19) ----
// Money (亿元, 万元), ratios and scores carry precision 2 in their DocTypes (a tier-1 test holds it), which
// Frappe uses when a value is typed; shown, Frappe drops the decimals of a whole number ("8" beside "7.80"),
// so these fields show theirs always. The indicator and target tables hold counts and money in the same
// columns, a row's unit telling which: a count's row shows and takes whole numbers (precision "0": a string,
// as Frappe reads a Float's precision 0 as "not set").
const COUNT_UNITS = ["个", "家", "项", "件", "人", "次", "台", "名"];

function with_decimals(value, df, options, doc) {
	return frappe.form.formatters.Float(value, df, { ...options, always_show_decimals: true }, doc);
}

function numbers_with_decimals(doctype) {
	const lists = [
		frappe.meta.docfield_list[doctype] || [],
		...Object.values(frappe.meta.docfield_copy[doctype] || {}).map((copy) => Object.values(copy)),
	];
	for (const fields of lists) {
		for (const df of fields) {
			if (df.fieldtype === "Float" && cint(df.precision) > 0 && !df.formatter) df.formatter = with_decimals;
		}
	}
}

function counts_as_whole_numbers(frm, table) {
	// a grid row copies its docfields when it is drawn: the row's own copy is changed, after the drawing
	const grid = frm.fields_dict[table.fieldname] && frm.fields_dict[table.fieldname].grid;
	if (!grid) return;
	for (const row of frm.doc[table.fieldname] || []) {
		const grid_row = grid.grid_rows_by_docname[row.name];
		if (!grid_row || !grid_row.docfields) continue;
		const whole = COUNT_UNITS.includes(cstr(row.unit).trim());
		let changed = false;
		for (const df of grid_row.docfields) {
			// the value columns; a change in percent stays a ratio
			if (df.fieldtype !== "Float" || df.fieldname.includes("percent")) continue;
			const precision = whole ? "0" : frappe.meta.get_docfield(table.options, df.fieldname).precision;
			if (df.precision !== precision) {
				df.precision = precision;
				changed = true;
			}
		}
		if (changed) grid_row.refresh();
	}
}

function unit_tables(frm) {
	return frm.meta.fields.filter(
		(df) => df.fieldtype === "Table" && frappe.meta.has_field(df.options, "unit")
	);
}

if (!cluster_brand.desk.numbers) {
	cluster_brand.desk.numbers = { handled: new Set() };
	$(document).on("form-refresh", (_event, frm) => programme_numbers(frm));
}

function programme_numbers(frm) {
	if (!frm || !frm.meta) return;
	const tables = frm.meta.fields.filter((df) => df.fieldtype === "Table");
	[frm.doctype, ...tables.map((df) => df.options)].forEach(numbers_with_decimals);
	const handled = cluster_brand.desk.numbers.handled;
	if (handled.has(frm.doctype)) return;
	handled.add(frm.doctype);
	// after the fields are drawn (the form's refresh event comes after them), and when a row's unit changes
	const whole_counts = (form) => unit_tables(form).forEach((table) => counts_as_whole_numbers(form, table));
	frappe.ui.form.on(frm.doctype, "refresh", whole_counts);
	for (const table of unit_tables(frm)) {
		frappe.ui.form.on(table.options, "unit", (form) => counts_as_whole_numbers(form, table));
	}
}

// --- Actions say what they will do and what happened (issue 19) ----------------------------------------------
// Each workflow action (Frappe's action menu, frappe.ui.form.States) asks first what it will do and says
// afterwards what happened and who acts next; so do the expert's submission of a score sheet and the receiver's
// receipt of the paper copies. The texts are the rules' (rules/application/workflow.py, rules/pilot_years/workflow.py), sent
// translated with the boot (cluster_brand/desk/workflow_messages.py).
(() => {
	if (frappe.cb_action_texts_installed) return;
	frappe.cb_action_texts_installed = true;
	const texts = frappe.boot.cb_action_texts || {};
	const WORKFLOW_READ_ONLY = "This form is not editable due to a Workflow.";
	const RECEIVER = "Materials Receiver";
	let acted = null; // the document an action has just been taken on, and until when

	// After an action the document is no longer its actor's to edit: Frappe's refresh then says so in a toast that
	// reads as a failure. Left out for the document just acted on (opened later, the form still says it), and for
	// a reader who edits no document of the kind in any state (the association, an expert reading an application).
	const show_alert = frappe.show_alert;
	frappe.show_alert = function (message, ...rest) {
		const frm = window.cur_frm;
		const just_acted_on =
			acted &&
			Date.now() < acted.until &&
			frm?.doctype === acted.doctype &&
			frm?.docname === acted.name;
		const never_edits = frm && !frappe.model.can_write(frm.doctype);
		if ((just_acted_on || never_edits) && message === __(WORKFLOW_READ_ONLY)) return;
		return show_alert.call(this, message, ...rest);
	};
	// The first form opened says it before this script is loaded (Frappe's refresh, then the form's scripts): taken
	// back in the same task, before it is drawn
	if (window.cur_frm && !frappe.model.can_write(cur_frm.doctype)) {
		$("#alert-container .desk-alert")
			.filter((i, alert) => $(alert).find(".alert-message").text() === __(WORKFLOW_READ_ONLY))
			.remove();
	}

	function say_done(text) {
		const escape = frappe.utils.escape_html;
		show_alert({ message: `${escape(text.done)}<br>${escape(text.next)}`, indicator: "green" }, 12);
	}

	const workflow_events = {
		before_workflow_action(frm) {
			const state = frm.doc[frappe.workflow.get_state_fieldname(frm.doctype)];
			const text = texts[frm.doctype]?.[state]?.[frm.selected_workflow_action];
			frm.cb_action_text = text;
			if (!text) return;
			// Frappe freezes the page before this event: the question must be answerable
			frappe.dom.unfreeze();
			return new Promise((resolve) => {
				// 否 leaves the document as it was: the action is not taken (the promise stays pending)
				frappe.confirm(frappe.utils.escape_html(text.confirm), () => {
					frappe.dom.freeze();
					acted = { doctype: frm.doctype, name: frm.docname, until: Date.now() + 10000 };
					resolve();
				});
			});
		},
		after_workflow_action(frm) {
			if (frm.cb_action_text) say_done(frm.cb_action_text);
			frm.cb_action_text = null;
		},
	};
	// every DocType whose workflow the texts speak for (workflow_messages.WORKFLOW_TEXTS), so that a new stage's
	// form asks and answers without a list of its own here (the final summary's was left out of one)
	const NOT_WORKFLOWS = ["Expert Review", "receipt"];
	for (const doctype of Object.keys(texts).filter((key) => !NOT_WORKFLOWS.includes(key))) {
		frappe.ui.form.on(doctype, workflow_events);
	}

	frappe.ui.form.on("Expert Review", {
		refresh(frm) {
			const text = texts["Expert Review"]?.submit;
			if (!text || frm.cb_submit_asks) return;
			frm.cb_submit_asks = true;
			// Frappe asks 「永久提交…？」 with the sheet's number: the expert is asked what submitting means
			const savesubmit = frm.savesubmit;
			frm.savesubmit = function (...args) {
				const confirm = frappe.confirm;
				frappe.confirm = (message, ...answers) =>
					confirm(frappe.utils.escape_html(text.confirm), ...answers);
				try {
					return savesubmit.apply(this, args);
				} finally {
					frappe.confirm = confirm;
				}
			};
		},
		on_submit() {
			say_done(texts["Expert Review"].submit);
		},
	});

	frappe.ui.form.on("Cluster Brand Application", {
		after_save(frm) {
			// the receiver's only part of the application is the receipt of its paper copies
			const roles = frappe.user_roles;
			if (texts.receipt && roles.includes(RECEIVER) && !roles.includes("Ministry Administrator")) {
				say_done(texts.receipt);
			}
		},
	});
})();

// ---- The column headings of a form's tables wrap instead of being cut (「自主品牌产品销售收入（万元）」) ----
if (!document.getElementById("cluster-brand-grid-headings")) {
	$("<style id='cluster-brand-grid-headings'>")
		.text(
			`.form-grid .grid-heading-row .grid-row .data-row,
.form-grid .grid-heading-row .grid-row .row-index { height: auto; }
.form-grid .grid-heading-row .static-area {
	white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.3;
}`
		)
		.appendTo(document.head);
}

// ---- Blank numbers stay blank after a save ----
// The numbers nobody typed are stored NULL (cluster_brand/controllers/blank_numbers.py). Frappe's reply to a save
// leaves them out of the form's copy, and its Float formatter blanks null only: the cell would read 0.00 until the
// form is loaded again. Every number of the form and of its tables that the reply left out is null again.
cluster_brand.desk.keep_blank_numbers = (frm) => {
	const numbers = (fields) =>
		fields.filter((df) => ["Float", "Currency", "Percent", "Int"].includes(df.fieldtype));
	const keep = (doc, fields) => {
		for (const df of fields) if (doc[df.fieldname] === undefined) doc[df.fieldname] = null;
	};
	keep(frm.doc, numbers(frm.meta.fields));
	for (const table of frm.meta.fields.filter((df) => frappe.model.table_fields.includes(df.fieldtype))) {
		const fields = numbers(frappe.meta.get_docfields(table.options));
		for (const row of frm.doc[table.fieldname] || []) keep(row, fields);
	}
};
// Before the fields are drawn, on every refresh of a form (Frappe's own after a save among them): an after_save
// handler would come too late, as Frappe draws the form again right after calling it and runs a second handler of
// the event only once the requests under way are answered.
if (!cluster_brand.desk.blank_numbers_kept) {
	cluster_brand.desk.blank_numbers_kept = true;
	$(document).on("form-refresh", (_event, frm) => {
		// the programme's forms (doctype_names.PROGRAMME_MODULE), not Frappe's own that the desk opens too
		if (frm?.doc && frm.meta?.module === "Cluster Brand") cluster_brand.desk.keep_blank_numbers(frm);
	});
}

// ---- No 「分享」 where nobody may share (issue 22) ----
// With System Settings' disable_document_sharing (cluster_brand/rules/accounts.py) Frappe refuses every share, yet
// its form sidebar still offers 「分享 +」, a dialog whose every choice is refused: hidden where
// frappe.model.can_share says no (Frappe's own rule, so a site that allows sharing gets it back).
if (!cluster_brand.desk.share_hidden) {
	cluster_brand.desk.share_hidden = true;
	$(document).on("form-refresh", (_event, frm) => {
		const sidebar = frm?.sidebar?.sidebar;
		if (sidebar && !frappe.model.can_share(frm.doctype, frm)) sidebar.find(".form-shared").addClass("hidden");
	});
}

// A file the server answers as an attachment (a .docx, an import template), fetched by a link in the same tab:
// the form stays open, and no empty window is left behind as window.open leaves one.
cluster_brand.desk.download = (url) => {
	const link = document.createElement("a");
	link.href = frappe.urllib.get_full_url(url);
	link.download = "";
	document.body.appendChild(link);
	link.click();
	link.remove();
};

// ---- The 申报书 and the annual work summary as Word documents (issue 23) ----
// Their forms' button downloads the .docx in the official layout, read as the reader may read it, as the print
// (cluster_brand/api/word_export.py); a form not yet saved has nothing to export.
cluster_brand.desk.WORD_EXPORTS = {
	"Cluster Brand Application": "cluster_brand.api.word_export.application_docx",
	"Annual Work Summary": "cluster_brand.api.word_export.annual_summary_docx",
};
if (!cluster_brand.desk.word_export_installed) {
	cluster_brand.desk.word_export_installed = true;
	for (const [doctype, method] of Object.entries(cluster_brand.desk.WORD_EXPORTS)) {
		frappe.ui.form.on(doctype, {
			refresh(frm) {
				if (frm.is_new()) return;
				frm.add_custom_button(__("Export as Word"), () => {
					cluster_brand.desk.download(`/api/method/${method}?name=${encodeURIComponent(frm.doc.name)}`);
				});
			},
		});
	}
}
