"""Benchmark: the PDF of a full 申报书 in its official print format against Frappe's Standard print format.

	bench --site <site> execute cluster_brand.benchmarks.print_pdf.run
	bench --site <site> execute cluster_brand.benchmarks.print_pdf.run --kwargs "{'rounds': 10}"

A full application here is the Zhejiang demo application (30 backbone enterprises, 11 × 3 indicator values,
25 measures), inserted for the run and rolled back. Each round makes its PDF with frappe.get_print(...,
as_pdf=True) once in 产业集群区域品牌建设试点申报书 and once in "Standard" (named explicitly: without a name
Frappe takes the DocType's default, which is the 申报书), alternating so that both see the same load.
The scan of the stamped form is taken off the document: Frappe's Standard format cannot make a PDF with it.
Printing writes an Access Log and commits it outside tests; that write is left out for both formats so
that nothing is committed. Target: 申报书 / Standard ≤ 1.0, and the 申报书 under 3 s.

The desk's PDF button and REST go through cluster_brand.print.pdf.download_pdf, which repairs the text layer
and stamps the page numbers after frappe.get_print (printing.finish_pdf); each round times that path too, and
the finishing alone.
"""

import statistics
import time
from unittest.mock import patch

import frappe
from frappe.utils.pdf import is_wkhtmltopdf_valid

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.print import pdf as printing
from cluster_brand.print.format_names import APPLICATION_FORMAT
from cluster_brand.tests.support.records import make_test_application

STANDARD = "Standard"
DOWNLOAD = "download with page numbers"
STAMP = "stamping alone"


def _timed_pdf(name: str, print_format: str) -> tuple[float, int]:
	start = time.perf_counter()
	pdf = frappe.get_print(APPLICATION, name, print_format=print_format, as_pdf=True)
	return time.perf_counter() - start, len(pdf)


def _timed_download(name: str) -> tuple[float, int]:
	response, frappe.local.response = frappe.local.response, frappe._dict()
	try:
		start = time.perf_counter()
		printing.download_pdf(APPLICATION, name, format=APPLICATION_FORMAT)
		return time.perf_counter() - start, len(frappe.local.response.filecontent)
	finally:
		frappe.local.response = response


def _timed_stamp(pdf: bytes) -> tuple[float, int]:
	start = time.perf_counter()
	stamped = printing.stamp_page_numbers(pdf)
	return time.perf_counter() - start, len(stamped)


def run(rounds: int = 5):
	frappe.set_user("Administrator")
	try:
		with patch("frappe.www.printview.make_access_log"):
			doc = make_test_application("-print-benchmark")
			# Standard prints the Attach field as <img src="/private/files/….pdf">, which wkhtmltopdf may not
			# fetch (ContentAccessDenied: no PDF at all); the 申报书 does not print the scan.
			doc.db_set("stamped_form_scan", None)
			sizes = {t: len(doc.get(t)) for t in ("backbone_enterprises", "indicators", "tasks")}
			for print_format in (APPLICATION_FORMAT, STANDARD):  # warm caches, templates and wkhtmltopdf
				_timed_pdf(doc.name, print_format)
			_timed_download(doc.name)
			pdf = frappe.get_print(APPLICATION, doc.name, print_format=APPLICATION_FORMAT, as_pdf=True)
			times = {APPLICATION_FORMAT: [], STANDARD: [], DOWNLOAD: [], STAMP: []}
			pdf_bytes = {}
			for _ in range(rounds):
				for print_format in (APPLICATION_FORMAT, STANDARD):
					seconds, pdf_bytes[print_format] = _timed_pdf(doc.name, print_format)
					times[print_format].append(seconds)
				seconds, pdf_bytes[DOWNLOAD] = _timed_download(doc.name)
				times[DOWNLOAD].append(seconds)
				seconds, pdf_bytes[STAMP] = _timed_stamp(pdf)
				times[STAMP].append(seconds)
	finally:
		frappe.db.rollback()

	official, standard = statistics.median(times[APPLICATION_FORMAT]), statistics.median(times[STANDARD])
	print(
		f"application: {sizes['backbone_enterprises']} enterprises, {sizes['indicators'] * 3} indicator values, "
		f"{sizes['tasks']} tasks; {rounds} rounds of frappe.get_print(..., as_pdf=True)"
	)
	print(f"{APPLICATION_FORMAT}: median {official:.2f} s ({pdf_bytes[APPLICATION_FORMAT] / 1024:.0f} KB)")
	print(f"Standard print format:          median {standard:.2f} s ({pdf_bytes[STANDARD] / 1024:.0f} KB)")
	print(
		f"ratio: {official / standard:.2f} (target ≤ 1.00; 申报书 under 3 s: {'yes' if official < 3 else 'no'})"
	)
	download, stamp = statistics.median(times[DOWNLOAD]), statistics.median(times[STAMP])
	stamped = "stamped" if not is_wkhtmltopdf_valid() else "not stamped: wkhtmltopdf draws the footer"
	print(
		f"{APPLICATION_FORMAT} through download_pdf ({stamped}): median {download:.2f} s "
		f"({pdf_bytes[DOWNLOAD] / 1024:.0f} KB); stamping alone: median {stamp * 1000:.0f} ms"
	)
