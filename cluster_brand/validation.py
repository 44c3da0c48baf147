"""How the programme's rule violations reach the user in Frappe: translated, all at once, nothing saved."""

import frappe
from frappe import _

from cluster_brand.rules import Violation


def translate_violation(violation: Violation) -> str:
	args = {k: (_(str(v)) if k in violation.translate_args else v) for k, v in violation.args.items()}
	return _(violation.message).format(**args)


def throw_violations(violations: list[Violation], title: str, intro: str | None = None):
	"""Raises one ValidationError listing every violation, so the transaction (and the save) is rolled back."""
	if not violations:
		return
	messages = [frappe.utils.escape_html(translate_violation(v)) for v in violations]
	if len(messages) == 1 and not intro:
		body = messages[0]
	else:
		body = (
			(f"<p>{frappe.utils.escape_html(intro)}</p>" if intro else "")
			+ "<ol>"
			+ "".join(f"<li>{m}</li>" for m in messages)
			+ "</ol>"
		)
	frappe.throw(body, frappe.ValidationError, title=title)


def doc_as_rule_input(doc) -> dict:
	"""The document as the plain dict that cluster_brand.rules reads (dates as date objects)."""
	data = doc.as_dict(no_default_fields=True)
	for df in doc.meta.get("fields", {"fieldtype": "Date"}):
		if data.get(df.fieldname):
			data[df.fieldname] = frappe.utils.getdate(data[df.fieldname])
	for table_df in doc.meta.get_table_fields():
		date_fields = [
			df.fieldname for df in frappe.get_meta(table_df.options).get("fields", {"fieldtype": "Date"})
		]
		for row in data.get(table_df.fieldname) or []:
			for fieldname in date_fields:
				if row.get(fieldname):
					row[fieldname] = frappe.utils.getdate(row[fieldname])
	return data
