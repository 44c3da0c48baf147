"""Read-only means read-only on every write path: what the desk shows read-only (a field marked read-only:
set by the process, derived by the controller, copied from the register or the pilot) is kept as saved when
a request sends another value for it: REST, the desk's save, a workflow action, whatever the role.

As Frappe keeps a field of a permission level the user may not write (``validate_higher_perm_levels``): the
value is put back before the controller's checks, not refused, so that the desk, which sends the whole form
back, is never refused for a value it shows. A new record gets no read-only value from its request (its
controller derives them). The process's own writes (``ignore_permissions``, Administrator, or written to the
database directly) set them."""

import frappe
from frappe.model import default_fields

from cluster_brand.doctype_names import PROGRAMME_MODULE

# Frappe's own: the workflow state moves by the Workflow's transitions (it checks them), amended_from by
# amendment.
KEPT_BY_FRAPPE = frozenset({"workflow_state", "amended_from"})


def read_only_fields(doctype: str) -> list:
	"""The read-only fields of ``doctype`` that a request could change (tables are derived as a whole by
	their controllers, fetched values come from their links)."""
	return [
		df
		for df in frappe.get_meta(doctype).fields
		if df.read_only
		and not df.fetch_from
		and df.fieldtype not in frappe.model.no_value_fields
		and df.fieldtype not in frappe.model.table_fields
		and df.fieldname not in default_fields
		and df.fieldname not in KEPT_BY_FRAPPE
	]


def keep_read_only_values(doc, method=None):
	"""doc_events before_validate of every DocType: the read-only fields keep their saved values."""
	if doc.meta.module != PROGRAMME_MODULE or doc.meta.istable:
		return
	if doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return
	fields = read_only_fields(doc.doctype)
	if not fields:
		return
	before = None if doc.is_new() else (doc.get_doc_before_save() or frappe.get_doc(doc.doctype, doc.name))
	for df in fields:
		if before:
			doc.set(df.fieldname, before.get(df.fieldname))
		elif not df.default:  # a default is Frappe's to set
			doc.set(df.fieldname, None)
