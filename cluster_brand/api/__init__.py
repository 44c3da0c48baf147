"""Short REST entry points: /api/method/cluster_brand.api.<function>; the batch's one PDF is
batch_print.py (/api/method/cluster_brand.api.batch_print.<function>)."""

import frappe

from cluster_brand.cluster_brand.doctype.cluster_brand_application.cluster_brand_application import (
	completeness_report,
)


@frappe.whitelist()
def check_completeness(name: str) -> dict:
	"""GET /api/method/cluster_brand.api.check_completeness?name=CBA-2017-00001

	Returns {"complete": bool, "missing": [every missing or inconsistent item, by its official name]}.
	"""
	doc = frappe.get_doc("Cluster Brand Application", name)
	doc.check_permission("read")
	return completeness_report(doc)
