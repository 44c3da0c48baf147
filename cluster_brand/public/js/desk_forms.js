// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// What every form of the programme shares, loaded with each of its forms (hooks.py, doctype_js: read from the
// app's Python package, so a checkout under test serves its own copy without an asset build). Frappe evaluates
// it once per DocType whose form loads: what it installs, it installs once.

// A refused save points at the failing cell: the server names the table, row and field in its message and
// locates the cells in its answer (cluster_brand/violations.py, InvalidCellError). Frappe shows the message
// only when no handler takes the error, so the handler shows it and brings the first cell's row into view;
// when the message is closed, the cell is opened for editing (in the table, or in the row's form), or the
// form's own field is scrolled to and focused.
if (!frappe.request.error_handlers.InvalidCellError) {
	frappe.request.on_error("InvalidCellError", (r) => {
		if (r._server_messages) {
			frappe.hide_msgprint();
			frappe.msgprint(JSON.parse(r._server_messages));
		}
		const cell = (r.invalid_cells || [])[0];
		const frm = cur_frm;
		if (!cell || !frm || frm.doctype !== cell.doctype) return;
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
