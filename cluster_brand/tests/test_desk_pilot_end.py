"""The browser tier at the pilot's end (issue 21): the unit opens its pilot's final summary from the pilot, writes
its results and submits it; its pilot completed, it applies from the pilot to be a demonstration zone
(示范区申报书) and submits that; the ministry, the experts' sheets in, records its decision, puts it to public
notice and names the demonstration zone. Each screen in Chinese, without a refusal, a raw value or English.

The pilot, its accepted annual summary and its final summary's start are made on a day of their own (the
programme's calendar); what the desk does runs on the day the tests are run, with dates relative to it."""

from datetime import date

import frappe
from frappe.utils import add_days, today

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
)
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end import final_summary_workflow as fs_workflow
from cluster_brand.rules.pilot_end.demonstration_application import PILOT_COMPLETED
from cluster_brand.rules.pilot_years.workflow import ACCEPTED
from cluster_brand.tests.support.browser import DeskTestCase, screenshot, settle
from cluster_brand.tests.support.dates import clock_on
from cluster_brand.tests.support.demonstration import (
	APPLICATION_VALUES,
	RECOMMENDATION,
	act_on_demonstration,
	edit_demonstration,
	open_round,
)
from cluster_brand.tests.support.demonstration_review import assign, expert_of, score
from cluster_brand.tests.support.pilot_stage import (
	FINAL_CHECK,
	act_on_final_summary,
	as_user,
	edit_final_summary,
	final_acceptance,
	final_summary_texts,
	make_pilot,
	reporting_year,
	summary_in,
)

PASSWORD = "Walk@2017-end"
# the day the pilot, its last year's summary and its final summary's start are made on
SET_UP_DAY = date(2026, 3, 10)
TEXTS = ("work_results", "problems", "lessons")


class TestDeskPilotEnd(DeskTestCase):
	password = PASSWORD

	@classmethod
	def make_applications(cls, tag):
		from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import start_final_summary

		with clock_on(SET_UP_DAY):
			cls.pilot = make_pilot(cls.cast, f"desk-end-{tag}")
			summary_in(cls.cast, cls.pilot, ACCEPTED, reporting_year(cls.pilot))
			frappe.db.set_value(BRAND_PILOT, cls.pilot, "planned_end_date", date(SET_UP_DAY.year, 12, 31))
			cls.final_summary = as_user(cls.cast.applicant, start_final_summary, cls.pilot)
			# the measures' reasons are grid cells; the unit's three texts are typed in the desk below
			texts = final_summary_texts(cls.final_summary)
			edit_final_summary(
				cls.cast.applicant, cls.final_summary, **{k: texts[k] for k in texts if k not in TEXTS}
			)
		cls.round = open_round(cls.pilot, deadline=add_days(today(), 60))
		return [frappe.db.get_value(BRAND_PILOT, cls.pilot, "application")]

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in frappe.get_all(DEMONSTRATION_APPLICATION, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.db.delete(DEMONSTRATION_REVIEW, {"demonstration_application": name})
			frappe.delete_doc(DEMONSTRATION_APPLICATION, name, force=True, ignore_permissions=True)
		frappe.delete_doc(EVALUATION_ROUND, cls.round, force=True, ignore_permissions=True)
		frappe.delete_doc(FINAL_SUMMARY, cls.final_summary, force=True, ignore_permissions=True)
		for name in frappe.get_all(ANNUAL_WORK_SUMMARY, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def page_of(self, who: str):
		return self.desk.log_in(self.cast[who], PASSWORD)

	def fresh(self, doctype: str, name: str, field: str = "workflow_state"):
		frappe.db.rollback()  # a fresh snapshot: the site's server has written since
		return frappe.db.get_value(doctype, name, field)

	def act(self, page, action: str) -> str:
		"""The workflow action as its person takes it: asked, answered 是; returns what the desk then said."""
		page.locator(".modal.show").wait_for(state="hidden")
		page.get_by_role("button", name="操作").click()
		page.locator(".dropdown-menu.show").get_by_text(action, exact=True).click()
		settle(page, 800)
		screenshot(page, f"pilot-end-{action}")
		page.locator(".modal.show .frappe-confirm-message").wait_for()
		page.locator(".modal.show .btn-primary").click()
		settle(page, 2500)
		said = page.locator("#alert-container").inner_text()
		self.assertNotIn("审批流程中", said)
		self.assert_screen(page, f"after {action}")
		return said

	def open_pilot(self, page):
		page.goto(f"{self.desk.base_url}/app/brand-pilot/{self.pilot}")
		settle(page)
		self.assert_screen(page, "the pilot")

	def test_1_the_unit_writes_and_submits_its_final_summary(self):
		page = self.page_of("applicant")
		self.open_pilot(page)
		page.get_by_role("button", name="试点工作总结报告").click()
		page.wait_for_url(f"**/{self.final_summary}")
		settle(page)
		self.assertIn("草稿", page.inner_text(".page-head:visible"))
		self.assert_screen(page, "the final summary")
		screenshot(page, "final-summary-unit")
		self.open_tab(page, "results_tab")
		for fieldname, text in zip(
			TEXTS,
			("区域品牌影响力明显提升。", "部分企业品牌意识仍较薄弱。", "政府引导、协会推动。"),
			strict=True,
		):
			self.fill(page, fieldname, text)
		self.save(page)
		said = self.act(page, "提交省级主管部门")
		self.assertIn("下一步", said)
		self.assertEqual(self.fresh(FINAL_SUMMARY, self.final_summary), fs_workflow.PENDING_PROVINCIAL_CHECK)
		self.assertEqual(self.fresh(FINAL_SUMMARY, self.final_summary, "lessons"), "政府引导、协会推动。")
		page.context.close()

	def test_2_the_completed_pilots_unit_applies_to_be_a_demonstration_zone(self):
		# the province checks the final summary and the ministry accepts it: the pilot is completed
		edit_final_summary(self.cast.province, self.final_summary, **FINAL_CHECK)
		act_on_final_summary(self.cast.province, self.final_summary, "Forward to Ministry")
		edit_final_summary(self.cast.ministry, self.final_summary, **final_acceptance())
		act_on_final_summary(self.cast.ministry, self.final_summary, "Accept Final Summary")
		frappe.db.commit()
		self.assertEqual(frappe.db.get_value(BRAND_PILOT, self.pilot, "status"), PILOT_COMPLETED)

		page = self.page_of("applicant")
		self.open_pilot(page)
		self.assertIn("试点已结束：已完成试点任务。", page.inner_text(".layout-main-section"))
		page.get_by_role("button", name="申报示范区").click()
		page.wait_for_url("**/demonstration-application/*")
		settle(page)
		name = page.url.rstrip("/").split("/")[-1]
		self.assertEqual(name, f"{self.pilot}-DA")
		self.assert_screen(page, "the demonstration application")
		self.open_tab(page, "experience_tab")
		self.fill(page, "typical_experience", APPLICATION_VALUES["typical_experience"])
		self.open_tab(page, "conditions_tab")
		# condition 3 is the data's: the three ratios are there, computed, not typed
		ratios = page.locator('.frappe-control[data-fieldname="ratio_changes"]')
		ratios.scroll_into_view_if_needed()
		for ratio in ("工业增加值率", "新产品产值率"):
			self.assertIn(ratio, ratios.inner_text())
		for fieldname in ("strategy_positioning", "evaluation_mechanism", "improvement_measures"):
			self.fill(page, fieldname, APPLICATION_VALUES[fieldname])
		self.save(page)
		screenshot(page, "demonstration-application-unit")
		# the evidence (attachments), the dates and the activities' grid as the unit's upload would leave them
		frappe.db.rollback()  # a fresh snapshot: the site's server has made it
		edit_demonstration(
			self.cast.applicant,
			name,
			**{k: v for k, v in APPLICATION_VALUES.items() if k not in ("typical_experience",)},
		)
		frappe.db.commit()
		page.reload()
		settle(page)
		said = self.act(page, "提交省级主管部门")
		self.assertIn("下一步", said)
		self.assertEqual(
			self.fresh(DEMONSTRATION_APPLICATION, name), workflow.PENDING_PROVINCIAL_RECOMMENDATION
		)
		page.context.close()

	def test_3_the_ministry_decides_after_the_hearing(self):
		name = f"{self.pilot}-DA"
		self.assertEqual(
			self.fresh(DEMONSTRATION_APPLICATION, name), workflow.PENDING_PROVINCIAL_RECOMMENDATION
		)
		edit_demonstration(self.cast.province, name, **RECOMMENDATION)
		act_on_demonstration(self.cast.province, name, workflow.RECOMMEND)
		score(self.cast.expert, assign(name, expert_of(self.cast.expert)), [90, 85, 80, 88, 92])
		act_on_demonstration(self.cast.ministry, name, workflow.SHORTLIST)
		score(self.cast.expert, assign(name, expert_of(self.cast.expert), "Hearing"), [90, 80, 85])
		frappe.db.commit()

		page = self.page_of("ministry")
		page.goto(f"{self.desk.base_url}/app/demonstration-application/{name}")
		settle(page)
		self.assertIn("入围集中答辩", page.inner_text(".page-head:visible"))
		self.assert_screen(page, "the application shortlisted")
		self.open_tab(page, "review_tab")
		page.locator('.frappe-control[data-fieldname="decision"] select').select_option(
			workflow.DEMONSTRATION_ZONE
		)
		self.fill(page, "decision_opinion", "经材料评审和集中答辩，拟确定为示范区。")
		self.save(page)
		said = self.act(page, "进入公示")
		self.assertIn("公示", said)
		self.assertEqual(self.fresh(DEMONSTRATION_APPLICATION, name), workflow.IN_PUBLIC_NOTICE)
		said = self.act(page, "确定为示范区")
		self.assertIn("示范区", said)
		screenshot(page, "demonstration-zone-ministry")
		self.assertEqual(self.fresh(DEMONSTRATION_APPLICATION, name), workflow.DEMONSTRATION_ZONE_STATE)
		self.assertEqual(
			self.fresh(DEMONSTRATION_APPLICATION, name, "decision_opinion"),
			"经材料评审和集中答辩，拟确定为示范区。",
		)
		page.context.close()
