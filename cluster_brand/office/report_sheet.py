"""The Excel sheet of a programme report's export (cluster_brand/api/report_export.py): the report's title, its
filters, the export's date and reader in the head rows, then the column heads and the rows as the report ran
for its reader. Numbers are numbers (a province sums its own column in Excel), the total rows bold, the
sheet frozen below the head. Plain Python: the caller gives every text translated already."""

import csv
import io
import math
import re
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cluster_brand.office.sheet_layout import as_bytes, display_width, print_setup

NUMERIC = frozenset({"Int", "Float", "Currency", "Percent"})
DATES = frozenset({"Date", "Datetime"})
CHECK_MARK = "✓"  # a Check column's ticked cell, as the screen's checkbox; unticked stays blank

# Excel's column width is counted in characters of the default font; a CJK character takes two
MIN_WIDTH, MAX_WIDTH = 6, 60
HEAD_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="E8ECF1")
THIN = Side(style="thin", color="B0B7C3")
# what a sheet name may not hold (Excel refuses the file otherwise), and its length
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def report_table(head: list[str], columns: list[dict], rows: list[dict]) -> list[list]:
	"""The export as rows of plain values, as the CSV holds it: the head lines, a blank row, the column
	heads, the report's rows in its columns' order."""
	table = [[line] for line in head]
	table.append([])
	table.append([column.get("label") or "" for column in columns])
	table.extend([cell_value(column, row.get(column["fieldname"])) for column in columns] for row in rows)
	return table


def build_report_sheet(title: str, head: list[str], columns: list[dict], rows: list[dict]) -> bytes:
	"""The .xlsx of a report: ``title`` in the first row, each of ``head`` (the filters as 「label：value」,
	when and by whom it was exported) in a row of its own, a blank row, the heads of ``columns`` (the report's
	columns: fieldname, label, fieldtype, width in px, precision) and ``rows`` (dicts by fieldname; a row
	with ``is_total`` is bold)."""
	book = Workbook()
	sheet = book.active
	sheet.title = sheet_name(title)
	sheet.append([text(title)])
	sheet.cell(1, 1).font = TITLE_FONT
	for line in head:
		sheet.append([text(line)])
	sheet.append([])
	heading_row = len(head) + 3  # the title, the head lines, a blank row
	sheet.append([text(column.get("label") or "") for column in columns])
	for cell in sheet[heading_row]:
		cell.font = HEAD_FONT
		cell.fill = HEAD_FILL
		cell.border = Border(bottom=THIN)
		cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

	formats = [number_format(column) for column in columns]
	for index, row in enumerate(rows, start=heading_row + 1):
		sheet.append([cell_value(column, row.get(column["fieldname"])) for column in columns])
		written = sheet[index]
		for cell, column, fmt in zip(written, columns, formats, strict=False):
			if isinstance(cell.value, str):
				# a value typed as 「=…」 is text here, never a formula Excel would run
				cell.data_type = "s"
			elif fmt and cell.value is not None:
				cell.number_format = fmt
			if column.get("fieldtype") in NUMERIC:
				cell.alignment = Alignment(horizontal="right")
			if row.get("is_total"):
				cell.font = HEAD_FONT

	widths = column_widths(columns, rows)
	for index, width in enumerate(widths, start=1):
		sheet.column_dimensions[get_column_letter(index)].width = width
	# the heads wrap within their column: as many lines as the longest needs
	lines = max(
		(
			-(-display_width(column.get("label") or "") // max(int(width) - 1, 1))
			for column, width in zip(columns, widths, strict=True)
		),
		default=1,
	)
	sheet.row_dimensions[heading_row].height = 15 * max(lines, 1) + 4
	# the title and the column heads stay in view while the rows scroll
	sheet.freeze_panes = sheet.cell(heading_row + 1, 1)
	print_setup(sheet, heading_row)
	return as_bytes(book)


def build_report_csv(head: list[str], columns: list[dict], rows: list[dict]) -> bytes:
	"""The same table as CSV (UTF-8 with a BOM, as Excel opens Chinese text from a CSV rightly)."""
	out = io.StringIO()
	writer = csv.writer(out)
	for line in report_table(head, columns, rows):
		writer.writerow(["" if value is None else value for value in line])
	return ("\ufeff" + out.getvalue()).encode("utf-8")


def cell_value(column: dict, value):
	"""A report cell as the sheet holds it: a number for a number column, a date for a date column, ✓ for a
	ticked check, text for the rest; None (a blank cell) for a blank, never 0."""
	if value is None or value == "":
		return None
	fieldtype = column.get("fieldtype") or "Data"
	if fieldtype in NUMERIC:
		number = _number(value)
		if number is None:
			return text(value)  # a total row's words in a number column
		if fieldtype == "Int" and float(number).is_integer():
			return int(number)
		return number
	if fieldtype in DATES:
		return _date(value, fieldtype) or text(value)
	if fieldtype == "Check":
		return CHECK_MARK if _number(value) else None
	return text(value)


def number_format(column: dict) -> str | None:
	"""The Excel number format of a column: a Percent column holds the screen's figure (45.2 for 45.2%)."""
	fieldtype = column.get("fieldtype")
	if fieldtype == "Int":
		return "0"
	if fieldtype in ("Float", "Currency", "Percent"):
		precision = column.get("precision")
		places = int(precision) if str(precision or "").isdigit() else 2
		decimals = "0." + "0" * places if places else "0"
		if fieldtype == "Percent":
			return f'{decimals}"%"'
		return f"#,##{decimals}"
	if fieldtype == "Date":
		return "yyyy-mm-dd"
	if fieldtype == "Datetime":
		return "yyyy-mm-dd hh:mm"
	return None


def column_widths(columns: list[dict], rows: list[dict]) -> list[float]:
	"""Each column as wide as its widest value (the head wraps), at least what the screen gives it."""
	widths = []
	for column in columns:
		widest = max(
			(display_width(_shown(column, row.get(column["fieldname"]))) for row in rows),
			default=0,
		)
		on_screen = (column.get("width") or 0) / 8
		widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, widest + 2, on_screen))))
	return widths


def sheet_name(title: str) -> str:
	return _SHEET_NAME_FORBIDDEN.sub(" ", title or "Sheet")[:31].strip() or "Sheet"


def text(value) -> str:
	"""A value as sheet text, without the control characters a sheet may not hold."""
	return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _shown(column: dict, value) -> str:
	value = cell_value(column, value)
	if value is None:
		return ""
	if isinstance(value, float):
		return f"{value:,.2f}"
	if isinstance(value, datetime):
		return value.strftime("%Y-%m-%d %H:%M")
	return str(value)


def _number(value) -> float | int | None:
	if isinstance(value, bool):
		return int(value)
	if isinstance(value, int):
		return value
	try:
		number = float(value) if isinstance(value, float) else float(str(value).replace(",", ""))
	except ValueError:
		return None
	return number if math.isfinite(number) else None


def _date(value, fieldtype: str):
	if isinstance(value, datetime):
		return value if fieldtype == "Datetime" else value.date()
	if isinstance(value, date):
		return value
	try:
		parsed = datetime.fromisoformat(str(value))
	except ValueError:
		return None
	return parsed if fieldtype == "Datetime" else parsed.date()
