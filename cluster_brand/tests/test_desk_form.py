"""The browser tier: the 申报书 form as its people see it in the desk (Debian's Chromium, a real site).

At the desk's normal width (1280 px, the narrowest of 1280–1440): a new form shows no number that nobody
typed, every tab and every column heading reads fully, each table names the enterprise and the number once,
a refused save points at the failing cell (whichever programme form opened first), the timeline names a changed
cell in Chinese, and what a person may not edit in this stage is read-only in the form, not only refused on save. Screenshots go to CB_SCREENS (default /tmp/cluster_brand_screens).
"""

import json

import docx
import frappe
from openpyxl import load_workbook

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.indicators import YEAR_FIELDS
from cluster_brand.rules.application.workflow import DRAFT, PENDING_PROVINCIAL_REVIEW, RECOMMENDED
from cluster_brand.tests.support.browser import SCREENS, DeskTestCase, screenshot, settle
from cluster_brand.tests.support.process import drive_to
from cluster_brand.tests.support.records import credit_code

PASSWORD = "Form@2017-desk"
ROUTE = "/app/cluster-brand-application/"
WIDTH = 1280

# The text of the cells of column ``fieldname`` of a grid, in row order.
GRID_CELLS = """([table, fieldname]) => [...document.querySelectorAll(
	`.frappe-control[data-fieldname="${table}"] .grid-body .grid-row .grid-static-col[data-fieldname="${fieldname}"]`
)].map((cell) => cell.innerText.trim())"""

# Each heading of a grid: its text and whether it is cut (wider than its cell).
GRID_HEADINGS = """(table) => [...document.querySelectorAll(
	`.frappe-control[data-fieldname="${table}"] .grid-heading-row .grid-row:not(.filter-row) .grid-static-col,
	 .frappe-control[data-fieldname="${table}"] .grid-heading-row .row-index`
)].filter((col) => col.offsetParent).map((col) => {
	const area = col.querySelector(".static-area") || col;
	return { text: area.innerText.trim(), cut: area.scrollWidth > area.clientWidth + 1 };
})"""

# Each tab: its label and whether it lies wholly inside the visible part of the tab strip.
TABS = """() => {
	const strip = document.querySelector(".form-tabs-list").getBoundingClientRect();
	return [...document.querySelectorAll(".form-tabs .nav-link")].filter((tab) => tab.offsetParent).map((tab) => {
		const box = tab.getBoundingClientRect();
		return { text: tab.innerText.trim(), shown: box.left >= strip.left && box.right <= strip.right };
	});
}"""

# Whether a field of the form takes input: a writable control, not the static display of a read-only one.
EDITABLE = """(fieldname) => {
	const field = cur_frm.fields_dict[fieldname];
	return field.disp_status === "Write";
}"""


class TestDeskForm(DeskTestCase):
	password = PASSWORD

	@classmethod
	def make_applications(cls, tag):
		cls.draft = drive_to(cls.cast, DRAFT, f"form-{tag}")
		cls.pending = drive_to(cls.cast, PENDING_PROVINCIAL_REVIEW, f"form-pending-{tag}")
		cls.recommended = drive_to(cls.cast, RECOMMENDED, f"form-recommended-{tag}")
		return [cls.draft, cls.pending, cls.recommended]

	def open_form(self, who: str, name: str):
		page = self.desk.log_in(self.cast[who], PASSWORD)
		page.set_viewport_size({"width": WIDTH, "height": 900})
		page.goto(self.server.url + ROUTE + name, wait_until="domcontentloaded")
		settle(page)
		return page

	def test_a_new_form_shows_no_indicator_value_nobody_typed(self):
		page = self.open_form("applicant", "new")
		self.open_tab(page, "part_1_tab")
		page.locator('.frappe-control[data-fieldname="indicators"]').scroll_into_view_if_needed()
		screenshot(page, "form-new-indicators")
		for fieldname in YEAR_FIELDS:
			cells = page.evaluate(GRID_CELLS, ["indicators", fieldname])
			self.assertEqual(len(cells), 11)
			self.assertEqual(set(cells), {""}, fieldname)
		page.context.close()

	def test_a_cell_emptied_and_saved_stays_blank(self):
		page = self.open_form("applicant", self.draft)
		self.open_tab(page, "part_1_tab")
		cell = (
			page.locator('.frappe-control[data-fieldname="indicators"] .grid-body .grid-row')
			.nth(5)
			.locator('[data-fieldname="year_1_value"]')
			.first
		)
		cell.click()
		field = cell.locator("input").first
		field.fill("")
		field.blur()
		page.keyboard.press("Control+s")
		settle(page, 2500)
		self.assertNotIn("未保存", page.inner_text(".page-head:visible"))
		frappe.db.rollback()
		profit = frappe.get_all(
			"Application Indicator", {"parent": self.draft, "idx": 6}, ["indicator", "year_1_value"]
		)[0]
		self.assertIsNone(profit.year_1_value)  # stored blank
		# and shown blank right after the save, not as the 0.00 of Frappe's reply without the field
		self.assertEqual(page.evaluate(GRID_CELLS, ["indicators", "year_1_value"])[5], "")
		page.context.close()

	def test_the_timeline_names_a_changed_cell_in_chinese(self):
		# Frappe 15's timeline names a table's cell by its label untranslated (frappe.meta.get_label): the
		# shared form script (public/js/desk_forms.js) has it read in the reader's language
		page = self.open_form("applicant", self.draft)
		goal = f"二〇二〇年前建成区域品牌{frappe.generate_hash(length=4)}"
		page.evaluate(
			"""(goal) => {
				const row = cur_frm.doc.work_items[0];
				return frappe.model.set_value(row.doctype, row.name, "work_goal", goal).then(() => cur_frm.save());
			}""",
			goal,
		)
		page.wait_for_function(
			"""(goal) => [...document.querySelectorAll(".new-timeline .timeline-content")].some(
				(item) => item.innerText.includes(goal))""",
			arg=goal,
			timeout=20000,
		)
		entry = page.locator(".new-timeline .timeline-content", has_text=goal).first.inner_text()
		self.assertIn("第1行工作目标", entry)
		self.assertNotIn("Work Goal", entry)
		page.context.close()

	def test_any_programme_form_opened_first_opens_a_refused_cell(self):
		# the handler comes with every form of the programme (hooks.py doctype_js), not only with the application's
		batch = frappe.db.get_value(APPLICATION, self.draft, "pilot_batch")
		page = self.desk.log_in(self.cast["ministry"], PASSWORD)
		page.goto(f"{self.server.url}/app/pilot-batch/{batch}", wait_until="domcontentloaded")
		page.wait_for_function("() => window.cur_frm && cur_frm.doctype === 'Pilot Batch'", timeout=30000)
		self.assertFalse(page.evaluate("() => !!locals.DocType['Cluster Brand Application']"))
		self.assertTrue(page.evaluate("() => !!frappe.request.error_handlers.InvalidCellError"))
		page.context.close()

	def test_every_tab_is_in_view(self):
		page = self.open_form("applicant", self.draft)
		screenshot(page, "form-tabs")
		tabs = page.evaluate(TABS)
		self.assertIn("审核与评审", [tab["text"] for tab in tabs])
		self.assertEqual([tab["text"] for tab in tabs if not tab["shown"]], [])
		page.context.close()

	def test_grid_headings_read_fully_and_name_each_column_once(self):
		page = self.open_form("applicant", self.draft)
		self.open_tab(page, "part_2_tab")
		screenshot(page, "form-enterprises")
		for table in ("top_enterprises", "backbone_enterprises"):
			headings = page.evaluate(GRID_HEADINGS, table)
			self.assertEqual([h["text"] for h in headings if h["cut"]], [], table)
		backbone = [h["text"] for h in page.evaluate(GRID_HEADINGS, "backbone_enterprises")]
		self.assertIn("销售收入（万元）", backbone)
		self.assertIn("自主品牌产品销售收入（万元）", backbone)
		# the enterprise column shows the enterprise's name: no second column of the name
		top = [h["text"] for h in page.evaluate(GRID_HEADINGS, "top_enterprises")]
		self.assertEqual([t for t in top if t.startswith("企业")], ["企业"])
		names = page.evaluate(GRID_CELLS, ["top_enterprises", "enterprise"])
		self.assertTrue(all(name and not name[0].isdigit() for name in names), names)
		self.open_tab(page, "annex_tab")
		screenshot(page, "form-annex")
		work_items = [h["text"] for h in page.evaluate(GRID_HEADINGS, "work_items")]
		self.assertEqual(work_items.count("序号"), 1, work_items)
		self.assertEqual(page.evaluate(GRID_CELLS, ["work_items", "work_item"])[0], "实施区域品牌发展战略")
		page.context.close()

	def test_a_refused_save_points_at_the_failing_cell(self):
		page = self.open_form("applicant", self.draft)
		self.open_tab(page, "part_2_tab")
		row = page.locator('.frappe-control[data-fieldname="backbone_enterprises"] .grid-row[data-idx="3"]')
		row.locator('.grid-static-col[data-fieldname="assets"]').click()
		page.wait_for_timeout(300)
		row.locator('input[data-fieldname="assets"]').fill("-5")
		page.keyboard.press("Control+s")
		page.wait_for_selector(".modal.show .msgprint", timeout=10000)
		page.wait_for_timeout(1200)
		message = page.inner_text(".modal.show .msgprint")
		screenshot(page, "form-refused-save")
		self.assertIn("骨干企业汇总表第3行", message)
		self.assertIn("资产（万元）", message)
		page.keyboard.press("Escape")
		page.wait_for_timeout(800)
		screenshot(page, "form-refused-save-cell")
		pointed = page.evaluate(
			"""() => {
				const row = document.querySelector(
					'.frappe-control[data-fieldname="backbone_enterprises"] .grid-row[data-idx="3"]'
				);
				const box = row.getBoundingClientRect();
				return {
					in_view: box.top >= 0 && box.bottom <= window.innerHeight,
					editing: row.querySelector(".data-row").classList.contains("editable-row"),
					focused: document.activeElement?.dataset?.fieldname || null,
				};
			}"""
		)
		self.assertEqual(pointed, {"in_view": True, "editing": True, "focused": "assets"})
		self.assertNotEqual(
			frappe.db.get_value(
				"Application Backbone Enterprise", {"parent": self.draft, "idx": 3}, "assets"
			),
			-5,
		)
		page.context.close()

	def test_the_applicant_cannot_type_into_the_province_s_fields(self):
		page = self.open_form("applicant", self.draft)
		self.open_tab(page, "review_tab")
		screenshot(page, "form-applicant-review-tab")
		self.assertTrue(page.evaluate(EDITABLE, "regional_industry_composition"))
		for fieldname in ("recommendation_rank", "recommending_officer", "paper_copies_received"):
			self.assertFalse(page.evaluate(EDITABLE, fieldname), fieldname)
		page.context.close()

	def test_the_province_edits_its_recommendation_only(self):
		page = self.open_form("province", self.pending)
		screenshot(page, "form-province-cover")
		for fieldname in ("application_date", "stamped_form_scan", "conforms_to_industrial_policy"):
			self.assertFalse(page.evaluate(EDITABLE, fieldname), fieldname)
		self.open_tab(page, "part_1_tab")
		self.assertFalse(page.evaluate(EDITABLE, "regional_industry_composition"))
		self.assertFalse(page.evaluate(EDITABLE, "indicators"))
		self.open_tab(page, "part_2_tab")
		self.assertFalse(page.evaluate(EDITABLE, "backbone_enterprises"))
		backbone = page.locator('.frappe-control[data-fieldname="backbone_enterprises"]')
		self.assertFalse(backbone.locator(".grid-add-row").is_visible())
		self.open_tab(page, "review_tab")
		screenshot(page, "form-province-review-tab")
		for fieldname in ("recommendation_opinion", "recommending_officer", "recommendation_rank"):
			self.assertTrue(page.evaluate(EDITABLE, fieldname), fieldname)
		self.assertFalse(page.evaluate(EDITABLE, "paper_copies_received"))
		page.context.close()

	# --- issue 19: a new 申报书, Frappe's duplicate, the receiver's part ----------------------------------

	def test_a_new_form_names_the_only_unit_and_keeps_its_cluster(self):
		unit, cluster = frappe.db.get_value(
			APPLICATION, self.draft, ["organizing_unit", "industrial_cluster"]
		)
		page = self.open_form("applicant", "new")
		page.wait_for_function("() => cur_frm.doc.organizing_unit")
		self.assertEqual(page.evaluate("cur_frm.doc.organizing_unit"), unit)
		# the cluster first, then the unit: a cluster of that unit is kept (it was cleared, the save then failed)
		page.evaluate("cur_frm.set_value('organizing_unit', null)")
		page.wait_for_timeout(500)
		page.evaluate(f"cur_frm.set_value('industrial_cluster', {json.dumps(cluster)})")
		page.wait_for_timeout(1000)
		page.evaluate(f"cur_frm.set_value('organizing_unit', {json.dumps(unit)})")
		settle(page)
		screenshot(page, "form-new-unit-and-cluster")
		self.assertEqual(page.evaluate("cur_frm.doc.industrial_cluster"), cluster)
		page.context.close()

	def test_frappes_duplicate_is_not_offered(self):
		page = self.open_form("applicant", self.draft)
		page.locator(".page-head .menu-btn-group button").first.click()
		page.wait_for_timeout(400)
		items = page.locator(".page-head .menu-btn-group .dropdown-menu .menu-item-label").all_inner_texts()
		self.assertTrue(items)
		self.assertNotIn(page.evaluate("__('Duplicate')"), [item.strip() for item in items])
		page.context.close()

	def test_the_receivers_form_opens_on_its_own_part(self):
		page = self.open_form("receiver", self.recommended)
		screenshot(page, "form-receiver-opens-on-paper-materials")
		active = page.locator(".form-tabs .nav-link.active").get_attribute("data-fieldname")
		self.assertEqual(active, "review_tab")
		self.assertTrue(page.evaluate(EDITABLE, "paper_copies_received"))
		page.context.close()

	def test_the_applicant_exports_the_form_as_word(self):
		"""导出Word (desk_forms.js, issue 23): the 申报书 as a .docx under its Chinese name, as its reader reads it."""
		page = self.open_form("applicant", self.draft)
		button = page.get_by_role("button", name=page.evaluate("__('Export as Word')"))
		screenshot(page, "form-export-as-word")
		with page.expect_download() as download:
			button.click()
		self.assertEqual(download.value.suggested_filename, f"申报书-{self.draft}.docx")
		document = docx.Document(download.value.path())
		unit = frappe.db.get_value(APPLICATION, self.draft, "organizing_unit")
		self.assertIn(f"申报单位：{unit}（公章）", [p.text for p in document.paragraphs])
		page.context.close()

	def test_the_applicant_imports_the_backbone_table_from_excel(self):
		"""下载Excel模板 and 从Excel导入 under the 骨干企业汇总表 (issue 23): a sheet with errors lists them all in a
		dialog and saves nothing; the downloaded template with one more enterprise imports it and registers it."""
		page = self.open_form("applicant", self.draft)
		self.open_tab(page, "part_2_tab")
		download = page.get_by_role("button", name=page.evaluate("__('Download the Excel Template')"))
		upload = page.get_by_role("button", name=page.evaluate("__('Import from Excel')"))
		with page.expect_download() as template:
			download.click()
		self.assertEqual(template.value.suggested_filename, f"骨干企业汇总表-{self.draft}.xlsx")
		rows = frappe.db.count("Application Backbone Enterprise", {"parent": self.draft})
		downloaded = SCREENS / template.value.suggested_filename
		template.value.save_as(downloaded)

		book = load_workbook(downloaded)
		book.active["G4"] = "很多"  # the first enterprise's 销售收入
		bad = SCREENS / "backbone-with-errors.xlsx"
		book.save(bad)
		with page.expect_file_chooser() as chooser:
			upload.click()
		chooser.value.set_files(str(bad))
		settle(page, 2500)
		dialog = page.locator(".modal.show").inner_text()
		self.assertIn("表格有1处问题，未导入任何数据。", dialog)
		self.assertIn("销售收入（万元）", dialog)
		self.assertIn("「很多」不是数字。", dialog)
		screenshot(page, "form-backbone-import-errors")
		page.keyboard.press("Escape")
		page.wait_for_timeout(500)

		code = credit_code()
		book = load_workbook(downloaded)
		sheet = book.active
		sheet.cell(row=4 + rows, column=2, value="浏览器导入测试有限公司")
		sheet.cell(row=4 + rows, column=3, value=code)
		sheet.cell(row=4 + rows, column=7, value="1,000")
		good = SCREENS / "backbone-filled.xlsx"
		book.save(good)
		self.addCleanup(self.delete_enterprise, code)
		with page.expect_file_chooser() as chooser:
			upload.click()
		chooser.value.set_files(str(good))
		settle(page, 2500)
		self.assertIn("已导入", page.locator(".alert-message, .desk-alert").first.inner_text())
		frappe.db.rollback()  # a new snapshot, which sees what the server committed
		self.assertEqual(frappe.db.count("Application Backbone Enterprise", {"parent": self.draft}), rows + 1)
		self.assertTrue(frappe.db.exists("Cluster Enterprise", code))
		# the form reloaded: the new row in its grid
		grid = page.locator('.frappe-control[data-fieldname="backbone_enterprises"] .grid-body')
		grid.get_by_text("浏览器导入测试有限公司").wait_for(state="attached")
		screenshot(page, "form-backbone-imported")
		page.context.close()

	def test_no_excel_import_once_the_application_has_left_the_unit(self):
		page = self.open_form("applicant", self.pending)
		self.open_tab(page, "part_2_tab")
		for label in ("Download the Excel Template", "Import from Excel"):
			name = page.evaluate(f"__('{label}')")
			self.assertFalse(page.get_by_role("button", name=name).is_visible(), label)
		page.context.close()

	@staticmethod
	def delete_enterprise(code: str):
		# registered and imported by the server (committed): its row goes too, as the draft's later saves in
		# this class would refuse a row of a missing enterprise
		frappe.db.rollback()
		frappe.db.delete("Application Backbone Enterprise", {"enterprise": code})
		frappe.db.delete("Cluster Enterprise", code)
		frappe.db.commit()
