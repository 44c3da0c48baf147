"""The 申报书 print format through Frappe: the DocType's default, its PDF (read back with pdftotext) and the
escaping of whatever HTML a field holds.

	bench --site <site> run-tests --module cluster_brand.tests.test_print_format
"""

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import frappe

from cluster_brand.demo_values import load_demo_data
from cluster_brand.rules import application_form as form
from cluster_brand.rules.indicators import INDICATORS
from cluster_brand.rules.work_plan import WORK_ITEMS
from cluster_brand.tests.utils import IntegrationTestCase, make_test_application

APPLICATION = "Cluster Brand Application"
PRINT_FORMAT = "产业集群区域品牌建设试点申报书"
SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>x</b>"

# pdftotext reads some glyphs of the CJK fonts back as radicals: NFKC folds the Kangxi radicals (⽂ → 文),
# this table the CJK Radicals Supplement ones that share a glyph with a simplified character (⻘ → 青).
RADICALS = str.maketrans(
	"⺟⺠⻅⻆⻉⻋⻓⻔⻘⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳", "母民见角贝车长门青页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟"
)


def fold(text: str) -> str:
	"""Text as compared: NFKC, radicals as characters, no whitespace (PDF lines break anywhere)."""
	return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


def pdf_text(pdf: bytes) -> str:
	pdftotext = shutil.which("pdftotext")
	if not pdftotext:
		raise AssertionError("pdftotext (poppler-utils) is needed to read the printed PDF back")
	with tempfile.TemporaryDirectory() as tmp:
		path = Path(tmp) / "application.pdf"
		path.write_bytes(pdf)
		# -raw keeps the order in which the page was drawn, so a vertical label reads as one word
		subprocess.run(
			[pdftotext, "-raw", "-enc", "UTF-8", str(path), str(path.with_suffix(".txt"))], check=True
		)
		return path.with_suffix(".txt").read_text(encoding="utf-8")


class TestApplicationPrintFormat(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.application = make_test_application("-print")
		cls.pdf = frappe.get_print(APPLICATION, cls.application.name, print_format=PRINT_FORMAT, as_pdf=True)
		cls.text = pdf_text(cls.pdf)
		cls.folded = fold(cls.text)

	def assertPrinted(self, text: str):
		self.assertIn(fold(text), self.folded)

	def test_is_the_default_print_format(self):
		self.assertEqual(frappe.get_meta(APPLICATION).default_print_format, PRINT_FORMAT)
		print_format = frappe.get_doc("Print Format", PRINT_FORMAT)
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
		html = frappe.get_print(APPLICATION, doc.name, print_format=PRINT_FORMAT)
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
		html = frappe.get_print(APPLICATION, doc.name, print_format=PRINT_FORMAT)
		self.assertNotIn(BOLD, html)
		self.assertIn("&lt;b&gt;x&lt;/b&gt; 其他", html)
