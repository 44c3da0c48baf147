"""Benchmark: saving a full 申报书 with 100 and with 10,000 applications in the table.

	bench --site <site> execute cluster_brand.benchmarks.application_save_scale.run
	bench --site <site> execute cluster_brand.benchmarks.application_save_scale.run --kwargs "{'rounds': 50}"

For each size, bulk_data.populate() fills the table with that many full applications in the same batch as
the one saved, spread over the provinces (its own among them), with every child table filled and the
process's mix of states, ranks and reviews; so whatever the save reads across applications (the cluster's
and the unit's other applications, the ranks and quota of the authority, the batch) has the national
table to read from. The saved application is bulk_data's template (the Zhejiang demo application: 30
backbone enterprises, 11 × 3 indicator values, 25 tasks), saved ``rounds`` times as Administrator after three
warm-up saves, nothing committed. Everything made is deleted afterwards.
Target: the median at 10,000 within ±20% of the median at 100.
"""

import statistics

import frappe

from cluster_brand.benchmarks import bulk_data
from cluster_brand.benchmarks.application_save import timed_save
from cluster_brand.doctype_names import APPLICATION

SIZES = (100, 10_000)
TOLERANCE = 0.20


def _median_save_ms(name: str, rounds: int) -> float:
	doc = frappe.get_doc(APPLICATION, name)
	for _ in range(3):
		timed_save(doc)
	timings = [timed_save(doc) for _ in range(rounds)]
	frappe.db.rollback()
	return statistics.median(timings) * 1000


def run(rounds: int = 30):
	frappe.set_user("Administrator")
	medians = {}
	try:
		for size in SIZES:
			bulk_data.cleanup()
			made = bulk_data.populate(size)
			rows = frappe.db.count(APPLICATION)
			medians[size] = (_median_save_ms(made["template"], rounds), rows, made["child_rows"])
	finally:
		bulk_data.cleanup()

	for median, rows, child_rows in medians.values():
		print(
			f"{rows:6d} applications in the table ({child_rows} child rows added): save median {median:6.1f} ms ({rounds} saves)"
		)
	ratio = medians[SIZES[1]][0] / medians[SIZES[0]][0]
	print(
		f"ratio {SIZES[1]} / {SIZES[0]}: {ratio:.2f} (target {1 - TOLERANCE:.2f} to {1 + TOLERANCE:.2f}: "
		f"{'OK' if abs(ratio - 1) <= TOLERANCE else 'MISSED'})"
	)
