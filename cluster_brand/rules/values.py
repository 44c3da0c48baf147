"""Any value as the rules read it: as text, or as a number without failing. Values arrive as sent (JSON over
REST: ``1e400`` is ``inf``, a postcode may be a number, a score may be text); a rule reads them here, and a
wrong entry is reported by the checks (rules/capacity.py for the columns) rather than failing a computation.
"""

import math
from decimal import Decimal


def as_text(value) -> str:
	"""Any value as the text a string rule reads: None → "", 310000 → "310000", 310000.0 → "310000"."""
	if value is None:
		return ""
	if isinstance(value, str):
		return value
	if isinstance(value, float) and math.isfinite(value) and value.is_integer():
		return str(int(value))
	return str(value)


# Integers beyond this cannot take part in float arithmetic (int / int raises OverflowError).
_HUGE = 10**300


class _Invalid:
	"""Marks a value that is filled but no finite number."""


INVALID = _Invalid()


def parse_number(value):
	"""``value`` as an int or a finite float; None when not filled; ``INVALID`` when it is no finite number.

	Strings are read as Frappe's ``flt`` reads them (thousands separators dropped): "1e400" is invalid.
	"""
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	if isinstance(value, bool):
		return int(value)
	if isinstance(value, int):
		return value
	if isinstance(value, Decimal):
		return float(value) if value.is_finite() and math.isfinite(float(value)) else INVALID
	if isinstance(value, str):
		try:
			value = float(value.replace(",", "").strip())
		except ValueError:
			return INVALID
	if isinstance(value, float):
		return value if math.isfinite(value) else INVALID
	return INVALID


def number_text(value) -> str:
	"""A number as a message shows it: -5, not -5.0."""
	return (
		f"{value:g}" if isinstance(value, float) and value == int(value) and abs(value) < 1e15 else str(value)
	)


def finite_number(value, default=None):
	"""``value`` as an int or a finite float, or ``default`` when it is missing or no finite number.

	For derived values: a wrong entry is reported by the checks, the computation must not fail on it."""
	if type(value) is float:  # what the database gives: the reports read thousands
		return value if math.isfinite(value) else default
	number = parse_number(value)
	if number is None or number is INVALID or (isinstance(number, int) and abs(number) >= _HUGE):
		return default
	return number


def whole_number(value) -> int | None:
	"""``value`` as an int when it is a finite whole number (2017, 2017.0, "2017"), else None."""
	number = finite_number(value)
	if number is None or number != int(number):
		return None
	return int(number)
