"""The 申报书 print format through Frappe: the DocType's default, its PDF as the desk's PDF button gets it
(read back with pdftotext, without any mapping of characters: the text layer is what was typed), its page
breaks and page numbers, and whatever HTML a field holds printed as typed text.

	bench --site <site> run-tests --module cluster_brand.tests.test_print_format
"""

import re
import subprocess
from datetime import date

import frappe

from cluster_brand.demo.values import APPLICATION_FILES, load_demo_data
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.print import pdf as printing
from cluster_brand.print.application import application_print_context
from cluster_brand.print.format_names import APPLICATION_FORMAT
from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application.indicators import INDICATORS
from cluster_brand.rules.application.work_plan import WORK_ITEMS
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	make_test_application,
	make_test_application_values,
)

SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>x</b>"

GB_T = "《<GB/T 19001>》"
RADICALS = re.compile("[\u2e80-\u2fdf]")  # CJK Radicals Supplement, Kangxi Radicals
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$", re.M)


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 1, 19)


@frozen_day(DAY)
class TestApplicationPrintFormat(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.application = make_test_application("-print")
		# the PDF the desk's button and REST get (cluster_brand.print.pdf.download_pdf)
		cls.pdf = printing.get_pdf(APPLICATION, cls.application.name, APPLICATION_FORMAT)
		cls.text = pdf_text(cls.pdf)
		cls.folded = fold(cls.text)
		cls.pages = cls.text.split("\f")[:-1]

	def assertPrinted(self, text: str):
		self.assertIn(fold(text), self.folded)

	def test_is_the_default_print_format(self):
		self.assertEqual(frappe.get_meta(APPLICATION).default_print_format, APPLICATION_FORMAT)
		print_format = frappe.get_doc("Print Format", APPLICATION_FORMAT)
		self.assertEqual(
			(print_format.doc_type, print_format.standard, print_format.module, print_format.disabled),
			(APPLICATION, "Yes", "Cluster Brand", 0),
		)
		html = frappe.get_print(APPLICATION, self.application.name)  # no format given: the default
		self.assertIn('class="cb-form cb-print"', html)

	def test_pdf_is_a4_with_a_sensible_page_count(self):
		self.assertTrue(self.pdf.startswith(b"%PDF"))
		pages = self.text.count("\f")
		self.assertTrue(8 <= pages <= 60, f"{pages} pages")

	def test_pdf_has_the_cover_and_every_part(self):
		self.assertPrinted(form.item("organizing_unit").official + "：" + self.application.organizing_unit)
		self.assertPrinted("（公章）")
		self.assertPrinted("申报日期：2017 年 8 月 10 日")
		for part, heading in form.PARTS.items():
			if part != form.COVER:
				self.assertPrinted(heading.replace(" ", ""))

	def test_pdf_has_the_official_labels(self):
		for label in (
			form.REGIONAL_INDUSTRY_COMPOSITION[1],
			form.LEADING_INDUSTRY[1],
			form.QUALITY_FOUNDATION[1],
			form.PUBLIC_SERVICES[1],
			form.MAIN_INDICATORS[1],
		):
			self.assertPrinted(label)
		for item in form.ITEMS:
			if item.part in (form.PART_1, form.PART_2, form.PART_3, form.PART_4) and item.fieldname not in (
				"indicators",
				"quantitative_targets",
				"qualitative_targets",
				"pilot_cycle_years",
				"funding_plan",
			):
				self.assertPrinted(item.official)
		for indicator in INDICATORS:
			self.assertPrinted(indicator.official_name)
		self.assertPrinted("指标名称 2014年 2015年 2016年")
		self.assertPrinted("序号 工作项目 工作现状 工作目标 主要措施 时间节点")
		for _key, zh in WORK_ITEMS:
			self.assertPrinted(zh)
		self.assertPrinted(form.BACKBONE_NOTE)
		self.assertPrinted(form.PART_3_NOTE)
		self.assertPrinted(form.PART_4_INTRO)

	def test_pdf_has_the_answers(self):
		demo = load_demo_data()
		self.assertPrinted(demo["application"]["leading_industry_profile"][:40])
		self.assertPrinted(demo["top_enterprises"][0]["enterprise_profile"][:40])
		self.assertPrinted(demo["tasks"][-1]["measure"][:20])
		self.assertPrinted("1.1")
		self.assertPrinted("7.1")
		self.assertPrinted("合计")
		self.assertPrinted("中央财政资金")

	def test_html_in_a_field_prints_as_text(self):
		doc = self.application
		# Straight into the database, past the sanitising of save: the print must not trust stored values.
		frappe.db.set_value(APPLICATION, doc.name, "leading_industry_profile", f"{SCRIPT} {BOLD}")
		frappe.db.set_value(APPLICATION, doc.name, "regional_brand_strategy", f"{SCRIPT} {BOLD}")
		frappe.db.set_value("Application Top Enterprise", doc.top_enterprises[0].name, "awards", SCRIPT)
		frappe.db.set_value(
			"Application Backbone Enterprise", doc.backbone_enterprises[0].name, "own_brand", BOLD
		)
		frappe.db.set_value("Application Task", doc.tasks[0].name, "measure", f"{SCRIPT}\n{BOLD}")
		html = frappe.get_print(APPLICATION, doc.name, print_format=APPLICATION_FORMAT)
		self.assertNotIn(SCRIPT, html)
		self.assertNotIn(BOLD, html)
		self.assertGreaterEqual(html.count("&lt;script&gt;alert(1)&lt;/script&gt;"), 4)
		self.assertGreaterEqual(html.count("&lt;b&gt;x&lt;/b&gt;"), 4)
		self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b&gt;x&lt;/b&gt;", html)

	def test_html_saved_through_the_form_prints_as_text(self):
		# What save's sanitiser lets through (harmless tags such as <b>) is still printed as typed.
		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.other_matters = f"{BOLD} 其他"
		doc.save()
		self.assertIn(BOLD, frappe.db.get_value(APPLICATION, doc.name, "other_matters"))
		html = frappe.get_print(APPLICATION, doc.name, print_format=APPLICATION_FORMAT)
		self.assertNotIn(BOLD, html)
		self.assertIn("&lt;b&gt;x&lt;/b&gt; 其他", html)

	# --- the text layer: what was typed -------------------------------------------------------------------

	def test_text_layer_has_no_radicals(self):
		# wkhtmltopdf wrote 31 common characters as radicals (「汽⻋」 for 汽车, 「⼯」 for 工).
		self.assertEqual(sorted(set(RADICALS.findall(self.text))), [])
		for word in ("工具", "汽车", "青溪县", "骨干企业", "长期", "食品", "风险", "门类"):
			if word in "".join(typed_texts(load_demo_data())):
				self.assertPrinted(word)

	def test_every_text_of_both_demo_applications_prints_as_typed(self):
		for n, demo_file in enumerate(APPLICATION_FILES):
			data = load_demo_data(demo_file)
			doc = frappe.get_doc(make_test_application_values(f"-typed-{n}", demo_file=demo_file)).insert()
			folded = fold(pdf_text(printing.get_pdf(APPLICATION, doc.name, APPLICATION_FORMAT)))
			for text in typed_texts(data):
				with self.subTest(demo_file=demo_file, text=text[:20]):
					self.assertIn(fold(text), folded)

	def test_every_official_heading_prints_as_written(self):
		p = application_print_context({})
		headings = [p["title"], *p["parts"].values(), p["main_indicators_label"], p["backbone"]["heading"]]
		headings += [group["label"] for group in p["part_1"]] + [row["label"] for row in p["part_3"]]
		headings += [section["heading"] for section in p["part_4"]["sections"]]
		headings += p["backbone"]["columns"] + p["work_plan"]["columns"]
		for heading in headings:
			with self.subTest(heading=heading):
				self.assertPrinted(heading.replace(" ", ""))

	# --- typed text, never markup ------------------------------------------------------------------------

	def test_text_saved_through_the_form_prints_exactly_as_typed(self):
		# Frappe's sanitiser stores <script> as &lt;script&gt; and 《<GB/T 19001>》 as 《&lt;GB/T 19001&gt;》; the
		# print escaped that again and printed 「&lt;script&gt;」.
		doc = frappe.get_doc(APPLICATION, self.application.name)
		doc.other_matters = f"执行{GB_T}标准"
		doc.regional_brand_strategy = f"{SCRIPT} R&D"
		doc.tasks[0].measure = f"落实{GB_T}"
		doc.save()
		self.assertIn("&lt;", frappe.db.get_value(APPLICATION, doc.name, "other_matters"))
		html = frappe.get_print(APPLICATION, doc.name, print_format=APPLICATION_FORMAT)
		self.assertNotIn(SCRIPT, html)
		self.assertNotIn("&amp;lt;", html)
		self.assertIn("执行《&lt;GB/T 19001&gt;》标准", html)
		self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D", html)
		text = fold(pdf_text(printing.get_pdf(APPLICATION, doc.name, APPLICATION_FORMAT)))
		self.assertIn(fold(f"执行{GB_T}标准"), text)
		self.assertIn(fold(f"{SCRIPT} R&D"), text)
		self.assertIn(fold(f"落实{GB_T}"), text)
		self.assertNotIn("&lt;", text)

	# --- page breaks and page numbers -------------------------------------------------------------------

	def pages_with(self, text: str) -> list[int]:
		return [n for n, page in enumerate(self.pages) if fold(text) in fold(page)]

	def assertRowsWholeUnderTheirHeader(self, header: str, rows: list[str]):
		"""Each row whole on a page (its cells' texts one after another, as pdftotext -raw reads a row),
		and each page holding rows shows the table's header."""
		holding = set()
		for row in rows:
			pages = self.pages_with(row)
			self.assertTrue(pages, f"row {row[:30]} is cut")
			holding |= set(pages)
		self.assertGreater(len(holding), 1, "the table should run over more than one page")
		for n in holding:
			self.assertIn(fold(header), fold(self.pages[n]), f"page {n + 1} has rows but no header")

	def test_backbone_table_repeats_its_header_and_cuts_no_row(self):
		p = application_print_context(self.application)
		rows = [str(r["no"]) + "".join(r["cells"]) for r in p["backbone"]["rows"]]
		self.assertRowsWholeUnderTheirHeader("".join(p["backbone"]["columns"]), rows)

	def test_work_plan_repeats_its_header_and_cuts_no_row(self):
		p = application_print_context(self.application)
		rows = [
			f"{m['no']}{m['measure']}（任务分工：{m['responsible']}）{m['time_node']}"
			for group in p["work_plan"]["groups"]
			for m in group["measures"]
		]
		self.assertRowsWholeUnderTheirHeader("".join(p["work_plan"]["columns"]), rows)

	def test_a_sections_label_stands_beside_its_first_item(self):
		for group in application_print_context(self.application)["part_1"]:
			first = group["entries"][0]["text"][:15]
			with self.subTest(label=group["label"]):
				self.assertIn(self.pages_with(first)[0], self.pages_with(group["label"]))

	def test_main_indicators_table_does_not_stand_alone_on_a_page(self):
		(page,) = self.pages_with(INDICATORS[-1].official_name)
		self.assertIn(fold(form.PARTS[form.PART_2]), fold(self.pages[page]))

	def test_cover_is_not_numbered_and_the_body_counts_from_one(self):
		self.assertFalse(frappe.utils.pdf.is_wkhtmltopdf_valid(), "this test needs an unpatched wkhtmltopdf")
		self.assertFalse(PAGE_NUMBER.search(self.pages[0]))
		self.assertEqual(
			[[int(n) for n in PAGE_NUMBER.findall(page)] for page in self.pages[1:]],
			[[n] for n in range(1, len(self.pages))],
		)

	def test_page_numbers_are_set_in_the_documents_font(self):
		fonts = subprocess.run(
			["pdffonts", "-"], input=self.pdf, capture_output=True, check=True
		).stdout.decode()
		self.assertNotIn("Times", fonts)
		self.assertIn("NotoSerifCJK", fonts)


def typed_texts(data) -> list[str]:
	"""Every text of a demo application that the 申报书 prints as typed: the strings holding Chinese (select
	keys, codes, dates and numbers print in forms of their own)."""
	found = []

	def walk(value, key=""):
		if key in NOT_PRINTED:
			return
		if isinstance(value, dict):
			for k, v in value.items():
				walk(v, k)
		elif isinstance(value, list):
			for v in value:
				walk(v, key)
		elif isinstance(value, str) and re.search("[\u4e00-\u9fff]", value):
			found.extend(line for line in value.split("\n") if line.strip())

	walk(data)
	return found


# The registers' records of the demo (the tests print units and clusters of their own; the 申报书 prints no
# address or contact of the unit).
NOT_PRINTED = {"organizing_unit", "industrial_cluster"}
