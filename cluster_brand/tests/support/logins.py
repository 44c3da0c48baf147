"""Logging in with a password, as a person does (issue 22): the second factor that the ministry, the provinces
and the experts give after the password, in one place for every test that logs in (log_in here, over HTTP;
support/browser.py Desk.log_in, in the browser). Token (API key) requests need none (support/http.py).

The only support module that reads the clock: a code changes every 30 seconds, and one about to change is
waited out (tests/test_dated_tests.py)."""

import time

import frappe

from cluster_brand.tests.support.http import frappe_application, in_thread


def second_factor_code(user: str) -> str | None:
	"""The code ``user``'s authenticator app shows now, or None if its roles need no second factor. Its key is
	handed over as the site's operator hands it (account_security.hand_over_second_factor): the site's server
	then reads the same secret, and sends no QR mail. Commits either way, so that no snapshot of this read is
	left open: the test reads next what the server writes after the login."""
	from frappe.twofactor import two_factor_is_enabled

	from cluster_brand.account_security import hand_over_second_factor

	if not two_factor_is_enabled(user):
		frappe.db.commit()
		return None
	if 30 - time.time() % 30 < 3:
		time.sleep(3)  # a code about to change would be refused by the time it arrives
	return hand_over_second_factor(user)[1]


def log_in(user: str, password: str):
	"""A werkzeug client logged in as ``user`` through /api/method/login, as the login page does it: the
	password, then, for the roles with a second factor, the code with the step's tmp_id. Returns (client,
	the last response)."""
	from werkzeug.test import Client

	client = Client(frappe_application())
	second_factor_code(user)  # the key exists before the server's own connection looks for it
	response = in_thread(lambda: client.post("/api/method/login", data={"usr": user, "pwd": password}))
	step = response.json or {}
	if response.status_code == 200 and step.get("verification"):
		code = second_factor_code(user)
		response = in_thread(
			lambda: client.post("/api/method/login", data={"otp": code, "tmp_id": step["tmp_id"]})
		)
	return client, response


def log_in_page(page, base_url: str, user: str, password: str, code_of=second_factor_code):
	"""Logs the Playwright ``page``'s context in as ``user`` by /api/method/login, the code of ``code_of(user)``
	given at the second step where the user's roles demand one (scripts and benchmarks that skip the form)."""
	login = f"{base_url}/api/method/login"
	response = page.request.post(login, form={"usr": user, "pwd": password})
	step = response.json() if response.ok else {}
	if step.get("verification"):
		response = page.request.post(login, form={"otp": code_of(user), "tmp_id": step["tmp_id"]})
	assert response.ok, f"login failed for {user}: {response.status}"
	return response
