"""What a user reads on a page the server draws: a workspace's status block as a role reads it, the public
notice page as a visitor who is not logged in reads it (the tests of both compare their HTML)."""

import frappe
from frappe.utils import set_request
from frappe.website.serve import get_response_content

from cluster_brand.desk.status_block import get_desk_status
from cluster_brand.tests.support.records import language


def status_as(user: str, view: str, **kwargs) -> str:
	"""The status block of the workspace ``view`` as ``user`` reads it, in Chinese."""
	frappe.set_user(user)
	try:
		with language("zh"):
			return get_desk_status(view, **kwargs)
	finally:
		frappe.set_user("Administrator")


def public_notice_page() -> str:
	"""/public-notice as a visitor who is not logged in reads it."""
	frappe.set_user("Guest")
	try:
		set_request(method="GET", path="/public-notice")
		return get_response_content("/public-notice")
	finally:
		frappe.set_user("Administrator")
