"""What a request may send for a field of each type: the shapes a document's values must have before Frappe
takes them (cluster_brand/permissions/request_input.py checks every document a request writes against these).

Frappe takes a document's values as sent: a table sent as text fails with a Python error, a text sent as an
object is stored as its Python repr, a date that is no date reaches MariaDB (error 1292), a Check sent as
"true" is stored as 0. Each check returns the problem as a message template with ``{item}`` (the field's
official name) and ``{value}``, or None when the value may be taken.
"""

import json
import re
from datetime import date, datetime

from cluster_brand.rules import _
from cluster_brand.rules.values import INVALID, parse_number

NUMBER_FIELDTYPES = frozenset({"Int", "Long Int", "Float", "Currency", "Percent", "Rating", "Duration"})
CHECK_FIELDTYPES = frozenset({"Check"})
DATE_FIELDTYPES = frozenset({"Date"})
DATETIME_FIELDTYPES = frozenset({"Datetime"})
TABLE_FIELDTYPES = frozenset({"Table", "Table MultiSelect"})
# stored as text: a list or an object is no text (JSON and Geolocation fields keep theirs, and are not here)
TEXT_FIELDTYPES = frozenset(
	{
		"Data",
		"Small Text",
		"Text",
		"Long Text",
		"Text Editor",
		"Markdown Editor",
		"HTML Editor",
		"Code",
		"Select",
		"Link",
		"Dynamic Link",
		"Read Only",
		"Attach",
		"Attach Image",
		"Color",
		"Phone",
		"Autocomplete",
		"Password",
		"Signature",
		"Barcode",
		"Icon",
	}
)

NOT_TEXT = _("{item} is text: it cannot be a list or an object ({value}).")
NOT_A_NUMBER = _("{item} is a number: {value} is not a number.")
NOT_A_CHECK = _("{item} is ticked (1) or not (0): {value} is neither.")
NOT_A_DATE = _("{item} is a date, written as 2017-06-30: {value} is no date of the calendar.")
NOT_A_TABLE = _("{item} is a table: a list of rows, each an object of its fields, not {value}.")
NOT_A_ROW = _("{table}, row {row}: a row is an object of its fields, not {value}.")
# where a field of a child row is: the table's official name, the row's number, the field's
IN_ROW = _("{table}, row {row}: {item}")

# YYYY-MM-DD, optionally with a time (as Frappe writes a Datetime)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$")


def shown(value) -> str:
	"""A sent value as a message quotes it: JSON, cut short."""
	try:
		text = json.dumps(value, ensure_ascii=False, default=str)
	except (TypeError, ValueError):
		text = repr(value)
	return text if len(text) <= 60 else text[:57] + "..."


def is_blank(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def calendar_date(value) -> date | None:
	"""``value`` as a date when it is one: a date, or ISO text (2017-06-30, with a time or not) of a day
	the calendar has in the years 1–9999; None otherwise (2017-02-30, "not a date", 0000-01-01)."""
	if isinstance(value, date):  # a datetime is a date too
		return value
	if not isinstance(value, str):
		return None
	match = _ISO_DATE.match(value.strip())
	if not match:
		return None
	year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups())
	try:
		moment = datetime(year, month, day, hour, minute, second)
		return moment if match.group(4) else moment.date()
	except ValueError:
		return None


def value_problem(fieldtype: str, value) -> str | None:
	"""The problem of ``value`` sent for a field of ``fieldtype`` (tables: see ``table_problem``)."""
	if fieldtype in TEXT_FIELDTYPES:
		return NOT_TEXT if isinstance(value, list | dict) else None
	if is_blank(value):
		return None
	if fieldtype in NUMBER_FIELDTYPES:
		if isinstance(value, bool) or parse_number(value) is INVALID:
			return NOT_A_NUMBER
		return None
	if fieldtype in CHECK_FIELDTYPES:
		if isinstance(value, int | float):  # True and False are ints
			return None if value in (0, 1) else NOT_A_CHECK
		return None if value in ("0", "1") else NOT_A_CHECK
	if fieldtype in DATE_FIELDTYPES | DATETIME_FIELDTYPES:
		return None if calendar_date(value) else NOT_A_DATE
	return None


def table_problem(value) -> str | None:
	"""A table is sent as a list of rows, or left out; blank (null) would empty it unsaid."""
	if isinstance(value, list):
		return None
	return NOT_A_TABLE


def row_problem(row) -> str | None:
	return None if isinstance(row, dict) else NOT_A_ROW
