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
	sheet.freeze_panes = (
		f"A{head_row + 1}"  # a coordinate: sheet.cell() would make the row, and append skip it
	)
	return book, sheet, head_row


def fill_row(sheet, values: list, number_formats: dict[int, str] | None = None):
	"""Append a bordered row to fill; ``number_formats``: column (1-based) → Excel number format."""
	sheet.append(values)
	row = sheet.max_row
	for column in range(1, len(values) + 1):
		cell = sheet.cell(row, column)
		cell.font, cell.border = BODY_FONT, BORDER
		cell.alignment = WRAP
		if number_formats and column in number_formats:
			cell.number_format = number_formats[column]
	return row


def as_bytes(book) -> bytes:
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()
