"""The browser tier at the front door (issue 22): a unit registers on the public page on a phone (390 px wide)
and another on a desktop; the first's account sets its password by the reset link and, unverified, lands on its
registration's status; its province verifies it in the desk; the unit logs in and lands on its workspace. Each
screen in Chinese, without a refusal, a raw value or English."""

import frappe

from cluster_brand.rules.registration import workflow
from cluster_brand.tests.support.browser import CHROMIUM_ARGS, DeskTestCase, screenshot, settle
from cluster_brand.tests.support.process import ZHEJIANG
from cluster_brand.tests.support.registration import make_outbox

REGISTRATION = "Unit Registration"
# strong enough for the password policy (score ≥ 3) that the site may demand
PASSWORD = "Qx7#Lm2$Vw9!pz"
UNIT_PASSWORD = "Rk4%Tz8&Hn3!qw"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}


class TestDeskRegistration(DeskTestCase):
	password = PASSWORD

	@classmethod
	def make_applications(cls, tag):
		cls.tag = tag
		make_outbox()  # Frappe's welcome e-mail is queued through it
		return []

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		users = frappe.get_all("User", {"name": ("like", f"t.desk.reg.%{cls.tag}@example.com")}, pluck="name")
		for name in frappe.get_all(REGISTRATION, {"user": ("in", users or [""])}, pluck="name"):
			registration = frappe.get_doc(REGISTRATION, name)
			frappe.db.delete(REGISTRATION, {"name": name})
			if registration.industrial_cluster:
				frappe.delete_doc("Industrial Cluster", registration.industrial_cluster, force=True)
			if registration.organizing_unit and registration.registration_kind == "New Organizing Unit":
				frappe.delete_doc("Organizing Unit", registration.organizing_unit, force=True)
		if users:
			frappe.db.delete("User Permission", {"user": ("in", users)})
			frappe.db.delete("Has Role", {"parent": ("in", users), "parenttype": "User"})
			frappe.db.delete("User", {"name": ("in", users)})
		frappe.db.commit()
		super().tearDownClass()

	def guest_page(self, viewport: dict):
		context = self.desk.browser.new_context(locale="zh-CN", viewport=viewport)
		page = context.new_page()
		page.set_default_timeout(20000)
		return page

	def fresh(self, filters: dict, field: str = "name"):
		frappe.db.rollback()  # a fresh snapshot: the site's server has written since
		return frappe.db.get_value(REGISTRATION, filters, field)

	def register(self, viewport: dict, who: str) -> str:
		"""A unit registers on the public page, reached from the login page's sign-up; returns its e-mail."""
		from cluster_brand.tests.support.records import credit_code

		email = f"t.desk.reg.{who}.{self.tag}@example.com"
		page = self.guest_page(viewport)
		page.goto(f"{self.desk.base_url}/login#signup", wait_until="networkidle")
		page.get_by_role("link", name="组织实施单位注册").first.click()
		page.wait_for_url("**/register")
		settle(page, 500)
		self.assert_screen(page, f"the registration page ({who})")
		screenshot(page, f"register-{who}-empty")
		page.fill("#unit_name", f"浏览器测试注册单位{who}{self.tag}")
		page.select_option("#unit_type", "People's Government at or above County Level")
		page.fill("#unified_social_credit_code", credit_code())
		page.select_option("#recommending_authority", ZHEJIANG)
		page.fill("#cluster_name", f"浏览器测试注册集群{who}{self.tag}")
		page.fill("#leading_industry", "五金制品")
		page.select_option("#industry_sector", "Machinery")
		page.fill("#contact_person", "周注册")
		# a wrong mobile first: refused, naming the item, and nothing made
		page.fill("#mobile", "12345")
		page.fill("#email", email)
		page.click("#register-button")
		page.locator("#registration-errors").wait_for(state="visible")
		self.assertIn("手机", page.inner_text("#registration-errors"))
		screenshot(page, f"register-{who}-refused")
		self.assertFalse(self.fresh({"email": email}))
		page.fill("#mobile", "13812345678")
		page.click("#register-button")
		page.locator("#registration-done").wait_for(state="visible")
		said = page.inner_text("#registration-done")
		self.assertIn(email, said)
		self.assertIn("浙江省经济和信息化委员会", said)
		self.assert_screen(page, f"registered ({who})")
		screenshot(page, f"register-{who}-done")
		page.context.close()
		self.assertEqual(self.fresh({"email": email}, "workflow_state"), workflow.PENDING_VERIFICATION)
		return email

	def set_password(self, email: str, password: str):
		"""The account sets its password through the link of its e-mail (Frappe's reset link)."""
		frappe.db.rollback()
		link = frappe.get_doc("User", email).reset_password(send_email=False)
		frappe.db.commit()
		page = self.guest_page(PHONE)
		# the link names the site's host_name; the tests' server listens on a port of its own
		path = link[link.index("/update-password") :]
		page.goto(f"{self.desk.base_url}{path}", wait_until="networkidle")
		# typed, as a person types: the page enables its button on the keys
		page.locator("#new_password").press_sequentially(password)
		page.locator("#confirm_password").press_sequentially(password)
		page.wait_for_function("() => !document.querySelector('#update').disabled")
		screenshot(page, "register-set-password")
		page.click("#update")
		settle(page, 2500)
		page.context.close()

	def log_in(self, email: str, password: str, viewport: dict):
		page = self.guest_page(viewport)
		page.goto(f"{self.desk.base_url}/login", wait_until="domcontentloaded")
		page.fill("#login_email", email)
		page.fill("#login_password", password)
		page.click(".btn-login")
		page.wait_for_load_state("networkidle")
		settle(page, 1500)
		return page

	def test_a_unit_registers_is_verified_and_lands_on_its_workspace(self):
		self.assertIn("--no-sandbox", CHROMIUM_ARGS)
		email = self.register(PHONE, "phone")
		self.register(DESKTOP, "desktop")

		# unverified: its password set, it logs in and reads only that it waits, and for whom
		self.set_password(email, UNIT_PASSWORD)
		page = self.log_in(email, UNIT_PASSWORD, PHONE)
		page.wait_for_url("**/registration-status")
		text = page.inner_text("body")
		self.assertIn("正在等待浙江省经济和信息化委员会审核", text)
		self.assert_screen(page, "the unverified account's page")
		screenshot(page, "register-status-waiting")
		# the desk is not its: refused, nothing of the programme shown
		response = page.goto(f"{self.desk.base_url}/app", wait_until="networkidle")
		self.assertGreaterEqual(response.status, 400)
		self.assertNotIn("申报书", page.inner_text("body"))
		screenshot(page, "register-status-no-desk")
		page.context.close()

		# the province verifies it in the desk, from its workspace's shortcut
		name = self.fresh({"email": email})
		page = self.desk.log_in(self.cast.province, PASSWORD)
		# the status block says it first (its table 待审核的注册), the shortcut below opens the list
		page.locator(f'.cb-registrations a[data-route="unit-registration/{name}"]').wait_for()
		shortcut = page.get_by_role("link", name="待审核的注册", exact=True)
		shortcut.wait_for()
		shortcut.scroll_into_view_if_needed()
		settle(page, 1500)
		screenshot(page, "register-province-workspace")
		shortcut.click()
		page.wait_for_function("() => !!document.querySelector('.list-row-container')")
		settle(page)
		screenshot(page, "register-province-list")
		self.assert_screen(page, "the registrations waiting")
		page.locator(f'.list-row-container a[data-name="{name}"]').first.click()
		page.wait_for_url(f"**/app/unit-registration/{name}")
		settle(page)
		self.assert_screen(page, "the registration in the desk")
		screenshot(page, "register-province-form")
		page.get_by_role("button", name="操作").click()
		page.locator(".dropdown-menu.show").get_by_text("审核通过", exact=True).click()
		settle(page, 800)
		confirm = page.locator(".modal.show .btn-primary")
		if confirm.count():
			screenshot(page, "register-province-confirm")
			confirm.first.click()
			settle(page, 2500)
		self.assert_screen(page, "after the verification")
		screenshot(page, "register-province-verified")
		page.context.close()
		self.assertEqual(self.fresh({"name": name}, "workflow_state"), workflow.VERIFIED)

		# verified: the unit logs in and lands on its workspace
		page = self.log_in(email, UNIT_PASSWORD, DESKTOP)
		page.wait_for_url("**/app/applicant-desk", timeout=30000)
		settle(page, 2500)
		self.assert_screen(page, "the unit's workspace")
		screenshot(page, "register-unit-workspace")
		page.context.close()
