"""Telling whoever acts next on a pilot's final summary (试点工作总结报告), as for its annual summaries
(annual_summary.py): each transition assigns it to the province when the unit sends it, to the unit when
returned, to the ministry when forwarded; its acceptance informs the unit that the pilot has ended."""

from frappe import _
from frappe.desk.form import assign_to

from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import applicants, provincial_reviewers, users_with_role
from cluster_brand.rules.application.workflow import RETURNED
from cluster_brand.rules.pilot_end import final_summary_workflow as workflow

NEXT_ACTORS = {
	workflow.PENDING_PROVINCIAL_CHECK: provincial_reviewers,
	RETURNED: applicants,
	workflow.FORWARDED_TO_MINISTRY: lambda doc: users_with_role("Ministry Administrator"),
}


@in_site_language
def notify_final_summary_transition(doc):
	assign_to.clear(doc.doctype, doc.name, ignore_permissions=True)
	subject = _("{0}: the final summary of the pilot {1} is now {2}").format(
		doc.name, doc.industrial_cluster, _(doc.workflow_state)
	)
	actors = NEXT_ACTORS.get(doc.workflow_state)
	users = sorted(set(actors(doc))) if actors else []
	if users:
		assign_to.add(
			{"assign_to": users, "doctype": doc.doctype, "name": doc.name, "description": subject},
			ignore_permissions=True,
		)
	elif doc.workflow_state == workflow.ACCEPTED:
		inform(applicants(doc), doc, subject)
