"""GET /api/method/cluster_brand.api.openapi.document: the OpenAPI 3 document of the app's REST API, built
from the site's live metadata (custom fields and property setters included) by cluster_brand/openapi/build.py.

A method rather than a www page: it stays on the /api/ path with the API's hooks (the allowlist, the input
guard) and answers the raw JSON as a file would be answered (Frappe's "download" response, shown inline),
not wrapped in {"message": …}, so that a generator or a validator reads it as it is."""

import json
from pathlib import Path

import frappe
from frappe.translate import get_all_translations

import cluster_brand
from cluster_brand.openapi.build import MODULE, build


@frappe.whitelist(allow_guest=True, methods=["GET"])
def document():
	"""This API's OpenAPI 3 document (a contract: it holds no data, so anyone may read it)."""
	names = frappe.get_all("DocType", filters={"module": MODULE}, pluck="name", order_by="name")
	metas = [frappe.get_meta(name).as_dict() for name in names]
	spec = build(
		metas,
		get_all_translations("zh"),
		Path(frappe.get_app_path("cluster_brand")),
		version=cluster_brand.__version__,
		server_url=frappe.utils.get_url(),
	)
	response = frappe.local.response
	response.filename = "openapi.json"
	response.display_content_as = "inline"
	response.content_type = "application/json"
	response.filecontent = json.dumps(spec, ensure_ascii=False, indent=1, default=str).encode("utf-8")
	response.type = "download"
