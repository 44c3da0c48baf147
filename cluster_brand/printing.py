"""What the app's print formats read from the database, and their PDF download with page numbers.

The readers are jinja hook methods called by the templates in cluster_brand/templates/print/; they use
frappe.get_list, so a print shows only the rows its reader may see. cluster_brand.print_context turns
their rows into what the templates print.

download_pdf replaces Frappe's (override_whitelisted_methods): the desk's PDF button and the REST endpoint
call it. Frappe's own download_pdf still checks the permission and makes the PDF; the app's print formats
then get the page number of GB/T 9704 ("— 3 —") stamped on each page, because a wkhtmltopdf built on an
unpatched Qt (Debian's, for one) ignores the templates' footer.
"""

import io

import frappe
from frappe.utils import pdf as frappe_pdf
from frappe.utils.print_format import download_pdf as frappe_download_pdf
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from cluster_brand.permissions import fields_hidden_from_reader, unreadable_fields
from cluster_brand.rules import review

APPLICATION = "Cluster Brand Application"


def readable(doc):
	"""The document as its reader may read it: the fields of the permission levels the reader cannot read
	are blank. Frappe gives a print template the whole document; the forms' field levels hold in print too
	(the receiver prints the 推荐意见 list without the province's opinion and officer)."""
	if not hasattr(doc, "meta") or doc.meta.istable:
		return doc
	hidden = fields_hidden_from_reader(doc)
	if not hidden:
		return doc
	values = frappe._dict(doc.as_dict())
	for fieldname in hidden:
		values[fieldname] = [] if isinstance(values.get(fieldname), list) else None
	return values


def recommended_applications(doc) -> list[dict]:
	"""The applications the application's recommending authority recommended in its batch, by rank."""
	if not (doc.get("recommending_authority") and doc.get("pilot_batch")):
		return []
	hidden = unreadable_fields(APPLICATION)
	return frappe.get_list(
		APPLICATION,
		filters={
			"pilot_batch": doc.get("pilot_batch"),
			"recommending_authority": doc.get("recommending_authority"),
			"workflow_state": ("in", review.RECOMMENDED_OR_LATER),
		},
		fields=[
			field
			for field in (
				"name",
				"recommendation_rank",
				"organizing_unit",
				"industrial_cluster",
				"leading_industry",
				"recommendation_opinion",
			)
			if field not in hidden
		],
		order_by="recommendation_rank asc, name asc",
		limit_page_length=0,
	)


def batch_pilots(doc) -> list[dict]:
	"""The Brand Pilots of a Pilot Batch."""
	if not doc.get("name"):
		return []
	return frappe.get_list(
		"Brand Pilot",
		filters={"pilot_batch": doc.get("name")},
		fields=[
			"name",
			"industrial_cluster",
			"organizing_unit",
			"recommending_authority",
			"designation_notice_number",
			"start_date",
			"planned_end_date",
		],
		order_by="name asc",
		limit_page_length=0,
	)


# --- PDF download with page numbers -----------------------------------------------------------------------


@frappe.whitelist()
def download_pdf(doctype, name, format=None, doc=None, no_letterhead=0, language=None, letterhead=None):
	"""frappe.utils.print_format.download_pdf (same arguments, same permission check), then page numbers."""
	frappe_download_pdf(
		doctype,
		name,
		format=format,
		doc=doc,
		no_letterhead=no_letterhead,
		language=language,
		letterhead=letterhead,
	)
	# A wkhtmltopdf on a patched Qt has drawn the templates' footer already.
	if not is_app_print_format(doctype, format) or frappe_pdf.is_wkhtmltopdf_valid():
		return
	try:
		frappe.local.response.filecontent = stamp_page_numbers(frappe.local.response.filecontent)
	except Exception:
		# the PDF without page numbers rather than no PDF
		frappe.log_error("Page numbers not stamped", reference_doctype=doctype, reference_name=name)


def is_app_print_format(doctype: str, print_format: str | None) -> bool:
	# The format Frappe printed with: the one asked for, else the DocType's default (www/printview.py).
	print_format = print_format or frappe.get_meta(doctype).default_print_format
	if not print_format or print_format == "Standard":
		return False
	module = frappe.db.get_value("Print Format", print_format, "module")
	return bool(module) and module in frappe.get_module_list("cluster_brand")


# GB/T 9704: the number between two em dashes, centred, about 7 mm under the text (the app's formats
# keep a bottom margin of 22 mm). Times-Roman is one of the 14 standard PDF fonts, so nothing is embedded;
# in WinAnsiEncoding the em dash is byte 0x97.
PAGE_NUMBER_SIZE = 14  # pt, 四号
PAGE_NUMBER_BASELINE = 12 * 72 / 25.4  # 12 mm above the bottom edge
EM_DASH = b"\x97"
# Advance widths of Times-Roman (AFM), per 1000 units of the font size.
_WIDTHS = {ord(" "): 250, 0x97: 1000, **{ord(str(d)): 500 for d in range(10)}}
FONT_NAME = "/CBPageNumber"


def page_number_text(number: int) -> bytes:
	return EM_DASH + f" {number} ".encode("ascii") + EM_DASH


def stamp_page_numbers(pdf: bytes) -> bytes:
	"""The PDF with "— n —" at the foot of each page, drawn over the page as it is."""
	writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
	for number, page in enumerate(writer.pages, start=1):
		_stamp(page, number)
	out = io.BytesIO()
	writer.write(out)
	return out.getvalue()


def _stamp(page: PageObject, number: int):
	# The font goes into the page's own resources and the text after its content, saved and restored around
	# it: pypdf's merge_page would copy every page's resources (the embedded CJK fonts) instead.
	resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
	fonts = resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object()
	fonts[NameObject(FONT_NAME)] = DictionaryObject(
		{
			NameObject("/Type"): NameObject("/Font"),
			NameObject("/Subtype"): NameObject("/Type1"),
			NameObject("/BaseFont"): NameObject("/Times-Roman"),
			NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
		}
	)
	box = page.mediabox
	text = page_number_text(number)
	width = sum(_WIDTHS[c] for c in text) * PAGE_NUMBER_SIZE / 1000
	x = float(box.left) + (float(box.width) - width) / 2
	y = float(box.bottom) + PAGE_NUMBER_BASELINE
	contents = page.get_contents()
	stamp = b"BT %s %d Tf 0 g %.2f %.2f Td (%s) Tj ET" % (FONT_NAME.encode(), PAGE_NUMBER_SIZE, x, y, text)
	stream = DecodedStreamObject()
	stream.set_data(b"q\n" + (contents.get_data() if contents is not None else b"") + b"\nQ\n" + stamp)
	page.replace_contents(stream)
	page.compress_content_streams()
