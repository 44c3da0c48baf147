"""The links of a programme document to the registers and to other records: a link to a record that does not
exist is refused, naming the item by its official name (and its table and row)."""

from dataclasses import replace

import frappe
from frappe import _

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.rules import Violation
from cluster_brand.rules.links import missing_link


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


def link_violations(doc, found: frozenset | set = frozenset()) -> list[Violation]:
	"""Every Link and Dynamic Link of ``doc`` and of its child rows whose record does not exist. ``found``:
	the (DocType, name) of the records that the save's own link pass has just read (set_wise_save), which
	are not read again.

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
	unknown = {t: {n for n in names if (t, n) not in found} for t, names in names_by_doctype.items()}
	unknown = {target: names for target, names in unknown.items() if names}
	existing = set(found) | (_existing(unknown, dynamic) if unknown else set())
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
	"""Refuses a link to a record that does not exist, naming the item (and its table and row); for the
	registers' DocTypes, whose validate has no rules of its own to gather facts for."""
	throw_violations(link_violations(doc), title or _(doc.doctype), doc=doc)
