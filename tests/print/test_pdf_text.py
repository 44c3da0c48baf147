"""The PDF text layer's repair table (cluster_brand/print/data/pdf_text_map.json) and its application to ToUnicode
CMaps (cluster_brand.print.pdf_text), and typed text read back from what Frappe's sanitiser stores
(print/formatting.plain_text). No Frappe, no fonts: the PDFs themselves are read back in the Frappe tier
(cluster_brand/tests/test_print_format.py)."""

import json
import unicodedata

import pytest

from cluster_brand.demo.values import DEMO_DATA
from cluster_brand.print import pdf_text
from cluster_brand.print.formatting import plain_text as _text

TABLE = json.loads(pdf_text.TABLE.read_text(encoding="utf-8"))["map"]
KANGXI = range(0x2F00, 0x2FD6)
SUPPLEMENT = range(0x2E80, 0x2EF4)


def is_unified(ch: str) -> bool:
	return 0x3400 <= ord(ch) <= 0x4DBF or 0x4E00 <= ord(ch) <= 0x9FFF


def test_the_issues_examples_are_in_the_table():
	assert TABLE["⼯"] == "工" and TABLE["⻋"] == "车"
	assert "汽⻋".translate(pdf_text.text_map()) == "汽车"


def test_radicals_map_to_unified_ideographs():
	radicals = {c: i for c, i in TABLE.items() if ord(c) in KANGXI or ord(c) in SUPPLEMENT}
	assert len(radicals) > 250
	assert all(is_unified(i) for i in radicals.values())


def test_kangxi_radicals_agree_with_nfkc_but_where_the_sc_glyph_is_the_simplified_character():
	# NFKC folds ⼾ into the traditional 戶; the SC fonts draw it with the glyph of 户, which is what was typed.
	differs = {c: i for c, i in TABLE.items() if ord(c) in KANGXI and unicodedata.normalize("NFKC", c) != i}
	assert differs == {"⼾": "户"}


def test_supplement_radicals_that_nfkc_folds_agree():
	for c, i in TABLE.items():
		if ord(c) in SUPPLEMENT and unicodedata.normalize("NFKC", c) != c:
			assert unicodedata.normalize("NFKC", c) == i, c


def test_nothing_typed_in_the_demo_is_changed():
	typed = set()
	for path in DEMO_DATA.glob("*.json"):
		typed |= set(path.read_text(encoding="utf-8"))
	assert not typed & set(TABLE), "the table would rewrite characters that are typed"


def test_punctuation_entries_are_the_ones_chinese_text_types():
	assert TABLE["〜"] == "～" and TABLE["∕"] == "／" and TABLE["\u2003"] == "\u3000" and TABLE["\t"] == " "


CMAP = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<6C7D> <2ECB> <2F2F> <0009>]
endbfrange
1 beginbfrange
<0010> <0012> <2F2E>
endbfrange
2 beginbfchar
<0020> <2EC5>
<0021> <2F2F>
endbfchar
endcmap
"""


def test_fix_cmap_rewrites_destinations_only():
	fixed = pdf_text.fix_cmap(CMAP)
	assert b"<0001> <0004> [<6C7D> <8F66> <5DE5> <0020>]" in fixed  # 汽车工 and a space
	assert b"<0020> <89C1>" in fixed and b"<0021> <5DE5>" in fixed  # 见 工
	# a range counting up from ⼮ (U+2F2E: 巛, U+2F2F: 工, U+2F30: 己) is spelt out
	assert b"<0010> <0012> [<5DDB> <5DE5> <5DF1>]" in fixed
	assert b"<0000> <0000> <0000>" in fixed
	assert fixed.count(b"begincodespacerange\n<0000> <FFFF>") == 1


def test_fix_cmap_leaves_a_clean_cmap_as_it_is():
	clean = CMAP.replace(b"<2ECB>", b"<8F66>").replace(b"<2F2F>", b"<5DE5>").replace(b"<0009>", b"<0020>")
	clean = clean.replace(b"<2EC5>", b"<89C1>").replace(b"<0010> <0012> <2F2E>", b"<0010> <0012> <5DDB>")
	assert pdf_text.fix_cmap(clean) == clean


@pytest.mark.parametrize(
	"name, mapped",
	[
		("/NotoSerifCJKsc-Regular", True),
		("/ABCDEF+NotoSansCJKsc-Bold", True),
		("/Times-Roman", False),
		("/SimSun", False),
		(None, False),
	],
)
def test_only_the_fonts_the_table_was_made_for(name, mapped):
	assert pdf_text.is_mapped_font(name) is mapped


# --- typed text, as Frappe stores it --------------------------------------------------------------------


@pytest.mark.parametrize(
	"stored, typed",
	[
		# what frappe.utils.html_utils.sanitize_html stores for these (Frappe 15)
		("《&lt;GB/T 19001&gt;》", "《<GB/T 19001>》"),
		("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
		("a &amp; b <b>x</b>", "a & b <b>x</b>"),
		("x < y", "x < y"),  # no tag: stored as typed
		("R&D 投入", "R&D 投入"),
		("第一行\r\n第二行", "第一行\n第二行"),
	],
)
def test_text_is_read_back_as_typed(stored, typed):
	assert _text(stored) == typed
