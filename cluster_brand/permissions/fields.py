"""Field levels: what of a document its reader may not read."""

import frappe


def unreadable_fields(doctype: str) -> set[str]:
	"""The fields of ``doctype`` at a permission level the session user cannot read."""
	meta = frappe.get_meta(doctype)
	levels = set(meta.get_permlevel_access("read") or [0])
	return {df.fieldname for df in meta.fields if (df.permlevel or 0) not in levels}


def fields_hidden_from_reader(doc) -> set[str]:
	"""What the session user may not read of ``doc``: its field levels and what its state withholds
	(an application's draft recommendation from the unit)."""
	return unreadable_fields(doc.doctype) | set(getattr(doc, "fields_withheld_from_reader", tuple)())


class WithholdsFromReader:
	"""For a controller (before ``Document`` in its bases): after Frappe's field levels, each read (form,
	REST, print) blanks what the controller's ``fields_withheld_from_reader()`` names in its state."""

	def apply_fieldlevel_read_permissions(self):
		super().apply_fieldlevel_read_permissions()
		for fieldname in self.fields_withheld_from_reader():
			self.set(fieldname, None)

	def fields_withheld_from_reader(self) -> tuple[str, ...]:
		return ()
