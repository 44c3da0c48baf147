"""The browser tier: people of each role in the desk of a real site, in Debian's Chromium.

What each person sees is asserted as text on the page: the landing workspace (never the setup wizard), the
Chinese of the desk, the steps they take, and what they must not see (an applicant never sees a reviewer's
name or score). Screenshots go to CB_SCREENS (default /tmp/cluster_brand_screens); a few of them are kept
in docs/screens/. The data is committed, because the site's server reads it, and deleted afterwards.
"""

import frappe
from frappe.utils.password import update_password

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.tests.desk_browser import SCREENS, Desk, SiteServer, screenshot, settle
from cluster_brand.tests.process import drive_to, make_cast
from cluster_brand.tests.utils import IntegrationTestCase

PASSWORD = "Walk@2017-desk"
ROUTE = "/app/cluster-brand-application/"


class TestDeskWalk(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		SCREENS.mkdir(parents=True, exist_ok=True)
		cls.cast = make_cast()
		for user in cls.cast.values():
			update_password(user, PASSWORD)
		tag = frappe.generate_hash(length=6)
		cls.draft = drive_to(cls.cast, "Draft", f"walk-{tag}")
		cls.reviewed = drive_to(cls.cast, "Under Expert Review", f"walk-rev-{tag}")
		cls.experts = {
			row.expert_name or row.expert
			for row in frappe.get_doc(APPLICATION, cls.reviewed).expert_assignments
		}
		frappe.db.commit()  # the site's server has its own connection
		cls.server = SiteServer()
		cls.desk = Desk(cls.server.url)

	@classmethod
	def tearDownClass(cls):
		cls.desk.close()
		cls.server.stop()
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in (cls.draft, cls.reviewed):
			for sheet in frappe.get_all("Expert Review", {"application": name}, pluck="name"):
				frappe.db.set_value("Expert Review", sheet, "docstatus", 2)
				frappe.delete_doc("Expert Review", sheet, force=True, ignore_permissions=True)
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def page_of(self, who: str):
		return self.desk.log_in(self.cast[who], PASSWORD)

	def test_1_each_role_lands_on_its_own_workspace(self):
		workspaces = {
			"applicant": "申报单位工作台",
			"province": "省级推荐工作台",
			"receiver": None,
			"expert": None,
			"ministry": None,
		}
		for who, title in workspaces.items():
			with self.subTest(user=who):
				page = self.page_of(who)
				screenshot(page, f"landing-{who}")
				self.assertNotIn("setup-wizard", page.url)
				body = page.inner_text("body")
				self.assertNotIn("不允许", body)
				for english in ("Search or type a command", "Build", "Users"):
					self.assertNotIn(english, body)
				sidebar = page.inner_text(".desk-sidebar")
				self.assertNotIn("用户", sidebar)
				if title:
					self.assertIn(title, sidebar)
				page.context.close()

	def test_2_the_applicant_checks_and_submits_its_draft(self):
		page = self.page_of("applicant")
		page.goto(self.server.url + ROUTE + self.draft, wait_until="domcontentloaded")
		settle(page)
		self.assertIn("草稿", page.inner_text(".page-head"))
		# the official rows are fixed: no row can be added to the 11 indicators
		page.get_by_text("第一部分 区域产业发展情况", exact=True).click()
		indicators = page.locator('.frappe-control[data-fieldname="indicators"]')
		indicators.scroll_into_view_if_needed()
		self.assertIn("主导产业销售收入（亿元）", indicators.inner_text())
		self.assertFalse(indicators.locator(".grid-add-row").is_visible())
		# growth in the first indicator year has no year before it: 「—」, not 0
		growth = page.locator('.frappe-control[data-fieldname="derived_indicators"] .grid-row').filter(
			has_text="销售收入同比增长"
		)
		self.assertEqual(growth.locator('[data-fieldname="year_1_value"]').first.inner_text().strip(), "—")
		screenshot(page, "applicant-indicators")
		page.get_by_role("button", name="完整性检查").click()
		settle(page, 800)
		self.assertIn("申报书已填写完整", page.inner_text(".modal.show"))
		screenshot(page, "applicant-completeness")
		page.keyboard.press("Escape")
		page.get_by_role("button", name="操作").click()
		page.get_by_text("提交申报", exact=True).click()
		settle(page, 2500)
		screenshot(page, "applicant-submitted")
		self.assertIn("待省级推荐", page.inner_text(".page-head"))
		self.assertEqual(
			frappe.db.get_value(APPLICATION, self.draft, "workflow_state"), "Pending Provincial Review"
		)
		page.context.close()

	def test_3_the_applicant_never_sees_who_reviews_nor_the_scores(self):
		page = self.page_of("applicant")
		page.goto(self.server.url + ROUTE + self.reviewed, wait_until="domcontentloaded")
		settle(page)
		seen = page.inner_text("body")
		for tab in page.locator(".form-tabs .nav-link").all():
			if tab.is_visible():
				tab.click()
				page.wait_for_timeout(300)
				seen += page.inner_text("body")
		screenshot(page, "applicant-under-review")
		self.assertIn("专家评审中", page.inner_text(".page-head"))
		for expert in self.experts | {self.cast.expert}:
			self.assertNotIn(expert, seen)
		self.assertNotIn("专家平均分", seen)
		page.context.close()

	def test_4_an_expert_sees_its_own_sheet_and_no_other_expert(self):
		page = self.page_of("expert")
		page.goto(self.server.url + "/app/expert-review", wait_until="domcontentloaded")
		settle(page)
		screenshot(page, "expert-sheets")
		rows = page.inner_text(".result")
		self.assertNotIn(self.cast.other_expert, rows)
		page.goto(self.server.url + ROUTE + self.reviewed, wait_until="domcontentloaded")
		settle(page)
		body = page.inner_text("body")
		self.assertNotIn(self.cast.other_expert, body)
		self.assertNotIn(self.cast.zhejiang_expert, body)
		page.context.close()
