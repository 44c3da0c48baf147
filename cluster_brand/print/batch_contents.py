"""The contents page(s) of the 申报书汇编 (cluster_brand/print/batch_pdf.py): the 申报书 does not print the
cluster's name, so the contents list each application's authority, cluster, unit and the page of the combined
PDF where it starts, with the scope and the order of the print."""

import io

import frappe
from frappe import _
from frappe.utils import format_datetime, now_datetime
from frappe.utils.pdf import get_pdf as frappe_get_pdf
from pypdf import PdfReader

from cluster_brand.print import pdf as printing
from cluster_brand.readers.authorities import official_names


def scope_label(authorities: list[str] | None) -> str:
	if authorities is None:
		return _("All Recommended")
	names = official_names(authorities)
	return "、".join(names[a] for a in authorities if a in names)


def contents_pdf(batch: str, authorities, applications: list[dict], part_pages: list[int]) -> PdfReader:
	"""The contents page(s): each application (with its authority_name) with the page of this PDF where it
	starts."""

	def render(offset: int) -> PdfReader:
		html = frappe.render_template(
			"cluster_brand/templates/print/batch_pdf_contents.html",
			{"c": contents(batch, authorities, applications, part_pages, offset)},
		)
		pdf = frappe_get_pdf(html, {"page-size": "A4"})
		# the text layer as typed (cluster_brand.print.pdf_text); the contents carry no page number
		return PdfReader(io.BytesIO(printing.finish_pdf(pdf, page_numbers=False)))

	reader = render(1)
	if len(reader.pages) != 1:  # more than a page of applications: the pages move on
		reader = render(len(reader.pages))
	return reader


def contents(batch: str, authorities, applications: list[dict], part_pages: list[int], offset: int) -> dict:
	rows, page = [], offset + 1
	for no, (application, pages) in enumerate(zip(applications, part_pages, strict=True), start=1):
		rows.append(
			{
				"no": no,
				"authority": application.authority_name,
				"cluster": application.industrial_cluster or "",
				"unit": application.organizing_unit or "",
				"page": page,
			}
		)
		page += pages
	if authorities is None:
		order = _(
			"In the order of the expert review ranking; applications not yet scored follow, by recommending authority and recommendation rank."
		)
	else:
		order = _("In the order of the recommending authority's recommendation rank.")
	return {
		"batch": batch,
		"title": _("Combined Applications"),
		"scope": _("Applications: {0}").format(scope_label(authorities)),
		"order": order,
		"printed": _("Printed on {0} by {1}").format(
			format_datetime(now_datetime(), "yyyy-MM-dd HH:mm"), frappe.utils.get_fullname()
		),
		"columns": [
			_("No."),
			_("Recommending Authority"),
			_("Industrial Cluster"),
			_("Organizing Unit"),
			_("Page in this PDF"),
		],
		"rows": rows,
	}
