"""The browser tier's walk of every screen each role uses (issue 19), in Debian's Chromium at 1440 px.

Each person logs in and visits, as its desk offers them: its landing workspace, every list of the programme
it may read (and the report view of the applications), each form of those lists with each of its tabs (the
test's own documents where the person may read them), the new form or quick entry of what it may create,
the print preview of what it may print on the programme's formats, every script report it may open, and the notification bell. What
the person may use is read from the site (the DocTypes' and reports' permissions, the workspace's shortcuts),
so that a new list or report is walked without a change here.

On every screen the shared checker (support/browser.py screen_faults) looks for a refusal of the allowlist (a
dialog, or a refused call since the last screen), an English word outside the allowed names, a raw
null/undefined/NaN and a cut-off column heading. Each screen is a subtest: the failure names the role, the
screen and what it shows. Screenshots of every screen go to CB_SCREENS/<role>/ (a few are kept in
docs/screens/<role>/), and the whole list of faults to CB_SCREENS/walk-faults.txt.

The walk saves nothing. The site is served by a process of its own, where a frozen clock does not reach: the
test's documents are dated relative to the real today (as in test_desk_walk.py), and no check reads a date.
"""

from pathlib import Path

import frappe

from cluster_brand.desk.landing import ROLE_WORKSPACES
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	EXPERT_REVIEW,
	PROGRAMME_MODULE,
)
from cluster_brand.rules.application.workflow import DRAFT, PENDING_PROVINCIAL_REVIEW, UNDER_EXPERT_REVIEW
from cluster_brand.rules.pilot_years.workflow import FORWARDED_TO_MINISTRY
from cluster_brand.tests.support.browser import (
	SCREENS,
	DeskTestCase,
	screen_faults,
	wait_until_ready,
	watch_refusals,
)
from cluster_brand.tests.support.pilot_stage import make_pilot, summary_in
from cluster_brand.tests.support.process import CAST, OTHER_UNIT, OWN_UNIT, drive_to
from cluster_brand.tests.support.records import language

PASSWORD = "Screens@2017-desk"
WIDTH, HEIGHT = 1440, 900

# The roles of the walk: the cast's person of each
ROLES = ("applicant", "province", "receiver", "ministry", "expert", "association")

# Frappe's own lists a workspace links to, walked for the roles whose workspace has a shortcut to them
FRAPPE_LISTS = ("ToDo",)


class TestDeskScreens(DeskTestCase):
	password = PASSWORD

	@classmethod
	def make_applications(cls, tag):
		# in the language of the programme's users: what the steps write (the assignments' and notifications'
		# texts) is written in the language of whoever takes them
		with language("zh"):
			return cls.make_documents(tag)

	@classmethod
	def make_documents(cls, tag):
		cls.draft = drive_to(cls.cast, DRAFT, f"screens-{tag}")
		cls.pending = drive_to(cls.cast, PENDING_PROVINCIAL_REVIEW, f"screens-pend-{tag}")
		cls.reviewed = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"screens-rev-{tag}")
		cls.pilot = make_pilot(cls.cast, f"screens-pilot-{tag}")
		cls.summary = summary_in(cls.cast, cls.pilot, FORWARDED_TO_MINISTRY)
		cls.sheet = frappe.db.get_value(
			EXPERT_REVIEW, {"application": cls.reviewed, "expert": cls.cast.expert}
		)
		application = frappe.get_doc(APPLICATION, cls.reviewed)
		# the documents each form shows first, where its person may read them: the test's own
		cls.own = {
			APPLICATION: [cls.draft, cls.pending, cls.reviewed],
			EXPERT_REVIEW: [cls.sheet],
			BRAND_PILOT: [cls.pilot],
			ANNUAL_WORK_SUMMARY: [cls.summary],
			"Industrial Cluster": [application.industrial_cluster],
			"Organizing Unit": [application.organizing_unit],
			"Pilot Batch": [application.pilot_batch],
			"Recommending Authority": [application.recommending_authority],
			"Review Expert": [cls.cast.expert],
		}
		# the test data's own names, which are no English of the desk: its users, its units' suffixes
		cls.names = {
			"Administrator",
			OWN_UNIT,
			OTHER_UNIT,
			*cls.cast.values(),
			*(email.split("@")[0] for email, _, _ in CAST.values()),
		}
		# what is printed: the DocTypes of the programme's print formats
		cls.printed = set(frappe.get_all("Print Format", {"module": PROGRAMME_MODULE}, pluck="doc_type"))
		with_summary = frappe.db.get_value(BRAND_PILOT, cls.pilot, "application")
		return [cls.draft, cls.pending, cls.reviewed, with_summary]

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.delete_doc(ANNUAL_WORK_SUMMARY, cls.summary, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()
		faults = "\n".join(cls.found)
		(SCREENS / "walk-faults.txt").write_text(faults + "\n" if faults else "")

	@classmethod
	def setUpClass(cls):
		cls.found = []
		super().setUpClass()

	# --- what each role uses, read from the site ----------------------------------------------------------

	def role_of(self, who: str) -> str:
		return CAST[who][1]

	def lists_of(self, who: str) -> list[str]:
		"""The programme's DocTypes ``who`` may read, and Frappe's that its workspace links to."""
		user = self.cast[who]
		doctypes = frappe.get_all(
			"DocType",
			{"module": PROGRAMME_MODULE, "istable": 0, "issingle": 0},
			pluck="name",
			order_by="name",
		)
		workspace = frappe.get_doc("Workspace", ROLE_WORKSPACES[self.role_of(who)])
		linked = {s.link_to for s in workspace.shortcuts if s.type == "DocType"}
		return [d for d in doctypes if frappe.has_permission(d, "read", user=user)] + [
			d for d in FRAPPE_LISTS if d in linked
		]

	def reports_of(self, who: str) -> list[str]:
		roles = set(frappe.get_roles(self.cast[who]))
		reports = frappe.get_all(
			"Report",
			{"module": PROGRAMME_MODULE, "disabled": 0, "report_type": "Script Report"},
			pluck="name",
		)
		return sorted(r for r in reports if roles & {row.role for row in frappe.get_doc("Report", r).roles})

	def forms_of(self, who: str, doctype: str) -> list[str]:
		"""The documents of ``doctype`` whose form the walk opens for ``who``: the test's own it may read,
		else the first of its list."""
		user = self.cast[who]
		own = [
			n
			for n in self.own.get(doctype, [])
			if n and frappe.db.exists(doctype, n) and frappe.has_permission(doctype, "read", n, user=user)
		]
		if own:
			return own
		first = frappe.get_list(doctype, limit=1, pluck="name", order_by="modified desc", user=user)
		return first[:1]

	# --- the walk ------------------------------------------------------------------------------------------

	def walk(self, who: str):
		frappe.db.rollback()  # a fresh snapshot: the site's server has written since
		self.folder = SCREENS / who
		self.folder.mkdir(parents=True, exist_ok=True)
		self.who = who
		page = self.desk.log_in(self.cast[who], PASSWORD)
		page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
		self.refused_calls = watch_refusals(page)
		self.wait(page, "workspace")
		page.locator(".cb-desk-status").first.wait_for()
		self.wait(page)
		self.check(page, "landing workspace")
		self.bell(page)
		for doctype in self.lists_of(who):
			self.open_list(page, doctype)
			if doctype == APPLICATION:
				self.go(page, ["List", doctype, "Report"], "list", doctype)
				self.check(page, f"report view {doctype}")
			for name in self.forms_of(who, doctype):
				self.open_form(page, doctype, name)
			self.new_entry(page, doctype)
		for report in self.reports_of(who):
			self.open_report(page, report)
		page.context.close()

	def go(self, page, route: list[str], kind: str, arg=None):
		page.keyboard.press("Escape")  # a dialog left open
		page.evaluate("(route) => frappe.set_route(route)", route)
		self.wait(page, kind, arg)

	def wait(self, page, kind: str | None = None, arg=None):
		wait_until_ready(page, kind, arg)

	def open_report(self, page, report: str):
		# by URL, a page of its own: the reports share one page, where the last report's table stays until
		# this one's run answers (and a report with a filter to set runs nothing)
		page.goto(f"{self.desk.base_url}/app/query-report/{report}", wait_until="commit")
		self.wait(page, "report", report)
		self.check(page, f"report {report}")

	def open_list(self, page, doctype: str):
		self.go(page, ["List", doctype], "list", doctype)
		self.check(page, f"list {doctype}")

	def open_form(self, page, doctype: str, name: str):
		self.names.add(name)  # a document's name is no English, even a hash of letters (a ToDo's)
		self.go(page, ["Form", doctype, name], "form", name)
		tabs = page.locator(".form-tabs .nav-link:visible")
		labels = [t.strip() for t in tabs.all_inner_texts()]
		seen = set()  # the timeline and the head show on every tab: each fault is told on the first
		self.check(page, f"form {doctype} {name}" + (f" › {labels[0]}" if labels else ""), seen)
		for i, label in enumerate(labels[1:], start=1):
			tabs.nth(i).click()
			self.wait(page)
			self.check(page, f"form {doctype} {name} › {label}", seen)
		if doctype in self.printed and frappe.has_permission(
			doctype, "print", name, user=self.cast[self.who]
		):
			self.print_preview(page, doctype, name)

	def print_preview(self, page, doctype: str, name: str):
		page.keyboard.press("Escape")
		page.evaluate("(route) => frappe.set_route(route)", ["print", doctype, name])
		# the preview keeps a request open: it is ready when its frame shows the document
		preview = page.frame_locator(".page-container:visible iframe.print-format-container").locator("body")
		preview.locator("*").first.wait_for()
		page.wait_for_function(
			"""() => { const f = $(".page-container:visible iframe.print-format-container")[0];
				return !!(f && f.contentDocument && f.contentDocument.body.innerText.trim()); }"""
		)
		self.wait(page)
		self.check(page, f"print preview {doctype} {name}")

	def new_entry(self, page, doctype: str):
		"""The list's 「添加」: the quick entry, or the new form, of what ``who`` may create (nothing saved)."""
		if not frappe.has_permission(doctype, "create", user=self.cast[self.who]):
			return
		self.go(page, ["List", doctype], "list", doctype)
		add = page.locator(".page-container:visible .page-actions .primary-action:visible")
		if not add.count():
			self.found.append(f"{self.who} › list {doctype}: no 添加 button although it may create")
			return
		add.first.click()
		page.wait_for_function(
			"""() => !!(document.querySelector(".modal.show .frappe-control")
				|| (window.cur_frm && cur_frm.is_new() && $(cur_frm.wrapper).is(":visible")))"""
		)
		self.wait(page)
		quick = page.locator(".modal.show").count() > 0
		self.check(page, f"{'quick entry' if quick else 'new form'} {doctype}")
		page.keyboard.press("Escape")

	def bell(self, page):
		page.locator(".dropdown-notifications .notifications-icon").first.click()
		page.locator(".notifications-list").first.wait_for()
		self.wait(page)
		self.check(page, "notification bell")
		page.keyboard.press("Escape")
		page.locator("body").click(position={"x": 5, "y": HEIGHT - 5})  # closes the dropdown

	def check(self, page, screen: str, seen: set | None = None):
		page.mouse.move(1, HEIGHT // 2)  # no tooltip of where the last click was
		faults = screen_faults(page, names=self.names, refused_calls=self.refused_calls, seen=seen)
		path = self.shot(page, screen)
		for fault in faults:
			self.found.append(f"{self.who} › {screen}: {fault} [{path}]")
		with self.subTest(role=self.who, screen=screen):
			if faults:
				self.fail(f"{self.who} › {screen}: " + "; ".join(faults) + f" (screenshot {path})")

	def shot(self, page, screen: str) -> Path:
		name = "".join(c if c.isalnum() or c in "-_" else "-" for c in screen).strip("-")
		path = self.folder / f"{name}.png"
		page.screenshot(path=str(path), scale="css")
		return path

	# --- each role -----------------------------------------------------------------------------------------

	def test_applicant(self):
		self.walk("applicant")

	def test_province(self):
		self.walk("province")

	def test_receiver(self):
		self.walk("receiver")

	def test_ministry(self):
		self.walk("ministry")

	def test_expert(self):
		self.walk("expert")

	def test_association(self):
		self.walk("association")
