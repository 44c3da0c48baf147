"""Frappe's whitelisted methods that the programme's roles keep (allowlist.py), made to respect the row
and field rules where Frappe 15 does not (override_whitelisted_methods in hooks.py).

- Link search with ``ignore_user_permissions`` skips every row rule: the flag is dropped for these users;
  its ``query`` argument calls any whitelisted method: refused for them.
- ``validate_link`` tells whether any document exists: it answers only for documents the user may read.
- Group-by counts of ``assigned_to`` count every document's assignments: these users get their own.
- The form's docinfo (timeline) lists every version, assignment and share: these users see the changes of
  the fields they may read and only their own assignments and shares.
- List queries may name any column: these users may not select, filter, sort or group by a field whose
  permission level they cannot read (Frappe 15 checks field levels on forms, not in queries).
"""

import json
import re

import frappe
from frappe import _
from frappe.client import validate_link as frappe_validate_link
from frappe.desk.form import load
from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count
from frappe.desk.search import search_link as frappe_search_link
from frappe.model import get_permitted_fields

from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.permissions.allowlist import is_restricted
from cluster_brand.permissions.fields import fields_hidden_in_history, unreadable_fields, withheld_in_queries
from cluster_brand.permissions.files import batch_pdfs_of_others
from cluster_brand.permissions.scope import SEES_ALL


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	if is_restricted():
		# the flag skips every row rule; a named query would call any whitelisted method past the allowlist
		if query:
			frappe.throw(
				_("This search is not available to the users of the programme."), frappe.PermissionError
			)
		ignore_user_permissions = False
	return frappe_search_link(
		doctype,
		txt,
		query=query,
		filters=filters,
		page_length=page_length,
		searchfield=searchfield,
		reference_doctype=reference_doctype,
		ignore_user_permissions=ignore_user_permissions,
	)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	if (
		is_restricted()
		and isinstance(doctype, str)
		and isinstance(docname, str)
		and frappe.db.exists(doctype, docname)
		and not frappe.has_permission(doctype, "read", docname)
		and not frappe.has_permission(doctype, "select", docname)
	):
		return frappe._dict()  # as if it did not exist
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	if field != "assigned_to" or not is_restricted():
		check_query_fields(doctype, [field], current_filters)
		return frappe_get_group_by_count(doctype, current_filters, field)
	user = frappe.session.user
	names = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name")
	count = frappe.db.count(
		"ToDo",
		{
			"allocated_to": user,
			"reference_type": doctype,
			"reference_name": ("in", names or [""]),
			"status": ("!=", "Cancelled"),
		},
	)
	return [{"name": user, "count": count}] if count else []


@frappe.whitelist()
def getdoc(doctype, name, user=None):
	load.getdoc(doctype, name, user)
	if is_restricted() and frappe.response.get("docs"):
		for doc in frappe.response.docs:
			_keep_own_users(doc)
		_filter_docinfo(frappe.response.docs[0])


@frappe.whitelist()
def get_docinfo(doc=None, doctype=None, name=None):
	load.get_docinfo(doc, doctype, name)
	if is_restricted() and frappe.response.get("docinfo"):
		_filter_docinfo(doc or frappe.get_doc(doctype, name))


def _sees_all() -> bool:
	return bool(set(frappe.get_roles()) & SEES_ALL)


def _keep_own_users(doc):
	"""_assign and _liked_by name other users (an application's reviewers): keep the reader only."""
	if _sees_all():
		return
	user = frappe.session.user
	for field in ("_assign", "_liked_by"):
		users = frappe.parse_json(doc.get(field) or "[]") or []
		doc.set(field, json.dumps([u for u in users if u == user]) if users else doc.get(field))


def _filter_docinfo(doc):
	docinfo = frappe.response.docinfo
	user = frappe.session.user
	if doc.meta.module == PROGRAMME_MODULE:
		hidden = fields_hidden_in_history(doc)
		docinfo.versions = [v for v in (_readable_version(v, hidden) for v in docinfo.versions or []) if v]
	# a combined PDF of the batch's applications is its requester's alone (permissions/files.py)
	others = batch_pdfs_of_others(doc.doctype, doc.name, user)
	if others:
		docinfo.attachments = [a for a in docinfo.attachments or [] if a.get("name") not in others]
	if _sees_all():
		return
	docinfo.assignments = [a for a in docinfo.assignments or [] if a.get("owner") == user]
	docinfo.assignment_logs = [c for c in docinfo.get("assignment_logs") or [] if c.get("owner") == user]
	docinfo.shared = [s for s in docinfo.shared or [] if s.get("user") == user]
	docinfo.views = []
	# an expert's comment would name a reviewer to the unit, the province and the others
	reviewers = _other_reviewers({c.get("owner") for c in docinfo.get("comments") or []}, user)
	docinfo.comments = [c for c in docinfo.get("comments") or [] if c.get("owner") not in reviewers]
	named = {user} | {
		c.get("owner") for key in ("comments", "communications") for c in docinfo.get(key) or []
	}
	named |= {v.get("owner") for v in docinfo.versions or []}
	docinfo.user_info = {u: info for u, info in (docinfo.user_info or {}).items() if u in named}


def _other_reviewers(users: set[str], reader: str) -> set[str]:
	users = {u for u in users if u and u != reader}
	if not users:
		return set()
	return set(
		frappe.get_all(
			"Has Role",
			{"parent": ("in", list(users)), "parenttype": "User", "role": "Review Expert"},
			pluck="parent",
		)
	)


def _readable_version(version: dict, hidden: set[str]) -> dict | None:
	data = frappe.parse_json(version.get("data") or "{}")
	for key in ("changed", "added", "removed", "row_changed"):
		if key in data:
			data[key] = [change for change in data[key] or [] if change and change[0] not in hidden]
	if not any(data.get(key) for key in ("changed", "added", "removed", "row_changed", "comment")):
		return None
	return {**version, "data": json.dumps(data)}


# --- field levels in list queries ----------------------------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
	named = set()
	for part in parts:
		if part in (None, ""):
			continue
		text = part if isinstance(part, str) else json.dumps(part, ensure_ascii=False)
		named |= set(_IDENTIFIER.findall(text))
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


def _label(doctype: str, fieldname: str) -> str:
	meta = frappe.get_meta(doctype)
	for m in (meta, *(frappe.get_meta(t.options) for t in meta.get_table_fields())):
		if m.has_field(fieldname):
			return m.get_label(fieldname)
	return fieldname


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


def check_request_query_fields(method: str, doctype: str | None = None):
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
