"""How the import templates look: the form's title above, its notes, the official heads, bordered cells to fill.
One look for every template, so that a unit recognises the form's table in each."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(name="黑体", size=14, bold=True)
HEAD_FONT = Font(name="宋体", size=11, bold=True)
BODY_FONT = Font(name="宋体", size=11)
NOTE_FONT = Font(name="宋体", size=10, color="404040")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def new_sheet(title: str, sheet_name: str, heads: list[str], widths: list[int], notes: tuple[str, ...] = ()):
	"""A workbook whose sheet starts with ``title`` (merged over the heads), the ``notes`` (one merged row
	each) and the row of ``heads``; returns (workbook, sheet, the row number of the heads)."""
	book = Workbook()
	sheet = book.active
	sheet.title = sheet_name[:31]  # Excel's limit
	last = get_column_letter(len(heads))
	sheet.append([title])
	sheet.merge_cells(f"A1:{last}1")
	sheet["A1"].font = TITLE_FONT
	sheet["A1"].alignment = CENTRE
	sheet.row_dimensions[1].height = 28
	for note in notes:
		sheet.append([note])
		row = sheet.max_row
		sheet.merge_cells(f"A{row}:{last}{row}")
		sheet[f"A{row}"].font = NOTE_FONT
		sheet[f"A{row}"].alignment = WRAP
		sheet.row_dimensions[row].height = 15 * max(1, len(note) // 60 + 1)
	sheet.append(heads)
	head_row = sheet.max_row
	for column, width in enumerate(widths, start=1):
		cell = sheet.cell(head_row, column)
		cell.font, cell.alignment, cell.border, cell.fill = HEAD_FONT, CENTRE, BORDER, HEAD_FILL
		sheet.column_dimensions[get_column_letter(column)].width = width
	# a coordinate: sheet.cell() would make the row, and append() would skip it
	sheet.freeze_panes = f"A{head_row + 1}"
	print_setup(sheet, head_row)
	return book, sheet, head_row


def print_setup(sheet, head_row: int):
	"""Printed as the annex prints its tables: A4 landscape, the table one page wide, its heads on every
	page."""
	sheet.page_setup.orientation = "landscape"
	sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
	sheet.sheet_properties.pageSetUpPr.fitToPage = True
	sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
	sheet.print_title_rows = f"{head_row}:{head_row}"


LINE_HEIGHT = 15  # points, a line of 11-point 宋体


def display_width(value: str) -> int:
	"""The characters' width: two for a CJK (wide) character, one for the rest."""
	return sum(2 if ord(char) > 0x2E7F else 1 for char in value)


def line_count(value, width: float) -> int:
	"""How many lines ``value`` wraps to in a column ``width`` characters wide."""
	per_line = max(int(width) - 1, 1)
	written = "" if value is None else str(value)
	return sum(max(1, -(-display_width(part) // per_line)) for part in written.split("\n"))


def fit_height(sheet, row: int, lines: int):
	"""The row as high as ``lines`` lines: a sheet stores no height that Excel or WPS would compute for the
	wrapped text of a generated file, so a long answer would show as one cut line."""
	sheet.row_dimensions[row].height = LINE_HEIGHT * max(lines, 1) + 3


def fill_row(sheet, values: list, number_formats: dict[int, str] | None = None):
	"""Append a bordered row to fill, as high as its longest text wraps to; ``number_formats``: column
	(1-based) → Excel number format."""
	sheet.append(values)
	row = sheet.max_row
	for column in range(1, len(values) + 1):
		cell = sheet.cell(row, column)
		cell.font, cell.border = BODY_FONT, BORDER
		cell.alignment = WRAP
		if number_formats and column in number_formats:
			cell.number_format = number_formats[column]
	widths = [sheet.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, len(values) + 1)]
	fit_height(sheet, row, max(line_count(v, w) for v, w in zip(values, widths, strict=True)))
	return row


def as_bytes(book) -> bytes:
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()
