"""The expert's review sheet and the ministry's ranking on a real site (issue 8): the sheet is titled by the
cluster, its scores are blank until entered (in the database, the form's data and the print) and all
required to submit, the rubric's guidance is on its rows, the expert opens the application and its PDF
from it, the batch's review deadline is on it; the ranking shows experts assigned and sheets submitted per
application and refuses others in Chinese; hash-named recommendation settings are renamed.

	bench --site <site> run-tests --module cluster_brand.tests.test_expert_review_sheet
"""

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import frappe
from frappe.database.mariadb.schema import MariaDBTable
from frappe.desk.query_report import get_script
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate

from cluster_brand.controllers import blank_numbers as nullable_numbers
from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.patches.v0_1 import expert_scores_as_nullable_numbers as to_numbers
from cluster_brand.patches.v0_1 import name_recommendation_settings_by_authority_and_batch as rename_patch
from cluster_brand.permissions.allowlist import refuse_unlisted_methods
from cluster_brand.print import pdf as printing
from cluster_brand.print.format_names import APPLICATION_FORMAT, EXPERT_REVIEW_FORMAT
from cluster_brand.rules.application.workflow import UNDER_EXPERT_REVIEW
from cluster_brand.tests.support.calls import call
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import SHANDONG, ZHEJIANG, drive_to, make_cast, submit_review
from cluster_brand.tests.support.records import TEST_BATCH, IntegrationTestCase, language

RANKING = "Expert Review Ranking"
SETTING = "Recommendation Setting"


class _Cells(HTMLParser):
	"""The text of each cell of each row of the print's score table (class cb-scores)."""

	def __init__(self):
		super().__init__()
		self.rows, self.depth, self.cell = [], 0, None

	def handle_starttag(self, tag, attrs):
		if tag == "table":
			classes = dict(attrs).get("class") or ""
			self.depth = self.depth + 1 if self.depth or "cb-scores" in classes else 0
		elif self.depth and tag == "tr":
			self.rows.append([])
		elif self.depth and tag in ("td", "th"):
			self.cell = []

	def handle_endtag(self, tag):
		if tag == "table" and self.depth:
			self.depth -= 1
		elif self.depth and tag in ("td", "th") and self.cell is not None:
			self.rows[-1].append("".join(self.cell).strip())
			self.cell = None

	def handle_data(self, data):
		if self.cell is not None:
			self.cell.append(data)


def score_rows(html: str) -> list[list[str]]:
	parser = _Cells()
	parser.feed(html)
	return parser.rows[1:]  # without the heading


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 7, 13)


@frozen_day(DAY)
class TestExpertReviewSheet(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		frappe.set_user("Administrator")
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.expert_review_deadline = add_days(batch.provincial_recommendation_deadline, 30)
		batch.save()
		cls.name = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"sheet-desk-{frappe.generate_hash(length=6)}")
		cls.sheet = frappe.db.get_value(EXPERT_REVIEW, {"application": cls.name})

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def new_sheet(self) -> tuple[str, str]:
		"""A fresh application under review and its (unscored) sheet of cast.expert."""
		name = drive_to(self.cast, UNDER_EXPERT_REVIEW, f"sheet-{frappe.generate_hash(length=6)}")
		return name, frappe.db.get_value(EXPERT_REVIEW, {"application": name})

	def test_an_assignment_given_another_expert_in_place_moves_the_draft_sheet(self):
		# the ministry corrects a row's expert rather than removing it: the row still names the old draft,
		# which must go (Frappe refused to delete a sheet a row still links), and the new expert gets one
		name, old_sheet = self.new_sheet()
		other = frappe.db.get_value("Review Expert", {"user": self.cast.other_expert})
		frappe.set_user(self.cast.ministry)
		doc = frappe.get_doc(APPLICATION, name)
		[row] = [r for r in doc.expert_assignments if r.expert_review == old_sheet]
		row.expert = other
		doc.save()
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists(EXPERT_REVIEW, old_sheet))
		new_sheet = frappe.db.get_value(EXPERT_REVIEW, {"application": name, "expert": other})
		self.assertTrue(new_sheet)
		self.assertEqual(frappe.db.get_value("Expert Assignment", row.name, "expert_review"), new_sheet)

	# --- title and list

	def test_the_sheet_is_titled_and_listed_by_the_application_not_the_expert(self):
		meta = frappe.get_meta(EXPERT_REVIEW)
		self.assertEqual(meta.title_field, "industrial_cluster")
		listed = [df.fieldname for df in meta.fields if df.in_list_view]
		self.assertIn("application", listed)
		self.assertNotIn("industrial_cluster", listed)  # the title, not a second column
		other, _sheet = self.new_sheet()
		frappe.set_user(self.cast.expert)
		titles = frappe.get_list(
			EXPERT_REVIEW, {"application": ("in", [self.name, other])}, pluck="industrial_cluster"
		)
		self.assertEqual(len(set(titles)), 2)
		self.assertEqual(
			set(titles),
			set(
				frappe.get_all(APPLICATION, {"name": ("in", [self.name, other])}, pluck="industrial_cluster")
			),
		)

	# --- scores blank until entered

	def test_a_new_sheet_stores_no_score_and_prints_blank_cells(self):
		_name, sheet = self.new_sheet()
		stored = frappe.get_all("Expert Review Score", {"parent": sheet}, ["score", "weighted_score"])
		self.assertTrue(stored)
		self.assertEqual({(row.score, row.weighted_score) for row in stored}, {(None, None)})
		self.assertIsNone(frappe.db.get_value(EXPERT_REVIEW, sheet, "total_score"))
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(EXPERT_REVIEW, sheet)
		self.assertTrue(all(row.score is None and row.weighted_score is None for row in doc.scores))
		self.assertIsNone(doc.total_score)
		# numbers, as REST sends them: null until entered
		data = json.loads(frappe.as_json(doc.as_dict()))
		self.assertEqual({(row["score"], row["weighted_score"]) for row in data["scores"]}, {(None, None)})
		self.assertIsNone(data["total_score"])
		rows = score_rows(frappe.get_print(EXPERT_REVIEW, sheet, print_format=EXPERT_REVIEW_FORMAT))
		self.assertEqual(len(rows), len(doc.scores) + 1)
		for row in rows[:-1]:
			self.assertEqual(row[3:], ["", ""], row)
		self.assertEqual(rows[-1], ["总分", "100", "", ""])

	def test_a_half_scored_sheet_saves_but_submits_only_with_every_score(self):
		name, sheet = self.new_sheet()
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(EXPERT_REVIEW, sheet)
		for row in doc.scores[:-1]:
			row.score = 90
		doc.no_conflict_of_interest = 1
		doc.recommendation = "Recommend as Pilot"
		doc.save()
		self.assertEqual(
			frappe.db.get_value("Expert Review Score", doc.scores[-1].name, ["score", "weighted_score"]),
			(None, None),
		)
		self.assertIsNone(frappe.db.get_value(EXPERT_REVIEW, sheet, "total_score"))  # not fully scored
		self.assertEqual(frappe.db.get_value("Expert Review Score", doc.scores[0].name, "score"), 90)
		last = doc.scores[-1].criterion
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			doc.submit()
		self.assertIn(f"请在提交评审前填写“{last}”的得分", str(refused.exception))
		doc.reload()
		doc.scores[-1].score = 0  # 0 is a score
		doc.submit()
		self.assertEqual(
			frappe.db.get_value("Expert Review Score", doc.scores[-1].name, ["score", "weighted_score"]),
			(0, 0),
		)
		expected = round(sum(90 * row.weight / 100 for row in doc.scores[:-1]), 2)
		self.assertAlmostEqual(doc.total_score, expected)
		frappe.set_user("Administrator")
		self.assertAlmostEqual(frappe.db.get_value(APPLICATION, name, "mean_score"), expected)
		rows = score_rows(frappe.get_print(EXPERT_REVIEW, sheet, print_format=EXPERT_REVIEW_FORMAT))
		self.assertEqual(rows[-2][3:], ["0", "0"])
		self.assertEqual(rows[0][3], "90")

	def test_a_score_that_is_no_number_is_refused(self):
		_name, sheet = self.new_sheet()
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(EXPERT_REVIEW, sheet)
		# text, a negative number and one above 100 are refused (Frappe would store the text as 0)
		for wrong in ("九十", -5, 100.5):
			doc.scores[0].score = wrong
			with self.subTest(score=wrong), self.assertRaises(frappe.ValidationError):
				doc.save()
			doc.reload()
		self.assertIsNone(frappe.db.get_value("Expert Review Score", doc.scores[0].name, "score"))
		doc.scores[0].score = " 85.50 "  # as a REST client may send it
		doc.save()
		self.assertEqual(doc.scores[0].score, 85.5)
		self.assertEqual(frappe.db.get_value("Expert Review Score", doc.scores[0].name, "score"), 85.5)

	def test_the_scores_columns_stay_nullable_through_frappes_schema_sync(self):
		meta = frappe.get_meta("Expert Review Score")
		self.assertEqual(
			(meta.get_field("score").fieldtype, meta.get_field("score").non_negative), ("Float", 1)
		)
		nullable = {
			(table, column): is_nullable
			for table, column, is_nullable in frappe.db.sql(
				"""select table_name, column_name, is_nullable from information_schema.columns
				where table_schema = database() and (
					(table_name = 'tabExpert Review Score' and column_name in ('score', 'weighted_score'))
					or (table_name = 'tabExpert Review' and column_name = 'total_score'))"""
			)
		}
		self.assertEqual(set(nullable.values()), {"YES"}, nullable)
		# what a migrate that syncs the DocTypes would do to them (hook before_migrate): nothing
		nullable_numbers.keep_columns_nullable()
		for doctype in (EXPERT_REVIEW, "Expert Review Score"):
			table = MariaDBTable(doctype)
			table.setup_table_columns()
			for column in table.columns.values():
				column.build_for_alter_table(table.current_columns.get(column.fieldname.lower()))
			changed = {c.fieldname for c in table.change_type + table.set_default}
			self.assertFalse(changed & {"score", "weighted_score", "total_score"}, (doctype, changed))
			definitions = {c.fieldname: c.get_definition() for c in table.columns.values()}
			for fieldname in nullable_numbers.NULLABLE_NUMBERS[doctype]:
				self.assertTrue(definitions[fieldname].endswith(" null default null"), definitions[fieldname])
		# the migration patch on a migrated site: nothing to convert, a typed 0 stays 0
		_name, sheet = self.new_sheet()
		first = frappe.db.get_value("Expert Review Score", {"parent": sheet, "idx": 1})
		frappe.db.set_value("Expert Review Score", first, "score", 0)
		to_numbers.execute()
		self.assertEqual(frappe.db.get_value("Expert Review Score", first, "score"), 0)

	# --- guidance, application, deadline

	def test_the_rubrics_guidance_is_on_the_sheet_rows(self):
		rubric = frappe.get_all(
			"Review Criterion",
			{"parent": TEST_BATCH, "parenttype": PILOT_BATCH},
			["criterion", "guidance"],
			order_by="idx",
		)
		self.assertTrue(
			all(row.guidance for row in rubric), "the default rubric has guidance for every criterion"
		)
		frappe.set_user(self.cast.expert)
		doc = frappe.get_doc(EXPERT_REVIEW, self.sheet)
		self.assertEqual(
			[(r.criterion, r.guidance) for r in doc.scores], [(r.criterion, r.guidance) for r in rubric]
		)
		guidance = frappe.get_meta("Expert Review Score").get_field("guidance")
		self.assertTrue(guidance.in_list_view and guidance.read_only)

	def test_the_expert_opens_the_application_and_its_pdf_from_the_sheet(self):
		expert, other = self.cast.expert, self.cast.other_expert
		for ptype in ("read", "print"):
			self.assertTrue(frappe.has_permission(APPLICATION, ptype, doc=self.name, user=expert), ptype)
			self.assertFalse(frappe.has_permission(APPLICATION, ptype, doc=self.name, user=other), ptype)
		# the form's buttons: the application's form (getdoc) and the desk's PDF download, both allowlisted
		script = (
			Path(__file__).parents[1] / "cluster_brand/doctype/expert_review/expert_review.js"
		).read_text()
		self.assertIn("frappe.utils.print_format.download_pdf", script)
		self.assertIn(frappe.get_meta(APPLICATION).default_print_format, script)
		for cmd in ("frappe.desk.form.load.getdoc", "frappe.utils.print_format.download_pdf"):
			frappe.set_user(expert)
			frappe.local.form_dict = frappe._dict(cmd=cmd)
			try:
				refuse_unlisted_methods()
			finally:
				frappe.local.form_dict = frappe._dict()
				frappe.set_user("Administrator")
		frappe.set_user(expert)
		response = frappe.local.response
		frappe.local.response = frappe._dict()
		try:
			printing.download_pdf(APPLICATION, self.name, format=APPLICATION_FORMAT)
			self.assertEqual(frappe.local.response.type, "pdf")
			self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		finally:
			frappe.local.response = response

	def test_the_sheet_shows_the_batchs_review_deadline(self):
		deadline = frappe.db.get_value(PILOT_BATCH, TEST_BATCH, "expert_review_deadline")
		self.assertTrue(deadline)
		df = frappe.get_meta(EXPERT_REVIEW).get_field("expert_review_deadline")
		self.assertEqual(
			(df.fieldtype, df.fetch_from, df.read_only), ("Date", "pilot_batch.expert_review_deadline", 1)
		)
		self.assertEqual(
			getdate(frappe.db.get_value(EXPERT_REVIEW, self.sheet, "expert_review_deadline")),
			getdate(deadline),
		)
		# the ministry moves it: the sheets show the new date without being saved
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.expert_review_deadline = add_days(deadline, 7)
		batch.save()
		self.assertEqual(
			getdate(frappe.db.get_value(EXPERT_REVIEW, self.sheet, "expert_review_deadline")),
			getdate(add_days(deadline, 7)),
		)

	def test_the_review_deadline_is_not_before_the_provincial_recommendation(self):
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.expert_review_deadline = add_days(batch.provincial_recommendation_deadline, -1)
		with language("zh"), self.assertRaises(frappe.ValidationError) as refused:
			batch.save()
		self.assertIn("专家评审截止日期", str(refused.exception))
		self.assertEqual(
			frappe.get_meta(PILOT_BATCH).get_label("expert_review_deadline"), "Expert Review Deadline"
		)

	# --- the ranking

	def test_the_ranking_shows_experts_assigned_sheets_submitted_and_the_province(self):
		name, _sheet = self.new_sheet()
		frappe.set_user(self.cast.ministry)
		rows = run_report(RANKING, filters={"pilot_batch": TEST_BATCH})["result"]
		row = next(r for r in rows if r.get("application") == name)
		self.assertEqual(
			(
				row["recommending_authority"],
				row["experts_assigned"],
				row["sheets_submitted"],
				row["mean"],
				row["rank"],
			),
			(ZHEJIANG, 1, 0, None, None),
		)
		self.assertEqual(
			row["industrial_cluster"], frappe.db.get_value(APPLICATION, name, "industrial_cluster")
		)
		frappe.set_user("Administrator")
		submit_review(self.cast, name, score=77)
		frappe.set_user(self.cast.ministry)
		rows = run_report(RANKING, filters={"pilot_batch": TEST_BATCH})["result"]
		row = next(r for r in rows if r.get("application") == name)
		self.assertEqual((row["experts_assigned"], row["sheets_submitted"], row["mean"]), (1, 1, 77))
		self.assertGreaterEqual(row["rank"], 1)
		ranked = [r["rank"] for r in rows if r.get("rank")]
		self.assertEqual(ranked, sorted(ranked))
		# another batch's applications are not in it
		self.assertEqual(run_report(RANKING, filters={"pilot_batch": "no such batch"})["result"], [])

	def test_the_ranking_filter_is_preset_to_the_latest_batch(self):
		# the script as the desk receives it, the shared part included (report/programme_report.js)
		script = get_script(RANKING)["script"]
		self.assertNotIn("{% include", script)
		self.assertRegex(script, r'fieldname: "pilot_batch"[^}]*reqd: 1')
		self.assertIn('set_filter_value("pilot_batch"', script)
		self.assertIn("batch_year desc", script)

	def test_a_refused_reader_is_told_the_reports_name_in_chinese(self):
		frappe.set_user(self.cast.province)
		for cmd in ("frappe.desk.query_report.get_script", "frappe.desk.query_report.run"):
			with self.subTest(cmd=cmd):
				with language("zh"), self.assertRaises(frappe.PermissionError) as refused:
					call(cmd, report_name=RANKING)
				frappe.clear_messages()
				self.assertIn("专家评审排名", str(refused.exception))
				self.assertNotIn(RANKING, str(refused.exception))
		frappe.set_user(self.cast.ministry)
		self.assertIn("script", call("frappe.desk.query_report.get_script", report_name=RANKING))
		result = call(
			"frappe.desk.query_report.run", report_name=RANKING, filters={"pilot_batch": TEST_BATCH}
		)
		self.assertIn(self.name, [row.get("application") for row in result["result"]])


@frozen_day(DAY)
class TestRecommendationSettingNames(IntegrationTestCase):
	def test_hash_named_settings_are_renamed_by_authority_and_batch(self):
		frappe.set_user("Administrator")
		frappe.db.delete(
			SETTING, {"pilot_batch": TEST_BATCH, "recommending_authority": ("in", [ZHEJIANG, SHANDONG])}
		)
		hashed = frappe.get_doc(
			{"doctype": SETTING, "pilot_batch": TEST_BATCH, "recommending_authority": SHANDONG}
		).insert(set_name=frappe.generate_hash(length=10))
		# a second setting of one authority and batch, made before the check: its name is taken, it keeps its hash
		kept = frappe.get_doc(
			{"doctype": SETTING, "pilot_batch": TEST_BATCH, "recommending_authority": ZHEJIANG}
		)
		kept.insert()
		duplicate = frappe.get_doc(
			{"doctype": SETTING, "pilot_batch": TEST_BATCH, "recommending_authority": ZHEJIANG}
		)
		duplicate.name = frappe.generate_hash(length=10)
		duplicate.db_insert()
		self.assertTrue(re.fullmatch(r"[0-9a-f]{10}", hashed.name))
		rename_patch.execute()
		self.assertFalse(frappe.db.exists(SETTING, hashed.name))
		self.assertTrue(frappe.db.exists(SETTING, f"{SHANDONG}（{TEST_BATCH}）"))
		self.assertEqual(kept.name, f"{ZHEJIANG}（{TEST_BATCH}）")
		self.assertTrue(frappe.db.exists(SETTING, kept.name))
		self.assertTrue(frappe.db.exists(SETTING, duplicate.name))
		rename_patch.execute()  # again: nothing to do
