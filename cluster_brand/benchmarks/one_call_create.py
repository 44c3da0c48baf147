"""Benchmark: the one-call create of a full application with its 30 backbone enterprises inline (new to the
register, registered in the same call: cluster_brand.api.documents.save), against the REST save of the same
application whose enterprises are already registered (POST /api/resource/Cluster Brand Application).

	bench --site <site> execute cluster_brand.benchmarks.one_call_create.run
	bench --site <site> execute cluster_brand.benchmarks.one_call_create.run --kwargs "{'rounds': 7}"

Each round makes one application each way, over HTTP with an API key (the request runs in a thread through
Frappe's WSGI application, as tests/support/http.py rest), as the unit's applicant, each for a cluster of its
own (one application per cluster and batch); the two ways alternate. What the rounds made is deleted at the
end. Target: the one-call create's median within 1.2 × the REST save's.
"""

import statistics
import time
from urllib.parse import quote

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.process import OWN_UNIT, make_cast
from cluster_brand.tests.support.records import make_test_application_values
from cluster_brand.tests.test_http_documents import in_official_names, inline_enterprises

SAVE = "/api/method/cluster_brand.api.documents.save"
RESOURCE = "/api/resource/" + quote(APPLICATION)


def run(rounds: int = 5):
	frappe.set_user("Administrator")
	cast = make_cast()
	token = make_api_user(cast.applicant, [])
	made, codes = [], []
	one_call, rest_save = [], []
	try:
		for n in range(rounds):
			registered = _values(f"bench-rest-{n}")
			inline, new_codes = inline_enterprises(in_official_names(APPLICATION, _values(f"bench-one-{n}")))
			codes += new_codes
			frappe.db.commit()  # the requests run on their own connections
			for way in ("rest", "one") if n % 2 else ("one", "rest"):
				start = time.perf_counter()
				if way == "rest":
					response = rest("POST", RESOURCE, token, registered)
				else:
					response = rest("POST", SAVE, token, {"doctype": APPLICATION, "doc": inline})
				elapsed = time.perf_counter() - start
				if response.status_code != 200:
					raise RuntimeError(
						f"{way}: {response.status_code} {response.get_data(as_text=True)[:400]}"
					)
				body = response.json
				made.append(body["data"]["name"] if way == "rest" else body["message"]["name"])
				(rest_save if way == "rest" else one_call).append(elapsed)
	finally:
		frappe.db.rollback()
		for name in made:
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		for code in codes:
			if frappe.db.exists("Cluster Enterprise", code):
				frappe.delete_doc("Cluster Enterprise", code, force=True, ignore_permissions=True)
		frappe.db.commit()
	ratio = statistics.median(one_call) / statistics.median(rest_save)
	print(f"{rounds} rounds, each a full application (30 backbone enterprises) created over HTTP")
	print(f"REST save, enterprises registered: median {statistics.median(rest_save) * 1000:.0f} ms")
	print(f"one call, 30 enterprises inline:   median {statistics.median(one_call) * 1000:.0f} ms")
	print(f"ratio {ratio:.2f} (target ≤ 1.20)")


def _values(tag: str) -> dict:
	values = make_test_application_values(OWN_UNIT, cluster_suffix=f"-{tag}-{frappe.generate_hash(length=6)}")
	values.pop("stamped_form_scan")
	return values
