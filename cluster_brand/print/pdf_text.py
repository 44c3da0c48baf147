"""The text layer of the app's PDFs: what copying, searching and pdftotext read is what was typed.

wkhtmltopdf (Qt) writes each glyph's ToUnicode entry as the lowest code point the font maps to that glyph.
The Noto CJK fonts draw a radical and its ideograph with one glyph, so 工 is read back as the Kangxi
radical ⼯ and 车 as ⻋; a few punctuation marks share glyphs in the same way (～ is read as 〜). The
table cluster_brand/print/data/pdf_text_map.json (derived from the fonts by scripts/derive_pdf_text_map.py and
committed, so that nothing here reads a font) gives the character typed for each; ``fix_cmap`` rewrites a
ToUnicode CMap with it. Plain Python; cluster_brand.print.pdf applies it to the fonts of a PDF.
"""

import json
import re
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "pdf_text_map.json"
# The fonts the table was derived from (the PostScript names wkhtmltopdf embeds, after any subset tag).
FONT_NAME = re.compile(rb"^/(?:[A-Z]{6}\+)?(?:NotoSerifCJK|NotoSansCJK|NotoSansMonoCJK)", re.I)

_SECTION = re.compile(rb"(begin(bfchar|bfrange))(.*?)(end\2)", re.S)
_BFCHAR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@cache
def text_map() -> dict[int, str]:
	"""Character written by Qt (its code point) → character typed."""
	table = json.loads(TABLE.read_text(encoding="utf-8"))["map"]
	return {ord(written): typed for written, typed in table.items()}


def is_mapped_font(base_font: str | bytes | None) -> bool:
	if base_font is None:
		return False
	name = base_font.encode() if isinstance(base_font, str) else base_font
	return bool(FONT_NAME.match(name if name.startswith(b"/") else b"/" + name))


def _decode(hex_digits: bytes) -> str | None:
	try:
		return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be")
	except (ValueError, UnicodeDecodeError):
		return None


def _encode(text: str) -> bytes:
	return b"<" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _fixed(hex_digits: bytes) -> bytes:
	"""A destination of the CMap (UTF-16BE hex) with the table applied, as <hex>."""
	text = _decode(hex_digits)
	if text is None:
		return b"<" + hex_digits + b">"
	fixed = text.translate(text_map())
	return _encode(fixed) if fixed != text else b"<" + hex_digits + b">"


def _fix_range(match: re.Match) -> bytes:
	low, high, destination = match.group(1), match.group(2), match.group(3)
	if destination.startswith(b"["):
		return b"<%s> <%s> [%s]" % (
			low,
			high,
			b" ".join(_fixed(d) for d in _HEX.findall(destination)),
		)
	# <lo> <hi> <dst>: codes lo…hi map to dst, dst+1, … (the last UTF-16 unit counts up); spelled out as
	# an array when one of them is in the table.
	start = _decode(destination[1:-1])
	count = int(high, 16) - int(low, 16) + 1
	if start is None or count < 1 or count > 256:
		return match.group(0)
	table = text_map()
	targets = [start[:-1] + chr(ord(start[-1]) + n) for n in range(count)]
	if not any(ch in table for t in targets for ch in map(ord, t)):
		return match.group(0)
	return b"<%s> <%s> [%s]" % (low, high, b" ".join(_encode(t.translate(table)) for t in targets))


def _fix_section(match: re.Match) -> bytes:
	begin, kind, body, end = match.group(1), match.group(2), match.group(3), match.group(4)
	if kind == b"bfchar":
		body = _BFCHAR.sub(lambda m: m.group(1) + _fixed(m.group(2)), body)
	else:
		body = _BFRANGE.sub(_fix_range, body)
	return begin + body + end


def fix_cmap(cmap: bytes) -> bytes:
	"""A ToUnicode CMap whose destinations are the characters typed (the table applied)."""
	return _SECTION.sub(_fix_section, cmap)
