"""Benchmark: the programme's reports over 200 and 2,000 applications of one batch, as the ministry runs them.

	bench --site <site> execute cluster_brand.benchmarks.reports_scale.run
	bench --site <site> execute cluster_brand.benchmarks.reports_scale.run --kwargs "{'rounds': 20}"

For each size, bulk_data.populate() makes that many full applications in one batch (the process's mix of
states, reviews for the reviewed ones); each report then runs ``rounds`` times through
frappe.desk.query_report.run as the desk calls it (cluster_brand.overrides.query_report.run: the access check, then
Frappe's run: permissions, the report's execute, formatting)
as a Ministry Administrator with the batch as filter, after two warm-up runs. Printed per report: the
median time and the number of SQL queries of one run (frappe.db.sql counted while it runs). Everything made
is deleted afterwards. Targets: ≤ 300 ms at 2,000 applications; the same number of queries for 200 and 2,000.
"""

import statistics
import time
from contextlib import contextmanager
from unittest.mock import patch

import frappe

from cluster_brand.benchmarks import bulk_data
from cluster_brand.overrides.query_report import run as run_report
from cluster_brand.tests.support.process import make_user

REPORTS = (
	"Application Summary",
	"Recommendation By Authority",
	"Indicator Comparison",
	"Expert Review Ranking",
)
SIZES = (200, 2000)
MINISTRY_USER = "bench.ministry@example.com"
TARGET_MS = 300


@contextmanager
def counted_queries():
	"""Counts the SQL statements sent while the block runs: ``with counted_queries() as count: …; count[0]``."""
	count = [0]
	sql = frappe.db.sql

	def counting(*args, **kwargs):
		count[0] += 1
		return sql(*args, **kwargs)

	with patch.object(frappe.db, "sql", counting):
		yield count


def _measure(report: str, batch: str, rounds: int) -> tuple[float, int, int]:
	"""(median ms, queries of one run, rows) of ``rounds`` runs after two warm-up runs."""
	filters = {"pilot_batch": batch}
	for _ in range(2):
		run_report(report, filters=filters)
	with counted_queries() as count:
		result = run_report(report, filters=filters)
	timings = []
	for _ in range(rounds):
		start = time.perf_counter()
		run_report(report, filters=filters)
		timings.append((time.perf_counter() - start) * 1000)
	return statistics.median(timings), count[0], len(result["result"])


def run(rounds: int = 15):
	frappe.set_user("Administrator")
	make_user(MINISTRY_USER, "Ministry Administrator")
	frappe.db.commit()
	reports = [r for r in REPORTS if frappe.db.exists("Report", r)]
	missing = sorted(set(REPORTS) - set(reports))
	figures: dict[tuple[str, int], tuple] = {}
	try:
		for size in SIZES:
			bulk_data.cleanup()
			made = bulk_data.populate(size)
			frappe.set_user(MINISTRY_USER)
			for report in reports:
				figures[report, size] = _measure(report, made["batch"], rounds)
			frappe.set_user("Administrator")
	finally:
		frappe.set_user("Administrator")
		bulk_data.cleanup()

	print(f"reports run as a Ministry Administrator, {rounds} runs each after 2 warm-up runs, one batch")
	if missing:
		print(f"not on this branch: {', '.join(missing)}")
	for report in reports:
		small, large = figures[report, SIZES[0]], figures[report, SIZES[1]]
		print(
			f"{report:28s} {SIZES[0]:5d} apps: median {small[0]:7.1f} ms, {small[1]:3d} queries, {small[2]:5d} rows | "
			f"{SIZES[1]:5d} apps: median {large[0]:7.1f} ms, {large[1]:3d} queries, {large[2]:5d} rows | "
			f"{'OK' if large[0] <= TARGET_MS else 'SLOW'}, queries {'same' if small[1] == large[1] else 'DIFFER'}"
		)
	print(f"targets: median ≤ {TARGET_MS} ms at {SIZES[1]} applications; the same query count at both sizes")
