"""What the database columns can hold: every value must fit its column, or the save fails with a 500.

Frappe v15 on MariaDB stores Currency, Float and Percent as ``decimal(21,9)`` (12 digits before the point),
Int as ``int(11)``, Data, Link and Select as ``varchar(140)`` (or the field's own length), Small Text and
Text as ``text`` (65,535 bytes in utf-8: a Chinese character takes 3) and Long Text, Text Editor and Code
as ``longtext``. Values arrive as sent (JSON over REST: ``1e400`` is ``inf``, a postcode may be a number):
the checks here read them with rules/values.py, which reads any value as text or as a number without failing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from cluster_brand.rules import Violation, _
from cluster_brand.rules.values import INVALID, as_text, finite_number, parse_number, whole_number

# decimal(21,9): a value must be less than 10**12 in absolute value.
DECIMAL_LIMIT = 10**12
# int(11) is a signed 32-bit integer.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
# bigint(20), Frappe's Long Int.
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1
# decimal(3,2), Frappe's Rating.
RATING_LIMIT = 10
# varchar(140), unless the field sets its own length: counted in characters.
VARCHAR_LENGTH = 140
# text: counted in bytes of utf-8.
TEXT_BYTES = 65_535
BYTES_PER_CHINESE_CHARACTER = 3

DECIMAL_FIELDTYPES = frozenset({"Currency", "Float", "Percent", "Duration"})
INT_FIELDTYPES = frozenset({"Int"})
BIGINT_FIELDTYPES = frozenset({"Long Int"})
RATING_FIELDTYPES = frozenset({"Rating"})
VARCHAR_FIELDTYPES = frozenset(
	{"Data", "Link", "Dynamic Link", "Select", "Read Only", "Color", "Icon", "Phone", "Autocomplete"}
)
TEXT_FIELDTYPES = frozenset({"Small Text", "Text", "Password", "Attach", "Attach Image"})
# longtext (4 GB) and the rest (Check, Date, JSON, tables, layout) are not checked here.
LONGTEXT_FIELDTYPES = frozenset(
	{
		"Long Text",
		"Code",
		"Text Editor",
		"Markdown Editor",
		"HTML Editor",
		"Signature",
		"Barcode",
		"Geolocation",
	}
)
NUMBER_FIELDTYPES = DECIMAL_FIELDTYPES | INT_FIELDTYPES | BIGINT_FIELDTYPES | RATING_FIELDTYPES

# Messages by kind: plain, in a row, and in a row of a named table.
_NOT_A_NUMBER = (
	_("{item} is not a valid number."),
	_("Row {row}: {item} is not a valid number."),
	_("{table}, row {row}: {item} is not a valid number."),
)
_DECIMAL_TOO_LARGE = (
	_("{item} must be less than {limit} (and more than -{limit})."),
	_("Row {row}: {item} must be less than {limit} (and more than -{limit})."),
	_("{table}, row {row}: {item} must be less than {limit} (and more than -{limit})."),
)
_OUT_OF_RANGE = (
	_("{item} must be between {minimum} and {maximum}."),
	_("Row {row}: {item} must be between {minimum} and {maximum}."),
	_("{table}, row {row}: {item} must be between {minimum} and {maximum}."),
)
_TOO_MANY_CHARACTERS = (
	_("{item} is too long: at most {limit} characters, not {length}."),
	_("Row {row}: {item} is too long: at most {limit} characters, not {length}."),
	_("{table}, row {row}: {item} is too long: at most {limit} characters, not {length}."),
)
_TOO_MANY_BYTES = (
	_(
		"{item} is too long: at most {limit} bytes, that is {chinese} Chinese characters (3 bytes each) or {limit} letters and digits; it has {length} bytes."
	),
	_(
		"Row {row}: {item} is too long: at most {limit} bytes, that is {chinese} Chinese characters (3 bytes each) or {limit} letters and digits; it has {length} bytes."
	),
	_(
		"{table}, row {row}: {item} is too long: at most {limit} bytes, that is {chinese} Chinese characters (3 bytes each) or {limit} letters and digits; it has {length} bytes."
	),
)


def fits_column(value, fieldtype: str = "Float") -> bool:
	"""Whether a (finite) number fits the column of ``fieldtype``."""
	number = parse_number(value)
	if number is INVALID:
		return False
	if number is None:
		return True
	if fieldtype in DECIMAL_FIELDTYPES:
		return abs(number) < DECIMAL_LIMIT
	if fieldtype in INT_FIELDTYPES:
		return INT_MIN <= int(number) <= INT_MAX
	if fieldtype in BIGINT_FIELDTYPES:
		return BIGINT_MIN <= int(number) <= BIGINT_MAX
	if fieldtype in RATING_FIELDTYPES:
		return abs(number) < RATING_LIMIT
	return True


def storable(value, fieldtype: str = "Float"):
	"""A derived number as it can be stored: itself when finite and within its column, else None (blank)."""
	number = finite_number(value)
	return number if number is not None and fits_column(number, fieldtype) else None


def _violation(
	messages: tuple, args: dict, fieldname: str | None, row: int | None, table_item: str | None
) -> Violation:
	translate = ("item",)
	if table_item is not None and row is not None:
		message = messages[2]
		args = {**args, "table": table_item, "row": row}
		translate = ("item", "table")
	elif row is not None:
		message = messages[1]
		args = {**args, "row": row}
	else:
		message = messages[0]
	return Violation(message, args, fieldname, row, translate)


def _grouped(number: int) -> str:
	return f"{number:,}"


def check_number(
	value,
	fieldtype: str,
	item: str,
	fieldname: str | None = None,
	row: int | None = None,
	table_item: str | None = None,
) -> Violation | None:
	"""A Violation when a filled number is no finite number or does not fit the column of ``fieldtype``."""
	number = parse_number(value)
	if number is None:
		return None
	if number is INVALID:
		return _violation(_NOT_A_NUMBER, {"item": item}, fieldname, row, table_item)
	if fits_column(number, fieldtype):
		return None
	if fieldtype in DECIMAL_FIELDTYPES or fieldtype in RATING_FIELDTYPES:
		limit = DECIMAL_LIMIT if fieldtype in DECIMAL_FIELDTYPES else RATING_LIMIT
		return _violation(
			_DECIMAL_TOO_LARGE, {"item": item, "limit": _grouped(limit)}, fieldname, row, table_item
		)
	minimum, maximum = (INT_MIN, INT_MAX) if fieldtype in INT_FIELDTYPES else (BIGINT_MIN, BIGINT_MAX)
	return _violation(
		_OUT_OF_RANGE,
		{"item": item, "minimum": _grouped(minimum), "maximum": _grouped(maximum)},
		fieldname,
		row,
		table_item,
	)


def check_text(
	value,
	fieldtype: str,
	item: str,
	fieldname: str | None = None,
	row: int | None = None,
	table_item: str | None = None,
	length: int | None = None,
) -> Violation | None:
	"""A Violation when a text is longer than its column: characters for varchar (``length`` or 140),
	utf-8 bytes for text."""
	if value is None:
		return None
	if fieldtype in VARCHAR_FIELDTYPES:
		limit, text = length or VARCHAR_LENGTH, as_text(value)
		if len(text) > limit:
			return _violation(
				_TOO_MANY_CHARACTERS,
				{"item": item, "limit": _grouped(limit), "length": _grouped(len(text))},
				fieldname,
				row,
				table_item,
			)
	elif fieldtype in TEXT_FIELDTYPES:
		size = len(as_text(value).encode("utf-8", errors="surrogatepass"))
		if size > TEXT_BYTES:
			return _violation(
				_TOO_MANY_BYTES,
				{
					"item": item,
					"limit": _grouped(TEXT_BYTES),
					"chinese": _grouped(TEXT_BYTES // BYTES_PER_CHINESE_CHARACTER),
					"length": _grouped(size),
				},
				fieldname,
				row,
				table_item,
			)
	return None


def check_capacity(
	record: dict,
	fields: Iterable[tuple],
	row: int | None = None,
	table_item: str | None = None,
	table_field: str | None = None,
) -> list[Violation]:
	"""A Violation for every value of ``record`` that its database column cannot hold.

	``fields``: (fieldname, fieldtype, English label) or (fieldname, fieldtype, English label, length), e.g.
	``(df.fieldname, df.fieldtype, df.label, df.length)`` for each field of the DocType's meta; the label is
	translated with the message. A row of a child table gives its ``row`` (1, 2 …), the table's label
	``table_item`` and its fieldname ``table_field`` (the Violation's fieldname, as in the other rules).
	Fieldtypes without a limit (Check, Date, Long Text, tables, layout …) are skipped. A field without a
	label is named by its fieldname.
	"""
	violations = []
	for field in fields:
		fieldname, fieldtype, label = field[0], field[1], field[2] or field[0]
		length = whole_number(field[3]) if len(field) > 3 else None
		if fieldtype in INT_FIELDTYPES and length and length > 11:
			fieldtype = "Long Int"  # Frappe makes such an Int a bigint column
		value = record.get(fieldname)
		where = table_field or fieldname
		if fieldtype in NUMBER_FIELDTYPES:
			v = check_number(value, fieldtype, label, where, row, table_item)
		else:
			v = check_text(value, fieldtype, label, where, row, table_item, length or None)
		if v:
			violations.append(replace(v, column=fieldname) if table_field else v)
	return violations


def check_table_capacity(
	rows: Iterable[dict], fields: Iterable[tuple], table_item: str, table_field: str | None = None
) -> list[Violation]:
	"""``check_capacity`` of each row of a child table, rows counted from 1."""
	fields = tuple(fields)
	violations = []
	for idx, record in enumerate(rows or [], start=1):
		violations += check_capacity(record, fields, idx, table_item, table_field)
	return violations


@dataclass(frozen=True)
class ColumnSizes:
	"""The limited columns of a form: ``fields`` as ``check_capacity`` reads them, ``tables`` as (the table's
	fieldname, its label, the fields of its rows)."""

	fields: tuple = ()
	tables: tuple = ()


def check_document_capacity(document, sizes: ColumnSizes) -> list[Violation]:
	"""``check_capacity`` of a form and of every row of its tables (``document`` as plain data, or anything
	with ``get``)."""
	violations = check_capacity(document, sizes.fields)
	for table_field, table_item, fields in sizes.tables:
		violations += check_table_capacity(document.get(table_field) or [], fields, table_item, table_field)
	return violations
