"""The browser tier's harness: the site served by Frappe's own web server, and Debian's Chromium driven by
Playwright (no browser download: /usr/bin/chromium), and DeskTestCase, the frame of its test modules
(test_desk_walk.py, test_desk_form.py), run by bin/test with tier 2."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import frappe
from frappe.utils.password import update_password

from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EXPERT_REVIEW
from cluster_brand.tests.support.http import answer_messages
from cluster_brand.tests.support.logins import second_factor_code
from cluster_brand.tests.support.process import make_cast
from cluster_brand.tests.support.records import IntegrationTestCase
from cluster_brand.tests.support.screen_text import REFUSALS, SCREEN, STILL, raw_and_english

CHROMIUM = os.environ.get("CB_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out of this closed network.
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]
SCREENS = Path(os.environ.get("CB_SCREENS", "/tmp/cluster_brand_screens"))


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class SiteServer:
	"""``bench --site <site> serve`` in a process of its own, for as long as the tests run."""

	def __init__(self):
		self.port = free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.log = open(SCREENS / "server.log", "w")  # noqa: SIM115 (closed in stop)
		self.process = subprocess.Popen(
			[
				sys.executable,
				"-m",
				"frappe.utils.bench_helper",
				"frappe",
				"--site",
				frappe.local.site,
				"serve",
				"--port",
				str(self.port),
				"--noreload",
			],
			cwd=os.path.abspath(frappe.local.sites_path),
			stdout=self.log,
			stderr=subprocess.STDOUT,
		)
		deadline = time.monotonic() + 60
		while time.monotonic() < deadline:
			try:
				with socket.create_connection(("127.0.0.1", self.port), timeout=1):
					return
			except OSError:
				time.sleep(0.5)
		self.stop()
		raise RuntimeError(f"the site did not start on port {self.port}: see {self.log.name}")

	def stop(self):
		self.process.terminate()
		try:
			self.process.wait(timeout=10)
		except subprocess.TimeoutExpired:
			self.process.kill()
		self.log.close()


class Desk:
	"""One browser for the whole walk; one context (cookie jar) per person."""

	def __init__(self, base_url: str):
		from playwright.sync_api import sync_playwright

		if not os.path.exists(CHROMIUM):
			raise RuntimeError(f"Chromium not found at {CHROMIUM}: apt-get install chromium (README, Tests)")
		self.base_url = base_url
		self.playwright = sync_playwright().start()
		self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

	def log_in(self, user: str, password: str):
		"""A page of ``user`` after the login form, as a person logs in."""
		context = self.browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
		page = context.new_page()
		page.set_default_timeout(20000)
		page.goto(f"{self.base_url}/login", wait_until="domcontentloaded")
		page.fill("#login_email", user)
		page.fill("#login_password", password)
		code = second_factor_code(user)  # the ministry, the provinces and the experts: their key exists first
		page.click(".btn-login")
		if code:
			# the login page asks for the code of the authenticator app (frappe/www/login: #login_token)
			page.wait_for_selector("#login_token")
			page.fill("#login_token", second_factor_code(user))
			page.click("#verify_token")
		page.wait_for_url("**/app/**", timeout=30000)
		settle(page)
		return page

	def close(self):
		self.browser.close()
		self.playwright.stop()


def settle(page, ms: int = 1500):
	"""Lets the desk finish its requests and render."""
	page.wait_for_load_state("networkidle")
	page.wait_for_timeout(ms)


# Whether the desk is quiet: no request of Frappe's under way, no frozen screen.
QUIET = """() => !!(window.frappe && frappe.request && frappe.request.ajax_count === 0
	&& !frappe.dom.freeze_count)"""

# Whether the current route's page is ready, by what it shows
READY = {
	"workspace": """() => !!document.querySelector(".layout-main-section .ce-block")""",
	# the workspace's status block (desk_status.py), a Custom HTML Block in a shadow root, shows the status
	"status": """() => [...document.querySelectorAll(".layout-main-section .ce-block *")].some(
		(el) => el.shadowRoot && el.shadowRoot.querySelector(".cb-desk-status"))""",
	# its rows drawn, or its message that there are none (both hidden until the first answer)
	"list": """(doctype) => !!(window.cur_list && cur_list.doctype === doctype && cur_list.$result
		&& (cur_list.$no_result.is(":visible") || (cur_list.$result.is(":visible")
			&& cur_list.$result.find(".list-row-container, .dt-scrollable").length))
		&& !(cur_list.$freeze && cur_list.$freeze.is(":visible")))""",
	"form": """(name) => !!(window.cur_frm && cur_frm.doc && (name === null ? cur_frm.is_new() :
		cur_frm.doc.name === name) && $(cur_frm.wrapper).is(":visible") && cur_frm.layout
		&& cur_frm.layout.wrapper.find(".frappe-control").length)""",
	# its rows drawn, or its message that there are none
	"report": """(name) => !!(window.frappe.query_report && frappe.query_report.report_name === name
		&& $(".page-container:visible .report-wrapper").length
		&& $(".page-container:visible").find(".dt-scrollable, .msg-box:visible").length)""",
}


def wait_until_ready(page, kind: str | None = None, arg=None):
	"""Waits until the page shows what ``kind`` of screen shows when it is ready (READY, for the route's
	DocType, document or report ``arg``) and the desk is quiet: conditions, no fixed time."""
	if kind:
		page.wait_for_function(READY[kind], arg=arg)
	page.wait_for_function(QUIET)
	page.evaluate("() => new Promise((done) => frappe.after_ajax(() => requestAnimationFrame(done)))")
	page.evaluate(STILL)


def screenshot(page, name: str) -> Path:
	SCREENS.mkdir(parents=True, exist_ok=True)
	path = SCREENS / f"{name}.png"
	page.screenshot(path=str(path))
	return path


class DeskTestCase(IntegrationTestCase):
	"""The cast of every role logging in with ``password``, the applications of ``make_applications``
	(committed, since the site's server has its own connection, and deleted afterwards with their sheets
	and pilot), the site served and a browser."""

	password = ""

	@classmethod
	def make_applications(cls, tag: str) -> list[str]:
		raise NotImplementedError

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		SCREENS.mkdir(parents=True, exist_ok=True)
		cls.cast = make_cast()
		for user in cls.cast.values():
			update_password(user, cls.password)
		cls.applications = cls.make_applications(frappe.generate_hash(length=6))
		frappe.db.commit()
		cls.server = SiteServer()
		cls.desk = Desk(cls.server.url)

	@classmethod
	def tearDownClass(cls):
		cls.desk.close()
		cls.server.stop()
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in cls.applications:
			for sheet in frappe.get_all(EXPERT_REVIEW, {"application": name}, pluck="name"):
				frappe.db.set_value(EXPERT_REVIEW, sheet, "docstatus", 2)
				frappe.delete_doc(EXPERT_REVIEW, sheet, force=True, ignore_permissions=True)
			pilot = frappe.db.get_value(APPLICATION, name, "brand_pilot")
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
			if pilot:
				frappe.delete_doc(BRAND_PILOT, pilot, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def open_tab(self, page, fieldname: str):
		page.locator(f'.form-tabs .nav-link[data-fieldname="{fieldname}"]').click()
		page.wait_for_timeout(400)

	def fill(self, page, fieldname: str, value):
		field = (
			page.locator(f'.frappe-control[data-fieldname="{fieldname}"]').locator("input, textarea").first
		)
		field.fill(str(value))
		field.press("Escape")  # closes a date picker
		field.blur()
		page.wait_for_timeout(300)

	def save(self, page):
		page.keyboard.press("Control+s")
		settle(page)
		refused = " ".join(page.locator(".modal.show").all_inner_texts())
		self.assertNotIn("未保存", page.inner_text(".page-head:visible"), refused)

	def assert_screen(self, page, screen: str):
		"""The screen as the cycle leaves it: no refusal, no English of the desk, no raw null, no cut heading
		(support/browser.py screen_faults, as the walk of every screen checks each)."""
		page.mouse.move(1, 450)  # no tooltip of where the last click was
		names = {"Administrator", *self.cast.values(), *(user.split("@")[0] for user in self.cast.values())}
		faults = screen_faults(page, names=names)
		self.assertEqual(faults, [], f"{screen}: " + "; ".join(faults))


# --- what no screen of the desk may show (issue 19): screen_text.py -----------------------------------------


def refused(response) -> bool:
	"""Whether ``response`` is the allowlist's refusal of a call of the desk."""
	if response.status < 400 or "/api/" not in response.url:
		return False
	try:
		text = answer_messages(response.json())  # Frappe's JSON escapes the Chinese of the raw text
	except Exception:
		return False  # a closed page, or no JSON
	return any(refusal in text for refusal in REFUSALS)


def watch_refusals(page) -> list[str]:
	"""The methods of the desk refused to the user of ``page`` from now on (a list, filled as they come)."""
	calls = []
	page.context.on(
		"response", lambda response: refused(response) and calls.append(response.url.split("?")[0])
	)
	return calls


def screen_faults(page, names=(), refused_calls=(), seen: set | None = None) -> list[str]:
	"""What is wrong on the screen ``page`` shows: (a) a refusal, in a dialog or a call refused since the
	last look (``refused_calls``, of watch_refusals, emptied here), (b) an English word outside
	ALLOWED_WORDS and ``names``, (c) a raw null, undefined or NaN, (d) a cut-off column heading. Words and
	headings in ``seen`` (those told on another tab of the same form) are not told again; ``seen`` takes
	this screen's."""
	screen = page.evaluate(SCREEN)
	seen = set() if seen is None else seen
	faults = [
		f"refusal dialog: {d.strip()[:200]}" for d in screen["dialogs"] if any(r in d for r in REFUSALS)
	]
	faults += [f"refused call: {call}" for call in dict.fromkeys(refused_calls)]
	if isinstance(refused_calls, list):
		refused_calls.clear()
	raw, english = raw_and_english(screen["text"] + "\n" + "\n".join(screen["dialogs"]), names)
	english, raw, cut = ([x for x in found if x not in seen] for found in (english, raw, screen["cut"]))
	seen.update(english, raw, cut)
	if english:
		faults.append("English: " + ", ".join(english))
	if raw:
		faults.append("raw value: " + ", ".join(raw))
	if cut:
		faults.append("cut heading: " + ", ".join(cut))
	return faults
