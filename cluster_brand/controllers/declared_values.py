"""The values the registers declare in a document (what Frappe fetches into it, fetch_from: the unit's
province, its cluster's industry, an enterprise's name) kept as they were before the save: a change of a
register does not reach a document that must keep what was declared. The application keeps them once it has
left its applicant (ClusterBrandApplication.keep_declared_values says why)."""

import frappe


def _blank(value) -> bool:
	return value is None or value == ""


def _register_value(row, df):
	"""The value that Frappe fetches into ``df`` of ``row`` (fetch_from "link_field.source_field")."""
	link_field, source_field = df.fetch_from.split(".", 1)
	link_df = row.meta.get_field(link_field)
	if not (link_df and row.get(link_field)):
		return None
	doctype = link_df.options if link_df.fieldtype == "Link" else row.get(link_df.options)
	return frappe.db.get_value(doctype, row.get(link_field), source_field) if doctype else None


def _keep_row(row, before, fetched: list) -> None:
	for df in fetched:
		old, new = before.get(df.fieldname), row.get(df.fieldname)
		if df.fetch_if_empty and not df.read_only:
			# Editable, filled from the register only while blank: a value typed over the old one is an edit
			# (the edit locks refuse it); a blank that the fetch filled in is put back.
			if _blank(old) and not _blank(new) and new == _register_value(row, df):
				row.set(df.fieldname, old)
		else:
			row.set(df.fieldname, old)


def _fetched_fields(meta) -> list:
	return [df for df in meta.fields if df.fetch_from]


def keep_declared_values(doc) -> None:
	"""Puts back what Frappe fetched (fetch_from) into ``doc`` and into the rows it had before this save,
	so that a change of a register (the unit's province, an enterprise's name) does not reach it.

	A row is the row of the same name before the save, or else the row at the same place with the same
	links (a client may send the rows again without their names); a new row keeps what it fetched."""
	before = doc.get_doc_before_save()
	if not before:
		return
	_keep_row(doc, before, _fetched_fields(doc.meta))
	for table_df in doc.meta.get_table_fields():
		fetched = _fetched_fields(frappe.get_meta(table_df.options))
		if not fetched:
			continue
		links = {df.fetch_from.split(".", 1)[0] for df in fetched}
		rows_before = before.get(table_df.fieldname) or []
		by_name = {row.name: row for row in rows_before}
		for position, row in enumerate(doc.get(table_df.fieldname) or []):
			old = by_name.get(row.name)
			if old is None and position < len(rows_before):
				same_place = rows_before[position]
				if all(same_place.get(f) == row.get(f) for f in links):
					old = same_place
			if old is not None:
				_keep_row(row, old, fetched)
