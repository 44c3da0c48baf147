"""A batch's applications as one PDF for the review meeting (cluster_brand/print/batch_pdf.py): who prints what, the
order, one outline entry per application, every page of every 申报书, the text as typed, and each combined
PDF its requester's alone.

	bench --site <site> run-tests --module cluster_brand.tests.test_batch_print
"""

import io
from datetime import date
from types import SimpleNamespace
from unittest.mock import patch

import frappe
from pypdf import PdfReader

from cluster_brand.api import batch_print
from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.overrides.form_load import get_docinfo
from cluster_brand.permissions.files import refuse_others_batch_pdfs
from cluster_brand.print import batch_pdf
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.application.workflow import (
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	UNDER_EXPERT_REVIEW,
)
from cluster_brand.rules.review.batch_order import OUTLINE_SEPARATOR, outline_title
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.pdf import fold, pdf_text
from cluster_brand.tests.support.process import SHANDONG, make_cast
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	make_test_application_values,
	test_batch_values,
)

BATCH = "测试批次（合并打印）"


def make_batch() -> str:
	if not frappe.db.exists(PILOT_BATCH, BATCH):
		frappe.get_doc({"doctype": PILOT_BATCH, **test_batch_values(), "batch_title": BATCH}).insert()
	return BATCH


def make_application(tag: str, demo_file: str, state: str, rank: int | None = None) -> str:
	values = make_test_application_values(f"-batch-print-{tag}", demo_file=demo_file)
	doc = frappe.get_doc({**values, "pilot_batch": make_batch()}).insert()
	# the state and rank as the province leaves them (the transitions themselves are tested elsewhere)
	doc.db_set({"workflow_state": state, "recommendation_rank": rank or 0})
	return doc.name


def score(name: str, expert: str, total: float):
	"""A submitted sheet of an assigned expert, as the ranking report reads them."""
	application = frappe.get_doc(APPLICATION, name)
	application.append("expert_assignments", {"expert": expert}).db_insert()
	sheet = frappe.new_doc(EXPERT_REVIEW)
	sheet.update(
		{
			"application": name,
			"pilot_batch": application.pilot_batch,
			"industrial_cluster": application.industrial_cluster,
			"expert": expert,
			"total_score": total,
			"docstatus": 1,
		}
	)
	sheet.name = frappe.generate_hash(length=10)
	sheet.db_insert()


def as_user(user: str):
	class _As:
		def __enter__(self):
			frappe.set_user(user)

		def __exit__(self, *exc):
			frappe.set_user("Administrator")

	return _As()


def build(user: str, authority: str | None = None) -> dict:
	"""make_batch_pdf as ``user``: the job runs at once in tests (frappe.enqueue(now=True))."""
	with as_user(user):
		return batch_print.make_batch_pdf(BATCH, authority)


def file_of(result: dict):
	return frappe.get_doc("File", {"file_url": result["result"]["file_url"]})


# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 5, 18)


@frozen_day(DAY)
class TestBatchPrint(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		# the token first: make_api_user commits, and nothing of the batch should be committed with it
		cls.province_token = make_api_user(cls.cast.province, [])
		frappe.set_user("Administrator")
		zj, sd = "application_zhejiang.json", "application_shandong.json"
		cls.zj = {
			rank: make_application(f"zj{rank}", zj, RECOMMENDED, rank) for rank in (3, 1, 2)
		}  # Zhejiang's ranks 1–3, inserted out of order
		cls.zj_pending = make_application("zj-pending", zj, PENDING_PROVINCIAL_REVIEW)
		cls.sd = {rank: make_application(f"sd{rank}", sd, UNDER_EXPERT_REVIEW, rank) for rank in (1, 2)}
		expert = frappe.db.get_value("Review Expert", {"user": cls.cast.expert})
		# scored: Shandong's 2 first, then Zhejiang's 2; the others unscored
		score(cls.sd[2], expert, 91)
		score(cls.zj[2], expert, 85)
		cls.ministry_order = [cls.sd[2], cls.zj[2], cls.sd[1], cls.zj[1], cls.zj[3]]
		cls.zj_order = [cls.zj[1], cls.zj[2], cls.zj[3]]
		with patch("frappe.www.printview.make_access_log"):
			cls.ministry = build(cls.cast.ministry)
			cls.province = build(cls.cast.province)
			cls.other_province = build(cls.cast.other_province)
			cls.parts = {
				name: len(PdfReader(io.BytesIO(batch_pdf.application_pdf(name))).pages)
				for name in cls.ministry_order
			}
		cls.ministry_pdf = file_of(cls.ministry).get_content()
		cls.reader = PdfReader(io.BytesIO(cls.ministry_pdf))

	def cluster(self, name: str) -> str:
		return frappe.db.get_value(APPLICATION, name, "industrial_cluster")

	def authority(self, name: str) -> str:
		return frappe.db.get_value(APPLICATION, name, "recommending_authority")

	def test_the_ministry_prints_the_batch_by_the_experts_ranking_then_by_province_and_rank(self):
		self.assertEqual(self.ministry["result"]["applications"], self.ministry_order)
		self.assertEqual(self.ministry["total"], 5)
		self.assertNotIn(self.zj_pending, self.ministry["result"]["applications"])

	def test_one_outline_entry_per_application_at_its_first_page(self):
		outline = self.reader.outline
		self.assertEqual(len(outline), len(self.ministry_order))
		start = self.ministry["result"]["contents_pages"]  # the contents come first, without an entry
		for entry, name in zip(outline, self.ministry_order, strict=True):
			self.assertFalse(isinstance(entry, list), "no nested entries")
			self.assertEqual(
				entry.title,
				outline_title(official_name(self.authority(name)), self.cluster(name)),
			)
			self.assertIn(OUTLINE_SEPARATOR, entry.title)
			self.assertEqual(self.reader.get_destination_page_number(entry), start)
			start += self.parts[name]

	def test_every_page_of_every_application_after_the_contents(self):
		contents = self.ministry["result"]["contents_pages"]
		self.assertEqual(contents, 1)
		self.assertEqual(len(self.reader.pages), contents + sum(self.parts.values()))
		self.assertEqual(self.ministry["result"]["parts"], [self.parts[n] for n in self.ministry_order])

	def test_the_text_is_each_application_as_typed(self):
		pages = pdf_text(self.ministry_pdf).split("\f")
		text = fold("".join(pages))
		contents = fold(pages[0])
		start = 2
		for no, name in enumerate(self.ministry_order, start=1):
			cluster, unit = self.cluster(name), frappe.db.get_value(APPLICATION, name, "organizing_unit")
			with self.subTest(cluster=cluster):
				self.assertIn(fold(cluster), text)
				# the contents: number, authority, cluster, unit and the page where it starts
				self.assertIn(
					fold(f"{no} {official_name(self.authority(name))} {cluster} {unit} {start}"),
					contents,
				)
				# the application's cover on that page
				self.assertIn(fold(f"申报单位：{unit}"), fold(pages[start - 1]))
				start += self.parts[name]
		self.assertNotIn(fold(self.cluster(self.zj_pending)), text)
		self.assertIn(fold("申报书汇编"), contents)
		self.assertIn(fold("浙江省经济和信息化委员会"), contents)

	def test_the_file_is_private_and_attached_to_the_batch(self):
		file = file_of(self.ministry)
		self.assertEqual((file.attached_to_doctype, file.attached_to_name), (PILOT_BATCH, BATCH))
		self.assertTrue(file.is_private)
		self.assertEqual(file.owner, self.cast.ministry)
		self.assertTrue(file.file_url.startswith("/private/files/"))
		# nothing on the batch's timeline tells its other readers
		self.assertFalse(
			frappe.get_all(
				"Comment",
				{"reference_doctype": PILOT_BATCH, "reference_name": BATCH, "comment_type": "Attachment"},
			)
		)

	def test_a_province_prints_its_own_and_reads_no_other_file(self):
		self.assertEqual(self.province["result"]["applications"], self.zj_order)
		self.assertEqual(self.other_province["result"]["applications"], [self.sd[1], self.sd[2]])
		with as_user(self.cast.province):
			self.assertRaises(frappe.PermissionError, batch_print.make_batch_pdf, BATCH, SHANDONG)
		for who in ("applicant", "association", "expert", "receiver"):
			with as_user(self.cast[who]):
				self.assertRaises(frappe.PermissionError, batch_print.make_batch_pdf, BATCH)
		own, other, ministry = file_of(self.province), file_of(self.other_province), file_of(self.ministry)
		zj, sd = self.cast.province, self.cast.other_province
		self.assertTrue(frappe.has_permission("File", "read", doc=own, user=zj))
		for file in (other, ministry):
			self.assertFalse(frappe.has_permission("File", "read", doc=file, user=zj))
		self.assertFalse(frappe.has_permission("File", "read", doc=own, user=sd))
		self.assertFalse(frappe.has_permission("File", "read", doc=own, user=self.cast.ministry))
		self.assertTrue(frappe.has_permission("File", "read", doc=own, user="Administrator"))
		# the download of the URL (Frappe's own check would let every reader of the batch in)
		for user, file, allowed in ((zj, own, True), (zj, other, False), (sd, own, False), (sd, other, True)):
			with as_user(user), self.subTest(user=user, file=file.file_name):
				request = SimpleNamespace(path=file.file_url)
				with patch.object(frappe.local, "request", request, create=True):
					if allowed:
						refuse_others_batch_pdfs()
					else:
						self.assertRaises(frappe.PermissionError, refuse_others_batch_pdfs)
		# the batch's form lists the reader's own combined PDF only
		with as_user(zj):
			frappe.local.response = frappe._dict()
			get_docinfo(doctype=PILOT_BATCH, name=BATCH)
			names = {a.name for a in frappe.response.docinfo.attachments}
		self.assertIn(own.name, names)
		self.assertFalse(names & {other.name, ministry.name})

	def test_a_newer_pdf_replaces_the_requesters_older_one(self):
		with patch("frappe.www.printview.make_access_log"):
			first = file_of(build(self.cast.ministry, SHANDONG)).name
			again = build(self.cast.ministry, SHANDONG)
		# the ministry's PDF of one province: that province's, in its recommendation rank order
		self.assertEqual(again["result"]["applications"], [self.sd[1], self.sd[2]])
		self.assertFalse(frappe.db.exists("File", first))
		self.assertEqual(frappe.db.get_value("File", file_of(again).name, "owner"), self.cast.ministry)
		self.assertTrue(file_of(self.ministry), "the PDF of the whole batch stays")

	def test_progress_is_the_requesters_own(self):
		job = self.province["job"]
		with as_user(self.cast.province):
			status = batch_print.batch_pdf_status(job)
		self.assertEqual(status["job"], job)
		self.assertIn(status["status"], ("running", "done"))
		self.assertEqual(status["total"], 3)
		for who in ("other_province", "ministry"):
			with as_user(self.cast[who]):
				self.assertIsNone(batch_print.batch_pdf_status(job))

	def test_the_published_paths_answer_as_the_new_ones(self):
		# REST callers keep /api/method/cluster_brand.batch_print.<function> (override_whitelisted_methods in
		# hooks.py): through the allowlist, the input guard and both of Frappe's handlers, to api/batch_print.py
		job = self.province["job"]
		for prefix, key in (("/api/method", "message"), ("/api/v2/method", "data")):
			for path in ("cluster_brand.batch_print", "cluster_brand.api.batch_print"):
				with self.subTest(handler=prefix, path=path):
					response = rest("GET", f"{prefix}/{path}.batch_pdf_status?job={job}", self.province_token)
					self.assertEqual(response.status_code, 200, response.get_data(as_text=True))
					self.assertEqual(response.json[key]["job"], job)
					self.assertEqual(response.json[key]["total"], 3)
		# make_batch_pdf at its published path reaches the function: a batch that is not there is no 500
		response = rest(
			"POST",
			"/api/method/cluster_brand.batch_print.make_batch_pdf",
			self.province_token,
			{"batch": "x"},
		)
		self.assertIn(response.status_code, (403, 404), response.get_data(as_text=True))

	def test_the_job_runs_as_the_requester_only(self):
		with as_user(self.cast.other_province):
			self.assertRaises(
				frappe.PermissionError,
				batch_pdf.build_batch_pdf,
				BATCH,
				None,
				"x",
				self.cast.province,
			)
