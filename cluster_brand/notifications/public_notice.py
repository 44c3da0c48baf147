"""The ministry is told of each objection to a candidate in its public notice (公示异议, issue 22): it must
handle it before the candidate can be approved."""

import frappe
from frappe import _

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import users_with_role

MINISTRY_ROLE = "Ministry Administrator"


@in_site_language
def notify_ministry_of_objection(objection):
	cluster = frappe.db.get_value(APPLICATION, objection.application, "industrial_cluster")
	inform(
		users_with_role(MINISTRY_ROLE),
		objection,
		_("{0}: an objection to {1} in public notice has been received").format(
			objection.application, cluster
		),
	)
