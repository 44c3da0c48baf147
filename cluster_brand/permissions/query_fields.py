"""The field rules of fields.py applied to the queries a programme user sends: list reads, counts, exports,
group-by counts, charts, number cards and single values may not select, filter, sort or group by a field whose
permission level the user cannot read, nor one that some state of the document withholds from it (Frappe 15
checks field levels on forms, not in queries). Called by the allowlist for the list methods (QUERY_ARGUMENTS)
and by the overrides of the methods that take a query in another shape (get_value, charts, cards).
"""

import json
import re

import frappe
from frappe import _
from frappe.model import get_permitted_fields

from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.permissions.fields import unreadable_fields, withheld_in_queries
from cluster_brand.permissions.scope import is_restricted

# what a query names as a field: every identifier in its fields, filters, sort and grouping
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# The list methods and the request arguments that name fields.
QUERY_ARGUMENTS = {
	"frappe.desk.reportview.get": ("fields", "filters", "or_filters", "order_by", "group_by"),
	"frappe.desk.reportview.get_list": ("fields", "filters", "or_filters", "order_by", "group_by"),
	"frappe.client.get_list": ("fields", "filters", "or_filters", "order_by", "group_by"),
	"frappe.desk.reportview.get_count": ("fields", "filters", "or_filters", "distinct"),
	"frappe.desk.reportview.export_query": ("fields", "filters", "or_filters", "order_by", "group_by"),
	"frappe.desk.reportview.get_sidebar_stats": ("stats", "filters"),
	"frappe.desk.listview.get_group_by_count": ("field", "current_filters"),
	"document_list": ("fields", "filters", "or_filters", "order_by", "group_by"),
}


def named_fields(*parts) -> set[str]:
	"""Every name that ``parts`` (each a list, dict or JSON/SQL string) could mean as a field."""
	named = set()
	for part in parts:
		if part in (None, ""):
			continue
		text = part if isinstance(part, str) else json.dumps(part, ensure_ascii=False)
		named |= set(IDENTIFIER.findall(text))
	return named


def hidden_fields(doctype: str, named: set[str] | None = None) -> set[str]:
	"""The fields of ``doctype`` (and of its child tables) whose level the user cannot read; with ``named``,
	only those among these names (so that a list read loads no more metadata than it must)."""
	meta = frappe.get_meta(doctype)
	if meta.module != PROGRAMME_MODULE:
		return set()
	readable = set(meta.get_permlevel_access("read") or [0])
	# a query cannot tell the state of each row: what a state withholds, it withholds in every query
	withheld = set(withheld_in_queries(doctype))
	unreadable = unreadable_fields(doctype)
	hidden = unreadable | withheld
	tables = meta.get_table_fields()
	for table in tables:
		if (table.permlevel or 0) not in readable:
			hidden |= {df.fieldname for df in frappe.get_meta(table.options).fields}
	if named is not None:
		hidden &= named
	if not hidden:
		return hidden
	# a name shared with a readable field is not refused (the query names columns, not tables)
	visible = {df.fieldname for df in meta.fields} - unreadable
	for table in tables:
		if (table.permlevel or 0) in readable:
			visible |= {df.fieldname for df in frappe.get_meta(table.options).fields}
	return hidden - (visible - withheld)


def check_query_fields(doctype: str | None, *parts):
	"""Refuses a list query of a restricted user that names a field it may not read, in its fields,
	filters, sort or grouping (each part a list, dict or JSON/SQL string)."""
	if not doctype or not isinstance(doctype, str) or not is_restricted():
		return
	named = named_fields(*parts)
	if not named:
		return
	try:
		refused = sorted(hidden_fields(doctype, named))
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		return  # Frappe answers for a DocType that does not exist
	if refused:
		labels = "、".join(_(_label(doctype, f)) for f in refused)
		frappe.throw(
			_("You may not read {0} of {1}.").format(labels, _(doctype)),
			frappe.PermissionError,
		)


def check_field_levels(doctype, *parts, parent=None):
	"""Refuses a field (named in the fields or the filters) whose permission level the user cannot read,
	in any DocType, Frappe's own too (Frappe 15's get_value checks the DocType, not the field)."""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		return  # Frappe answers for a DocType that does not exist
	meta = frappe.get_meta(doctype)
	readable = set(meta.get_permlevel_access("read", parenttype=parent) or []) | {0}
	named = set()
	for part in parts:
		if part not in (None, ""):
			named |= set(IDENTIFIER.findall(part if isinstance(part, str) else frappe.as_json(part)))
	refused = [df for df in meta.fields if df.fieldname in named and (df.permlevel or 0) not in readable]
	if refused:
		labels = "、".join(_(df.label or df.fieldname) for df in refused)
		frappe.throw(_("You may not read {0} of {1}.").format(labels, _(doctype)), frappe.PermissionError)


def _label(doctype: str, fieldname: str) -> str:
	meta = frappe.get_meta(doctype)
	for m in (meta, *(frappe.get_meta(t.options) for t in meta.get_table_fields())):
		if m.has_field(fieldname):
			return m.get_label(fieldname)
	return fieldname


def check_request_query_fields(method: str, doctype: str | None = None):
	"""The allowlist's check of a list method's request (QUERY_ARGUMENTS): refuses a field the user may not
	read, and spells out a bare ``*`` as the columns it may."""
	arguments = QUERY_ARGUMENTS.get(method)
	if arguments:
		form = frappe.form_dict
		doctype = doctype or form.get("doctype")
		check_query_fields(doctype, *(form.get(a) for a in arguments))
		if "fields" in arguments and form.get("fields"):
			form.fields = _all_columns_spelled_out(doctype, form.fields)


def _all_columns_spelled_out(doctype, fields):
	"""``fields`` with a bare ``*`` (every column) spelled out as the columns the user may read: Frappe spells
	it out by field level, which knows nothing of what a state withholds. A restricted user only."""
	if not isinstance(doctype, str) or not is_restricted():
		return fields
	columns = frappe.parse_json(fields) if isinstance(fields, str) and fields.startswith("[") else fields
	columns = [columns] if isinstance(columns, str) else columns
	if not isinstance(columns, list) or not any(_is_every_column(doctype, c) for c in columns):
		return fields
	try:
		hidden = hidden_fields(doctype)
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		return fields
	if not hidden:
		return fields
	readable = [f for f in get_permitted_fields(doctype, ignore_virtual=True) if f not in hidden]
	spelled = []
	for column in columns:
		spelled += readable if _is_every_column(doctype, column) else [column]
	return json.dumps(spelled) if isinstance(fields, str) else spelled


def _is_every_column(doctype: str, column) -> bool:
	return isinstance(column, str) and column.replace(" ", "") in (
		"*",
		f"`tab{doctype}`.*",
		f"tab{doctype}.*",
	)
