"""Benchmark: saving a full 申报书 with and without the app's validation.

	bench --site <site> execute cluster_brand.benchmarks.application_save.run
	bench --site <site> execute cluster_brand.benchmarks.application_save.run --kwargs "{'rounds': 50}"

A full application here is the Zhejiang demo application: 30 backbone enterprises, 11 × 3 indicator values,
25 measures in the work task plan. Each round saves it once with the controller's validate() and once with
validate() switched off, alternating so that both see the same machine load. Nothing is committed.
Target: validated / unvalidated ≤ 1.1.
"""

import statistics
import time
from unittest.mock import patch

import frappe

from cluster_brand.cluster_brand.doctype.cluster_brand_application.cluster_brand_application import (
	ClusterBrandApplication,
)
from cluster_brand.tests.utils import make_test_application


def timed_save(doc) -> float:
	doc.leading_industry_profile = f"{doc.leading_industry_profile[:200]} {time.perf_counter()}"
	start = time.perf_counter()
	doc.save()
	return time.perf_counter() - start


def run(rounds: int = 30):
	frappe.set_user("Administrator")
	doc = make_test_application("-benchmark")
	sizes = {t: len(doc.get(t)) for t in ("backbone_enterprises", "indicators", "tasks")}
	validated, unvalidated = [], []
	for _ in range(3):  # warm caches
		timed_save(doc)
	for _ in range(rounds):
		validated.append(timed_save(doc))
		with patch.object(ClusterBrandApplication, "validate", lambda self: None):
			unvalidated.append(timed_save(doc))
	frappe.db.rollback()

	with_ms, without_ms = statistics.median(validated) * 1000, statistics.median(unvalidated) * 1000
	print(
		f"application: {sizes['backbone_enterprises']} enterprises, {sizes['indicators'] * 3} indicator values, {sizes['tasks']} tasks; {rounds} rounds"
	)
	print(f"save with the app's validation:    median {with_ms:.1f} ms")
	print(f"save without the app's validation: median {without_ms:.1f} ms")
	print(f"ratio: {with_ms / without_ms:.2f} (target ≤ 1.10)")
