"""A file answered as a download under its Chinese name (the 申报书's .docx, a report's sheet, an import
template), as Frappe's download_pdf answers a PDF.

Frappe's download answer garbles a name that is not ASCII (frappe/utils/response.py as_raw decodes the name's
UTF-8 bytes as escape sequences): the UTF-8 name goes in ``filename*`` (RFC 6266), which browsers prefer, and
an ASCII one in ``filename`` for a client that cannot read the other."""

import mimetypes
from urllib.parse import quote

import frappe


def send_file(content: bytes, file_name: str, ascii_name: str):
	"""Answer ``content`` as the download ``file_name`` (``ascii_name`` for clients without RFC 6266)."""
	response = frappe.local.response
	response.filename = ascii_name.replace(" ", "-").replace("/", "-")
	response.display_content_as = f"attachment; filename*=UTF-8''{quote(file_name.replace('/', '-'))}"
	response.filecontent = content
	response.content_type = mimetypes.guess_type(ascii_name)[0] or "application/octet-stream"
	response.type = "download"
