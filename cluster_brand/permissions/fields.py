"""Field levels and what a state withholds: what of a document its reader may not read.

The states' declaration is rules/views/withheld.py; this applies it on the document's own read paths (form, REST,
every print format). The list paths (queries, counts, exports) apply it through ``withheld_in_queries``
(query_fields.hidden_fields), the history (timeline, versions) through ``fields_hidden_in_history``."""

import frappe

from cluster_brand.rules.views.withheld import ever_withheld_fields, withheld_fields


def unreadable_fields(doctype: str) -> set[str]:
	"""The fields of ``doctype`` at a permission level the session user cannot read."""
	meta = frappe.get_meta(doctype)
	levels = set(meta.get_permlevel_access("read") or [0])
	return {df.fieldname for df in meta.fields if (df.permlevel or 0) not in levels}


def withheld_from_reader(doc) -> tuple[str, ...]:
	"""What ``doc``'s present state withholds from the session user (rules/views/withheld.py)."""
	return withheld_fields(doc.doctype, doc.get("workflow_state"), set(frappe.get_roles()))


def fields_hidden_from_reader(doc) -> set[str]:
	"""What the session user may not read of ``doc`` now: its field levels and what its state withholds."""
	return unreadable_fields(doc.doctype) | set(withheld_from_reader(doc))


def withheld_in_queries(doctype: str) -> frozenset[str]:
	"""What some state of ``doctype`` withholds from the session user: a query, which cannot tell each row's
	state, and the history, which outlives the state, withhold it always."""
	return ever_withheld_fields(doctype, set(frappe.get_roles()))


def fields_hidden_in_history(doc) -> set[str]:
	"""What a version of ``doc`` may not show the session user: its field levels, and every field a state
	withholds from the user, also once that state has passed (a draft opinion stays a draft's)."""
	return unreadable_fields(doc.doctype) | set(withheld_in_queries(doc.doctype))


class WithholdsFromReader:
	"""For a controller (before ``Document`` in its bases): after Frappe's field levels, each read (form,
	REST) and each print (every format, Frappe's Standard included, and its PDF) blanks what the document's
	state withholds from the reader (rules/views/withheld.py)."""

	def apply_fieldlevel_read_permissions(self):
		super().apply_fieldlevel_read_permissions()
		self.blank_withheld_fields()

	def before_print(self, settings=None):
		# Frappe's print renders the document as loaded: its Standard format hides field levels only
		self.blank_withheld_fields()

	def blank_withheld_fields(self):
		for fieldname in withheld_from_reader(self):
			self.set(fieldname, None)
