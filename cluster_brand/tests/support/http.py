"""Requests over HTTP, as a REST client makes them: a user with an API key (make_api_user), one request through
Frappe's WSGI application (rest, in_thread), and the steps of a test that drives a document over REST, each by its own user
of the cast (ActsOverHTTP: test_http_process.py, test_http_pilot_years.py)."""

import json
from contextlib import contextmanager, nullcontext
from threading import Thread
from unittest.mock import patch

import frappe

from cluster_brand.permissions import rate_limit
from cluster_brand.permissions.scope import add_user_scope

# The REST API's rate limit per API key (permissions/rate_limit.py) holds for the tests' requests only where a test
# sets one (``rate_limited``): a test sends hundreds of requests a minute by one key (test_request_input walks
# every method and field), as no integrator does.
_rate_limit = {"limit": None}


@contextmanager
def rate_limited(limit, clock: float | None = None):
	"""The requests of the block are held to ``limit`` (a RateLimit), counted at ``clock`` if given (a moment in
	one window), Redis's time otherwise."""
	_rate_limit.update(limit=limit, clock=clock)
	try:
		yield
	finally:
		_rate_limit.update(limit=None, clock=None)


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
	from werkzeug.test import Client

	if data is None and body is not None:
		data = json.dumps(body)
	headers = {
		"Authorization": f"token {token}",
		"Accept": "application/json",
		"Accept-Language": lang,
		"Content-Type": content_type,
	}
	return in_thread(
		lambda: Client(frappe_application()).open(path, method=method, data=data, headers=headers)
	)


def answer_messages(body: dict) -> str:
	"""The messages of an answer's JSON ``body`` as the desk shows them (_server_messages; and the exception's
	last line, which Frappe adds only where System Settings allow tracebacks, off since issue 22). Frappe's JSON
	escapes Chinese (\\uXXXX): search this, not the answer's raw text."""
	messages = [json.loads(m).get("message", "") for m in json.loads(body.get("_server_messages") or "[]")]
	return " ".join([body.get("exception") or "", *messages])


# A refused workflow action: no permission (403) or no such action for this user here (417).
REFUSED = (403, 417)
APPLY_WORKFLOW = "/api/method/frappe.model.workflow.apply_workflow"


class ActsOverHTTP:
	"""The steps of a test class that moves one document (``name``) of ``resource`` (/api/resource/<DocType>)
	over REST, each as a user of the cast, by the tokens of ``tokens`` (who → "key:secret")."""

	resource: str
	tokens: dict
	name: str | None = None

	def call(self, who: str, method: str, path: str, body: dict | None = None, expect: int | tuple = 200):
		"""One request as ``who``; ``expect`` is the status code, or a tuple of acceptable ones."""
		response = rest(method, path, self.tokens[who], body)
		expected = expect if isinstance(expect, tuple) else (expect,)
		self.assertIn(
			response.status_code, expected, f"{who} {method} {path}: {response.get_data(as_text=True)[:600]}"
		)
		return response.json

	def doc(self, who: str = "ministry", name: str | None = None) -> dict:
		return self.call(who, "GET", f"{self.resource}/{name or self.name}")["data"]

	def action(self, who: str, action: str, expect: int | tuple = 200):
		body = {"doc": json.dumps(self.doc()), "action": action}
		return self.call(who, "POST", APPLY_WORKFLOW, body, expect)

	def update(self, who: str, values: dict, expect: int | tuple = 200):
		return self.call(who, "PUT", f"{self.resource}/{self.name}", values, expect)

	def state(self) -> str:
		return self.doc()["workflow_state"]


def frappe_application():
	from frappe.app import application

	return application


def in_thread(request):
	"""``request()`` in a thread of its own, with its own database connection, as the site's server runs it."""
	site, result = frappe.local.site, {}

	def run():
		clock = _rate_limit.get("clock")
		with (
			patch("frappe.app.get_site_name", return_value=site),
			patch.object(rate_limit, "configured_limit", return_value=_rate_limit["limit"]),
			patch.object(rate_limit, "now", return_value=clock) if clock else nullcontext(),
		):
			result["response"] = request()

	thread = Thread(target=run)
	thread.start()
	thread.join()
	return result["response"]


def application_reads(token: str, name: str) -> dict[str, bool]:
	"""Whether the application ``name`` reaches the caller on each REST path that lists or reads it: the
	isolation matrix over HTTP (test_http_process.py for people, test_system_accounts.py for systems)."""
	from urllib.parse import quote

	application = "Cluster Brand Application"
	resource = "/api/resource/" + quote(application)
	filters = [[application, "name", "=", name]]
	listed = rest("GET", f"{resource}?filters={quote(json.dumps(filters))}", token)
	client = rest(
		"POST",
		"/api/method/frappe.client.get_list",
		token,
		{"doctype": application, "filters": {"name": name}},
	)
	view = rest(
		"POST",
		"/api/method/frappe.desk.reportview.get",
		token,
		{
			"doctype": application,
			"fields": json.dumps([f"`tab{application}`.`name`"]),
			"filters": json.dumps(filters),
		},
	)
	report = rest(
		"POST",
		"/api/method/frappe.desk.query_report.run",
		token,
		{"report_name": "Expert Review Ranking", "filters": {}},
	)
	return {
		"/api/resource list": listed.status_code == 200 and bool(listed.json["data"]),
		"/api/resource read": rest("GET", f"{resource}/{name}", token).status_code == 200,
		"frappe.client.get_list": client.status_code == 200 and bool(client.json["message"]),
		"frappe.desk.reportview.get": view.status_code == 200
		and bool((view.json.get("message") or {}).get("values")),
		"the ranking report": report.status_code == 200
		and any(
			row.get("application") == name
			for row in report.json["message"]["result"]
			if isinstance(row, dict)
		),
	}


def reads_of(visible: bool, ranks: bool) -> dict[str, bool]:
	"""What application_reads answers for a reader who sees the application (``visible``) and the ranking of
	the experts' scores (``ranks``: the ministry's alone)."""
	paths = (
		"/api/resource list",
		"/api/resource read",
		"frappe.client.get_list",
		"frappe.desk.reportview.get",
	)
	return {**{path: visible for path in paths}, "the ranking report": ranks}
