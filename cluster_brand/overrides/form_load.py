"""Frappe's form load (frappe.desk.form.load: getdoc and get_docinfo) for the programme's roles
(override_whitelisted_methods in hooks.py). The form's document names its assignees and likers, and its
docinfo (the timeline) lists every version, assignment, share and view: a user who does not see everything
(scope.sees_all) keeps itself only among them, and every restricted user sees the changes of the fields it
may read only (permissions/fields.py), and no other user's combined PDF of a batch (permissions/files.py).
"""

import json

import frappe
from frappe.desk.form import load

from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.permissions.fields import fields_hidden_in_history
from cluster_brand.permissions.files import batch_pdfs_of_others
from cluster_brand.permissions.scope import is_restricted, sees_all


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


def _keep_own_users(doc):
	"""_assign and _liked_by name other users (an application's reviewers): keep the reader only."""
	if sees_all():
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
	if sees_all():
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
