"""Derive cluster_brand/print/data/pdf_text_map.json: the characters wkhtmltopdf writes into a PDF's text layer
for glyphs of the Noto CJK SC fonts that the user typed as other characters.

	/path/to/bench/env/bin/python scripts/derive_pdf_text_map.py [font.ttc …]

Qt's PDF engine (wkhtmltopdf) writes each glyph's ToUnicode entry as the LOWEST BMP code point that the
font maps to that glyph (QFontSubset::getReverseMap). The Noto CJK fonts draw a radical and its ideograph
with one glyph, so 工 (U+5DE5) is written as the Kangxi radical ⼯ (U+2F2F) and 车 as ⻋ (U+2F0B, CJK
Radicals Supplement). This script reads the fonts' cmaps (fontTools) and lists, for every glyph shared by
a radical (U+2E80–U+2FDF) and exactly one CJK unified ideograph, radical → ideograph. For the Kangxi
radicals it checks the answer against NFKC and reports where they differ (⼾: NFKC gives the traditional
戶, the SC fonts draw the glyph of 户). It adds the punctuation the fonts share in the same way, written as
the character Chinese text types (PUNCTUATION below), and U+0009, which Qt writes for the space glyph.

The result is committed as data; printing reads only the JSON, never the fonts.
"""

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from fontTools.ttLib import TTCollection

FONTS = (
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)
OUT = Path(__file__).resolve().parent.parent / "cluster_brand" / "print" / "data" / "pdf_text_map.json"

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
UNIFIED = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000))
# Glyphs shared by two punctuation marks: what Qt writes (the lower code point) → what Chinese text types.
PUNCTUATION = {
	0x2003: 0x3000,  # EM SPACE → IDEOGRAPHIC SPACE
	0x2012: 0x2013,  # FIGURE DASH → EN DASH –
	0x2215: 0xFF0F,  # DIVISION SLASH → FULLWIDTH SOLIDUS ／
	0x2329: 0x3008,  # LEFT-POINTING ANGLE BRACKET → LEFT ANGLE BRACKET 〈
	0x232A: 0x3009,  # RIGHT-POINTING ANGLE BRACKET → RIGHT ANGLE BRACKET 〉
	0x301C: 0xFF5E,  # WAVE DASH → FULLWIDTH TILDE ～
}


def shared_glyphs(path: str) -> dict[int, list[int]]:
	"""For each Simplified Chinese font of the collection: lowest code point → the others of its glyph."""
	shared = {}
	for font in TTCollection(path, lazy=True).fonts:
		if " SC" not in font["name"].getDebugName(4):
			continue
		by_glyph = defaultdict(list)
		for code, glyph in font.getBestCmap().items():
			if code < 0x10000:  # Qt's reverse map covers the BMP only
				by_glyph[glyph].append(code)
		for codes in by_glyph.values():
			if len(codes) > 1:
				codes.sort()
				shared.setdefault(codes[0], set()).update(codes[1:])
	return shared


def derive(paths) -> tuple[dict[str, str], list[str]]:
	table, notes = {}, []
	for path in paths:
		for low, others in shared_glyphs(path).items():
			if low in PUNCTUATION:
				if PUNCTUATION[low] not in others:
					raise SystemExit(
						f"{path}: U+{low:04X} does not share its glyph with U+{PUNCTUATION[low]:04X}"
					)
				table[chr(low)] = chr(PUNCTUATION[low])
			if low not in RADICALS:
				continue
			ideographs = sorted(c for c in others if any(c in r for r in UNIFIED))
			if len(ideographs) != 1:
				continue  # shared with another radical or a compatibility ideograph only (⺿, ⻀): left as is
			ideograph = chr(ideographs[0])
			if table.setdefault(chr(low), ideograph) != ideograph:
				raise SystemExit(f"U+{low:04X}: {table[chr(low)]} in one font, {ideograph} in {path}")
	for radical, ideograph in sorted(table.items()):
		if ord(radical) not in RADICALS:
			continue
		nfkc = unicodedata.normalize("NFKC", radical)
		if nfkc != radical and nfkc != ideograph:
			notes.append(f"U+{ord(radical):04X} {radical}: NFKC {nfkc}, the fonts' glyph {ideograph}")
	table["\t"] = " "
	return dict(sorted(table.items())), notes


def main():
	paths = sys.argv[1:] or [p for p in FONTS if Path(p).exists()]
	table, notes = derive(paths)
	OUT.parent.mkdir(exist_ok=True)
	OUT.write_text(
		json.dumps(
			{
				"about": "ToUnicode repairs of wkhtmltopdf's PDFs set in Noto CJK SC: character Qt writes → "
				"character typed. Derived by scripts/derive_pdf_text_map.py from "
				+ ", ".join(Path(p).name for p in paths),
				"nfkc_differs": notes,
				"map": table,
			},
			ensure_ascii=False,
			indent=1,
		)
		+ "\n",
		encoding="utf-8",
	)
	radicals = sum(1 for c in table if ord(c) in RADICALS)
	print(f"{OUT}: {len(table)} entries, {radicals} radicals; NFKC differs: {notes or 'nowhere'}")


if __name__ == "__main__":
	main()
