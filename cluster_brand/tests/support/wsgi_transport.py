"""A requests transport that answers through the site's WSGI application (support/http.py in_thread): a client
written with plain ``requests`` (examples/integration_client.py) runs against the test site unchanged."""

from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from cluster_brand.tests.support.http import frappe_application, in_thread


class WSGIAdapter(BaseAdapter):
	"""Mount it on a session for a base URL: each request runs in a thread of its own, as on a server."""

	def send(self, request, **kwargs):
		from werkzeug.test import Client

		url = urlsplit(request.url)
		path = url.path + (f"?{url.query}" if url.query else "")
		answer = in_thread(
			lambda: Client(frappe_application()).open(
				path, method=request.method, data=request.body, headers=dict(request.headers)
			)
		)
		response = requests.Response()
		response.status_code = answer.status_code
		response.headers = CaseInsensitiveDict(answer.headers)
		response._content = answer.get_data()
		response.encoding = "utf-8"
		response.url, response.request = request.url, request
		return response

	def close(self):
		pass


def through_the_site(session: requests.Session, base_url: str) -> requests.Session:
	session.mount(base_url, WSGIAdapter())
	return session
