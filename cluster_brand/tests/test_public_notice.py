"""The public notice (issue 22): the page /public-notice before, during and after a candidate's notice, nothing of
the application beyond its listed fields; the objection from the page (over HTTP, as a visitor): its window,
its refusals (translated, naming the field, nothing created), its evidence (a private File of the objection),
the rate limit per IP; the ministry notified; the approval blocked by an unhandled objection and allowed once
it is handled. Who reads an objection: test_isolation.py TestPublicNoticeObjectionIsolation."""

import io
import json
import random
from datetime import date
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.utils import add_days, getdate

from cluster_brand.api.public_notice import OBJECTIONS_PER_HOUR
from cluster_brand.doctype_names import APPLICATION, PUBLIC_NOTICE_OBJECTION
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.public_notice import HANDLED, NOT_UPHELD, UNHANDLED
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import (
	act,
	drive_to,
	edit,
	make_cast,
	on_day,
	submit_review,
)
from cluster_brand.tests.support.records import TEST_BATCH, IntegrationTestCase, language
from cluster_brand.tests.support.views import public_notice_page

DAY = date(2026, 9, 14)
SUBMIT = "/api/method/cluster_brand.api.public_notice.submit_objection"
CONTACT = "工业和信息化部科技司（测试） 010-68205252"
ENTRIES = {
	"objector_name": "王五",
	"objector_unit": "某五金制品有限公司",
	"objector_phone": "13812345678",
	"grounds": "申报书所列骨干企业销售收入与统计数据不符。",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fresh_ip() -> str:
	"""An address of its own for each request sequence: the rate limit counts per address for an hour."""
	return "10." + ".".join(str(random.randint(1, 254)) for _n in range(3))


def post_objection(
	values: dict,
	evidence: tuple[str, bytes] | None = None,
	ip: str | None = None,
	path: str = SUBMIT,
	file_field: str = "evidence",
):
	"""The page's form posted by a visitor (multipart, no login), through Frappe's WSGI application in a thread
	of its own (it sees committed data only), from ``ip``."""
	from frappe.app import application
	from werkzeug.test import Client

	site, result = frappe.local.site, {}
	data = dict(values)
	if evidence:
		data[file_field] = (io.BytesIO(evidence[1]), evidence[0])

	def request():
		with patch("frappe.app.get_site_name", return_value=site):
			result["response"] = Client(application).post(
				path,
				data=data,
				# Frappe takes the client's address from the proxy's X-Forwarded-For (auth.py)
				headers={
					"Accept": "application/json",
					"Accept-Language": "en-US",
					"X-Forwarded-For": ip or fresh_ip(),
				},
			)

	thread = Thread(target=request)
	thread.start()
	thread.join()
	return result["response"]


def messages(response) -> str:
	body = response.json or {}
	return " ".join(json.loads(m)["message"] for m in json.loads(body.get("_server_messages") or "[]"))


def publish(cast, name: str, start, days: int = 10):
	"""The ministry publishes ``name`` today, its notice from ``start`` for ``days`` days."""
	submit_review(cast, name)
	edit(cast.ministry, name, public_notice_start=start, public_notice_end=add_days(start, days - 1))
	act(cast.ministry, name, "Publish for Public Notice")


@frozen_day(DAY)
class TestPublicNotice(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		frappe.db.set_value("Pilot Batch", TEST_BATCH, "ministry_contact", CONTACT)
		tag = frappe.generate_hash(length=6)
		# notices published today: one running from today, one starting in three days
		cls.running = drive_to(cls.cast, states.UNDER_EXPERT_REVIEW, f"pn-run-{tag}")
		publish(cls.cast, cls.running, DAY)
		cls.coming = drive_to(cls.cast, states.UNDER_EXPERT_REVIEW, f"pn-coming-{tag}")
		publish(cls.cast, cls.coming, add_days(DAY, 3))
		# a notice that ended yesterday (support/process.py publish_notice)
		cls.ended = drive_to(cls.cast, states.IN_PUBLIC_NOTICE, f"pn-ended-{tag}")
		cls.cluster = {
			name: frappe.db.get_value(APPLICATION, name, "industrial_cluster")
			for name in (cls.running, cls.coming, cls.ended)
		}
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")

	def objections(self, application: str) -> list[str]:
		return frappe.get_all(PUBLIC_NOTICE_OBJECTION, {"application": application}, pluck="name")

	# --- the page
	def test_the_page_lists_a_candidate_while_its_notice_runs(self):
		doc = frappe.get_doc(APPLICATION, self.running)
		html = public_notice_page()
		for value in (
			doc.industrial_cluster,
			doc.organizing_unit,
			doc.leading_industry,
			frappe.db.get_value("Recommending Authority", doc.recommending_authority, "official_name"),
			"2026-09-14至2026-09-23",
			CONTACT,
			"公示中的试点候选名单",
			"提出异议",
		):
			self.assertTrue(value in html, value)
		self.assertTrue(f'data-application="{self.running}"' in html)
		# before its notice starts, and after it has ended, a candidate is not listed
		self.assertFalse(self.cluster[self.coming] in html, "a notice that has not started")
		self.assertFalse(self.cluster[self.ended] in html, "a notice that has ended")
		self.assertFalse("Traceback" in html)

	def test_the_page_shows_nothing_of_the_application_beyond_the_listed_fields(self):
		doc = frappe.get_doc(APPLICATION, self.running)
		html = public_notice_page()
		sheet = frappe.get_all("Expert Review", {"application": self.running}, ["comments"])[0]
		withheld = [
			doc.recommendation_opinion,
			sheet.comments,
			doc.leading_industry_profile,
			doc.regional_industry_composition,
			*(row.enterprise_name for row in doc.top_enterprises if row.get("enterprise_name")),
			*(str(row.year_3_value) for row in doc.indicators if (row.year_3_value or 0) > 1000),
		]
		for value in filter(None, withheld):
			self.assertFalse(str(value)[:40] in html, value)

	def test_the_page_before_during_and_after_a_notice(self):
		coming, running = self.cluster[self.coming], self.cluster[self.running]
		with on_day(add_days(DAY, 2)):
			self.assertFalse(coming in public_notice_page(), "the day before its notice")
		with on_day(add_days(DAY, 3)):
			self.assertTrue(coming in public_notice_page(), "the first day of its notice")
		with on_day(add_days(DAY, 13)):
			html = public_notice_page()
			self.assertFalse(coming in html or running in html, "after their notices")

	def test_the_designated_pilots_are_listed_after_the_notice(self):
		tag = frappe.generate_hash(length=6)
		pilot = drive_to(self.cast, states.APPROVED_AS_PILOT, f"pn-pilot-{tag}")
		frappe.db.commit()
		html = public_notice_page()
		self.assertTrue("已确定的试点名单" in html)
		self.assertTrue(frappe.db.get_value(APPLICATION, pilot, "industrial_cluster") in html)

	# --- the objection
	def test_a_visitor_objects_with_evidence_and_the_ministry_is_told(self):
		response = post_objection({"application": self.running, **ENTRIES}, ("证明材料.pdf", PDF))
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:500])
		self.assertIn("异议已收到", response.json["message"]["message"])
		name = self.objections(self.running)[-1]
		objection = frappe.get_doc(PUBLIC_NOTICE_OBJECTION, name)
		self.assertEqual(
			{key: objection.get(key) for key in ENTRIES}, ENTRIES, "the objection keeps what was written"
		)
		self.assertEqual((objection.status, getdate(objection.received_on)), (UNHANDLED, DAY))
		file = frappe.get_doc(
			"File", {"attached_to_doctype": PUBLIC_NOTICE_OBJECTION, "attached_to_name": name}
		)
		self.assertEqual((file.is_private, file.file_url), (1, objection.evidence))
		self.assertTrue(file.file_url.startswith("/private/files/"))
		told = frappe.get_all(
			"Notification Log",
			{"for_user": self.cast.ministry, "document_type": PUBLIC_NOTICE_OBJECTION, "document_name": name},
			pluck="subject",
		)
		self.assertEqual(len(told), 1)
		self.assertIn("异议", told[0])
		frappe.delete_doc(PUBLIC_NOTICE_OBJECTION, name, force=True)
		frappe.db.commit()

	def test_each_refusal_names_its_field_and_creates_nothing(self):
		objections = frappe.db.count(PUBLIC_NOTICE_OBJECTION)
		files = frappe.db.count("File", {"attached_to_doctype": PUBLIC_NOTICE_OBJECTION})
		cases = (
			({**ENTRIES, "grounds": " "}, None, "异议理由"),
			({**ENTRIES, "objector_phone": "call me"}, None, "异议人联系电话"),
			(ENTRIES, ("run.exe", b"MZ\x90\x00"), "佐证材料"),
			(ENTRIES, ("big.pdf", PDF + b"0" * (10 * 1024 * 1024)), "10兆字节"),
		)
		for entries, evidence, named in cases:
			with self.subTest(named=named):
				response = post_objection({"application": self.running, **entries}, evidence, ip=fresh_ip())
				self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:500])
				self.assertIn(named, messages(response))
		self.assertEqual(frappe.db.count(PUBLIC_NOTICE_OBJECTION), objections)
		self.assertEqual(frappe.db.count("File", {"attached_to_doctype": PUBLIC_NOTICE_OBJECTION}), files)

	def test_a_visitor_uploads_nothing_else(self):
		# the evidence comes with its objection only: Frappe's upload stays closed to a visitor
		files = frappe.db.count("File")
		response = post_objection(
			{"is_private": "1", "folder": "Home"},
			("证明材料.pdf", PDF),
			path="/api/method/upload_file",
			file_field="file",
		)
		self.assertIn(response.status_code, (403, 417), response.get_data(as_text=True)[:300])
		self.assertEqual(frappe.db.count("File"), files)

	def test_an_objection_is_received_during_the_notice_only(self):
		before = post_objection({"application": self.coming, **ENTRIES})
		self.assertEqual(before.status_code, 417)
		self.assertIn("公示自2026-09-17开始", messages(before))
		after = post_objection({"application": self.ended, **ENTRIES})
		self.assertEqual(after.status_code, 417)
		self.assertIn("公示已于", messages(after))
		# an application that is not in public notice is no candidate to object to
		draft = drive_to(self.cast, states.DRAFT, f"pn-draft-{frappe.generate_hash(length=6)}")
		frappe.db.commit()
		refused = post_objection({"application": draft, **ENTRIES})
		self.assertEqual(refused.status_code, 417)
		self.assertIn("不在公示中", messages(refused))
		self.assertEqual(
			[self.objections(n) for n in (self.coming, self.ended, draft)], [[], [], []], "nothing created"
		)

	def test_the_objections_of_one_address_are_limited(self):
		ip = fresh_ip()
		for _n in range(OBJECTIONS_PER_HOUR):
			self.assertEqual(post_objection({"application": self.ended, **ENTRIES}, ip=ip).status_code, 417)
		limited = post_objection({"application": self.running, **ENTRIES}, ip=ip)
		self.assertEqual(limited.status_code, 429)
		self.assertEqual(self.objections(self.running), [])
		# another address is not held by it
		self.assertEqual(post_objection({"application": self.ended, **ENTRIES}).status_code, 417)

	# --- the ministry's handling and the approval
	def test_an_unhandled_objection_blocks_the_approval_until_it_is_handled(self):
		# an application of its own whose notice has ended (the others stay as the page's tests read them)
		ended = drive_to(self.cast, states.IN_PUBLIC_NOTICE, f"pn-approve-{frappe.generate_hash(length=6)}")
		frappe.set_user(self.cast.ministry)
		objection = frappe.get_doc(
			{"doctype": PUBLIC_NOTICE_OBJECTION, "application": ended, **ENTRIES}
		).insert()
		frappe.set_user("Administrator")
		# recorded by the ministry in the desk, it is dated as one from the page is
		self.assertEqual((objection.status, getdate(objection.received_on)), (UNHANDLED, DAY))
		edit(self.cast.ministry, ended, designation_notice_number="工信厅科函〔2026〕999号")
		with self.assertRaises(frappe.ValidationError) as refused, language("zh"):
			act(self.cast.ministry, ended, "Approve as Pilot")
		self.assertIn("1项异议尚未处理", str(refused.exception))
		self.assertEqual(frappe.db.get_value(APPLICATION, ended, "workflow_state"), states.IN_PUBLIC_NOTICE)

		frappe.set_user(self.cast.ministry)
		objection.reload()
		objection.status = HANDLED
		with self.assertRaises(frappe.ValidationError) as incomplete, language("zh"):
			objection.save()
		self.assertIn("处理结果", str(incomplete.exception))
		objection.reload()
		objection.update(
			{"status": HANDLED, "result": NOT_UPHELD, "handling": "经核实，数据与统计年鉴一致。"}
		)
		objection.save()
		self.assertEqual((objection.handled_by, getdate(objection.handled_on)), (self.cast.ministry, DAY))
		objection.status = UNHANDLED
		with self.assertRaises(frappe.ValidationError):
			objection.save()
		frappe.set_user("Administrator")

		act(self.cast.ministry, ended, "Approve as Pilot")
		self.assertEqual(frappe.db.get_value(APPLICATION, ended, "workflow_state"), states.APPROVED_AS_PILOT)
