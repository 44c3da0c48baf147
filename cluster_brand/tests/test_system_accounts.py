"""System accounts over HTTP with their API keys (issue 24): each is scoped as a person of its role (the isolation
matrix of support/isolation.py, on every read path of the REST API), changes only what a person of its role and
scope changes, never logs in, is refused past its rate limit (429, Retry-After), and its calls show on the
document's timeline under its own name."""

import io
import json
from datetime import date
from unittest.mock import patch
from urllib.parse import quote, urlencode

import frappe
from frappe.utils.password import update_password

from cluster_brand.accounts.system_accounts import is_system_account, make_system_account
from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, BRAND_PILOT, EXPERT_REVIEW
from cluster_brand.permissions import rate_limit
from cluster_brand.print.format_names import APPLICATION_FORMAT
from cluster_brand.rules.application.workflow import (
	DRAFT,
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	UNDER_EXPERT_REVIEW,
)
from cluster_brand.rules.pilot_years.workflow import PENDING_PROVINCIAL_INSPECTION
from cluster_brand.rules.system_accounts import (
	DEFAULT_RATE_LIMIT,
	RATE_LIMIT_KEY,
	SYSTEM_ACCOUNT_ROLE,
	RateLimit,
)
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import (
	REFUSED,
	ActsOverHTTP,
	answer_messages,
	application_reads,
	frappe_application,
	in_thread,
	rate_limited,
	reads_of,
	rest,
)
from cluster_brand.tests.support.isolation import SEES, SEES_DRAFT_SUMMARY, SEES_SUMMARY
from cluster_brand.tests.support.pilot_stage import make_pilot, reporting_year, summary_in
from cluster_brand.tests.support.process import (
	MACHINERY,
	OTHER_UNIT,
	OWN_UNIT,
	SHANDONG,
	TEXTILES,
	ZHEJIANG,
	drive_to,
	make_cast,
	next_free_rank,
)
from cluster_brand.tests.support.records import IntegrationTestCase, make_test_application_values

RESOURCE = "/api/resource/" + quote(APPLICATION)
DOCINFO = "/api/method/frappe.desk.form.load.get_docinfo"
PRINT = "/api/method/frappe.www.printview.get_html_and_style"
PDF = "/api/method/frappe.utils.print_format.download_pdf"
DOCUMENTS = "/api/method/cluster_brand.api.documents."
APPLICATION_ZH = "产业集群区域品牌建设试点申报书"

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 9, 16)

# the cast's key (support/isolation.py) -> the system account of that role and scope: (email, system's name,
# role in either language, scope); the units' scopes are filled in by setUpClass
SYSTEMS = {
	"applicant": ("t.sys.unit@example.com", "测试单位申报系统", "组织实施单位", "Organizing Unit"),
	"other_applicant": (
		"t.sys.unit.other@example.com",
		"其他单位申报系统",
		"Cluster Applicant",
		"Organizing Unit",
	),
	"province": (
		"t.sys.zj@example.com",
		"浙江省申报管理系统",
		"省级工业和信息化主管部门",
		f"推荐单位={ZHEJIANG}",
	),
	"other_province": (
		"t.sys.sd@example.com",
		"山东省申报管理系统",
		"Provincial Reviewer",
		f"Recommending Authority={SHANDONG}",
	),
	"association": (
		"t.sys.machinery@example.com",
		"机械工业联合会系统",
		"Industry Association",
		f"Recommending Authority={MACHINERY}",
	),
	"other_association": (
		"t.sys.textiles@example.com",
		"纺织工业联合会系统",
		"Industry Association",
		f"Recommending Authority={TEXTILES}",
	),
	"ministry": ("t.sys.ministry@example.com", "工业和信息化部数据交换系统", "Ministry Administrator", None),
	"receiver": ("t.sys.receiver@example.com", "纸质材料登记系统", "Materials Receiver", None),
}
# a system of its own for the rate limit, whose count no other test adds to
LIMITED = ("t.sys.limited@example.com", "限流测试系统", "Ministry Administrator", None)


@frozen_day(DAY)
class TestSystemAccounts(ActsOverHTTP, IntegrationTestCase):
	resource = RESOURCE

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.accounts, cls.tokens = make_systems()
		# under expert review, assigned to the cast's expert: what SEES is about
		cls.reviewed = drive_to(cls.cast, UNDER_EXPERT_REVIEW, f"sys-{frappe.generate_hash(length=6)}")
		cls.values = make_test_application_values(
			OWN_UNIT, cluster_suffix=f"-sys-{frappe.generate_hash(length=6)}"
		)
		frappe.db.commit()  # requests run on their own connections
		cls.name = None

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in filter(None, (cls.name, cls.reviewed)):
			for pilot in frappe.get_all(BRAND_PILOT, {"application": name}, pluck="name"):
				frappe.delete_doc(BRAND_PILOT, pilot, force=True, ignore_permissions=True)
			for sheet in frappe.get_all(EXPERT_REVIEW, {"application": name}, pluck="name"):
				frappe.db.set_value(EXPERT_REVIEW, sheet, "docstatus", 2)
				frappe.delete_doc(EXPERT_REVIEW, sheet, force=True, ignore_permissions=True)
			for file in frappe.get_all(
				"File", {"attached_to_doctype": APPLICATION, "attached_to_name": name}
			):
				frappe.delete_doc("File", file.name, force=True, ignore_permissions=True)
			frappe.delete_doc(APPLICATION, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	# --- the account ---------------------------------------------------------------------------------------
	def test_an_account_of_its_role_and_scope_only(self):
		province = self.accounts["province"]
		self.assertTrue(is_system_account(province))
		self.assertEqual(given_roles(province), {"Provincial Reviewer", SYSTEM_ACCOUNT_ROLE})
		self.assertEqual(
			frappe.get_all("User Permission", {"user": province}, ["allow", "for_value"]),
			[{"allow": "Recommending Authority", "for_value": ZHEJIANG}],
		)
		self.assertEqual(frappe.utils.get_fullname(province), "浙江省申报管理系统（接口）")
		ministry = self.accounts["ministry"]
		self.assertEqual(given_roles(ministry), {"Ministry Administrator", SYSTEM_ACCOUNT_ROLE})
		self.assertFalse(frappe.get_all("User Permission", {"user": ministry}))
		self.assertFalse(is_system_account(self.cast.province))  # a person

	def test_rekeying_replaces_the_key_the_role_and_the_scope(self):
		email = "t.sys.rekeyed@example.com"
		old = make_system_account(
			email, "换钥测试系统", "Provincial Reviewer", f"Recommending Authority={ZHEJIANG}"
		)
		self.assertEqual(rest("GET", f"/api/resource/User/{email}", old).status_code, 200)
		new = make_system_account(
			email, "换钥测试系统", "Provincial Reviewer", f"Recommending Authority={SHANDONG}"
		)
		self.assertEqual(old.split(":")[0], new.split(":")[0])  # the same key, a new secret
		self.assertEqual(rest("GET", "/api/method/frappe.auth.get_logged_user", old).status_code, 401)
		self.assertEqual(rest("GET", "/api/method/frappe.auth.get_logged_user", new).json["message"], email)
		self.assertEqual(
			frappe.get_all("User Permission", {"user": email}, pluck="for_value"),
			[SHANDONG],
		)
		self.assertEqual(frappe.utils.get_fullname(email), "换钥测试系统（接口）")

	def test_no_person_expert_nor_unscoped_province_is_made_a_system(self):
		with self.assertRaises(frappe.ValidationError):  # a person's account keeps its password and roles
			make_system_account(
				self.cast.province, "x", "Provincial Reviewer", f"Recommending Authority={ZHEJIANG}"
			)
		with self.assertRaises(frappe.ValidationError):
			make_system_account("t.sys.expert@example.com", "x", "评审专家")
		with self.assertRaises(frappe.ValidationError):
			make_system_account("t.sys.admin@example.com", "x", "System Manager")
		with self.assertRaises(frappe.ValidationError):
			make_system_account("t.sys.unscoped@example.com", "x", "Provincial Reviewer")
		with self.assertRaises(frappe.DoesNotExistError):
			make_system_account("t.sys.nowhere@example.com", "x", "Provincial Reviewer", "推荐单位=火星省")
		frappe.db.rollback()
		for email in ("t.sys.expert@example.com", "t.sys.admin@example.com", "t.sys.unscoped@example.com"):
			self.assertFalse(frappe.db.exists("User", email))

	def test_it_never_logs_in(self):
		# no password is set for it, by the form or the REST API
		user = frappe.get_doc("User", self.accounts["applicant"])
		user.new_password = "Another@2026-password"
		with self.assertRaises(frappe.ValidationError):
			user.save(ignore_permissions=True)
		frappe.db.rollback()
		# and one put in the password table behind Frappe's back does not let it in
		update_password(self.accounts["applicant"], "Behind@2026-the-back")
		frappe.db.commit()
		try:
			login = rest(
				"POST",
				"/api/method/login",
				"",
				{"usr": self.accounts["applicant"], "pwd": "Behind@2026-the-back"},
			)
		finally:
			frappe.db.delete("__Auth", {"doctype": "User", "name": self.accounts["applicant"]})
			frappe.db.commit()
		self.assertEqual(login.status_code, 401)
		self.assertIn("接口系统账号", answer_messages(login.json))
		self.assertNotIn("sid", login.headers.get("Set-Cookie", ""))

	def test_token_calls_ask_no_second_factor(self):
		# the provincial role logs in with a second factor (issue 22); its system calls with the key alone
		self.assertTrue(frappe.db.get_value("Role", "Provincial Reviewer", "two_factor_auth"))
		answer = self.call("province", "GET", "/api/method/frappe.auth.get_logged_user")
		self.assertEqual(answer["message"], self.accounts["province"])

	# --- scoped like a person of its role: the isolation matrix --------------------------------------------
	def test_each_system_reads_what_a_person_of_its_role_and_scope_reads(self):
		for who in SYSTEMS:
			visible = SEES[who]
			with self.subTest(system=who):
				self.assertEqual(
					application_reads(self.tokens[who], self.reviewed),
					reads_of(visible, ranks=who == "ministry"),
				)
				printed = rest(
					"POST",
					PRINT,
					self.tokens[who],
					{"doc": APPLICATION, "name": self.reviewed, "print_format": APPLICATION_FORMAT},
				)
				self.assertEqual(
					printed.status_code == 200 and bool(printed.json["message"]["html"]), visible
				)
				# the integrators' one call per document (api/documents.py), the DocType by its official name
				query = urlencode({"doctype": APPLICATION_ZH, "name": self.reviewed})
				document = rest("GET", f"{DOCUMENTS}get?{query}", self.tokens[who])
				self.assertEqual(document.status_code == 200, visible, document.get_data(as_text=True)[:300])

	def test_a_pdf_for_its_readers_only(self):
		# a PDF takes a second: the unit's and another province's system (wkhtmltopdf fetches the styles from the
		# site's own URL, host_name: bin/test serves the site there)
		query = f"doctype={quote(APPLICATION)}&name={self.reviewed}&format={quote(APPLICATION_FORMAT)}"
		for who in ("applicant", "other_province"):
			with self.subTest(system=who):
				pdf = rest("GET", f"{PDF}?{query}", self.tokens[who])
				self.assertEqual(pdf.status_code == 200 and pdf.data[:4] == b"%PDF", SEES[who])

	# --- changes, and the timeline -------------------------------------------------------------------------
	def test_changes_within_its_scope_and_on_the_timeline_under_its_name(self):
		# the unit's system creates its application; another unit's may not
		self.call("other_applicant", "POST", RESOURCE, self.values, expect=403)
		type(self).name = self.call("applicant", "POST", RESOURCE, self.values)["data"]["name"]
		self.update("other_applicant", {"honours": "别人的改动"}, expect=403)
		self.update("applicant", {"honours": "接口系统的改动"})
		uploaded = upload(self.tokens["applicant"], self.name, "stamped-form.pdf", b"%PDF-1.4 stamped")
		self.assertEqual(uploaded.status_code, 200, uploaded.get_data(as_text=True)[:300])
		attached = uploaded.json["message"]
		self.assertEqual(attached["attached_to_name"], self.name)
		self.action("applicant", "Submit Application")
		self.assertEqual(self.state(), PENDING_PROVINCIAL_REVIEW)
		# who acts next is told (a ToDo, a notification): the province's people, not its system, which acts
		# over the API and learns it from the action's answer
		frappe.db.rollback()
		assigned = set(
			frappe.get_all("ToDo", {"reference_name": self.name, "status": "Open"}, pluck="allocated_to")
		)
		self.assertIn(self.cast.province, assigned)
		self.assertNotIn(self.accounts["province"], assigned)

		# the province's system recommends its province's application; another province's may not
		frappe.db.rollback()
		opinion = {
			"recommendation_opinion": "同意推荐。",
			"recommending_officer": "浙江省申报管理系统",
			"recommendation_date": frappe.utils.today(),
			"recommendation_rank": next_free_rank(self.name),
		}
		self.update("other_province", opinion, expect=403)
		self.action("other_province", "Recommend", expect=REFUSED)
		# by the integrators' one call per document, in Chinese names
		refused = rest(
			"POST",
			f"{DOCUMENTS}act",
			self.tokens["other_province"],
			{"doctype": APPLICATION_ZH, "name": self.name, "action": "推荐"},
		)
		self.assertIn(refused.status_code, REFUSED)
		self.call(
			"province",
			"POST",
			f"{DOCUMENTS}save",
			{"doctype": APPLICATION_ZH, "name": self.name, "doc": opinion},
		)
		acted = self.call(
			"province",
			"POST",
			f"{DOCUMENTS}act",
			{"doctype": APPLICATION_ZH, "name": self.name, "action": "推荐"},
		)
		self.assertEqual(acted["message"]["state"], RECOMMENDED_ZH)
		self.assertEqual(self.state(), RECOMMENDED)

		# the timeline, as the ministry's system reads it
		docinfo = self.call("ministry", "POST", DOCINFO, {"doctype": APPLICATION, "name": self.name})[
			"docinfo"
		]
		unit, province = self.accounts["applicant"], self.accounts["province"]
		self.assertEqual(self.doc("ministry")["owner"], unit)
		changed_by = {version["owner"] for version in docinfo["versions"]}
		self.assertEqual(changed_by, {unit, province})
		frappe.db.rollback()  # a fresh snapshot of what the requests committed
		workflow = {
			(comment["comment_email"], comment["content"])
			for comment in frappe.get_all(
				"Comment",
				{"reference_doctype": APPLICATION, "reference_name": self.name, "comment_type": "Workflow"},
				["comment_email", "content"],
			)
		}
		self.assertEqual(
			workflow, {(unit, PENDING_PROVINCIAL_REVIEW_ZH), (province, RECOMMENDED_ZH)}, workflow
		)
		attachment = [c for c in docinfo["comments"] if c.get("comment_type") == "Attachment"] or [
			c
			for c in frappe.get_all(
				"Comment",
				{"reference_doctype": APPLICATION, "reference_name": self.name, "comment_type": "Attachment"},
				["owner", "comment_email", "content"],
			)
		]
		self.assertEqual([c["comment_email"] for c in attachment], [unit])
		self.assertIn("stamped-form.pdf", attachment[0]["content"])
		# the names the desk shows on the timeline
		self.assertEqual(
			{frappe.utils.get_fullname(user) for user in changed_by},
			{"测试单位申报系统（接口）", "浙江省申报管理系统（接口）"},
		)

	# --- the rate limit --------------------------------------------------------------------------------------
	def test_past_the_limit_a_429_that_says_when_to_retry(self):
		email, name, role, scope = LIMITED
		token = make_system_account(email, name, role, scope)
		limit = RateLimit(limit=3, seconds=60)
		# the counting clock stopped mid-window: the requests fall in one window, 21 s before the next
		clock = limit.window(rate_limit.now()) * 60 + 39.5
		frappe.cache.delete(rate_limit.request_count_key(email, limit, clock))
		with rate_limited(limit, clock):
			answers = [rest("GET", "/api/method/frappe.auth.get_logged_user", token) for _ in range(3)]
			self.assertEqual([a.status_code for a in answers], [200, 200, 200])
			# on any /api/ path: a resource, a method
			refused = rest("GET", f"{RESOURCE}?limit_page_length=1", token)
			self.assertEqual(refused.status_code, 429)
			self.assertIn("请求过于频繁", answer_messages(refused.json))
			self.assertIn("21秒后重试", answer_messages(refused.json))
			self.assertEqual(refused.headers["Retry-After"], "21")
			self.assertEqual(rest("GET", "/api/method/frappe.ping", token).status_code, 429)
			# another key has its own count
			other = rest("GET", "/api/method/frappe.auth.get_logged_user", self.tokens["ministry"])
			self.assertEqual(other.status_code, 200)
		frappe.cache.delete(rate_limit.request_count_key(email, limit, clock))

	def test_the_limit_is_the_site_configs(self):
		with patch.dict(frappe.local.conf, {RATE_LIMIT_KEY: {"limit": 10, "seconds": 30}}):
			self.assertEqual(rate_limit.configured_limit(), RateLimit(limit=10, seconds=30))
		with patch.dict(frappe.local.conf, {RATE_LIMIT_KEY: 0}):
			self.assertIsNone(rate_limit.configured_limit())
		with patch.dict(frappe.local.conf, {RATE_LIMIT_KEY: {"limit": 10, "seconds": -1}}):
			self.assertEqual(rate_limit.configured_limit(), DEFAULT_RATE_LIMIT)  # a mistake: the default


@frozen_day(DAY)
class TestSystemAccountsOnSummaries(ActsOverHTTP, IntegrationTestCase):
	"""The pilot stage's annual work summaries: a submitted one and a draft, read by each system as a person of
	its role and scope reads them (SEES_SUMMARY, SEES_DRAFT_SUMMARY)."""

	resource = "/api/resource/" + quote(ANNUAL_WORK_SUMMARY)

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.accounts, cls.tokens = make_systems()
		cls.pilot = make_pilot(cls.cast, f"sys-py-{frappe.generate_hash(length=6)}")
		year = reporting_year(cls.pilot)
		cls.submitted = summary_in(cls.cast, cls.pilot, PENDING_PROVINCIAL_INSPECTION, year)
		cls.draft = summary_in(cls.cast, cls.pilot, DRAFT, year + 1)
		frappe.db.commit()  # requests run on their own connections

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for summary in frappe.get_all(ANNUAL_WORK_SUMMARY, {"brand_pilot": cls.pilot}, pluck="name"):
			frappe.db.set_value(ANNUAL_WORK_SUMMARY, summary, "docstatus", 0)
			frappe.delete_doc(ANNUAL_WORK_SUMMARY, summary, force=True, ignore_permissions=True)
		application = frappe.db.get_value(BRAND_PILOT, cls.pilot, "application")
		frappe.delete_doc(BRAND_PILOT, cls.pilot, force=True, ignore_permissions=True)
		for sheet in frappe.get_all(EXPERT_REVIEW, {"application": application}, pluck="name"):
			frappe.db.set_value(EXPERT_REVIEW, sheet, "docstatus", 2)
			frappe.delete_doc(EXPERT_REVIEW, sheet, force=True, ignore_permissions=True)
		frappe.delete_doc(APPLICATION, application, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_each_system_reads_the_summaries_a_person_of_its_role_and_scope_reads(self):
		for name, sees in ((self.submitted, SEES_SUMMARY), (self.draft, SEES_DRAFT_SUMMARY)):
			filters = quote(json.dumps([[ANNUAL_WORK_SUMMARY, "name", "=", name]]))
			for who in SYSTEMS:
				with self.subTest(system=who, summary=name):
					# a role without the DocType (an association, the receiver) is refused the list: sees none
					listed = rest("GET", f"{self.resource}?filters={filters}", self.tokens[who])
					self.assertIn(listed.status_code, (200, 403))
					self.assertEqual(listed.status_code == 200 and bool(listed.json["data"]), sees[who])
					got = rest("GET", f"{self.resource}/{name}", self.tokens[who])
					self.assertEqual(got.status_code == 200, sees[who])


def make_systems() -> tuple[dict, dict]:
	"""The system account of each key of SYSTEMS: (key -> its user, key -> its "key:secret")."""
	units = {
		"applicant": make_test_application_values(OWN_UNIT)["organizing_unit"],
		"other_applicant": make_test_application_values(OTHER_UNIT, demo_file="application_shandong.json")[
			"organizing_unit"
		],
	}
	accounts, tokens = {}, {}
	for key, (email, name, role, scope) in SYSTEMS.items():
		accounts[key] = email
		tokens[key] = make_system_account(
			email, name, role, f"{scope}={units[key]}" if key in units else scope
		)
	return accounts, tokens


def given_roles(user: str) -> set:
	"""The roles given to ``user`` (not Frappe's automatic ones: All, Guest, Desk User)."""
	return set(frappe.get_all("Has Role", {"parent": user, "parenttype": "User"}, pluck="role"))


def upload(token: str, name: str, file_name: str, content: bytes):
	"""/api/method/upload_file as a client sends a file (multipart), attached to the application ``name``."""
	from werkzeug.test import Client

	return in_thread(
		lambda: Client(frappe_application()).post(
			"/api/method/upload_file",
			data={
				"file": (io.BytesIO(content), file_name),
				"is_private": "1",
				"doctype": APPLICATION,
				"docname": name,
			},
			headers={
				"Authorization": f"token {token}",
				"Accept": "application/json",
				"Accept-Language": "zh",
			},
		)
	)


# what the Workflow comments say: the state, in the language of the request (zh)
PENDING_PROVINCIAL_REVIEW_ZH = "待省级推荐"
RECOMMENDED_ZH = "已推荐"
