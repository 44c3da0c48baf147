"""Benchmark: the 骨干企业汇总表 of 100 enterprises, all new to the register, imported from Excel into a draft.

	bench --site <site> execute cluster_brand.benchmarks.enterprise_import.run
	bench --site <site> execute cluster_brand.benchmarks.enterprise_import.run --kwargs "{'rows': 100, 'rounds': 5}"

Each round is one import_table as the unit's applicant, as the desk sends it: the sheet read and checked, 100
enterprises registered through the Cluster Enterprise DocType, the application's table replaced and saved with
its validate(). Each round is rolled back (to a savepoint), so every round registers the same 100 new ones;
nothing is committed. Target: ≤ 2 s per import.
"""

import io
import statistics
import time

import frappe
from openpyxl import load_workbook

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.office import backbone_sheet
from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.tests.support.calls import call_as
from cluster_brand.tests.support.process import make_cast, new_application

IMPORT = "cluster_brand.api.application_import.import_table"


def sheet_of(count: int) -> bytes:
	"""The template filled with ``count`` enterprises that no register holds (codes of their own series)."""
	book = load_workbook(io.BytesIO(backbone_sheet.template({})))
	sheet = book.active
	sheet.delete_rows(4, sheet.max_row - 3)  # the numbered empty rows
	for n in range(1, count + 1):
		first = f"91330100MA9{n:06d}"
		sales = 50_000 - n * 100
		sheet.append(
			[
				n,
				f"基准测试企业{n:03d}有限公司",
				first + credit_code_check_character(first),
				"电动工具",
				f"品牌{n}",
			]
			+ [f"{sales * 1.2:,.2f}", sales, sales // 2, sales // 10, "张三", "0571-87654321"]
		)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def run(rows: int = 100, rounds: int = 5):
	frappe.set_user("Administrator")
	cast = make_cast()
	draft = new_application(f"benchmark-import-{frappe.generate_hash(length=6)}").name
	url = (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "骨干企业汇总表.xlsx",
				"attached_to_doctype": APPLICATION,
				"attached_to_name": draft,
				"is_private": 1,
				"content": sheet_of(rows),
			}
		)
		.insert(ignore_permissions=True)
		.file_url
	)
	times, answer = [], None
	for _ in range(rounds):
		frappe.db.savepoint("benchmark")
		start = time.perf_counter()
		answer = call_as(
			cast.applicant, IMPORT, application=draft, table="backbone_enterprises", file_url=url
		)
		times.append(time.perf_counter() - start)
		frappe.db.rollback(save_point="benchmark")
	frappe.db.rollback()
	print(f"import of {answer['rows']} rows, {answer['registered']} enterprises registered; {rounds} rounds")
	print(f"median {statistics.median(times):.2f} s, fastest {min(times):.2f} s, slowest {max(times):.2f} s")
	print("target ≤ 2 s")
