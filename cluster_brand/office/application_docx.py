"""The 申报书 (Annex 2 of 工信厅科函〔2017〕433号) as a Word document, in the layout of the official form: the
cover, 第一部分 … 第四部分 with their tables, and the 附表 工作任务计划表 on landscape pages.

Built from the very context the print format renders (cluster_brand/print/application.py
application_print_context), so the .docx and the PDF cannot drift apart; an empty application gives the
blank official form. No Frappe import: the caller passes the document as its reader may read it."""

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm, Pt

from cluster_brand.office import docx_layout as layout
from cluster_brand.office.docx_layout import CENTER, JUSTIFY, RIGHT, SMALL_SIZE
from cluster_brand.print.application import application_print_context

# the columns' shares of the page, as the print template sets them
PART_1_WIDTHS = (0.09, 0.91)
INDICATOR_WIDTHS = (0.09, 0.43, 0.16, 0.16, 0.16)
PROFILE_WIDTHS = (0.20, 0.30, 0.16, 0.34)
BACKBONE_WIDTHS = (0.05, 0.15, 0.12, 0.09, 0.09, 0.10, 0.10, 0.09, 0.08, 0.13)
PART_3_WIDTHS = (0.18, 0.82)
QUANTITATIVE_WIDTHS = (0.06, 0.40, 0.12, 0.14, 0.14, 0.14)
FUNDING_WIDTHS = (0.16, 0.14, 0.40, 0.30)
PLAN_WIDTHS = (0.05, 0.11, 0.20, 0.20, 0.32, 0.12)

# room left to write in on the blank form (cm, the least height of a row; empty lines of an answer)
BLANK_ANSWER_LINES = 4
BLANK_ROW = 0.9
BLANK_PLAN_ROW = 1.3
BLANK_TARGET_ROWS = 3


def application_docx(doc) -> bytes:
	"""The .docx of an application (a Frappe Document as its reader may read it, or a plain dict; None or {}
	for the blank form)."""
	return layout.to_bytes(application_document(application_print_context(doc)))


def application_document(p: dict):
	"""The Word document of a print context (application_print_context)."""
	document = layout.new_document()
	width = layout.usable_width_cm(document.sections[0])
	_cover(document, p)
	_part_1(document, p, width)
	_part_2(document, p, width)
	_part_3(document, p, width)
	_part_4(document, p, width)
	_annex(document, p)
	layout.page_numbers(document)
	return document


def _widths(shares, width):
	return tuple(round(share * width, 2) for share in shares)


def _cover(document, p):
	c = p["cover"]
	title = layout.paragraph(document, [(p["title"], True)], font=layout.HEI, size=Pt(22), align=CENTER)
	title.paragraph_format.space_before = Pt(150)
	title.paragraph_format.space_after = Pt(200)
	unit = [(f"{c['unit_label']}：", False), (c["unit"] or "_" * 22, False), ("（公章）", False)]
	date = f"{c['date_label']}：{c['year']} 年 {c['month']} 月 {c['day']} 日"
	for parts in (unit, [(date, False)]):
		line = layout.paragraph(document, parts, size=Pt(16))
		line.paragraph_format.left_indent = Cm(2.5)
		line.paragraph_format.space_after = Pt(18)
		if parts is unit and c["unit"]:
			line.runs[1].font.underline = True  # the unit's name stands on the line left for it


def _guide(container, text, first=None):
	"""The official guidance under an item, in small type, as the form prints it."""
	if text:
		return layout.paragraph(
			container, text, size=SMALL_SIZE, colour=layout.GUIDE_COLOUR, align=JUSTIFY, paragraph=first
		)
	return first


def _answer(cell, heading=None, prompt="", text="", first=True):
	"""An answer of the form in its cell: the numbered heading (bold, its guidance in parentheses), or the
	guidance alone, then the answer, or the room to write it. ``first``: the cell's first answer (it fills the
	cell's empty paragraph)."""
	first = cell.paragraphs[0] if first else None
	if heading:
		layout.paragraph(
			cell,
			[(heading["official"], True), (heading["guidance"], False)],
			size=layout.TABLE_SIZE,
			paragraph=first,
		)
		first = None
	elif prompt:
		_guide(cell, prompt, first)
		first = None
	layout.text_block(
		cell,
		text,
		blank_lines=BLANK_ANSWER_LINES,
		first=first,
		font=layout.SONG,
		size=layout.TABLE_SIZE,
		indent=True,
		align=JUSTIFY,
	)
	cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _label(cell, lines):
	"""A row label of the form, bold and centred; a vertical one is given as its lines."""
	layout.fill(cell, "\n".join(lines) if isinstance(lines, list) else lines, align=CENTER, bold=True)


def _part_1(document, p, width):
	layout.heading(document, p["parts"]["part_1"], page_break=True)
	t = layout.table(document, _widths(PART_1_WIDTHS, width))
	for group in p["part_1"]:
		# one cell a group, its items one after another, as the official table has them
		cells = layout.add_row(t, keep=False).cells
		_label(cells[0], group["label_lines"])
		for n, entry in enumerate(group["entries"]):
			_answer(cells[1], entry["heading"], entry["prompt"], entry["text"], first=n == 0)
	document.add_paragraph()

	# 主要指标情况: the label down the left, one character a line, over the head and the eleven rows
	t = layout.table(document, _widths(INDICATOR_WIDTHS, width))
	head = layout.add_row(t).cells
	for cell, text in zip(head[1:], [p["indicator_name_heading"], *p["years"]], strict=True):
		layout.fill(cell, text, align=CENTER, bold=True)
	for row in p["indicator_rows"]:
		cells = layout.add_row(t).cells
		layout.fill(cells[1], row["name"])
		for cell, value in zip(cells[2:], row["cells"], strict=True):
			layout.fill(cell, value, align=RIGHT)
	label = layout.merge(t, 0, 0, len(t.rows) - 1, 0)
	_label(label, list(p["main_indicators_label"]))


def _part_2(document, p, width):
	layout.heading(document, p["parts"]["part_2"], page_break=True)
	top = p["top_enterprises_heading"]
	h = layout.heading(document, top["official"], level=2)
	layout.set_font(h.add_run(top["guidance"]), layout.FANGSONG, Pt(12), bold=False)
	widths = _widths(PROFILE_WIDTHS, width)
	for slot in p["top_enterprises"]:
		f = slot["fields"]
		t = layout.table(document, widths)
		cells = layout.add_row(t).cells
		_label(cells[0], f["enterprise_name"]["label"])
		layout.fill(layout.merge(t, 0, 1, 0, 3), f["enterprise_name"]["value"])
		for left, right in (("contact_person", "contact_phone"), ("mobile", "email")):
			cells = layout.add_row(t).cells
			_label(cells[0], f[left]["label"])
			layout.fill(cells[1], f[left]["value"])
			_label(cells[2], f[right]["label"])
			layout.fill(cells[3], f[right]["value"])
		for row in t.rows:  # the enterprise's name and contacts stand with its profile
			layout.keep_with_next(row)
		for text in slot["texts"]:
			cells = layout.add_row(t).cells
			_label(cells[0], text["label"])
			n = len(t.rows) - 1
			_answer(layout.merge(t, n, 1, n, 3), prompt=text["prompt"], text=text["text"])
		document.add_paragraph()

	b = p["backbone"]
	layout.heading(document, b["heading"], level=2)
	t = layout.table(document, _widths(BACKBONE_WIDTHS, width), size=SMALL_SIZE)
	layout.header_row(t, b["columns"])
	for row in b["rows"]:
		cells = layout.add_row(t, _blank_height(row)).cells
		layout.fill(cells[0], str(row["no"]), align=CENTER)
		for n, (cell, value) in enumerate(zip(cells[1:], row["cells"], strict=True), start=1):
			layout.fill(cell, value, align=RIGHT if 4 <= n <= 7 else None)
	cells = layout.add_row(t).cells
	n = len(t.rows) - 1
	_label(layout.merge(t, n, 0, n, 3), "合计")
	for cell, total in zip(cells[4:8], b["totals"], strict=True):
		layout.fill(cell, total, align=RIGHT)
	year = f"{b['statistics_year']}年，" if b["statistics_year"] else ""
	coverage = b["coverage"] or "______"
	layout.paragraph(document, f"{year}骨干企业累计销售收入占主导产业销售收入的 {coverage}%。", size=Pt(10.5))
	layout.paragraph(document, b["note"], size=Pt(10.5), align=JUSTIFY)


def _blank_height(row) -> float | None:
	"""A blank form's row is high enough to be filled in by hand."""
	return BLANK_ROW if row.get("blank") else None


def _part_3(document, p, width):
	layout.heading(document, p["parts"]["part_3"], page_break=True)
	t = layout.table(document, _widths(PART_3_WIDTHS, width))
	for row in p["part_3"]:
		cells = layout.add_row(t, keep=False).cells
		_label(cells[0], row["label"])
		_answer(cells[1], prompt=row["prompt"], text=row["text"])
	layout.paragraph(document, p["part_3_note"], size=Pt(10.5), align=JUSTIFY)


def _part_4(document, p, width):
	w = p["part_4"]
	layout.heading(document, p["parts"]["part_4"], page_break=True)
	layout.paragraph(document, p["part_4_intro"], indent=True, align=JUSTIFY)
	for section in w["sections"]:
		layout.heading(document, section["heading"], level=2)
		if section["prompt"]:
			layout.paragraph(document, f"（{section['prompt']}）", size=Pt(10.5), indent=True, align=JUSTIFY)
		layout.text_block(
			document, section["text"], blank_lines=BLANK_ANSWER_LINES, indent=True, align=JUSTIFY
		)
		if section["key"] == "work_objectives":
			_targets(document, w, width)
		elif section["key"] == "work_tasks":
			cycle = w["pilot_cycle"] or "____"
			layout.paragraph(document, f"{w['pilot_cycle_label']}：{cycle}", indent=True)
		elif section["key"] == "safeguard_measures":
			_funding(document, w, width)


def _targets(document, w, width):
	layout.heading(document, f"（一）{w['quantitative_label']}", level=3)
	t = layout.table(document, _widths(QUANTITATIVE_WIDTHS, width), size=SMALL_SIZE)
	layout.header_row(t, ["序号", *w["quantitative_columns"]])
	for n, row in enumerate(w["quantitative"], start=1):
		cells = layout.add_row(t).cells
		values = (str(n), row["indicator"], row["unit"], row["baseline"], row["target"], row["year"])
		aligns = (CENTER, None, CENTER, RIGHT, RIGHT, CENTER)
		for cell, value, align in zip(cells, values, aligns, strict=True):
			layout.fill(cell, value, align=align)
	if not w["quantitative"]:
		for n in range(1, BLANK_TARGET_ROWS + 1):
			layout.fill(layout.add_row(t, BLANK_ROW).cells[0], str(n), align=CENTER)
	layout.heading(document, f"（二）{w['qualitative_label']}", level=3)
	for n, row in enumerate(w["qualitative"], start=1):
		year = f"（{row['year']}）" if row["year"] else ""
		lines = row["text"].split("\n")
		lines[0] = f"{n}. {lines[0]}"
		lines[-1] += year
		layout.text_block(document, "\n".join(lines), indent=True, align=JUSTIFY)
	if not w["qualitative"]:
		layout.text_block(document, "", blank_lines=BLANK_ANSWER_LINES)


def _funding(document, w, width):
	layout.heading(document, w["funding_label"], level=3)
	t = layout.table(document, _widths(FUNDING_WIDTHS, width), size=SMALL_SIZE)
	layout.header_row(t, w["funding_columns"])
	for row in w["funding"]:
		cells = layout.add_row(t).cells
		values = (row["source"], row["amount"], row["direction"], row["step"])
		for cell, value, align in zip(cells, values, (CENTER, RIGHT, None, None), strict=True):
			layout.fill(cell, value, align=align)
	if not w["funding"]:
		for _n in range(BLANK_TARGET_ROWS):
			layout.add_row(t, BLANK_ROW)
	cells = layout.add_row(t).cells
	_label(cells[0], "合计")
	layout.fill(cells[1], w["funding_total"], align=RIGHT)


def _annex(document, p):
	plan = p["work_plan"]
	section = layout.landscape_section(document)
	layout.paragraph(document, [(plan["annex_label"], True)], font=layout.HEI, size=Pt(14))
	layout.heading(document, plan["title"])
	t = layout.table(document, _widths(PLAN_WIDTHS, layout.usable_width_cm(section)), size=SMALL_SIZE)
	layout.header_row(t, plan["columns"])
	for group in plan["groups"]:
		top = len(t.rows)
		for m in group["measures"]:
			cells = layout.add_row(t, BLANK_PLAN_ROW if m["blank"] else None).cells
			measure = cells[4].paragraphs[0]
			parts = [(m["no"], True), (" ", False)]
			lines = m["measure"].split("\n")
			parts.append((lines[0], False))
			layout.paragraph(cells[4], parts, font=layout.SONG, size=SMALL_SIZE, paragraph=measure)
			for line in lines[1:]:
				layout.paragraph(cells[4], line, font=layout.SONG, size=SMALL_SIZE)
			if m["responsible"]:
				layout.paragraph(
					cells[4],
					f"（{plan['responsible_label']}：{m['responsible']}）",
					font=layout.SONG,
					size=SMALL_SIZE,
					colour=layout.GUIDE_COLOUR,
				)
			cells[4].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
			layout.fill(cells[5], m["time_node"], align=CENTER)
		bottom = len(t.rows) - 1
		values = (str(group["no"]), group["name"], group["current_state"], group["work_goal"])
		for column, (value, align) in enumerate(zip(values, (CENTER, CENTER, None, None), strict=True)):
			cell = layout.merge(t, top, column, bottom, column)
			layout.fill(cell, value, align=align, middle=column < 2)
