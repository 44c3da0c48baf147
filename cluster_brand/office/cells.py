"""A filled sheet's cells as the programme's imports read them, tolerant of what real sheets contain.

People fill the templates in Excel and WPS, copy rows from other sheets and type on Chinese keyboards: numbers
arrive as text (「1,234.5」, full-width 「１２３」), heads carry their unit (资产（亿元）instead of 万元), a title
row is merged above the heads, blank rows and a 合计 row close the table. Each function here reads one of these;
what a value means is the importing table's business.
"""

import calendar
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from cluster_brand.rules.values import INVALID

# 万元 per unit of money named in a head: a sheet may state its amounts in any of these
WAN_PER_UNIT = {"元": 0.0001, "千元": 0.1, "万元": 1, "百万元": 100, "亿元": 10_000}
# the longest first: 「亿元」 also ends in 「元」
_UNITS = sorted(WAN_PER_UNIT, key=len, reverse=True)
_UNIT_IN_HEAD = re.compile(
	r"[(（\[【]\s*(" + "|".join(_UNITS) + r")\s*[)）\]】]|单位\s*[:：]\s*(" + "|".join(_UNITS) + ")"
)
TOTAL_WORDS = ("合计", "总计", "小计", "共计")
# thousands separators and the spaces people type into numbers (incl. the full-width and no-break ones, which
# NFKC turns into plain spaces)
_NUMBER_NOISE = re.compile(r"[,，'\s]")
_MINUS = str.maketrans({"−": "-", "－": "-", "—": "-", "–": "-"})


def text(value) -> str:
	"""A cell as text: full-width letters, digits and spaces made half-width (NFKC), runs of whitespace made one
	space, trimmed; a whole number stored as 3.0 reads 「3」; an empty cell reads ""."""
	if value is None:
		return ""
	if isinstance(value, float) and math.isfinite(value) and value.is_integer():
		value = int(value)
	return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def head_key(value) -> str:
	"""A column head as heads are matched: its text without spaces, line breaks and the unit in brackets
	(「资产\n（亿元）」 and 「资产(万元)」 both read 「资产」)."""
	return re.sub(r"\s", "", _UNIT_IN_HEAD.sub("", text(value)))


def head_unit(value) -> str | None:
	"""The unit of money a head states (「销售收入（亿元）」 → 「亿元」), None where it states none."""
	match = _UNIT_IN_HEAD.search(text(value))
	return (match.group(1) or match.group(2)) if match else None


def number(value):
	"""A cell as a number: an int or a finite float; None for an empty cell; ``INVALID`` for text that is no
	number. Reads 「1,234.5」, 「１２３」, 「 1 234 」, 「−5」 and a trailing 「万元」 or 「%」 as people type them."""
	if value is None or isinstance(value, bool):
		return None if value is None else INVALID
	if isinstance(value, int):
		return value
	if isinstance(value, float):
		return value if math.isfinite(value) else INVALID
	written = _NUMBER_NOISE.sub("", text(value).translate(_MINUS))
	for unit in (*_UNITS, "%"):
		written = written.removesuffix(unit)
	if not written:
		return None
	try:
		parsed = float(written)
	except ValueError:
		return INVALID
	if not math.isfinite(parsed):
		return INVALID
	return (
		int(parsed) if parsed.is_integer() and "." not in written and "e" not in written.lower() else parsed
	)


def in_wan(amount, unit: str | None):
	"""``amount`` stated in ``unit`` (a key of WAN_PER_UNIT, None for 万元) as 万元, rounded to what the
	conversion cannot add (1.2345 亿元 is 12345 万元, not 12344.999999999998)."""
	if amount is None or amount is INVALID:
		return amount
	return round(amount * WAN_PER_UNIT[unit or "万元"], 6)


def in_yi(amount, unit: str | None):
	"""``amount`` stated in ``unit`` (None for 亿元) as 亿元 (the indicators' unit)."""
	if amount is None or amount is INVALID:
		return amount
	return round(amount * WAN_PER_UNIT[unit or "亿元"] / WAN_PER_UNIT["亿元"], 8)


@dataclass(frozen=True)
class SheetRow:
	"""One row of a sheet: its number as Excel shows it (1-based) and its cells' values."""

	number: int
	cells: tuple

	def cell(self, column: int | None):
		return self.cells[column] if column is not None and column < len(self.cells) else None

	def is_blank(self) -> bool:
		return not any(text(value) for value in self.cells)

	def is_total(self) -> bool:
		"""A 合计 row: its first filled cells (序号 or the name) say 合计, 总计, 小计 or 共计."""
		filled = [text(value).replace(" ", "") for value in self.cells if text(value)][:2]
		return any(word in value for value in filled for word in TOTAL_WORDS)


class UnreadableWorkbook(ValueError):
	"""The file is no .xlsx workbook openpyxl can read."""


def sheet_rows(content: bytes, sheet: str | None = None) -> list[SheetRow]:
	"""The rows of the workbook's first sheet (or the sheet named ``sheet`` when it has one), values only
	(formulas read as Excel last computed them; a merged title reads in its first cell)."""
	try:
		book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
	except (
		Exception
	) as error:  # openpyxl raises several kinds (zip, XML, key errors) for a file it cannot read
		raise UnreadableWorkbook(str(error)) from error
	try:
		worksheet = book[sheet] if sheet and sheet in book.sheetnames else book.worksheets[0]
		return [
			SheetRow(number, tuple(values))
			for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
		]
	finally:
		book.close()


def find_heads(rows: list[SheetRow], heads: dict[str, str], required: tuple[str, ...], scan: int = 15):
	"""The row of column heads among the first ``scan`` rows, and where each head is.

	``heads``: key → the official head without its unit (「资产」, matched by head_key); ``required``: the keys
	that identify the row. Returns (index of the head row in ``rows``, {key: column}, {key: the unit its head
	states or None}), or None when no row carries every required head (a title row above is skipped)."""
	wanted = {head_key(head): key for key, head in heads.items()}
	for index, row in enumerate(rows[:scan]):
		columns, units = {}, {}
		for column, value in enumerate(row.cells):
			key = wanted.get(head_key(value))
			if key and key not in columns:
				columns[key] = column
				units[key] = head_unit(value)
		if all(key in columns for key in required):
			return index, columns, units
	return None


_DATE_PATTERNS = (
	# 2018-06-30, 2018/6/30, 2018.6.30, 2018年6月30日
	(re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$"), "day"),
	# 2018-06, 2018.6, 2018年6月 (底/末/前): the month's last day
	(re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*(?:底|末|前|份)?$"), "month"),
	# 2018, 2018年 (底/末/前): the year's last day
	(re.compile(r"^(\d{4})\s*年?\s*(?:底|末|前|内)?$"), "year"),
)
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included); a date typed in a General cell
_EXCEL_EPOCH = date(1899, 12, 30)


def day(value):
	"""A cell as a date: a date or datetime cell as its day; text as people write a time node (2018-06-30,
	2018/6/30, 2018年6月30日; 2018年6月 and 2018年 as the last day of that month or year, 年底 too); an Excel day
	number (43281) as its day. None for an empty cell, ``INVALID`` for anything else."""
	if value is None:
		return None
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, int | float) and not isinstance(value, bool):
		if 1 <= value <= 2_958_465 and float(value).is_integer():  # up to 9999-12-31
			return _EXCEL_EPOCH + timedelta(days=int(value))
		return INVALID
	written = text(value)
	if not written:
		return None
	for pattern, precision in _DATE_PATTERNS:
		match = pattern.match(written)
		if not match:
			continue
		parts = [int(part) for part in match.groups()]
		try:
			if precision == "day":
				return date(*parts)
			if precision == "month":
				year, month = parts
				return date(year, month, calendar.monthrange(year, month)[1])
			return date(parts[0], 12, 31)
		except ValueError:
			return INVALID
	return INVALID
