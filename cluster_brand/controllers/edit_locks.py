"""The edit locks' side in Frappe: which parts of a form (its permission levels) a save changes, compared
with the record before the save; the rules decide who may change which part in which state
(rules/application/edit_locks.py, rules/pilot_years/workflow.py)."""

import frappe
from frappe.model import display_fieldtypes, table_fields
from frappe.utils import cint, flt, getdate


def _normalise(df, value):
	if df.fieldtype in ("Int", "Check"):
		return cint(value)
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return flt(value)
	if df.fieldtype in ("Date", "Datetime"):
		return str(getdate(value)) if value else None
	return value or None


def _editable_fields(meta):
	return [
		df
		for df in meta.fields
		# display_fieldtypes, not no_value_fields: the latter leaves out the child tables, which are locked too
		if df.fieldtype not in display_fieldtypes and not df.read_only and df.fieldname != "workflow_state"
	]


def _value_of(df, doc):
	"""A field's value as compared for the edit locks; a child table's as the tuple of its rows' values."""
	if df.fieldtype in table_fields:
		child_fields = [
			c for c in _editable_fields(frappe.get_meta(df.options)) if c.fieldtype not in table_fields
		]
		return tuple(
			tuple(_normalise(c, row.get(c.fieldname)) for c in child_fields)
			for row in doc.get(df.fieldname) or []
		)
	return _normalise(df, doc.get(df.fieldname))


def changed_levels(doc, levels) -> set[int]:
	"""The permission levels among ``levels`` (the form's locked parts) whose fields this save changes. The
	plain fields are compared before the tables, and a level already found changed is not compared further
	(a save must stay quick)."""
	before = doc.get_doc_before_save()
	if not before:
		return set()
	changed = set()
	for df in sorted(_editable_fields(doc.meta), key=lambda df: df.fieldtype in table_fields):
		level = df.permlevel or 0
		if level in levels and level not in changed and _value_of(df, doc) != _value_of(df, before):
			changed.add(level)
	return changed


def session_editable_levels(editable_in: dict, editable_levels, state: str | None) -> list[int]:
	"""The parts (permission levels) the session user may change in ``state``, by the form's rule
	``editable_levels(state, roles)``; the Administrator every part. The form makes every other field
	read-only, so that nothing looks editable that a save would refuse."""
	if frappe.session.user == "Administrator":
		return sorted(editable_in)
	return editable_levels(state, set(frappe.get_roles()))
