"""A programme document as the rules read it: plain data (rows as lists of dicts, dates as dates), so that
the rules in cluster_brand/rules/ run the same in the desk, over REST and in tests without Frappe."""

from datetime import date

import frappe


def doc_as_rule_input(doc) -> dict:
	"""The document as the plain dict that cluster_brand.rules reads (dates as date objects)."""
	data = doc.as_dict(no_default_fields=True)
	for df in doc.meta.get("fields", {"fieldtype": "Date"}):
		if data.get(df.fieldname):
			data[df.fieldname] = as_date(data[df.fieldname])
	for table_df in doc.meta.get_table_fields():
		date_fields = [
			df.fieldname for df in frappe.get_meta(table_df.options).get("fields", {"fieldtype": "Date"})
		]
		if not date_fields:
			continue
		for row in data.get(table_df.fieldname) or []:
			for fieldname in date_fields:
				if row.get(fieldname):
					row[fieldname] = as_date(row[fieldname])
	return data


def as_date(value) -> date:
	"""frappe.utils.getdate, without its general date parser for the ISO dates that Frappe stores (a save of
	an application converts hundreds of them)."""
	if type(value) is date:
		return value
	if isinstance(value, str) and len(value) == 10:
		try:
			return date.fromisoformat(value)
		except ValueError:
			pass
	return frappe.utils.getdate(value)
