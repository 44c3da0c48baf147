"""How the programme's rule violations reach the user in Frappe: translated, all at once, nothing saved;
and the checks that every programme DocType makes on save: values its columns can hold, links that exist,
one record per key (existing_duplicate)."""

from dataclasses import replace
from datetime import date

import frappe
from frappe import _
from frappe.model import table_fields

from cluster_brand.rules import Violation
from cluster_brand.rules.capacity import (
	NUMBER_FIELDTYPES,
	TEXT_FIELDTYPES,
	VARCHAR_FIELDTYPES,
	check_capacity,
	check_table_capacity,
)
from cluster_brand.rules.links import missing_link


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
	violations: list[Violation], title: str, intro: str | None = None, doc=None, exc=frappe.ValidationError
):
	"""Raises one ``exc`` (a ValidationError) listing every violation, so the transaction (and the save) is
	rolled back. With ``doc``, a violation in a row of a child table makes it an InvalidCellError whose answer
	locates the cells (``invalid_cells``; a field of ``doc`` itself too): the form scrolls to the first and
	focuses it (public/js/desk_forms.js)."""
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


def doc_as_rule_input(doc) -> dict:
	"""The document as the plain dict that cluster_brand.rules reads (dates as date objects)."""
	data = doc.as_dict(no_default_fields=True)
	for df in doc.meta.get("fields", {"fieldtype": "Date"}):
		if data.get(df.fieldname):
			data[df.fieldname] = as_date(data[df.fieldname])
	for table_df in doc.meta.get_table_fields():
		date_fields = [
			df.fieldname for df in frappe.get_meta(table_df.options).get("fields", {"fieldtype": "Date"})
		]
		if not date_fields:
			continue
		for row in data.get(table_df.fieldname) or []:
			for fieldname in date_fields:
				if row.get(fieldname):
					row[fieldname] = as_date(row[fieldname])
	return data


def as_date(value) -> date:
	"""frappe.utils.getdate, without its general date parser for the ISO dates that Frappe stores (a save of
	an application converts hundreds of them)."""
	if type(value) is date:
		return value
	if isinstance(value, str) and len(value) == 10:
		try:
			return date.fromisoformat(value)
		except ValueError:
			pass
	return frappe.utils.getdate(value)


# --- checks that every programme DocType makes on save, before its own rules ---------------------------

LIMITED_FIELDTYPES = NUMBER_FIELDTYPES | VARCHAR_FIELDTYPES | TEXT_FIELDTYPES


def _capacity_fields(meta) -> list[tuple]:
	"""(fieldname, fieldtype, English label, length) of each field whose column has a limit."""
	return [
		(df.fieldname, df.fieldtype, df.label, df.length)
		for df in meta.fields
		if df.fieldtype in LIMITED_FIELDTYPES
	]


def storable_violations(doc) -> list[Violation]:
	"""Every value of ``doc`` and of its child rows that its database column cannot hold (rules/capacity.py):
	texts too long, numbers that are no finite number or too large for their column."""
	violations = check_capacity(doc, _capacity_fields(doc.meta))
	for table_df in doc.meta.get_table_fields():
		violations += check_table_capacity(
			doc.get(table_df.fieldname) or [],
			_capacity_fields(frappe.get_meta(table_df.options)),
			table_df.label,
			table_df.fieldname,
		)
	return violations


def validate_storable(doc):
	"""Refuses, with each item named, what the database would refuse with a 500 (called in validate,
	before the record reaches the database)."""
	throw_violations(storable_violations(doc), _(doc.doctype), doc=doc)


def _link_fields(meta) -> list:
	return meta.get_link_fields() + meta.get_dynamic_link_fields()


def _existing(names_by_doctype: dict[str, set[str]], dynamic: set[str]) -> set[tuple[str, str]]:
	"""The (DocType, name) pairs that exist, in one query for all DocTypes (a save must stay quick)."""
	existing, unknown = set(), {}
	for doctype, names in names_by_doctype.items():
		if doctype in dynamic and not frappe.db.exists("DocType", doctype, cache=True):
			continue  # a Dynamic Link to no DocType: no such record either
		meta = frappe.get_meta(doctype)
		if meta.is_virtual or meta.issingle:
			existing.update((doctype, name) for name in names)  # as Frappe's own check takes them
			continue
		for name in names:
			# Frappe has looked up, in this request, each link from which no field fetches
			if getattr(frappe.db, "value_cache", {}).get((doctype, name, "name")):
				existing.add((doctype, name))
			else:
				unknown.setdefault(doctype, []).append(name)
	if unknown:
		found = set()
		query = " union all ".join(
			f"select %s, name from `tab{doctype}` where name in %s" for doctype in unknown
		)
		values = [value for doctype, names in unknown.items() for value in (doctype, tuple(names))]
		for doctype, name in frappe.db.sql(query, values):
			found.add((doctype, name.casefold()))
		for doctype, names in unknown.items():
			for name in names:
				# names compare case-insensitively in the database: confirm what the casefold comparison misses
				if (doctype, name.casefold()) in found or frappe.db.exists(doctype, name):
					existing.add((doctype, name))
	return existing


def link_violations(doc) -> list[Violation]:
	"""Every Link and Dynamic Link of ``doc`` and of its child rows whose record does not exist.

	Frappe 15.44.2 checks a link only when no field fetches from it (get_invalid_links reads the values to
	fetch, gets None for a record that does not exist and passes over it), so the app checks every link."""
	if doc.flags.ignore_links:
		return []
	rows = [(doc, _link_fields(doc.meta), None, None)]
	for table_df in doc.meta.get_table_fields():
		fields = _link_fields(frappe.get_meta(table_df.options))
		if fields:
			rows += [
				(row, fields, table_df, idx)
				for idx, row in enumerate(doc.get(table_df.fieldname) or [], start=1)
			]
	links, names_by_doctype, dynamic = [], {}, set()
	for row, fields, table_df, idx in rows:
		for df in fields:
			value = row.get(df.fieldname)
			target = df.options if df.fieldtype == "Link" else row.get(df.options)
			if not (value and target):
				continue
			if df.fieldtype != "Link":
				dynamic.add(target)
			links.append((df, target, str(value), table_df, idx))
			names_by_doctype.setdefault(target, set()).add(str(value))
	# the records the save's own link pass has just found (set_wise_save) are not read again
	known = doc.flags.get("linked_records") or set()
	unknown = {t: {n for n in names if (t, n) not in known} for t, names in names_by_doctype.items()}
	unknown = {target: names for target, names in unknown.items() if names}
	existing = known | (_existing(unknown, dynamic) if unknown else set())
	return [
		replace(
			missing_link(
				df.label or df.fieldname,
				name,
				target,
				table_df.fieldname if table_df else df.fieldname,
				idx,
				table_df.label if table_df else None,
			),
			column=df.fieldname if table_df else None,
		)
		for df, target, name, table_df, idx in links
		if (target, name) not in existing
	]


def validate_links(doc, title: str | None = None):
	"""Refuses a link to a record that does not exist, naming the item (and its table and row)."""
	throw_violations(link_violations(doc), title or _(doc.doctype), doc=doc)


def existing_duplicate(doc, fieldnames: tuple[str, ...]) -> str | None:
	"""Another record of ``doc``'s DocType with the same values of ``fieldnames`` (one X per Y)."""
	if not all(doc.get(fieldname) for fieldname in fieldnames):
		return None
	return frappe.db.exists(
		doc.doctype, {**{f: doc.get(f) for f in fieldnames}, "name": ("!=", doc.name or "")}
	)
