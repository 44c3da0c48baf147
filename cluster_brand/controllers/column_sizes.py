"""The sizes of a document's database columns, as the rules check them (rules/capacity.py): every value of
a programme form must fit its column, or the database would refuse the save with a 500."""

import frappe
from frappe import _

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.rules import Violation
from cluster_brand.rules.capacity import (
	NUMBER_FIELDTYPES,
	TEXT_FIELDTYPES,
	VARCHAR_FIELDTYPES,
	ColumnSizes,
	check_document_capacity,
)

LIMITED_FIELDTYPES = NUMBER_FIELDTYPES | VARCHAR_FIELDTYPES | TEXT_FIELDTYPES


def _limited_fields(meta) -> tuple[tuple, ...]:
	"""(fieldname, fieldtype, English label, length) of each field whose column has a limit."""
	return tuple(
		(df.fieldname, df.fieldtype, df.label, df.length)
		for df in meta.fields
		if df.fieldtype in LIMITED_FIELDTYPES
	)


def column_sizes(meta) -> ColumnSizes:
	"""The limited columns of a DocType and of its child tables, for check_document_capacity."""
	return ColumnSizes(
		fields=_limited_fields(meta),
		tables=tuple(
			(table_df.fieldname, table_df.label, _limited_fields(frappe.get_meta(table_df.options)))
			for table_df in meta.get_table_fields()
		),
	)


def values_as_sent(doc, sizes: ColumnSizes) -> dict:
	"""The values of ``doc``'s limited columns, and of its rows', as the save holds them: not cast as the rules'
	input is (``as_dict`` stores a text sent for a number as 0, which the storable check must refuse)."""
	values = {fieldname: doc.get(fieldname) for fieldname, *_rest in sizes.fields}
	for table_field, _label, fields in sizes.tables:
		values[table_field] = [
			{fieldname: row.get(fieldname) for fieldname, *_rest in fields}
			for row in doc.get(table_field) or []
		]
	return values


def storable_violations(doc) -> list[Violation]:
	"""Every value of ``doc`` and of its child rows that its database column cannot hold (rules/capacity.py):
	texts too long, numbers that are no finite number or too large for their column."""
	return check_document_capacity(doc, column_sizes(doc.meta))


def validate_storable(doc):
	"""Refuses, with each item named, what the database would refuse with a 500 (called in validate of the
	registers' DocTypes, before the record reaches the database)."""
	throw_violations(storable_violations(doc), _(doc.doctype), doc=doc)
