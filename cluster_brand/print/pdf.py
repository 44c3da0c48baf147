"""The PDF download of the app's print formats, finished: the text layer repaired and the page numbers.

download_pdf replaces Frappe's (override_whitelisted_methods): the desk's PDF button and the REST endpoint
call it. Frappe's own download_pdf still checks the permission and makes the PDF; the app's print formats
then get their text layer repaired (cluster_brand.print.pdf_text: what copying and searching read is what was
typed) and the page number of GB/T 9704 ("— 3 —") stamped on each page but a cover, in the documents' own
font, because a wkhtmltopdf built on an unpatched Qt (Debian's, for one) ignores the templates' footer.
PDFs made by frappe.get_print directly (e-mail attachments) are not finished: get_pdf here gives the
finished PDF for code of the app. What the formats read from the database is cluster_brand.print.readers.
"""

import io

import frappe
import pdfkit
from frappe.utils import pdf as frappe_pdf
from frappe.utils.print_format import download_pdf as frappe_download_pdf
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

from cluster_brand.print import pdf_text
from cluster_brand.print.format_names import APPLICATION_FORMAT

# --- PDF download with page numbers -----------------------------------------------------------------------


@frappe.whitelist()
def download_pdf(doctype, name, format=None, doc=None, no_letterhead=0, language=None, letterhead=None):
	"""frappe.utils.print_format.download_pdf (same arguments, same permission check); the app's formats then
	get their text layer repaired and their page numbers."""
	frappe_download_pdf(
		doctype,
		name,
		format=format,
		doc=doc,
		no_letterhead=no_letterhead,
		language=language,
		letterhead=letterhead,
	)
	print_format = app_print_format(doctype, format)
	if not print_format:
		return
	try:
		frappe.local.response.filecontent = finish_pdf(
			frappe.local.response.filecontent,
			# A wkhtmltopdf on a patched Qt has drawn the templates' footer already.
			page_numbers=not frappe_pdf.is_wkhtmltopdf_valid(),
			cover=print_format in FORMATS_WITH_COVER,
		)
	except Exception:
		# the PDF as wkhtmltopdf made it rather than no PDF
		frappe.log_error("PDF not finished", reference_doctype=doctype, reference_name=name)


def get_pdf(doctype: str, name: str, print_format: str) -> bytes:
	"""The PDF of one of the app's formats as the desk's PDF button gets it (frappe.get_print, finished)."""
	pdf = frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)
	return finish_pdf(
		pdf, page_numbers=not frappe_pdf.is_wkhtmltopdf_valid(), cover=print_format in FORMATS_WITH_COVER
	)


def app_print_format(doctype: str, print_format: str | None) -> str | None:
	"""The format Frappe printed with (the one asked for, else the DocType's default, as www/printview.py
	takes it) when it is one of the app's."""
	print_format = print_format or frappe.get_meta(doctype).default_print_format
	if not print_format or print_format == "Standard":
		return None
	module = frappe.db.get_value("Print Format", print_format, "module")
	return print_format if module and module in frappe.get_module_list("cluster_brand") else None


def is_app_print_format(doctype: str, print_format: str | None) -> bool:
	return bool(app_print_format(doctype, print_format))


# The formats whose first page is a cover: official covers carry no number, the body counts from 1.
FORMATS_WITH_COVER = frozenset({APPLICATION_FORMAT})


def finish_pdf(pdf: bytes, page_numbers: bool = True, cover: bool = False) -> bytes:
	"""The PDF with its text layer repaired (cluster_brand.print.pdf_text) and, if asked, the page numbers."""
	writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
	fix_text_layer(writer)
	if page_numbers:
		_stamp_page_numbers(writer, cover)
	out = io.BytesIO()
	writer.write(out)
	return out.getvalue()


def stamp_page_numbers(pdf: bytes, cover: bool = False) -> bytes:
	"""The PDF with "— n —" at the foot of each page (but the cover), drawn over the page as it is."""
	return finish_pdf(pdf, page_numbers=True, cover=cover)


# --- the text layer ---------------------------------------------------------------------------------------


def fix_text_layer(writer: PdfWriter):
	"""Every ToUnicode CMap of the Noto CJK fonts rewritten to the characters typed (see pdf_text)."""
	seen = set()
	for page in writer.pages:
		for font in _fonts(page.get("/Resources")):
			cmap_ref = font.get("/ToUnicode")
			if cmap_ref is None or not pdf_text.is_mapped_font(font.get("/BaseFont")):
				continue
			key = getattr(cmap_ref, "idnum", None) or id(cmap_ref)
			if key in seen:
				continue
			seen.add(key)
			cmap = cmap_ref.get_object()
			data = cmap.get_data()
			fixed = pdf_text.fix_cmap(data)
			if fixed != data:
				cmap.set_data(fixed)


def _fonts(resources, depth: int = 0):
	"""The font dictionaries of a resource dictionary and of the form XObjects it uses."""
	resources = resources.get_object() if resources is not None else None
	if not resources:
		return
	for font in (resources.get("/Font") or DictionaryObject()).get_object().values():
		yield font.get_object()
	if depth < 3:
		for xobject in (resources.get("/XObject") or DictionaryObject()).get_object().values():
			xobject = xobject.get_object()
			if xobject.get("/Subtype") == "/Form":
				yield from _fonts(xobject.get("/Resources"), depth + 1)


# --- page numbers -----------------------------------------------------------------------------------------
# GB/T 9704: the number between two em dashes, centred, under the text (the app's formats keep a bottom
# margin of 22 mm). The numbers are set by wkhtmltopdf itself, in the documents' Song-style font and at their
# scale, on small pages of their own (one per number, made once per block of numbers and kept in the cache);
# each is drawn on its page as a form XObject, so that the font is embedded once for the whole PDF.

NUMBERS_WIDTH, NUMBERS_HEIGHT = 70, 10  # mm, the page of one number
NUMBERS_BOTTOM = 8 * 72 / 25.4  # pt: the number's page sits 8 mm above the bottom edge
NUMBERS_BLOCK = 50  # numbers made at a time
NUMBERS_VERSION = 1  # raise when the numbers' HTML changes
NUMBERS_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; }
div { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 14pt;
	line-height: 1; text-align: center; padding-top: 1mm; page-break-after: always; }
</style></head><body>%s</body></html>"""
FORM_NAME = "/CBPageNumber"


def page_number_text(number: int) -> str:
	return f"—\u00a0{number}\u00a0—"


def numbers_pdf(count: int) -> bytes:
	"""A PDF whose page n shows "— n —", for n = 1 … at least ``count`` (from the cache once made)."""
	last = -(-max(count, 1) // NUMBERS_BLOCK) * NUMBERS_BLOCK
	key = f"cluster_brand:page_numbers:{NUMBERS_VERSION}:{last}"
	pdf = frappe.cache.get_value(key)
	if not pdf:
		html = NUMBERS_HTML % "".join(
			f"<div>{page_number_text(n).replace(chr(0xA0), '&nbsp;')}</div>" for n in range(1, last + 1)
		)
		pdf = pdfkit.from_string(
			html,
			False,
			options={
				"page-width": f"{NUMBERS_WIDTH}mm",
				"page-height": f"{NUMBERS_HEIGHT}mm",
				"margin-top": "0",
				"margin-bottom": "0",
				"margin-left": "0",
				"margin-right": "0",
				"encoding": "UTF-8",
				"quiet": "",
				"disable-javascript": "",
				"disable-local-file-access": "",
			},
		)
		frappe.cache.set_value(key, pdf)
	return pdf


def _stamp_page_numbers(writer: PdfWriter, cover: bool):
	pages = list(writer.pages)[1:] if cover else list(writer.pages)
	if not pages:
		return
	numbers = PdfReader(io.BytesIO(numbers_pdf(len(pages))))
	for number, page in enumerate(pages, start=1):
		_stamp(writer, page, _number_form(writer, numbers.pages[number - 1]))


def _number_form(writer: PdfWriter, number_page: PageObject):
	"""The page of one number as a form XObject of the writer (its font cloned once for all of them)."""
	form = DecodedStreamObject()
	form.set_data(number_page.get_contents().get_data())
	form[NameObject("/Type")] = NameObject("/XObject")
	form[NameObject("/Subtype")] = NameObject("/Form")
	form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in number_page.mediabox)
	form[NameObject("/Resources")] = number_page["/Resources"].clone(writer)
	return writer._add_object(form)


def _stamp(writer: PdfWriter, page: PageObject, form):
	# The form goes into the page's own resources and is drawn after the page's content, saved and restored
	# around it; the content streams stay as they are (nothing decoded or compressed again).
	resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
	xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
	xobjects[NameObject(FORM_NAME)] = form
	box, number_box = page.mediabox, form.get_object()["/BBox"]
	x = float(box.left) + (float(box.width) - float(number_box[2] - number_box[0])) / 2
	y = float(box.bottom) + NUMBERS_BOTTOM
	before, after = DecodedStreamObject(), DecodedStreamObject()
	before.set_data(b"q\n")
	after.set_data(b"\nQ\nq 1 0 0 1 %.2f %.2f cm %s Do Q\n" % (x, y, FORM_NAME.encode()))
	contents = page.get("/Contents")
	existing = contents.get_object() if contents is not None else None
	if isinstance(existing, ArrayObject):
		streams = list(existing)
	elif contents is not None:
		streams = [contents]
	else:
		streams = []
	page[NameObject("/Contents")] = ArrayObject(
		[writer._add_object(before), *streams, writer._add_object(after)]
	)
