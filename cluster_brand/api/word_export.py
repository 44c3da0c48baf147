"""The 申报书 and the 年度工作总结 as Word documents (.docx), for the desk's 导出Word button and REST clients:
GET /api/method/cluster_brand.api.word_export.application_docx?name=CBA-2017-00001 (…annual_summary_docx).

The document is read as its reader may read it, exactly as its print: Frappe's read permission, then
print/readers.readable(), which blanks the field levels the reader cannot read and what the document's
state withholds from them. The Word layout is cluster_brand/office/."""

import frappe
from frappe import _

from cluster_brand.api.downloads import send_file
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION
from cluster_brand.office.annual_summary_docx import annual_summary_docx as summary_document
from cluster_brand.office.application_docx import application_docx as application_document
from cluster_brand.print.readers import readable
from cluster_brand.readers.authorities import official_name

# the file's name as the forms are called, with the document's name (申报书-CBA-2017-00001.docx)
FILE_NAMES = {APPLICATION: "申报书", ANNUAL_WORK_SUMMARY: "年度工作总结"}
# the name for a client that cannot read a UTF-8 file name
ASCII_NAMES = {APPLICATION: "application", ANNUAL_WORK_SUMMARY: "annual-work-summary"}


@frappe.whitelist(methods=["GET"])
def application_docx(name: str):
	"""The application's 申报书 as a .docx, as its reader may read it."""
	doc = _read(APPLICATION, name)
	_download(doc, application_document(readable(doc)))


@frappe.whitelist(methods=["GET"])
def annual_summary_docx(name: str):
	"""The annual work summary as a .docx, as its reader may read it (the province's inspection only once
	the reader may read it)."""
	doc = _read(ANNUAL_WORK_SUMMARY, name)
	_download(doc, summary_document(readable(doc), official_name(doc.get("recommending_authority"))))


def _read(doctype: str, name: str):
	doc = frappe.get_doc(doctype, name)
	if not frappe.has_permission(doctype, "read", doc=doc):
		frappe.throw(
			_("You may not export {0} {1}: you may not read it.").format(_(doctype), name),
			frappe.PermissionError,
		)
	return doc


def _download(doc, content: bytes):
	"""The answer under the form's Chinese name (申报书-CBA-2017-00001.docx)."""
	safe = doc.name.replace(" ", "-").replace("/", "-")
	send_file(content, f"{FILE_NAMES[doc.doctype]}-{safe}.docx", f"{ASCII_NAMES[doc.doctype]}-{safe}.docx")
