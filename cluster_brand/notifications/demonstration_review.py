"""The experts of a demonstration application (示范申报): each is assigned its own sheet when the ministry assigns
it (ToDo, in-desk notification and e-mail: Frappe's assignment), as for the application's review
(notifications/application.py assign_review_sheets): not the application, whose assignments name every expert."""

import frappe
from frappe import _
from frappe.desk.form import assign_to

from cluster_brand.doctype_names import DEMONSTRATION_REVIEW
from cluster_brand.notifications.messages import in_site_language


@in_site_language
def assign_sheets(application, sheets: list[str]):
	"""Each of ``sheets`` (new Demonstration Reviews of ``application``) to its expert's user."""
	rows = frappe.get_all(DEMONSTRATION_REVIEW, {"name": ("in", sheets or [""])}, ["name", "expert", "stage"])
	users = dict(
		frappe.get_all(
			"Review Expert",
			{"name": ("in", [row.expert for row in rows] or [""]), "disabled": 0},
			["name", "user"],
			as_list=True,
		)
	)
	for sheet in rows:
		user = users.get(sheet.expert)
		if not user:
			continue
		assign_to.add(
			{
				"assign_to": [user],
				"doctype": DEMONSTRATION_REVIEW,
				"name": sheet.name,
				"description": _("{0}: {1}, please review it ({2})").format(
					application.name, application.industrial_cluster, _(sheet.stage)
				),
			},
			ignore_permissions=True,
		)
