"""The save of a form with many rows (the 申报书: 88 rows and more; the annual work summary), set-wise.

Frappe saves a document one row at a time: it reads the record of each link of each row with a query of its
own (to check it and to fetch the values of its fetch_from fields), and it writes every row back whether
it changed or not (and it makes a new row of every table to find defaults for the rows the save adds, if
any). On a full 申报书 that is some 80 reads and 90 writes for a save that changed one field, two thirds of
the save's time. ``SetWiseSave`` does the same work in one read per linked DocType, and writes the rows
that changed. A save over the REST API reads the record twice (the API reads it FOR UPDATE, then the save
reads it again for its state before the save): the second read is the first one's copy while the record is
unchanged.

What stays Frappe's: the values fetched and the rules of fetching (fetch_if_empty, a submitted row keeps
its values), the link's name in the record's own case, the deletion of the rows taken out, the insertion
of new ones. What the app does instead: a link to no record is refused in validate by
links.link_violations (through ``SetWiseSave.missing_links``), which names the item by its official name (Frappe's own message names the
field's label and row only, and Frappe 15.44.2 lets a link with fetch fields pass unchecked).
"""

from collections import defaultdict

import frappe
from frappe.model.document import Document
from frappe.model.utils.link_count import notify_link_count

from cluster_brand.controllers.links import link_violations
from cluster_brand.rules import Violation

# written by every save whatever it changed: not a change of the row
_STAMPS = frozenset({"modified", "modified_by"})


def _link_fields(meta) -> list[tuple]:
	"""The Link and Dynamic Link fields of ``meta``, each with the fields that fetch from it."""
	return [
		(df, meta.get_fields_to_fetch(df.fieldname))
		for df in meta.get_link_fields() + meta.get_dynamic_link_fields()
	]


def _linked_doctype(row, df) -> str | None:
	doctype = df.options if df.fieldtype == "Link" else row.get(df.options)
	if not doctype or (df.fieldtype != "Link" and not frappe.db.exists("DocType", doctype, cache=True)):
		return None  # a Dynamic Link to no DocType: link_violations refuses it
	return doctype


def fetch_linked_values(doc: Document) -> set[tuple[str, str]]:
	"""What Frappe's link pass does to ``doc`` and its rows but its refusal: each link takes its record's
	name as the database spells it, and each fetch_from field the record's value, read in one query per
	linked DocType. Returns the records found, as (DocType, name)."""
	links = []  # (row, link field, linked DocType, fields to fetch)
	wanted: dict[str, dict] = defaultdict(lambda: {"names": set(), "fields": {"name"}})
	fields_of = {}  # by DocType: the rows of a table share theirs
	for row in (doc, *doc.get_all_children()):
		if row.doctype not in fields_of:
			fields_of[row.doctype] = _link_fields(row.meta)
		for df, fetching in fields_of[row.doctype]:
			value = row.get(df.fieldname)
			doctype = _linked_doctype(row, df) if value else None
			if not doctype:
				continue
			target = frappe.get_meta(doctype)
			if target.issingle or target.is_virtual:
				continue  # no table to read: Frappe takes such a link as it is
			fetched = [f for f in fetching if not f.get("fetch_if_empty") or not row.get(f.fieldname)]
			links.append((row, df, doctype, fetched))
			wanted[doctype]["names"].add(str(value))
			wanted[doctype]["fields"].update(f.fetch_from.split(".")[-1] for f in fetched)

	records = {}
	found = set()
	for doctype, want in wanted.items():
		# the columns are the DocTypes' own fieldnames (their meta), the names are parameters
		columns = ", ".join(f"`{field}`" for field in sorted(want["fields"]))
		for record in frappe.db.sql(
			f"select {columns} from `tab{doctype}` where name in %(names)s",
			{"names": tuple(want["names"])},
			as_dict=True,
		):
			records[(doctype, str(record.name).casefold())] = record

	for row, df, doctype, fetched in links:
		record = records.get((doctype, str(row.get(df.fieldname)).casefold()))
		if record is None:
			continue
		row.set(df.fieldname, record.name)
		if (doctype, record.name) not in found and not frappe.get_meta(doctype).istable:
			notify_link_count(doctype, record.name)  # as Frappe counts a link (its "frequently used")
		found.add((doctype, record.name))
		for f in fetched:
			if row.is_new() or not row.docstatus.is_submitted() or f.allow_on_submit:
				row.set_fetch_from_value(doctype, f, record)
	return found


def unchanged(row: Document, before: Document) -> bool:
	"""Whether ``row`` holds what it held before the save, column by column (a value of another type, as a
	date sent as text, counts as a change: it is written, as Frappe would)."""
	return all(
		row.get(column) == before.get(column)
		for column in row.meta.get_valid_columns()
		if column not in _STAMPS
	)


class SetWiseSave:
	"""Mixin for a DocType controller (before Document in its bases)."""

	def _validate_links(self):
		# Frappe's name for its link pass; should it change, Frappe's own pass runs again, slower but right
		self._links_found = set()
		if self.flags.ignore_links or self._action == "cancel":
			return
		self._links_found = fetch_linked_values(self)

	def missing_links(self) -> list[Violation]:
		"""The links of this save to records that do not exist (links.link_violations), a fact its validate
		gathers: the records that the link pass of this save has read are not read again."""
		return link_violations(self, self.__dict__.get("_links_found", frozenset()))

	def load_from_db(self):
		super().load_from_db()
		# Read FOR UPDATE (a save over the REST API reads so): the record and its rows stay locked until the
		# transaction ends, so this is the state a save in this transaction starts from
		self._as_read_for_update = self.as_dict() if self.flags.for_update else None
		return self

	def load_doc_before_save(self, *, raise_exception: bool = False):
		"""The record before the save: what was read FOR UPDATE in this transaction, if this document was
		read so and the record has not been written since (its modified, read again, says); else read again,
		as Frappe does (the record and all its rows)."""
		as_read = self.__dict__.pop("_as_read_for_update", None)
		if (
			as_read
			and not self.is_new()
			and str(as_read.get("modified"))
			== str(frappe.db.get_value(self.doctype, self.name, "modified", for_update=True))
		):
			self._doc_before_save = frappe.get_doc(as_read)
			return
		super().load_doc_before_save(raise_exception=raise_exception)

	def _set_defaults(self):
		# Frappe makes a new row of every table (a query each) for the defaults of the rows the save adds
		if self.is_new() or any(row.is_new() for row in self.get_all_children()):
			super()._set_defaults()

	def update_child_table(self, fieldname: str, df=None):
		"""Frappe's update of one table, writing only the rows that changed since the save began and deleting
		only when rows were taken out."""
		before = self.get_doc_before_save()
		df = df or self.meta.get_field(fieldname)
		if (
			before is None
			or df.options in (self.flags.ignore_children_type or ())
			or frappe.get_meta(df.options).is_virtual
		):
			return super().update_child_table(fieldname, df)
		rows = self.get(df.fieldname) or []
		rows_before = {row.name: row for row in before.get(df.fieldname) or []}
		kept = [row.name for row in rows if row.name and not row.is_new()]
		# the rows before the save were read in this transaction, locked: none taken out, none to delete
		if not set(rows_before) <= set(kept):
			table = frappe.qb.DocType(df.options)
			removed = (
				frappe.qb.from_(table)
				.where(table.parent == self.name)
				.where(table.parenttype == self.doctype)
				.where(table.parentfield == df.fieldname)
				.delete()
			)
			if kept:
				removed = removed.where(table.name.notin(kept))
			removed.run()
		for row in rows:
			old = rows_before.get(row.name)
			if old is None or row.is_new() or not unchanged(row, old):
				row.db_update()
