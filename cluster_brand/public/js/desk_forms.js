// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// What every form of the programme shares, loaded with each of its forms (hooks.py, doctype_js: read from the
// app's Python package, so a checkout under test serves its own copy without an asset build). Frappe evaluates
// it once per DocType whose form loads: what it installs, it installs once.

// A refused save points at the failing cell: the server names the table, row and field in its message and
// locates the cells in its answer (cluster_brand/violations.py, InvalidCellError). Frappe shows the message
// only when no handler takes the error, so the handler shows it and brings the first cell's row into view;
// when the message is closed, the cell is opened for editing (in the table, or in the row's form).
if (!frappe.request.error_handlers.InvalidCellError) {
	frappe.request.on_error("InvalidCellError", (r) => {
		if (r._server_messages) {
			frappe.hide_msgprint();
			frappe.msgprint(JSON.parse(r._server_messages));
		}
		const cell = (r.invalid_cells || [])[0];
		const frm = cur_frm;
		if (!cell || !frm || frm.doctype !== cell.doctype) return;
		const grid_row = show_row(frm, cell);
		if (!grid_row) return;
		if (r._server_messages && frappe.msg_dialog) {
			// closing a dialog closes the row's form too: open the cell once the message is closed
			frappe.msg_dialog.$wrapper.one("hidden.bs.modal", () => open_cell(grid_row, cell.field));
		} else {
			open_cell(grid_row, cell.field);
		}
	});
}

function show_row(frm, { table, idx }) {
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

// --- Actions say what they will do and what happened (issue 19) ----------------------------------------------
// Each workflow action (Frappe's action menu, frappe.ui.form.States) asks first what it will do and says
// afterwards what happened and who acts next; so do the expert's submission of a score sheet and the receiver's
// receipt of the paper copies. The texts are the rules' (rules/workflow.py, rules/summary_workflow.py), sent
// translated with the boot (cluster_brand/workflow_messages.py).
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
	for (const doctype of ["Cluster Brand Application", "Annual Work Summary"]) {
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
