"""Benchmark: a Provincial Reviewer's list read over REST, with the row-level permission rules, against
the same read as Administrator, with 2,000 applications in the table.

	bench --site <site> execute cluster_brand.benchmarks.province_list_read.run
	bench --site <site> execute cluster_brand.benchmarks.province_list_read.run --kwargs "{'requests': 200}"

It adds 2,000 bare applications (parent rows only, spread over the 37 provincial authorities and ten
benchmark batches, all past the applicant), reads the first list page (20 rows, the desk's default) through
Frappe's WSGI application with token authentication, alternating the two users, prints p50, p95 and the
ratio, and deletes everything it added. Target: province / Administrator ≤ 1.5.
"""

import statistics
import time
from urllib.parse import quote

import frappe
from frappe.utils import now

from cluster_brand.permissions.scope import add_user_scope
from cluster_brand.tests.support.http import make_api_user, rest

APPLICATIONS = 2000
BATCHES = 10
PREFIX = "基准测试"
PROVINCE_USER = "bench.province@example.com"
ADMIN_USER = "bench.admin@example.com"  # a System Manager: sees every row, like Administrator
LIST_PATH = "/api/resource/Cluster Brand Application?" + "&".join(
	[
		"fields=" + quote('["name","industrial_cluster","organizing_unit","workflow_state","modified"]'),
		"order_by=" + quote("modified desc"),
		"limit_page_length=20",
	]
)


def _populate():
	authorities = frappe.get_all(
		"Recommending Authority",
		{"authority_type": "Provincial Industry and Information Technology Authority"},
		pluck="name",
	)
	for b in range(BATCHES):
		title = f"{PREFIX}批次{b}"
		if not frappe.db.exists("Pilot Batch", title):
			frappe.get_doc(
				{
					"doctype": "Pilot Batch",
					"batch_title": title,
					"batch_year": 2017,
					"paper_copies_required": 2,
				}
			).insert()
	rows, stamp = [], now()
	for i in range(APPLICATIONS):
		authority = authorities[i % len(authorities)]
		rows.append(
			(
				f"{PREFIX}-{i:05d}",
				stamp,
				stamp,
				"Administrator",
				"Administrator",
				f"{PREFIX}批次{i % BATCHES}",
				2017,
				f"{PREFIX}单位{i % 200}",
				authority,
				f"{PREFIX}集群{i // BATCHES}",
				"Pending Provincial Review",
			)
		)
	frappe.db.bulk_insert(
		"Cluster Brand Application",
		[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"pilot_batch",
			"batch_year",
			"organizing_unit",
			"recommending_authority",
			"industrial_cluster",
			"workflow_state",
		],
		rows,
	)
	return authorities[0]


def _cleanup():
	frappe.db.delete("Cluster Brand Application", {"name": ("like", f"{PREFIX}-%")})
	for b in range(BATCHES):
		frappe.delete_doc_if_exists("Pilot Batch", f"{PREFIX}批次{b}", force=True)
	frappe.db.commit()


def _percentile(values, p):
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(requests: int = 100):
	frappe.set_user("Administrator")
	_cleanup()
	try:
		authority = _populate()
		province_token = make_api_user(PROVINCE_USER, ["Provincial Reviewer"])
		add_user_scope(PROVINCE_USER, "Recommending Authority", authority)
		admin_token = make_api_user(ADMIN_USER, ["System Manager"])
		frappe.db.commit()

		timings = {"province": [], "admin": []}
		rows = {}
		for i in range(requests + 5):
			for who, token in (("province", province_token), ("admin", admin_token)):
				start = time.perf_counter()
				response = rest("GET", LIST_PATH, token)
				elapsed = time.perf_counter() - start
				assert response.status_code == 200, response.get_data(as_text=True)[:300]
				rows[who] = len(response.json["data"])
				if i >= 5:  # warm-up
					timings[who].append(elapsed * 1000)
	finally:
		_cleanup()

	visible = APPLICATIONS // 37
	print(
		f"{APPLICATIONS} applications; the province sees about {visible}; {requests} list reads each (20 rows: province {rows['province']}, admin {rows['admin']})"
	)
	for who in ("province", "admin"):
		t = timings[who]
		print(f"{who:8s}: p50 {statistics.median(t):6.1f} ms   p95 {_percentile(t, 95):6.1f} ms")
	ratio50 = statistics.median(timings["province"]) / statistics.median(timings["admin"])
	ratio95 = _percentile(timings["province"], 95) / _percentile(timings["admin"], 95)
	print(f"ratio province / admin: p50 {ratio50:.2f}, p95 {ratio95:.2f} (target ≤ 1.50)")
