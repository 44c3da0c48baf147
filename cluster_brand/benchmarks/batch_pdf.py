"""Benchmark: a batch of 30 full applications printed as one PDF for the review meeting (cluster_brand/print/batch_pdf.py).

	bench --site <site> execute cluster_brand.benchmarks.batch_pdf.run
	bench --site <site> execute cluster_brand.benchmarks.batch_pdf.run --kwargs "{'count': 10, 'rounds': 1}"

The applications are full ones (cluster_brand.tests.support.records.make_test_application: the Zhejiang and Shandong
demo applications, 30 and 24 backbone enterprises, 11 × 3 indicator values, 25 and 23 measures), in a batch of
their own, recommended, ranked by their province; everything is inserted for the run and rolled back (the
files written too). Each round runs the background job itself (batch_print.build_batch_pdf, as the
ministry's request enqueues it, synchronously here) as Administrator: each 申报书 through the desk's PDF path
(frappe.get_print, text layer, page numbers), the contents page, the merge with the outline, the File saved.
Printing writes an Access Log and commits it outside tests; that write is left out so that nothing is
committed. Figures: the whole job, the rendering of the parts, and the rest (contents, merge, save).
"""

import statistics
import time
from unittest.mock import patch

import frappe

from cluster_brand.print import batch_pdf as batch_print
from cluster_brand.tests.support.records import make_test_application_values, test_batch_values

BATCH = "基准批次（合并打印）"
DEMO_FILES = ("application_zhejiang.json", "application_shandong.json")


def _make_applications(count: int) -> list[str]:
	frappe.get_doc({"doctype": "Pilot Batch", **test_batch_values(), "batch_title": BATCH}).insert()
	names, ranks = [], {}
	for i in range(count):
		values = make_test_application_values(f"-batch-pdf-{i:02d}", demo_file=DEMO_FILES[i % 2])
		doc = frappe.get_doc({**values, "pilot_batch": BATCH, "stamped_form_scan": None}).insert()
		rank = ranks[doc.recommending_authority] = ranks.get(doc.recommending_authority, 0) + 1
		doc.db_set({"workflow_state": "Recommended", "recommendation_rank": rank})
		names.append(doc.name)
	return names


def run(count: int = 30, rounds: int = 2):
	frappe.set_user("Administrator")
	part_seconds = []
	original = batch_print.application_pdf

	def timed_part(name):
		start = time.perf_counter()
		try:
			return original(name)
		finally:
			part_seconds[-1].append(time.perf_counter() - start)

	totals, results, sizes = [], [], []
	try:
		with (
			patch("frappe.www.printview.make_access_log"),
			patch.object(batch_print, "application_pdf", timed_part),
		):
			start = time.perf_counter()
			names = _make_applications(count)
			setup = time.perf_counter() - start
			original(names[0])  # warm caches, templates and wkhtmltopdf
			for n in range(rounds):
				part_seconds.append([])
				start = time.perf_counter()
				result = batch_print.build_batch_pdf(BATCH, None, f"benchmark-{n}", "Administrator")
				totals.append(time.perf_counter() - start)
				results.append(result)
				sizes.append(frappe.db.get_value("File", {"file_url": result["file_url"]}, "file_size"))
	finally:
		frappe.db.rollback()

	result = results[-1]
	total = statistics.median(totals)
	parts = statistics.median(sum(s) for s in part_seconds)
	per_part = [t for s in part_seconds for t in s]
	print(
		f"{count} full applications (made in {setup:.1f} s), {rounds} rounds of the job "
		f"(batch_print.build_batch_pdf, synchronous, as Administrator)"
	)
	print(
		f"one PDF of {result['pages']} pages ({result['contents_pages']} of contents, "
		f"{min(result['parts'])}–{max(result['parts'])} per application), {statistics.median(sizes) / 1024 / 1024:.1f} MB"
	)
	print(
		f"whole job: median {total:.1f} s ({total / count:.2f} s per application); rounds: "
		+ ", ".join(f"{t:.1f} s" for t in totals)
	)
	print(
		f"the 申报书 PDFs: {parts:.1f} s (median {statistics.median(per_part):.2f} s each, "
		f"max {max(per_part):.2f} s); contents, merge and save: {total - parts:.1f} s"
	)
