"""How the programme's rule violations reach the user in Frappe: translated, all at once, nothing saved, and
located in the form (the refused cell that the form opens)."""

import frappe
from frappe import _
from frappe.model import table_fields

from cluster_brand.rules import Violation


class InvalidCellError(frappe.ValidationError):
	"""A refused save whose answer (``errors``, refused_items) locates failing cells of child tables or fields
	of the document itself, so that the form points at the first."""


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


def refused_items(doc, violations: list[Violation]) -> list[dict]:
	"""Each violation as data, for a REST client and the desk alike: ``item`` (the official name of the form's item
	it concerns: the table's column, the field, or the table), ``table`` and ``row`` (the row's idx as the form
	numbers it; the rules count the rows in the order they read them) for a cell of a child table, ``field`` (the
	row's or the document's field, when the rule names one), ``value`` (what the document holds there) and the
	translated ``message``. The desk opens the first located one (public/js/desk_forms.js)."""
	items = []
	for v in violations:
		df = doc.meta.get_field(v.fieldname) if (doc is not None and v.fieldname) else None
		item = {"item": None, "table": None, "row": None, "field": None, "value": None}
		if df and df.fieldtype in table_fields and v.row:
			rows = doc.get(v.fieldname) or []
			row = rows[v.row - 1] if 0 < v.row <= len(rows) else None
			column = frappe.get_meta(df.options).get_field(v.column) if v.column else None
			item.update(
				item=_(column.label) if column else _(df.label),
				table=v.fieldname,
				row=frappe.utils.cint(row.get("idx")) if row and row.get("idx") else v.row,
				field=v.column,
				value=row.get(v.column) if (row and v.column) else None,
			)
		elif df:
			# a field of the form itself (the enterprise's credit code), or a table as a whole (the 80% rule)
			whole_table = df.fieldtype in table_fields
			item.update(
				item=_(df.label),
				field=df.fieldname,
				value=None if whole_table else doc.get(df.fieldname),
			)
		item["message"] = translate_violation(v)
		items.append(item)
	return items


def located(doc, violations: list[Violation]) -> bool:
	"""Whether the form can point at one of the violations: a row of a table, or a field of its own."""
	for v in violations:
		df = doc.meta.get_field(v.fieldname) if v.fieldname else None
		if df and (v.row if df.fieldtype in table_fields else True):
			return True
	return False


def throw_violations(
	violations: list[Violation],
	title: str | None,
	intro: str | None = None,
	doc=None,
	exc=frappe.ValidationError,
	where=None,
):
	"""Raises one ``exc`` (a ValidationError) listing every violation, so the transaction (and the save) is
		rolled back; the answer carries them as data too (``errors``: refused_items). With ``doc``, a violation
		located in it (a row's cell, a field) makes it an InvalidCellError: the form scrolls to the first and
		focuses it (public/js/desk_forms.js). ``where``: the document the violations are of, for the answer's data
	only (the form is not pointed at). A ``title`` of None is Frappe's own (its message dialog's)."""
	if not violations:
		return
	items = refused_items(doc if doc is not None else where, violations)
	messages = [frappe.utils.escape_html(item["message"]) for item in items]
	if len(messages) == 1 and not intro:
		body = messages[0]
	else:
		body = (
			(f"<p>{frappe.utils.escape_html(intro)}</p>" if intro else "")
			+ "<ol>"
			+ "".join(f"<li>{m}</li>" for m in messages)
			+ "</ol>"
		)
	frappe.local.response["errors"] = items
	frappe.throw(body, InvalidCellError if doc is not None and located(doc, violations) else exc, title=title)
