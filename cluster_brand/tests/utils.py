"""Shared helpers of the Frappe test tier (bench --site <site> run-tests --app cluster_brand)."""

import json
from contextlib import contextmanager
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.handler import execute_cmd
from frappe.utils import add_days, today

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as IntegrationTestCase

from cluster_brand.demo.site import make_registers
from cluster_brand.demo.values import application_values, load_demo_data
from cluster_brand.doctype_names import PILOT_BATCH
from cluster_brand.permissions.scope import add_user_scope

TEST_BATCH = "测试批次（2017）"


def test_batch_values() -> dict:
	# The 2017 batch's years and papers, with deadlines still ahead so that the process can run.
	return {
		"batch_title": TEST_BATCH,
		"batch_year": 2017,
		"notice_number": "工信厅科函〔2017〕433号",
		"status": "Open for Application",
		"online_submission_deadline": add_days(today(), 30),
		"provincial_recommendation_deadline": add_days(today(), 60),
		"expert_review_deadline": add_days(today(), 90),
		"paper_copies_required": 2,
		"receiving_agent": "中国航空综合技术研究所",
	}


__all__ = ["IntegrationTestCase"]


def make_test_batch() -> str:
	if frappe.db.exists(PILOT_BATCH, TEST_BATCH):
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.update(test_batch_values())
		batch.save()
	else:
		frappe.get_doc({"doctype": PILOT_BATCH, **test_batch_values()}).insert()
	return TEST_BATCH


def make_test_application_values(
	suffix: str, demo_file: str = "application_zhejiang.json", cluster_suffix: str | None = None
) -> dict:
	"""A complete application of a test unit and cluster of its own (the demo's enterprises are reused)."""
	data = load_demo_data(demo_file)
	unit, cluster = make_registers(
		data, unit_name=f"测试组织实施单位{suffix}", cluster_name=f"测试产业集群{cluster_suffix or suffix}"
	)
	values = application_values(data, make_test_batch(), unit.name, cluster.name)
	values["stamped_form_scan"] = "/private/files/stamped-form.pdf"
	return values


def make_test_application(suffix: str, **overrides):
	return frappe.get_doc({**make_test_application_values(suffix), **overrides}).insert()


@contextmanager
def language(lang: str):
	previous = frappe.local.lang
	frappe.local.lang = lang
	try:
		yield
	finally:
		frappe.local.lang = previous


def make_api_user(email: str, roles: list[str], scope: tuple[str, str] | None = None) -> str:
	"""A committed user with an API key; returns the 'key:secret' of token authentication.
	``scope`` is (DocType, name) of where the user belongs, e.g. ("Organizing Unit", unit)."""
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		)
		user.insert(ignore_permissions=True)
		user.add_roles(*roles)
	if scope:
		add_user_scope(email, *scope)
	user = frappe.get_doc("User", email)
	secret = frappe.generate_hash(length=15)
	user.api_key = user.api_key or frappe.generate_hash(length=15)
	user.api_secret = secret
	user.save(ignore_permissions=True)
	frappe.db.commit()
	return f"{user.api_key}:{secret}"


def rest(
	method: str,
	path: str,
	token: str,
	body: dict | None = None,
	lang: str = "zh",
	*,
	data: str | bytes | None = None,
	content_type: str = "application/json",
):
	"""One HTTP request through Frappe's WSGI application, as a REST client would make it: ``body`` sent as
	JSON, or ``data`` as it is (a malformed body, another content type).

	It runs in a thread of its own, with its own database connection, like a real request: it sees only
	committed data and commits what it writes. Token-authenticated requests choose their language with
	Accept-Language.
	"""
	from frappe.app import application
	from werkzeug.test import Client

	site, result = frappe.local.site, {}
	if data is None and body is not None:
		data = json.dumps(body)

	def request():
		with patch("frappe.app.get_site_name", return_value=site):
			result["response"] = Client(application).open(
				path,
				method=method,
				data=data,
				headers={
					"Authorization": f"token {token}",
					"Accept": "application/json",
					"Accept-Language": lang,
					"Content-Type": content_type,
				},
			)

	thread = Thread(target=request)
	thread.start()
	thread.join()
	return result["response"]


def call_as(user: str, method: str, /, **kwargs):
	"""A whitelisted method as ``user`` in this process, through the allowlist (an auth hook) and the app's
	overrides, resolved as frappe.handler.execute_cmd does (the last override wins). Positional: the method's
	own arguments may be named ``user`` or ``method``."""
	from cluster_brand.permissions.allowlist import refuse_unlisted_methods

	frappe.set_user(user)
	frappe.local.form_dict = frappe._dict(cmd=method, **kwargs)
	frappe.local.response = frappe._dict({"docs": []})  # as each request starts
	try:
		refuse_unlisted_methods()
		overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(method, [])
		return frappe.call(frappe.get_attr(overrides[-1] if overrides else method), **kwargs)
	finally:
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()


def call(cmd: str, **form):
	"""``cmd`` as the desk requests it (Frappe's handler, with the app's overrides)."""
	form_dict = frappe.local.form_dict
	frappe.local.form_dict = frappe._dict(cmd=cmd, **form)
	try:
		with patch.object(frappe.local, "request", frappe._dict(method="POST"), create=True):
			return execute_cmd(cmd)
	finally:
		frappe.local.form_dict = form_dict
