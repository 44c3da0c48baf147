"""Benchmark: how long each role waits for the desk, in Debian's Chromium (Playwright) against the served site.

	bench --site <site> serve --port 8000 &
	bench --site <site> execute cluster_brand.benchmarks.desk_load.run --kwargs "{'url': 'http://<site>:8000'}"
	bench --site <site> execute cluster_brand.benchmarks.desk_load.run \
		--kwargs "{'url': 'http://<site>:8000', 'rounds': 5, 'waterfall': 1}"

Needs the demo (``bench --site <site> cluster-brand-demo``: its users, password Demo@2017-brand) and the
``playwright`` package in the bench's Python (no browser download: it drives /usr/bin/chromium). For each
role it logs in once and then, ``rounds`` times each, opens by URL (a whole page load, as a bookmark, a link
in an e-mail or the browser's reload does):
- the landing workspace, until its status block shows the status (and, apart, until the workspace's blocks
  are there: the "…" the block shows in between is the difference);
- a form of the role's (its first application, the expert's first review sheet), until it is drawn;
- the role's first script report, until its rows (or its empty message) are drawn;
each "settled": the screen's condition met and no request of the desk under way (support/browser.py READY and
QUIET). It prints the median and the slowest of the rounds per role and screen, in seconds. With
``waterfall``, it prints the requests of one form load and one landing (start and end, from the
navigation), to see where the time goes. It reads and saves nothing; a benchmark, never a test.
"""

import statistics
import time

import frappe

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PROGRAMME_MODULE
from cluster_brand.tests.support.browser import CHROMIUM, CHROMIUM_ARGS, READY, wait_until_ready
from cluster_brand.tests.support.logins import log_in_page

PASSWORD = "Demo@2017-brand"
USERS = {
	"applicant": "applicant.zhejiang@example.com",
	"province": "province.zhejiang@example.com",
	"receiver": "receiver@example.com",
	"ministry": "ministry.admin@example.com",
	"expert": "expert.one@example.com",
	"association": "association.machinery@example.com",
}


def form_of(user: str) -> tuple[str, str] | None:
	"""The document whose form the role opens first: the expert's review sheet, else an application."""
	for doctype in (
		(EXPERT_REVIEW, APPLICATION) if "Review Expert" in frappe.get_roles(user) else (APPLICATION,)
	):
		names = frappe.get_list(doctype, limit=1, pluck="name", order_by="name", user=user)
		if names:
			return doctype, names[0]
	return None


def report_of(user: str) -> str | None:
	roles = set(frappe.get_roles(user))
	for report in frappe.get_all(
		"Report", {"module": PROGRAMME_MODULE, "report_type": "Script Report", "disabled": 0}, pluck="name"
	):
		if roles & {row.role for row in frappe.get_doc("Report", report).roles}:
			return report
	return None


def timed(page, url: str, kind: str, arg=None, first: str | None = None) -> tuple[float, float | None]:
	"""Seconds from the navigation to ``url`` until the screen is settled (and until ``first`` is met)."""
	start = time.monotonic()
	page.goto(url, wait_until="commit")
	early = None
	if first:
		page.wait_for_function(READY[first])
		early = time.monotonic() - start
	wait_until_ready(page, kind, arg)
	return time.monotonic() - start, early


def print_waterfall(page, url: str, kind: str, arg=None):
	"""The requests of one load of ``url``: milliseconds from the navigation to their start and end."""
	requests = []

	def keep(request):
		requests.append(request)

	page.on("requestfinished", keep)
	start = time.time() * 1000
	page.goto(url, wait_until="commit")
	wait_until_ready(page, kind, arg)
	settled = time.time() * 1000 - start
	page.remove_listener("requestfinished", keep)
	print(f"\n  waterfall of {url} (settled at {settled:.0f} ms):")
	for request in sorted(requests, key=lambda r: r.timing["startTime"]):
		began = request.timing["startTime"] - start
		took = request.timing["responseEnd"]
		path = request.url.split("//", 1)[-1].split("/", 1)[-1][:100]
		if not path.startswith("assets/") or took > 50:  # the bundles come from the browser's cache
			print(f"  {began:6.0f} +{took:5.0f} ms  {request.method} /{path}")


def run(
	url: str | None = None,
	rounds: int = 3,
	waterfall_of: str = "applicant",
	waterfall: int = 0,
	roles: str | None = None,
):
	from playwright.sync_api import sync_playwright

	url = (url or frappe.utils.get_url()).rstrip("/")
	figures = {}
	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
		for who, user in USERS.items():
			if roles and who not in roles.split(","):
				continue
			if not frappe.db.exists("User", user):
				print(f"{who}: no user {user} (run the demo first)")
				continue
			context = browser.new_context(locale="zh-CN", viewport={"width": 1440, "height": 900})
			page = context.new_page()
			page.set_default_timeout(60000)
			log_in_page(page, url, user, PASSWORD)  # with the second factor of the roles that give one
			screens = {"landing": (f"{url}/app", "status", None, "workspace")}
			form = form_of(user)
			if form:
				doctype, name = form
				screens["form"] = (
					f"{url}/app/{doctype.lower().replace(' ', '-')}/{name}",
					"form",
					name,
					None,
				)
			report = report_of(user)
			if report:
				screens["report"] = (f"{url}/app/query-report/{report}", "report", report, None)
			timed(page, *screens["landing"][:3])  # the browser's cache of the bundles, as a user's second day
			for screen, (address, kind, arg, first) in screens.items():
				print(f"{who}: {screen} {address}", flush=True)
				times = [timed(page, address, kind, arg, first) for _ in range(rounds)]
				figures[who, screen] = times
			if waterfall and who == waterfall_of:
				for screen in ("form", "landing"):
					if screen in screens:
						print_waterfall(page, *screens[screen][:3])
			context.close()
		browser.close()
	print(f"\nsettled screens, opened by URL, {rounds} rounds (seconds: median / slowest)")
	print(f"{'role':<12} {'screen':<8} {'median':>7} {'slowest':>8}   before the status (the blocks drawn)")
	for (who, screen), times in figures.items():
		total = [t for t, _ in times]
		early = [e for _, e in times if e is not None]
		note = f"   {statistics.median(early):.2f}" if early else ""
		print(f"{who:<12} {screen:<8} {statistics.median(total):7.2f} {max(total):8.2f}{note}")
	return None  # printed above (bench execute prints what a function returns as JSON)
