"""Numbers that stay blank until someone types them: the main indicators of the 申报书 and their ratios.

Frappe 15 makes every Float column ``NOT NULL DEFAULT 0`` and writes a Float that holds no value as 0, so a
saved form shows 0.00 in every cell nobody filled in, and 0 can no longer be told from "not filled" (a
cluster may well export nothing, or make no profit). Frappe 16 has nullable numbers (a number column is
nullable unless the field is "not nullable"); this module does the same for the fields listed here:

- their columns accept NULL (``make_columns_nullable``, run after install and after every migrate; Frappe's
  schema sync leaves a nullable decimal column alone, since its type and its default do not change), and
- their rows write no value as NULL (``NullableNumbers``, the rows' controller base; Frappe's own
  ``get_valid_dict`` turns None into 0 for every Float).

The fields stay Floats: numbers over REST, right-aligned and formatted in the desk. The rules read None as
"not filled" (completeness names it), the print leaves its cell blank.
"""

import frappe
from frappe.model.document import Document

from cluster_brand.rules.indicators import YEAR_FIELDS

NULLABLE_NUMBERS = {
	"Application Indicator": YEAR_FIELDS,
	"Application Derived Indicator": YEAR_FIELDS,
}


class NullableNumbers(Document):
	"""A row whose NULLABLE_NUMBERS[doctype] are stored as NULL when they hold no value (as 0, Frappe's way, on
	a site whose columns are not nullable yet: until its next migrate)."""

	def get_valid_dict(self, *args, **kwargs):
		values = super().get_valid_dict(*args, **kwargs)
		for fieldname in nullable_columns(self.doctype):
			if fieldname in values and self.get(fieldname) in (None, ""):
				values[fieldname] = None
		return values


_nullable = {}  # (site, doctype): the NULLABLE_NUMBERS of the doctype whose columns accept NULL


def nullable_columns(doctype: str) -> tuple[str, ...]:
	key = (frappe.local.site, doctype)
	if key not in _nullable:
		fieldnames = NULLABLE_NUMBERS.get(doctype, ())
		found = {name for name, _type, is_nullable in _columns(doctype, fieldnames) if is_nullable == "YES"}
		# a column that does not accept NULL yet may after a migrate: only a complete answer is kept
		if len(found) == len(fieldnames):
			_nullable[key] = fieldnames
		return tuple(f for f in fieldnames if f in found)
	return _nullable[key]


def _columns(doctype: str, fieldnames) -> tuple:
	if not fieldnames:
		return ()
	return frappe.db.sql(
		"""select column_name, column_type, is_nullable from information_schema.columns
		where table_schema = database() and table_name = %s and column_name in %s""",
		(f"tab{doctype}", tuple(fieldnames)),
	)


def make_columns_nullable():
	"""The columns of NULLABLE_NUMBERS accept NULL, with no default (hooks: after_install, after_migrate).
	A value stored as 0 before stays 0: it may have been typed."""
	for doctype, fieldnames in NULLABLE_NUMBERS.items():
		changes = [
			f"modify `{name}` {column_type} null default null"
			for name, column_type, is_nullable in _columns(doctype, fieldnames)
			if is_nullable != "YES"
		]
		if changes:
			frappe.db.sql_ddl(f"alter table `tab{doctype}` {', '.join(changes)}")
		_nullable.pop((frappe.local.site, doctype), None)
