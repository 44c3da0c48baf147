"""The look of the programme's Word forms, built with python-docx: A4 with the margins of official documents
(GB/T 9704), the forms' Chinese type (黑体 headings, 仿宋 text, 宋体 tables), ruled tables with merged cells,
the page number in the footer, a landscape section for a wide annex. No Frappe import.

python-docx has no setting for a run's East Asian font, a repeated table header or a footer field; these few
set the attributes on the elements python-docx made (docx.oxml), as its documentation shows."""

from io import BytesIO

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HEI = "黑体"  # headings, as the official form
FANGSONG = "仿宋"  # running text
SONG = "宋体"  # tables
LATIN = "Times New Roman"  # digits and Latin letters beside the Chinese

A4 = (Cm(21), Cm(29.7))
# top, bottom, left, right of a portrait page (GB/T 9704's 公文 margins); a landscape page turns them
MARGINS = (Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6))
BODY_SIZE = Pt(12)  # 小四
TABLE_SIZE = Pt(10.5)  # 五号
SMALL_SIZE = Pt(9)  # 小五: the wide tables and the forms' guidance
GUIDE_COLOUR = RGBColor(0x33, 0x33, 0x33)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

# the heading levels: (style, size, alignment)
HEADINGS = {1: (Pt(16), CENTER), 2: (Pt(14), LEFT), 3: (Pt(12), LEFT)}

_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def new_document() -> docx.Document:
	"""An empty A4 portrait document whose Normal style and headings carry the forms' type."""
	document = docx.Document()
	section = document.sections[0]
	section.page_width, section.page_height = A4
	section.orientation = WD_ORIENT.PORTRAIT
	_margins(section, *MARGINS)
	normal = document.styles["Normal"]
	set_font(normal, FANGSONG, BODY_SIZE)
	normal.paragraph_format.space_after = Pt(0)
	normal.paragraph_format.space_before = Pt(0)
	normal.paragraph_format.line_spacing = 1.25
	for level, (size, alignment) in HEADINGS.items():
		style = document.styles[f"Heading {level}"]
		set_font(style, HEI, size, bold=level == 1)
		style.font.color.rgb = RGBColor(0, 0, 0)
		style.font.italic = False
		style.paragraph_format.alignment = alignment
		style.paragraph_format.space_before = Pt(12 if level == 1 else 8)
		style.paragraph_format.space_after = Pt(8 if level == 1 else 4)
		style.paragraph_format.keep_with_next = True
	return document


def to_bytes(document) -> bytes:
	out = BytesIO()
	document.save(out)
	return out.getvalue()


def set_font(target, east_asia: str, size=None, bold: bool | None = None, colour=None):
	"""A style's or a run's type: ``east_asia`` for the Chinese characters, LATIN for the rest (Word takes the
	East Asian font from its own attribute, and a theme font, as the headings have, would win over it)."""
	target.font.name = LATIN
	element = target.element if hasattr(target, "style_id") else target._element
	fonts = element.get_or_add_rPr().get_or_add_rFonts()
	fonts.set(qn("w:eastAsia"), east_asia)
	for theme in _THEME_FONTS:
		fonts.attrib.pop(qn(theme), None)
	if size is not None:
		target.font.size = size
	if bold is not None:
		target.font.bold = bold
	if colour is not None:
		target.font.color.rgb = colour


def heading(document, text: str, level: int = 1, page_break: bool = False):
	"""A heading in a Heading style (the navigation pane of Word lists the parts), in 黑体."""
	paragraph = document.add_paragraph(style=f"Heading {level}")
	size, _alignment = HEADINGS[level]
	set_font(paragraph.add_run(text), HEI, size)
	paragraph.paragraph_format.page_break_before = page_break
	return paragraph


def paragraph(
	container,
	parts,
	*,
	font: str = FANGSONG,
	size=BODY_SIZE,
	align=None,
	indent: bool = False,
	colour=None,
	paragraph=None,
):
	"""A paragraph of ``parts``: a text, or (text, bold) pairs. ``indent``: the first line two characters in,
	as Chinese prose is set. ``paragraph``: fill this one (a table cell's first) instead of adding one."""
	if isinstance(parts, str):
		parts = [(parts, False)]
	p = paragraph if paragraph is not None else container.add_paragraph()
	for text, bold in parts:
		if text:
			set_font(p.add_run(text), font, size, bold=bold, colour=colour)
	if align is not None:
		p.alignment = align
	if indent:
		p.paragraph_format.first_line_indent = Pt(size.pt * 2)
	return p


def text_block(container, text: str, *, blank_lines: int = 0, first=None, **style):
	"""A user's text as paragraphs, one per line (a blank line stays); ``blank_lines`` empty paragraphs where
	there is no text, the room a blank form leaves to write in. ``first``: the paragraph to fill first."""
	lines = text.split("\n") if text else [""] * blank_lines
	for line in lines:
		paragraph(container, line, paragraph=first, **style)
		first = None


def table(container, widths_cm: tuple[float, ...], rows: int = 0, size=TABLE_SIZE):
	"""A ruled table with the columns' widths (cm) fixed, centred; ``rows`` rows to start with."""
	t = container.add_table(rows=rows, cols=len(widths_cm))
	t.style = "Table Grid"
	t.alignment = WD_TABLE_ALIGNMENT.CENTER
	t.autofit = False
	for column, width in zip(t.columns, widths_cm, strict=True):
		column.width = Cm(width)
	t._cb_size = size  # the type of its cells (fill() reads it)
	_cell_margins(t, left_right=30 if size.pt < TABLE_SIZE.pt else 85)  # the wide tables' cells need the room
	return t


def add_row(t, height_cm: float | None = None, keep: bool = True):
	"""A row with every cell's width set (Word reads the cells' widths, LibreOffice the grid's) and, for a
	blank form's row, a minimum height to write in. ``keep``: the row is not split across pages (not for
	a long answer, which runs on)."""
	row = t.add_row()
	for cell, column in zip(row.cells, t.columns, strict=True):
		cell.width = column.width
	if height_cm:
		row.height = Cm(height_cm)
		row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
	if keep:
		_row_property(row, "w:cantSplit")
	return row


def header_row(t, texts, *, bold: bool = True):
	"""The table's head: repeated at the top of each page the table runs onto."""
	row = add_row(t)
	for cell, text in zip(row.cells, texts, strict=True):
		fill(cell, text, align=CENTER, bold=bold)
	_row_property(row, "w:tblHeader")
	return row


def fill(cell, text: str = "", *, align=None, bold: bool = False, middle: bool = True, size=None, font=SONG):
	"""A cell's text (its lines as paragraphs) in the table's type, vertically centred unless ``middle`` is
	False (the long texts start at the top, as the forms print them)."""
	size = size or getattr(cell._parent, "_cb_size", TABLE_SIZE)
	lines = text.split("\n") if text else [""]
	first = cell.paragraphs[0]
	for line in lines:
		paragraph(cell, [(line, bold)], font=font, size=size, align=align, paragraph=first)
		first = None
	cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if middle else WD_CELL_VERTICAL_ALIGNMENT.TOP
	return cell


def keep_with_next(row):
	"""The row stays on the page of the row after it (a table's first rows do not stand alone at a page's
	foot)."""
	for cell in row.cells:
		for p in cell.paragraphs:
			p.paragraph_format.keep_with_next = True


def merge(t, top: int, left: int, bottom: int, right: int):
	"""One cell over rows top…bottom and columns left…right (inclusive), emptied of the merged cells' blanks."""
	cell = t.cell(top, left).merge(t.cell(bottom, right))
	for extra in cell.paragraphs[1:]:
		if not extra.text:
			extra._element.getparent().remove(extra._element)
	return cell


def landscape_section(document):
	"""A new page, turned: the rest of the document is A4 landscape."""
	section = document.add_section(WD_SECTION.NEW_PAGE)
	section.orientation = WD_ORIENT.LANDSCAPE
	section.page_width, section.page_height = A4[1], A4[0]
	top, bottom, left, right = MARGINS
	_margins(section, right, left, top, bottom)
	return section


def usable_width_cm(section) -> float:
	return (section.page_width - section.left_margin - section.right_margin) / Cm(1)


def page_numbers(document, skip_first: bool = True):
	"""「— n —」 centred in the footer of each page (the cover without one when ``skip_first``). The later
	sections keep the first one's footer (python-docx links them to it)."""
	section = document.sections[0]
	if skip_first:
		section.different_first_page_header_footer = True
		section.first_page_footer.is_linked_to_previous = False  # an empty footer of its own
	footer = section.footer.paragraphs[0]
	footer.alignment = CENTER
	set_font(footer.add_run("— "), SONG, Pt(10.5))
	field = OxmlElement("w:fldSimple")
	field.set(qn("w:instr"), "PAGE")
	number = footer.add_run("1")  # shown until the reader's program updates the field
	set_font(number, SONG, Pt(10.5))
	footer._p.append(field)
	field.append(number._r)
	set_font(footer.add_run(" —"), SONG, Pt(10.5))


def _margins(section, top, bottom, left, right):
	section.top_margin, section.bottom_margin = top, bottom
	section.left_margin, section.right_margin = left, right


def _cell_margins(t, top_bottom: int = 40, left_right: int = 85):
	"""Room between a cell's rules and its text (twips; Word's default has none above and below), as the
	print's cells have."""
	margins = OxmlElement("w:tblCellMar")
	for side, width in (
		("top", top_bottom),
		("left", left_right),
		("bottom", top_bottom),
		("right", left_right),
	):
		margin = OxmlElement(f"w:{side}")
		margin.set(qn("w:w"), str(width))
		margin.set(qn("w:type"), "dxa")
		margins.append(margin)
	properties = t._tbl.tblPr
	look = properties.find(qn("w:tblLook"))  # the schema's order: the margins stand before it
	if look is not None:
		look.addprevious(margins)
	else:
		properties.append(margins)


def _row_property(row, name: str):
	"""A row property python-docx has no setting for: the head repeated on each page, a row not split."""
	properties = row._tr.get_or_add_trPr()
	if properties.find(qn(name)) is None:
		properties.append(OxmlElement(name))
