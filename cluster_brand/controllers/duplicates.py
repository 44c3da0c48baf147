"""One record per key (one application per cluster and batch, one annual summary per pilot and year): the
other record of the same key, if there is one, as a fact that a save's rules refuse."""

import frappe


def existing_duplicate(doc, fieldnames: tuple[str, ...]) -> str | None:
	"""Another record of ``doc``'s DocType with the same values of ``fieldnames`` (one X per Y)."""
	if not all(doc.get(fieldname) for fieldname in fieldnames):
		return None
	return frappe.db.exists(
		doc.doctype, {**{f: doc.get(f) for f in fieldnames}, "name": ("!=", doc.name or "")}
	)
