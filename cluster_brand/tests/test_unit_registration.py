"""The front door (issue 22): an organizing unit registers on the public page (or a person joins a registered
unit), every refusal names its item and creates nothing, registration is rate-limited per IP and per e-mail,
the unit's province (or the ministry) verifies or rejects it, and the account sees nothing of the programme
until it is verified."""

import json
from datetime import date
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow

from cluster_brand.api import registration as api
from cluster_brand.desk.front_door import website_user_home_page
from cluster_brand.rules.registration import workflow
from cluster_brand.rules.registration.form import JOIN_UNIT
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import rest
from cluster_brand.tests.support.process import SHANDONG, ZHEJIANG, make_cast
from cluster_brand.tests.support.records import IntegrationTestCase, credit_code, language
from cluster_brand.tests.support.registration import make_outbox

REGISTRATION = "Unit Registration"
REGISTER = "/api/method/cluster_brand.api.registration.register"
DAY = date(2026, 12, 7)


def registration_values(tag: str, **overrides) -> dict:
	"""A complete registration of a new Zhejiang unit no other test registers."""
	tag = f"{tag}-{frappe.generate_hash(length=6)}"
	return {
		"registration_kind": "New Organizing Unit",
		"unit_name": f"测试注册单位{tag}",
		"unit_type": "Government Management Agency of the Locality",
		"unified_social_credit_code": credit_code(),
		"recommending_authority": ZHEJIANG,
		"cluster_name": f"测试注册集群{tag}",
		"leading_industry": "纺织服装",
		"industry_sector": "Textiles",
		"contact_person": "王注册",
		"mobile": "13812345678",
		"email": f"t.reg.{tag}@example.com".lower(),
		**overrides,
	}


def post_as_guest(values: dict, ip: str = "10.22.0.1"):
	"""The page's POST, as a guest's browser at ``ip`` sends it, in a request of its own (it commits)."""
	from frappe.app import application
	from werkzeug.test import Client

	site, result = frappe.local.site, {}

	def request():
		with patch("frappe.app.get_site_name", return_value=site):
			result["response"] = Client(application).post(
				REGISTER,
				data=json.dumps(values),
				headers={
					"Content-Type": "application/json",
					"Accept": "application/json",
					"Accept-Language": "zh",
					"X-Forwarded-For": ip,
				},
			)

	thread = Thread(target=request)
	thread.start()
	thread.join()
	return result["response"]


def server_messages(response) -> str:
	body = response.json or {}
	return " ".join(json.loads(m)["message"] for m in json.loads(body.get("_server_messages") or "[]"))


def remove_test_registrations():
	"""What the guests' requests committed: their accounts and registrations (Frappe throttles the users made in
	one minute, and each run is frozen on the same day)."""
	users = frappe.get_all("User", {"name": ("like", "t.reg.%@example.com")}, pluck="name")
	if users:
		frappe.db.delete(REGISTRATION, {"user": ("in", users)})
		frappe.db.delete("Has Role", {"parent": ("in", users), "parenttype": "User"})
		frappe.db.delete("User Permission", {"user": ("in", users)})
		frappe.db.delete("User", {"name": ("in", users)})
	frappe.db.commit()


def clear_rate_limits():
	frappe.cache.delete_keys("rl:")


@frozen_day(DAY)
class TestUnitRegistration(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		make_outbox()
		frappe.db.commit()
		remove_test_registrations()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		remove_test_registrations()
		super().tearDownClass()

	def setUp(self):
		clear_rate_limits()
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")
		clear_rate_limits()
		# each test's own records go (a guest's request, in its own connection, would wait for their locks)
		frappe.db.rollback()

	def register(self, values: dict):
		"""The guest's call, in this test's transaction."""
		frappe.set_user("Guest")
		try:
			with language("zh"):
				return api.register(**values)
		finally:
			frappe.set_user("Administrator")

	def assert_refused(self, values: dict, *expected: str):
		"""Refused with a message naming each of ``expected``, and nothing made: no registration, no account."""
		before = (frappe.db.count(REGISTRATION), frappe.db.count("User"))
		with self.assertRaises(frappe.ValidationError) as refused:
			self.register(values)
		message = str(refused.exception)
		for text in expected:
			self.assertIn(text, message)
		self.assertEqual((frappe.db.count(REGISTRATION), frappe.db.count("User")), before)
		return message

	# --- the registration ----------------------------------------------------------------------------------
	def test_a_valid_registration_makes_the_registration_and_an_account_without_roles(self):
		values = registration_values("valid")
		answer = self.register(values)
		registration = frappe.get_doc(REGISTRATION, answer["registration"])
		self.assertEqual(registration.workflow_state, workflow.PENDING_VERIFICATION)
		self.assertEqual(registration.user, values["email"])
		self.assertEqual(answer["province_name"], "浙江省经济和信息化委员会")
		user = frappe.get_doc("User", values["email"])
		self.assertEqual(user.user_type, "Website User")
		self.assertEqual({row.role for row in user.roles}, set())
		# Frappe's welcome e-mail, whose link sets the password
		self.assertTrue(
			frappe.db.exists("Email Queue Recipient", {"recipient": values["email"]}),
			"no welcome e-mail",
		)
		self.assertEqual(website_user_home_page(values["email"]), "registration-status")

	def test_each_missing_item_is_refused_by_its_name(self):
		names = {
			"unit_name": "单位名称",
			"unit_type": "单位类型",
			"unified_social_credit_code": "统一社会信用代码",
			"recommending_authority": "推荐单位",
			"cluster_name": "产业集群（园区）名称",
			"leading_industry": "主导产业",
			"industry_sector": "所属行业",
			"contact_person": "联系人",
			"mobile": "手机",
			"email": "邮箱",
		}
		for fieldname, name in names.items():
			with self.subTest(fieldname=fieldname):
				self.assert_refused(registration_values("missing", **{fieldname: ""}), name)

	def test_bad_formats_and_choices_are_refused_by_their_names(self):
		for fieldname, value, name in (
			("unified_social_credit_code", "91330100MA0000000X", "统一社会信用代码"),
			("mobile", "12345", "手机"),
			("email", "not-an-address", "邮箱"),
			("unit_type", "Company", "单位类型"),
			("industry_sector", "Space", "所属行业"),
			("registration_kind", "Other", "注册类型"),
		):
			with self.subTest(fieldname=fieldname):
				self.assert_refused(registration_values("format", **{fieldname: value}), name)

	def test_the_province_is_a_provincial_authority(self):
		self.assert_refused(
			registration_values("association", recommending_authority="中国机械工业联合会"), "推荐单位"
		)

	def test_both_government_levels_are_accepted(self):
		for unit_type in (
			"People's Government at or above County Level",
			"People's Government below County Level",
		):
			self.assertTrue(self.register(registration_values("level", unit_type=unit_type))["registration"])

	def test_a_registered_credit_code_is_refused_naming_the_province_to_contact(self):
		unit = frappe.get_doc("Organizing Unit", frappe.get_all("Organizing Unit", limit=1, pluck="name")[0])
		if not unit.unified_social_credit_code:
			unit.db_set("unified_social_credit_code", credit_code())
		province = frappe.db.get_value("Recommending Authority", unit.recommending_authority, "official_name")
		self.assert_refused(
			registration_values("taken", unified_social_credit_code=unit.unified_social_credit_code),
			unit.unified_social_credit_code,
			province or unit.recommending_authority,
		)
		# a code registered and waiting is taken too
		waiting = registration_values("waiting", recommending_authority=SHANDONG)
		self.register(waiting)
		self.assert_refused(
			registration_values("again", unified_social_credit_code=waiting["unified_social_credit_code"]),
			"山东省经济和信息化委员会",
		)

	def test_an_address_with_an_account_is_refused(self):
		self.assert_refused(registration_values("account", email=self.cast.ministry), "邮箱")

	def test_frappes_own_sign_up_makes_no_account(self):
		from cluster_brand.overrides.user import sign_up

		before = frappe.db.count("User")
		with self.assertRaises(frappe.PermissionError):
			sign_up("t.sneak@example.com", "Sneak", "/app")
		self.assertEqual(frappe.db.count("User"), before)
		self.assertEqual(
			frappe.get_hooks("override_whitelisted_methods")["frappe.core.doctype.user.user.sign_up"][-1],
			"cluster_brand.overrides.user.sign_up",
		)

	def test_the_login_pages_sign_up_leads_to_the_registration(self):
		from cluster_brand.desk.front_door import close_registration, open_front_door

		close_registration()  # as the uninstall leaves it: Frappe's own sign-up closed, no link to the notice
		self.assertEqual(frappe.db.get_single_value("Website Settings", "disable_signup"), 1)
		links = [i.url for i in frappe.get_single("Website Settings").top_bar_items]
		self.assertNotIn("/public-notice", links)
		open_front_door()  # install and migrate
		self.assertEqual(frappe.db.get_single_value("Website Settings", "disable_signup"), 0)
		[template] = frappe.get_hooks("signup_form_template")[-1:]
		with language("zh"):
			html = frappe.get_template(template).render()
		self.assertIn('href="/register"', html)
		self.assertIn('href="/register?kind=join"', html)
		self.assertIn("组织实施单位注册", html)

	def test_the_login_page_names_the_programme_and_a_site_keeps_its_own_name(self):
		from cluster_brand.desk.front_door import open_front_door

		frappe.db.set_single_value("Website Settings", "app_name", "Frappe")  # a new site's
		open_front_door()
		self.assertEqual(
			frappe.db.get_single_value("Website Settings", "app_name"), "产业集群区域品牌建设试点"
		)
		# what the login page's 「登录{0}」 reads first (frappe/www/login.py; its zh row: support/frappe_strings.py)
		self.assertEqual(frappe.get_website_settings("app_name"), "产业集群区域品牌建设试点")
		# the public pages' navbar leads to the public notice, once however often migrate runs
		open_front_door()
		links = [i.url for i in frappe.get_single("Website Settings").top_bar_items]
		self.assertEqual(links.count("/public-notice"), 1)
		frappe.db.set_single_value("Website Settings", "app_name", "某省工信厅申报系统")
		open_front_door()
		self.assertEqual(frappe.db.get_single_value("Website Settings", "app_name"), "某省工信厅申报系统")
		frappe.db.set_single_value("Website Settings", "app_name", "产业集群区域品牌建设试点")

	# --- over HTTP: a guest's request, and its rate limits -------------------------------------------------
	def test_a_guest_registers_over_http_and_a_refusal_names_the_item(self):
		values = registration_values("http")
		response = post_as_guest(values)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		self.assertTrue(frappe.db.exists(REGISTRATION, response.json["message"]["registration"]))
		bad = registration_values("http-bad", mobile="123")
		response = post_as_guest(bad, ip="10.22.0.2")
		self.assertEqual(response.status_code, 417)
		self.assertIn("手机", server_messages(response))
		self.assertFalse(frappe.db.exists("User", bad["email"]))

	def test_registration_is_rate_limited_per_ip(self):
		ip = "10.22.1.1"
		for n in range(api.PER_IP):
			response = post_as_guest(registration_values(f"ip{n}", mobile="1"), ip=ip)
			self.assertEqual(response.status_code, 417)  # refused for its mobile, counted all the same
		values = registration_values("ip-last")
		response = post_as_guest(values, ip=ip)
		self.assertEqual(response.status_code, 429)
		self.assertFalse(frappe.db.exists("User", values["email"]))
		# another address is not held back
		response = post_as_guest(registration_values("ip-other"), ip="10.22.1.2")
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[-1500:])

	def test_registration_is_rate_limited_per_email(self):
		email = f"t.reg.limit.{frappe.generate_hash(length=6)}@example.com"
		for n in range(api.PER_EMAIL):
			written = email.upper() if n % 2 else f" {email}"  # the same address, however it is written
			response = post_as_guest(
				registration_values(f"mail{n}", email=written, mobile="1"), ip=f"10.22.2.{n}"
			)
			self.assertEqual(response.status_code, 417)
		response = post_as_guest(registration_values("mail-last", email=email), ip="10.22.2.200")
		self.assertEqual(response.status_code, 429)
		self.assertFalse(frappe.db.exists("User", email))

	# --- the province's verification ------------------------------------------------------------------------
	def new_registration(self, tag: str, **overrides) -> str:
		return self.register(registration_values(tag, **overrides))["registration"]

	def act(self, user: str, name: str, action: str):
		frappe.set_user(user)
		try:
			with language("zh"):
				return apply_workflow(frappe.get_doc(REGISTRATION, name).as_dict(), action)
		finally:
			frappe.set_user("Administrator")

	def test_the_units_province_verifies_in_one_step(self):
		name = self.new_registration("verify")
		self.act(self.cast.province, name, workflow.VERIFY)
		registration = frappe.get_doc(REGISTRATION, name)
		self.assertEqual(registration.workflow_state, workflow.VERIFIED)
		self.assertEqual(registration.verified_by, self.cast.province)
		self.assertEqual(str(registration.verified_on), str(DAY))
		unit = frappe.get_doc("Organizing Unit", registration.organizing_unit)
		self.assertEqual(
			(unit.unified_social_credit_code, unit.recommending_authority),
			(registration.unified_social_credit_code, ZHEJIANG),
		)
		cluster = frappe.get_doc("Industrial Cluster", registration.industrial_cluster)
		self.assertEqual((cluster.organizing_unit, cluster.leading_industry), (unit.name, "纺织服装"))
		user = frappe.get_doc("User", registration.user)
		self.assertIn("Cluster Applicant", {row.role for row in user.roles})
		self.assertEqual(user.user_type, "System User")
		self.assertEqual(
			(user.module_profile, user.default_workspace), ("Cluster Brand User", "Applicant Desk")
		)
		self.assertTrue(
			frappe.db.exists(
				"User Permission", {"user": user.name, "allow": "Organizing Unit", "for_value": unit.name}
			)
		)
		self.assertIsNone(website_user_home_page(user.name))
		# the unit is told
		self.assertTrue(
			frappe.db.exists("Email Queue Recipient", {"recipient": user.name}), "the unit was not told"
		)

	def test_another_province_can_neither_read_nor_verify(self):
		name = self.new_registration("other-province")
		with self.assertRaises(frappe.PermissionError):
			self.act(self.cast.other_province, name, workflow.VERIFY)
		self.assertEqual(
			frappe.db.get_value(REGISTRATION, name, "workflow_state"), workflow.PENDING_VERIFICATION
		)
		self.assertFalse(
			frappe.db.exists(
				"Organizing Unit", {"unit_name": frappe.db.get_value(REGISTRATION, name, "unit_name")}
			)
		)
		for user, sees in (
			(self.cast.province, True),
			(self.cast.ministry, True),
			(self.cast.other_province, False),
			(self.cast.applicant, False),
			(self.cast.association, False),
			(self.cast.expert, False),
			(self.cast.receiver, False),
		):
			with self.subTest(user=user):
				frappe.set_user(user)
				try:
					try:
						listed = name in frappe.get_list(REGISTRATION, pluck="name", limit=0)
					except frappe.PermissionError:
						listed = False  # no read of the DocType at all
					self.assertEqual(listed, sees)
					self.assertEqual(frappe.has_permission(REGISTRATION, doc=name), sees)
				finally:
					frappe.set_user("Administrator")

	def test_the_ministry_may_verify_for_any_province(self):
		name = self.new_registration("ministry", recommending_authority=SHANDONG)
		self.act(self.cast.ministry, name, workflow.VERIFY)
		self.assertEqual(frappe.db.get_value(REGISTRATION, name, "workflow_state"), workflow.VERIFIED)

	def test_a_rejection_needs_its_reason_which_the_unit_reads(self):
		name = self.new_registration("reject")
		with self.assertRaises(frappe.ValidationError) as refused:
			self.act(self.cast.province, name, workflow.REJECT)
		self.assertIn("不予通过的理由", str(refused.exception))
		frappe.db.set_value(REGISTRATION, name, "rejection_reason", "统一社会信用代码与单位名称不符")
		self.act(self.cast.province, name, workflow.REJECT)
		registration = frappe.get_doc(REGISTRATION, name)
		self.assertEqual(registration.workflow_state, workflow.REJECTED)
		self.assertFalse(registration.organizing_unit)
		self.assertEqual({row.role for row in frappe.get_doc("User", registration.user).roles}, set())
		self.assertEqual(website_user_home_page(registration.user), "registration-status")
		# the page the account reads
		from cluster_brand.www.registration_status import get_context

		frappe.set_user(registration.user)
		try:
			with language("zh"):
				context = get_context(frappe._dict())
		finally:
			frappe.set_user("Administrator")
		self.assertTrue(context.is_rejected)
		self.assertEqual(context.registration.rejection_reason, "统一社会信用代码与单位名称不符")
		self.assertEqual(context.province, "浙江省经济和信息化委员会")
		# it registers again, corrected, under its own login (no second account)
		frappe.set_user(registration.user)
		try:
			again = api.register(**registration_values("again", email=""))["registration"]
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(REGISTRATION, again, "user"), registration.user)
		self.assertEqual(website_user_home_page(registration.user), "registration-status")
		# a guest may not register again in the rejected account's name
		self.assert_refused(registration_values("stranger", email=registration.user), "邮箱")

	def test_a_second_person_joins_a_registered_unit_and_is_verified_the_same_way(self):
		first = self.new_registration("joined")
		self.act(self.cast.province, first, workflow.VERIFY)
		unit = frappe.get_doc("Organizing Unit", frappe.db.get_value(REGISTRATION, first, "organizing_unit"))
		email = f"t.reg.join.{frappe.generate_hash(length=6)}@example.com"
		name = self.register(
			{
				"registration_kind": JOIN_UNIT,
				"unified_social_credit_code": unit.unified_social_credit_code,
				"contact_person": "赵加入",
				"mobile": "13912345678",
				"email": email,
			}
		)["registration"]
		joining = frappe.get_doc(REGISTRATION, name)
		self.assertEqual((joining.organizing_unit, joining.recommending_authority), (unit.name, ZHEJIANG))
		with self.assertRaises(frappe.PermissionError):
			self.act(self.cast.other_province, name, workflow.VERIFY)
		self.act(self.cast.province, name, workflow.VERIFY)
		self.assertEqual(
			frappe.db.count(
				"Organizing Unit", {"unified_social_credit_code": unit.unified_social_credit_code}
			),
			1,
		)
		self.assertTrue(
			frappe.db.exists(
				"User Permission", {"user": email, "allow": "Organizing Unit", "for_value": unit.name}
			)
		)
		# joining a code nobody registered is refused
		self.assert_refused(
			{
				"registration_kind": JOIN_UNIT,
				"unified_social_credit_code": credit_code(),
				"contact_person": "钱无门",
				"mobile": "13912345678",
				"email": f"t.reg.nojoin.{frappe.generate_hash(length=6)}@example.com",
			},
			"统一社会信用代码",
		)

	# --- the unverified account sees nothing of the programme ----------------------------------------------
	def test_the_unverified_account_sees_nothing(self):
		values = registration_values("unverified")
		self.register(values)
		user = frappe.get_doc("User", values["email"])
		secret = frappe.generate_hash(length=15)
		user.api_key = frappe.generate_hash(length=15)
		user.api_secret = secret
		user.save(ignore_permissions=True)
		frappe.db.commit()
		token = f"{user.api_key}:{secret}"
		for doctype in (
			"Cluster Brand Application",
			"Organizing Unit",
			"Industrial Cluster",
			"Pilot Batch",
			"Brand Pilot",
			REGISTRATION,
			"Recommending Authority",
		):
			with self.subTest(doctype=doctype):
				response = rest("GET", f"/api/resource/{doctype}", token)
				self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		response = rest("GET", "/app", token)
		self.assertNotEqual(response.status_code, 200)
		self.assertEqual(rest("GET", "/registration-status", token).status_code, 200)

	# --- the demo ------------------------------------------------------------------------------------------
	def test_the_demo_has_a_zhejiang_unit_waiting_for_its_province(self):
		from cluster_brand.demo.registration import DEMO_REGISTRATION, make_pending_registration

		name = make_pending_registration()
		self.assertEqual(make_pending_registration(), name)  # idempotent
		self.assertEqual(frappe.db.count(REGISTRATION, {"unit_name": DEMO_REGISTRATION["unit_name"]}), 1)
		registration = frappe.get_doc(REGISTRATION, name)
		self.assertEqual(registration.workflow_state, workflow.PENDING_VERIFICATION)
		self.assertEqual(registration.recommending_authority, ZHEJIANG)
		# the Zhejiang province of the cast counts it among its registrations waiting; Shandong does not
		for user, sees in ((self.cast.province, True), (self.cast.other_province, False)):
			frappe.set_user(user)
			try:
				waiting = frappe.get_list(
					REGISTRATION, {"workflow_state": workflow.PENDING_VERIFICATION}, pluck="name", limit=0
				)
			finally:
				frappe.set_user("Administrator")
			self.assertEqual(name in waiting, sees, user)
