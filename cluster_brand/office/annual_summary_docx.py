"""The 产业集群区域品牌建设试点年度工作总结 as a Word document, in the layout of its print format
(cluster_brand/templates/print/annual_work_summary.html) and built from the same context
(cluster_brand/print/annual_summary.py annual_summary_print_context): the title, the unit and province, the
progress of the work plan by work item, the indicators, the backbone enterprises, the targets, the policies
and funds, the self-evaluations, 工作成效 / 存在问题 / 下一步计划, the seal, and the province's inspection once
recorded. No Frappe import."""

from docx.shared import Cm, Pt

from cluster_brand.office import docx_layout as layout
from cluster_brand.office.docx_layout import CENTER, JUSTIFY, RIGHT, SMALL_SIZE
from cluster_brand.print.annual_summary import BACKBONE_WIDTHS, PROGRESS_WIDTHS, annual_summary_print_context

INDICATOR_WIDTHS = (0.46, 0.18, 0.18, 0.18)
TARGET_WIDTHS = (0.26, 0.08, 0.12, 0.12, 0.12, 0.14, 0.16)
FUNDING_WIDTHS = (0.30, 0.20, 0.15, 0.35)
EVALUATION_WIDTHS = (0.18, 0.27, 0.55)
BLANK_ROW = 0.9
BLANK_LINES = 4


def annual_summary_docx(doc, authority_name: str = "") -> bytes:
	"""The .docx of an annual work summary (as its reader may read it; None or {} for the blank form);
	``authority_name``: the province's official name, as the print format is given it."""
	return layout.to_bytes(annual_summary_document(annual_summary_print_context(doc, authority_name)))


def annual_summary_document(p: dict):
	document = layout.new_document()
	width = layout.usable_width_cm(document.sections[0])

	def widths(shares):
		return tuple(round(share * width, 2) for share in shares)

	for line in (p["cluster"], p["title"], p["year"]):
		if line:
			layout.paragraph(document, [(line, True)], font=layout.HEI, size=Pt(18), align=CENTER)
	document.add_paragraph()
	submitted = f"　报送日期：{p['submitted_on']}" if p["submitted_on"] else ""
	for line in (
		f"组织实施单位：{p['unit']}",
		f"省级主管部门：{p['authority']}",
		f"报送截止日期：{p['due_date']}{submitted}",
	):
		layout.paragraph(document, line)
	h = p["headings"]

	layout.heading(document, h[0], level=2)
	counts = "，".join(f"{c['status']} {c['count']} 项" for c in p["progress_counts"])
	layout.paragraph(document, f"{counts}。", size=Pt(10.5)).paragraph_format.keep_with_next = True
	t = layout.table(document, widths(PROGRESS_WIDTHS), size=SMALL_SIZE)
	layout.header_row(t, p["progress_columns"])
	for row in (row for page in p["progress_pages"] for row in page):
		cells = layout.add_row(t, keep=not row["group"]).cells
		if row["group"]:  # a work item over its measures
			layout.fill(cells[0], row["cells"][0], align=CENTER, bold=True)
			n = len(t.rows) - 1
			layout.fill(layout.merge(t, n, 1, n, 4), row["cells"][1], bold=True)
			continue
		for cell, value, align in zip(cells, row["cells"], (CENTER, None, CENTER, CENTER, None), strict=True):
			layout.fill(cell, value, align=align)
	if not p["progress_pages"]:
		layout.add_row(t, BLANK_ROW)

	layout.heading(document, h[1], level=2)
	t = layout.table(document, widths(INDICATOR_WIDTHS), size=SMALL_SIZE)
	layout.header_row(t, p["indicator_columns"])
	for row in p["indicator_rows"]:
		cells = layout.add_row(t).cells
		name = layout.fill(cells[0], row["name"])
		if row["derived"]:  # a ratio computed from the rows above, set in under them
			name.paragraphs[0].paragraph_format.left_indent = Pt(18)
		for cell, value in zip(cells[1:], row["cells"], strict=True):
			layout.fill(cell, value, align=RIGHT)

	b = p["backbone"]
	layout.heading(document, h[2], level=2)
	share = f"，自主品牌产品销售收入占销售收入的 {b['share']}%" if b["share"] else ""
	note = layout.paragraph(document, f"骨干企业 {b['count']} 家{share}。", size=Pt(10.5))
	note.paragraph_format.keep_with_next = True
	# the enterprise's number centred, its name left, its figures right
	_rows_table(document, widths(BACKBONE_WIDTHS), p["backbone_columns"], b["rows"], (CENTER, None), RIGHT)

	layout.heading(document, h[3], level=2)
	# the target's name left, its unit centred, its figures right
	_rows_table(document, widths(TARGET_WIDTHS), p["target_columns"], p["targets"], (None, CENTER), RIGHT)

	layout.heading(document, h[4], level=2)
	t = layout.table(document, widths(FUNDING_WIDTHS), size=SMALL_SIZE)
	layout.header_row(t, p["funding_columns"])
	for row in p["funding"]["rows"]:
		cells = layout.add_row(t).cells
		for cell, value, align in zip(cells, row, (None, None, RIGHT, None), strict=True):
			layout.fill(cell, value, align=align)
	if not p["funding"]["rows"]:
		layout.add_row(t, BLANK_ROW)
	cells = layout.add_row(t).cells
	n = len(t.rows) - 1
	layout.fill(layout.merge(t, n, 0, n, 1), "合计", align=CENTER, bold=True)
	layout.fill(cells[2], p["funding"]["total"], align=RIGHT)

	layout.heading(document, h[5], level=2)
	t = layout.table(document, widths(EVALUATION_WIDTHS), size=SMALL_SIZE)
	layout.header_row(t, p["evaluation_columns"])
	for row in p["evaluations"]:
		cells = layout.add_row(t).cells
		for cell, key, align in zip(cells, ("date", "method", "result"), (CENTER, None, None), strict=True):
			layout.fill(cell, row[key], align=align)
	if not p["evaluations"]:
		layout.add_row(t, BLANK_ROW)

	for n, section in enumerate(p["narrative"]):
		layout.heading(document, h[6 + n], level=2)
		layout.text_block(document, section["text"], blank_lines=BLANK_LINES, indent=True, align=JUSTIFY)

	# the seal, on the right as on a signed paper form
	for n, line in enumerate((f"{p['unit']}（盖章）", "年　　月　　日")):
		seal = layout.paragraph(document, line, align=CENTER)
		seal.paragraph_format.left_indent = Cm(7)
		seal.paragraph_format.space_before = Pt(36 if n == 0 else 6)

	inspection = p["inspection"]
	if inspection:
		layout.heading(document, "省级主管部门督导检查意见", level=2, page_break=True)
		layout.paragraph(document, f"检查日期：{inspection['date']}　检查人员：{inspection['inspectors']}")
		for label, key in (("检查发现：", "findings"), ("检查意见：", "opinion")):
			layout.paragraph(document, [(label, True)])
			layout.text_block(document, inspection[key], indent=True, align=JUSTIFY)
	layout.page_numbers(document, skip_first=False)
	return document


def _rows_table(document, column_widths, heads, rows, first_aligns, then_align):
	"""A table of ``heads`` and ``rows`` (lists of cells): the first columns aligned as ``first_aligns``
	says, the rest ``then_align``; one blank row to fill in by hand where there is none."""
	t = layout.table(document, column_widths, size=SMALL_SIZE)
	layout.header_row(t, heads)
	for row in rows:
		for n, (cell, value) in enumerate(zip(layout.add_row(t).cells, row, strict=True)):
			layout.fill(cell, value, align=first_aligns[n] if n < len(first_aligns) else then_align)
	if not rows:
		layout.add_row(t, BLANK_ROW)
