"""Benchmark: the site under load over HTTP, served by gunicorn the production way, on this machine only.

	bench --site <site> execute cluster_brand.benchmarks.http_load.run
	bench --site <site> execute cluster_brand.benchmarks.http_load.run --kwargs "{'think': 0, 'workers': 3}"

What it does, and stops by itself after ``seconds``:
1. bulk_data.populate() makes ``applications`` full applications in one batch (default 2,000: a national
   batch and more); API users are made for the three kinds of client: applicants, each on an organizing
   unit with a draft of its own; provincial reviewers, each on a province; one Ministry Administrator.
2. It starts gunicorn on ``host``:``port`` (127.0.0.1 only: any other host is refused), as production
   does: ``cd sites && ../env/bin/gunicorn -b HOST:PORT -w WORKERS -t 120 --preload frappe.app:application``
   with as many workers as ``bench setup production`` gives the machine by default (2 per core, plus one),
   with this app's checkout on PYTHONPATH, and waits for it to answer.
3. ``clients`` threads (default 20: 8 applicants, 8 provinces, 4 ministry) each send one request after
   another for ``warmup`` + ``seconds`` over a keep-alive connection with token authentication, waiting
   ``think`` seconds between two requests (default 1: a desk user's pace; 0 for a saturation run). The
   first ``warmup`` seconds (default 10) are the freshly forked workers' first requests (each loads the
   DocTypes' meta, the translations, the reports' modules, and the first report run reads the figures of
   every application, then cached): reported apart, their errors counted, their latencies not in the p95:
   - an applicant saves its draft over REST (PUT /api/resource/…, the full validation);
   - a province lists its applications (the desk's first page: 20 rows) or opens one of them (GET);
   - the ministry runs the programme's reports in turn (frappe.desk.query_report.run, one batch).
4. It stops gunicorn (its own process group), deletes the applications it made and prints, per kind and
   overall: requests, errors (any status but 2xx, or no answer), median and p95 latency, throughput.
Target: p95 ≤ 300 ms and 0 errors, on this machine's 2 cores.
"""

import http.client
import json
import os
import signal
import statistics
import subprocess
import threading
import time
from urllib.parse import quote, urlencode

import frappe
from frappe.utils import get_bench_path

import cluster_brand
from cluster_brand.benchmarks import bulk_data
from cluster_brand.benchmarks.reports_scale import REPORTS
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application import workflow as states
from cluster_brand.tests.support.http import make_api_user

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
TARGET_P95_MS = 300
MIX = {"applicant": 8, "province": 8, "ministry": 4}  # out of 20 clients, scaled to ``clients``
APPLICATION_PATH = "/api/resource/" + quote(APPLICATION)
LIST_QUERY = urlencode(
	{
		"fields": json.dumps(["name", "industrial_cluster", "organizing_unit", "workflow_state", "modified"]),
		"order_by": "modified desc",
		"limit_page_length": 20,
	}
)


def _percentile(values: list[float], p: float) -> float:
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _users(made: dict, mix: dict) -> dict[str, list[dict]]:
	"""API users per kind of client: [{"token": …, "draft": …}] for applicants, [{"token": …}] else."""
	drafts = frappe.get_all(
		APPLICATION,
		{"name": ("in", made["names"]), "workflow_state": states.DRAFT},
		["name", "organizing_unit"],
		order_by="name asc",
	)
	own_draft = {}
	for draft in drafts:
		own_draft.setdefault(draft.organizing_unit, draft.name)
	units = list(own_draft)[: mix["applicant"]]
	users = {
		"applicant": [
			{
				"token": make_api_user(
					f"bench.applicant{k}@example.com", ["Cluster Applicant"], ("Organizing Unit", unit)
				),
				"draft": own_draft[unit],
			}
			for k, unit in enumerate(units)
		],
		"province": [
			{
				"token": make_api_user(
					f"bench.province{k}@example.com",
					["Provincial Reviewer"],
					("Recommending Authority", authority),
				)
			}
			for k, authority in enumerate(bulk_data.provincial_authorities()[: mix["province"]])
		],
		"ministry": [{"token": make_api_user("bench.ministry.api@example.com", ["Ministry Administrator"])}],
	}
	frappe.db.commit()
	return users


class Client(threading.Thread):
	"""One user sending one request after another until the deadline; records (kind, ms, ok, when done)."""

	def __init__(self, kind, user, number, server, batch, deadline, think, results):
		super().__init__(daemon=True)
		self.kind, self.user, self.number = kind, user, number
		self.server, self.batch, self.deadline, self.think = server, batch, deadline, think
		self.results = results
		self.visible: list[str] = []

	def run(self):
		connection = http.client.HTTPConnection(self.server["host"], self.server["port"], timeout=120)
		step = self.number  # clients of a kind start at different points of their cycle
		while time.monotonic() < self.deadline:
			method, path, body = self.next_request(step)
			start = time.perf_counter()
			ok = False
			try:
				connection.request(method, path, body=body, headers=self.headers())
				response = connection.getresponse()
				data = response.read()
				ok = 200 <= response.status < 300
				if ok and path.startswith(APPLICATION_PATH + "?"):
					self.visible = [row["name"] for row in json.loads(data)["data"]]
			except Exception:  # counted as an error; a new connection for the next request
				connection.close()
				connection = http.client.HTTPConnection(self.server["host"], self.server["port"], timeout=120)
			self.results.append((self.kind, (time.perf_counter() - start) * 1000, ok, time.monotonic()))
			step += 1
			time.sleep(self.think)
		connection.close()

	def headers(self) -> dict:
		return {
			"Host": self.server["site"],
			"Authorization": f"token {self.user['token']}",
			"Accept": "application/json",
			"Accept-Language": "zh",
			"Content-Type": "application/json",
		}

	def next_request(self, step: int) -> tuple[str, str, bytes | None]:
		if self.kind == "applicant":
			body = {"leading_industry_profile": f"主导产业简介（负载测试 {time.time():.6f}）"}
			return (
				"PUT",
				f"{APPLICATION_PATH}/{quote(self.user['draft'])}",
				json.dumps(body, ensure_ascii=False).encode(),
			)
		if self.kind == "province":
			if step % 2 == 0 or not self.visible:
				return "GET", f"{APPLICATION_PATH}?{LIST_QUERY}", None
			return "GET", f"{APPLICATION_PATH}/{quote(self.visible[step % len(self.visible)])}", None
		report = REPORTS[step % len(REPORTS)]
		query = urlencode({"report_name": report, "filters": json.dumps({"pilot_batch": self.batch})})
		return "GET", f"/api/method/frappe.desk.query_report.run?{query}", None


def production_workers() -> int:
	"""The gunicorn workers that bench's production setup configures by default (gunicorn_workers in
	common_site_config.json): two per core, plus one."""
	return (os.cpu_count() or 1) * 2 + 1


def _start_gunicorn(host: str, port: int, workers: int, log_path: str) -> subprocess.Popen:
	bench = get_bench_path()
	checkout = os.path.dirname(os.path.dirname(cluster_brand.__file__))
	env = {
		**os.environ,
		"PYTHONPATH": os.pathsep.join(filter(None, [checkout, os.environ.get("PYTHONPATH")])),
	}
	command = [
		os.path.join(bench, "env", "bin", "gunicorn"),
		*("-b", f"{host}:{port}", "-w", str(workers), "-t", "120", "--preload", "frappe.app:application"),
	]
	with open(log_path, "w") as log:
		# a session of its own: stopped as one process group, never anything else
		return subprocess.Popen(
			command, cwd=os.path.join(bench, "sites"), env=env, stdout=log, stderr=log, start_new_session=True
		)


def _wait_until_serving(server: dict, process: subprocess.Popen, timeout: float = 90):
	deadline = time.monotonic() + timeout
	while time.monotonic() < deadline:
		if process.poll() is not None:
			raise RuntimeError(f"gunicorn stopped (exit {process.returncode}); see {server['log']}")
		try:
			connection = http.client.HTTPConnection(server["host"], server["port"], timeout=5)
			connection.request("GET", "/api/method/ping", headers={"Host": server["site"]})
			if connection.getresponse().status == 200:
				return
		except OSError:
			time.sleep(0.5)
	raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {server['log']}")


def _stop(process: subprocess.Popen):
	if process.poll() is None:
		os.killpg(process.pid, signal.SIGTERM)
		try:
			process.wait(timeout=30)
		except subprocess.TimeoutExpired:
			os.killpg(process.pid, signal.SIGKILL)
			process.wait()


def _mix(clients: int) -> dict[str, int]:
	mix = {kind: max(1, round(share * clients / sum(MIX.values()))) for kind, share in MIX.items()}
	mix["applicant"] += clients - sum(mix.values())
	return mix


def run(
	clients: int = 20,
	seconds: int = 60,
	think: float = 1.0,
	workers: int | None = None,
	host: str = "127.0.0.1",
	port: int = 8092,
	applications: int = 2000,
	warmup: int = 10,
):
	if host not in LOCAL_HOSTS:
		raise SystemExit(
			f"refused: the load runs against this machine only ({', '.join(LOCAL_HOSTS)}), not {host}"
		)
	frappe.set_user("Administrator")
	workers = workers or production_workers()
	mix = _mix(clients)
	server = {"host": host, "port": port, "site": frappe.local.site, "log": f"/tmp/http_load-{port}.log"}
	bulk_data.cleanup()
	made = bulk_data.populate(applications)
	results: list[tuple[str, float, bool]] = []
	process = None
	try:
		users = _users(made, mix)
		process = _start_gunicorn(host, port, workers, server["log"])
		_wait_until_serving(server, process)
		measured_from = time.monotonic() + warmup
		deadline = measured_from + seconds
		threads = [
			Client(
				kind, users[kind][n % len(users[kind])], n, server, made["batch"], deadline, think, results
			)
			for kind, count in mix.items()
			for n in range(count)
		]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join(warmup + seconds + 180)
	finally:
		if process:
			_stop(process)
		bulk_data.cleanup()

	warming = [r for r in results if r[3] < measured_from]
	measured = [r for r in results if r[3] >= measured_from]
	print(
		f"gunicorn -w {workers} on {host}:{port}, {applications} applications; {clients} clients "
		f"({', '.join(f'{n} {kind}' for kind, n in mix.items())}) for {seconds} s after {warmup} s of "
		f"warm-up, {think} s between requests"
	)
	for kind, rows in [(kind, [r for r in measured if r[0] == kind]) for kind in mix] + [
		("all", measured),
		("warm-up", warming),
	]:
		if not rows:
			continue
		timings = [r[1] for r in rows]
		errors = sum(1 for r in rows if not r[2])
		span = max(warmup, 1) if kind == "warm-up" else seconds
		print(
			f"{kind:9s}: {len(rows):5d} requests, {errors:3d} errors, "
			f"median {statistics.median(timings):7.1f} ms, p95 {_percentile(timings, 95):7.1f} ms, "
			f"{len(rows) / span:5.1f} req/s"
		)
	overall = [r[1] for r in measured]
	errors = sum(1 for r in results if not r[2])  # the warm-up's count too
	met = bool(overall) and _percentile(overall, 95) <= TARGET_P95_MS and errors == 0
	print(
		f"target: p95 ≤ {TARGET_P95_MS} ms after the warm-up and 0 errors in all: "
		f"{'met' if met else 'MISSED'} (gunicorn log: {server['log']})"
	)
