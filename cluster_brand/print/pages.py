"""Where the 申报书's long tables break across pages: wkhtmltopdf (on an unpatched Qt) cuts table rows and
repeats no header, so the backbone table and the work task plan print one table per page, each page's rows
chosen here from an estimate of their height."""

import math

# wkhtmltopdf on an unpatched Qt (Debian's) neither repeats a table's header on the next page nor keeps a
# row whole (it ignores page-break-inside on rows and cuts them, borders and all), but it moves a block that
# does not fit to the next page whole. So the backbone-enterprise table and the 附表 print as one table per
# page, each with its header and kept together, their rows chosen here by an estimate of their height; a page
# of rows starts a new page. The estimate errs on the high side, and CHUNK_HEIGHT leaves a tenth of the page:
# a page may end early, a row is never cut.

# The text block of an A4 page of the 申报书 (margins 25/22/20/20 mm) in CSS pt, as Debian's wkhtmltopdf
# lays it out (it shrinks the page to fit, about 0.75).
PAGE_TEXT_HEIGHT = 940
PAGE_TEXT_WIDTH = 630
CHUNK_HEIGHT = 0.9 * PAGE_TEXT_HEIGHT
# .cb-small and .cb-plan cells: 9pt type, line-height 1.5, padding 3pt and a border above and below
SMALL_TYPE, LINE_HEIGHT, CELL_PADDING = 9, 1.5, 8
HEADING = 40  # an h2 or h3 above the first page of rows
# column widths (share of the table) and header heights, as the template sets them
BACKBONE_WIDTHS = (0.05, 0.15, 0.12, 0.09, 0.09, 0.10, 0.10, 0.09, 0.08, 0.13)
BACKBONE_HEADER = 4 * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING
PLAN_WIDTHS = (0.05, 0.11, 0.20, 0.20, 0.32, 0.12)
PLAN_HEADER = 2 * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING


def text_width(text: str, size: float) -> float:
	"""Width of a line in pt: a CJK character or full-width mark takes the type size, others about half."""
	return sum(size if ord(c) >= 0x2E80 or c in "—“”‘’…" else 0.55 * size for c in text)


def cell_lines(text: str, width: float) -> int:
	"""The lines a cell's text takes in a column ``width`` (share of the table) of small type."""
	room = max(width * PAGE_TEXT_WIDTH - CELL_PADDING, SMALL_TYPE)
	return sum(max(1, math.ceil(text_width(line, SMALL_TYPE) / room)) for line in (text or "").split("\n"))


def row_height(cells, widths) -> float:
	lines = max(cell_lines(text, width) for text, width in zip(cells, widths, strict=True))
	return lines * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING


def paginate(heights: list[float], header: float, first_page_used: float = 0) -> list[list[int]]:
	"""The rows (their indexes) of each page: as many as fit in CHUNK_HEIGHT under the header
	(``first_page_used``: what stands above the table on its first page)."""
	pages, page, used = [], [], header + first_page_used
	for n, height in enumerate(heights):
		if page and used + height > CHUNK_HEIGHT:
			pages.append(page)
			page, used = [], header
		page.append(n)
		used += height
	return [*pages, page] if page else pages


def plan_pages(groups: list[dict]) -> list[list[dict]]:
	"""The work items of each page of the 附表. A work item taller than a page is split between its
	measures; its continuation repeats its number and name (marked continued) with state and goal blank."""
	parts, heights = [], []
	room = CHUNK_HEIGHT - PLAN_HEADER - HEADING
	for group in groups:
		state = max(cell_lines(group["current_state"], 0.20), cell_lines(group["work_goal"], 0.20))
		state = state * SMALL_TYPE * LINE_HEIGHT + CELL_PADDING
		measures, used, first = [], 0.0, True
		for m in group["measures"]:
			text = f"{m['no']} {m['measure']}" + (
				f"（任务分工：{m['responsible']}）" if m["responsible"] else ""
			)
			height = row_height([text, m["time_node"]], (0.32, 0.12))
			if measures and used + height > room:
				parts.append(plan_part(group, measures, continued=not first))
				heights.append(max(used, state if first else 0))
				measures, used, first = [], 0.0, False
			measures.append(m)
			used += height
		parts.append(plan_part(group, measures, continued=not first))
		heights.append(max(used, state if first else 0))
	return [[parts[i] for i in page] for page in paginate(heights, PLAN_HEADER + HEADING)]


def plan_part(group: dict, measures: list[dict], continued: bool) -> dict:
	part = {**group, "measures": measures, "rowspan": len(measures), "continued": continued}
	if continued:
		part.update(current_state="", work_goal="")
	return part
