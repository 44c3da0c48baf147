"""Records which whitelisted methods the desk calls for each demo user, to maintain the allowlist.

Walks each role's pages in headless Chromium (Debian's) against a running site and prints, per user,
the methods seen (``/api/method/<name>``, the legacy ``cmd`` form, and ``run_doc_method`` targets).
Compare the output with ``cluster_brand/permissions/allowlist.py`` after a Frappe upgrade or a new desk page:

    bench --site cb.localhost serve --port 8000 &
    <bench>/env/bin/python scripts/record_desk_methods.py http://cb.localhost:8000

Needs the ``playwright`` package in the Python that runs it (no browser download: it drives
/usr/bin/chromium). Read-only: it opens pages and forms, it saves nothing.
"""

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import sync_playwright

from cluster_brand.tests.support.browser import CHROMIUM_ARGS
from cluster_brand.tests.support.logins import log_in_page

PASSWORD = "Demo@2017-brand"
USERS = (
	"applicant.zhejiang@example.com",
	"province.zhejiang@example.com",
	"association.machinery@example.com",
	"ministry.admin@example.com",
	"expert.one@example.com",
	"receiver@example.com",
)
LISTS = (
	"cluster-brand-application",
	"expert-review",
	"brand-pilot",
	"organizing-unit",
	"industrial-cluster",
	"cluster-enterprise",
	"pilot-batch",
	"recommendation-setting",
	"review-expert",
	"recommending-authority",
)


def login_code(base: str, user: str) -> str:
	"""The code of the second factor (the ministry, the provinces, the experts), as the site's operator reads it:
	``bench --site <the URL's host> cluster-brand-login-code`` run from the bench of this Python."""
	bench = Path(sys.executable).resolve().parents[2]
	out = subprocess.run(
		["bench", "--site", urlparse(base).hostname, "cluster-brand-login-code", user],
		cwd=bench,
		capture_output=True,
		text=True,
		check=True,
	).stdout
	return out.strip().rsplit(" ", 1)[-1]


def method_of(request) -> str | None:
	url = urlparse(request.url)
	if url.path.startswith("/api/method/"):
		name = url.path[len("/api/method/") :]
		if name in ("run_doc_method", "frappe.handler.run_doc_method"):
			body = parse_qs(request.post_data or "") if request.method == "POST" else parse_qs(url.query)
			return f"{name}:{(body.get('method') or ['?'])[0]}"
		return name
	if request.method == "POST" and "cmd=" in (request.post_data or ""):
		return "cmd:" + parse_qs(request.post_data).get("cmd", ["?"])[0]
	return None


def walk(browser, base: str, user: str) -> set[str]:
	context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
	page = context.new_page()
	seen = set()
	page.on("request", lambda r: (m := method_of(r)) and seen.add(m))
	log_in_page(page, base, user, PASSWORD, code_of=lambda user: login_code(base, user))

	def visit(path: str):
		page.goto(base + path, wait_until="domcontentloaded")
		page.wait_for_timeout(2500)

	visit("/app")
	for route in LISTS:
		visit(f"/app/{route}")
		rows = page.locator(".list-row-container a.ellipsis[data-name]")
		if rows.count():
			name = rows.first.get_attribute("data-name")
			visit(f"/app/{route}/{name}")
			for tab in page.locator(".form-tabs .nav-link").all()[:8]:
				if tab.is_visible():
					tab.click()
					page.wait_for_timeout(400)
			visit(f"/app/{route}/view/report")
			# the print preview of the document (issue 19)
			visit(f"/app/print/{route.replace('-', ' ').title()}/{name}")
	visit("/app/query-report/Expert Review Ranking")
	visit("/app/notification-log")
	# the notification bell, and the quick entry of a new enterprise (opened, never saved)
	visit("/app")
	page.locator(".dropdown-notifications .notifications-icon:visible").first.click()
	page.wait_for_timeout(1500)
	visit("/app/cluster-enterprise")
	add = page.locator(".page-actions .primary-action:visible")
	if add.count():
		add.first.click()
		page.wait_for_timeout(1500)
		page.keyboard.press("Escape")
	page.keyboard.press("Control+g")
	page.locator("#navbar-search").fill("浙江")
	page.wait_for_timeout(1500)
	context.close()
	return seen


def main(base: str):
	by_method = defaultdict(list)
	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
		for user in USERS:
			for method in walk(browser, base, user):
				by_method[method].append(user.split("@")[0])
		browser.close()
	print(json.dumps(dict(sorted(by_method.items())), ensure_ascii=False, indent=1))
	from cluster_brand.permissions.allowlist import ALLOWED_METHODS, CLIENT_GET, CLIENT_SAVE, RUN_DOC_METHOD

	listed = {*ALLOWED_METHODS, CLIENT_GET, CLIENT_SAVE}
	unlisted = {
		m: users
		for m, users in by_method.items()
		if m.removeprefix("cmd:").split("?")[0] not in listed and m.split(":")[0] not in RUN_DOC_METHOD
	}
	print("not on the allowlist (refused):", json.dumps(unlisted, ensure_ascii=False, indent=1))


if __name__ == "__main__":
	main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://localhost:8000")
