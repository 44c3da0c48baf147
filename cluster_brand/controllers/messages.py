"""How the programme's rule violations reach the user in Frappe: translated, all at once, nothing saved, and
located in the form (the refused cell that the form opens)."""

import frappe
from frappe import _
from frappe.model import table_fields

from cluster_brand.rules import Violation


class InvalidCellError(frappe.ValidationError):
	"""A refused save whose answer locates the failing cells of child tables (``invalid_cells``: doctype,
	table, the row's idx and field, in the order of the message), or the failing fields of the document
	itself (table and idx None), so that the form points at the first."""


def translate_violation(violation: Violation) -> str:
	args = {
		k: (
			translate_violation(v)
			if isinstance(v, Violation)
			else _(str(v))
			if k in violation.translate_args
			else v
		)
		for k, v in violation.args.items()
	}
	return _(violation.message).format(**args)


def invalid_cells(doc, violations: list[Violation]) -> list[dict]:
	"""Where in ``doc`` each violation of a child-table row is: the table, the row's idx as the form numbers
	it (the rules count the rows in the order they read them) and the row's field, when the rule names it; a
	violation of a field of the document itself: that field (table and idx None)."""
	cells = []
	for v in violations:
		df = doc.meta.get_field(v.fieldname) if v.fieldname else None
		if df and df.fieldtype not in table_fields and not v.row:
			# a field of the form itself (the enterprise's credit code): the form scrolls to it
			cell = {"doctype": doc.doctype, "table": None, "idx": None, "field": df.fieldname}
			if cell not in cells:
				cells.append(cell)
			continue
		if not (df and df.fieldtype in table_fields and v.row):
			continue
		rows = doc.get(v.fieldname) or []
		row = rows[v.row - 1] if 0 < v.row <= len(rows) else None
		cell = {
			"doctype": doc.doctype,
			"table": v.fieldname,
			"idx": frappe.utils.cint(row.get("idx")) if row and row.get("idx") else v.row,
			"field": v.column,
		}
		if cell not in cells:
			cells.append(cell)
	return cells


def throw_violations(
	violations: list[Violation],
	title: str | None,
	intro: str | None = None,
	doc=None,
	exc=frappe.ValidationError,
):
	"""Raises one ``exc`` (a ValidationError) listing every violation, so the transaction (and the save) is
	rolled back. With ``doc``, a violation in a row of a child table makes it an InvalidCellError whose answer
	locates the cells (``invalid_cells``; a field of ``doc`` itself too): the form scrolls to the first and
	focuses it (public/js/desk_forms.js). A ``title`` of None is Frappe's own (its message dialog's)."""
	if not violations:
		return
	cells = invalid_cells(doc, violations) if doc is not None else []
	messages = [frappe.utils.escape_html(translate_violation(v)) for v in violations]
	if len(messages) == 1 and not intro:
		body = messages[0]
	else:
		body = (
			(f"<p>{frappe.utils.escape_html(intro)}</p>" if intro else "")
			+ "<ol>"
			+ "".join(f"<li>{m}</li>" for m in messages)
			+ "</ol>"
		)
	if cells:
		frappe.local.response["invalid_cells"] = cells
	frappe.throw(body, InvalidCellError if cells else exc, title=title)
