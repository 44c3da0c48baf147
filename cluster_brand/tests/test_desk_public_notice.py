"""The browser tier of the public notice (issue 22): a visitor, not logged in, opens /public-notice on a phone
(390 px wide) and on a desktop, reads the candidate, objects with an evidence file and sees the confirmation
(and, on the desktop, the refusal of an incomplete objection, naming the field); the ministry sees the
objections on the candidate's form, opens one and records its handling. Each screen in Chinese, without a
refusal, a raw value or English.

The candidate's notice is published in set-up on the day the tests are run (the served site's clock)."""

import tempfile
from pathlib import Path

import frappe
from frappe.utils import add_days, today

from cluster_brand.doctype_names import APPLICATION, PUBLIC_NOTICE_OBJECTION
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.public_notice import HANDLED, NOT_UPHELD
from cluster_brand.tests.support.browser import (
	DeskTestCase,
	screen_faults,
	screenshot,
	settle,
	wait_until_ready,
)
from cluster_brand.tests.support.process import act, drive_to, edit, submit_review

PASSWORD = "Walk@2017-notice"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}
OBJECTION = {
	"#objection-name": "王五",
	"#objection-unit": "某五金制品有限公司",
	"#objection-phone": "13812345678",
	"#objection-grounds": "申报书所列骨干企业销售收入与统计数据不符。",
}


class TestDeskPublicNotice(DeskTestCase):
	password = PASSWORD

	@classmethod
	def make_applications(cls, tag):
		cls.candidate = drive_to(cls.cast, states.UNDER_EXPERT_REVIEW, f"desk-pn-{tag}")
		submit_review(cls.cast, cls.candidate)
		edit(
			cls.cast.ministry,
			cls.candidate,
			public_notice_start=today(),
			public_notice_end=add_days(today(), 9),
		)
		act(cls.cast.ministry, cls.candidate, "Publish for Public Notice")
		cls.cluster = frappe.db.get_value(APPLICATION, cls.candidate, "industrial_cluster")
		cls.evidence = Path(tempfile.mkdtemp()) / "异议证明材料.pdf"
		cls.evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
		return [cls.candidate]

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in frappe.get_all(PUBLIC_NOTICE_OBJECTION, {"application": cls.candidate}, pluck="name"):
			frappe.delete_doc(PUBLIC_NOTICE_OBJECTION, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def visitor(self, viewport: dict):
		context = self.desk.browser.new_context(locale="zh-CN", viewport=viewport)
		page = context.new_page()
		page.set_default_timeout(20000)
		page.goto(f"{self.server.url}/public-notice", wait_until="networkidle")
		return page

	def assert_page(self, page, screen: str):
		faults = screen_faults(page, names={"Frappe"})
		self.assertEqual(faults, [], f"{screen}: " + "; ".join(faults))
		# nothing wider than the screen: no sideways scrolling on a phone
		width = page.evaluate("() => document.documentElement.scrollWidth")
		self.assertLessEqual(width, page.viewport_size["width"], screen)

	def object(self, page, evidence: Path | None):
		page.select_option("#objection-application", self.candidate)
		for selector, value in OBJECTION.items():
			page.fill(selector, value)
		if evidence:
			page.set_input_files("#objection-evidence", str(evidence))
		page.click("#objection-submit")
		page.wait_for_selector("#objection-alert.alert-success, #objection-alert.alert-danger")

	def test_1_a_visitor_objects_on_a_phone(self):
		page = self.visitor(PHONE)
		candidate = page.locator(f'.candidate[data-application="{self.candidate}"]')
		self.assertIn(self.cluster, candidate.inner_text())
		self.assertIn("公示期", candidate.inner_text())
		self.assert_page(page, "public notice, phone")
		screenshot(page, "public_notice_phone")
		self.object(page, self.evidence)
		alert = page.locator("#objection-alert")
		self.assertIn("异议已收到", alert.inner_text())
		self.assert_page(page, "objection received, phone")
		screenshot(page, "public_notice_phone_received")
		page.context.close()
		frappe.db.rollback()  # a fresh read of what the site's server committed
		objection = frappe.get_all(
			PUBLIC_NOTICE_OBJECTION, {"application": self.candidate}, ["name", "evidence"]
		)
		self.assertEqual(len(objection), 1)
		self.assertTrue(objection[0].evidence.startswith("/private/files/"))

	def test_2_a_visitor_objects_on_a_desktop(self):
		page = self.visitor(DESKTOP)
		self.assert_page(page, "public notice, desktop")
		self.assertIn("产业集群区域品牌建设试点", page.inner_text("footer"))
		screenshot(page, "public_notice_desktop")
		# an objection without its grounds is refused, naming the field; nothing is received
		page.select_option("#objection-application", self.candidate)
		page.fill("#objection-name", "李四")
		page.click("#objection-submit")
		page.wait_for_selector("#objection-alert.alert-danger")
		self.assertIn("异议理由", page.inner_text("#objection-alert"))
		screenshot(page, "public_notice_desktop_refused")
		self.object(page, None)
		self.assertIn("异议已收到", page.inner_text("#objection-alert"))
		self.assert_page(page, "objection received, desktop")
		screenshot(page, "public_notice_desktop_received")
		page.context.close()

	def test_3_the_ministry_handles_an_objection(self):
		page = self.desk.log_in(self.cast.ministry, PASSWORD)
		page.goto(f"{self.server.url}/app/cluster-brand-application/{self.candidate}")
		wait_until_ready(page, "form", self.candidate)
		# the form says how many objections wait (the phone's and the desktop's; its count comes after the form
		# is drawn)
		page.get_by_text("公示期间收到的异议中有2项尚未处理").first.wait_for()
		settle(page)
		screenshot(page, "public_notice_ministry_application")
		# sharing is off (System Settings): the sidebar offers no 「分享」 whose every choice would be refused
		self.assertFalse(page.locator(".form-sidebar .form-shared").is_visible())
		page.get_by_role("button", name="公示异议").first.click()
		wait_until_ready(page, "list", PUBLIC_NOTICE_OBJECTION)
		self.assert_screen(page, "objections of the candidate")
		screenshot(page, "public_notice_ministry_objections")
		name = frappe.get_all(
			PUBLIC_NOTICE_OBJECTION, {"application": self.candidate}, pluck="name", order_by="creation asc"
		)[0]
		page.goto(f"{self.server.url}/app/public-notice-objection/{name}")
		wait_until_ready(page, "form", name)
		page.locator('.frappe-control[data-fieldname="status"] select').select_option(HANDLED)
		page.locator('.frappe-control[data-fieldname="result"] select').select_option(NOT_UPHELD)
		self.fill(
			page, "handling", "经核实，所列骨干企业2016年正常生产，销售收入与统计数据一致，异议不成立。"
		)
		self.save(page)
		screenshot(page, "public_notice_ministry_handled")
		self.assert_screen(page, "objection handled")
		frappe.db.rollback()  # a fresh read of what the site's server committed
		values = frappe.db.get_value(
			PUBLIC_NOTICE_OBJECTION, name, ["status", "result", "handled_by"], as_dict=True
		)
		self.assertEqual(
			(values.status, values.result, values.handled_by), (HANDLED, NOT_UPHELD, self.cast.ministry)
		)
		page.context.close()
