"""Telling whoever acts next on a demonstration application (示范区申报书), as for the pilot's summaries
(annual_summary.py): its submission assigns it to the province, its return to the unit, its recommendation
to the ministry (and tells the unit); the unit is told of its shortlisting and of every decision."""

from frappe import _
from frappe.desk.form import assign_to

from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import applicants, provincial_reviewers, users_with_role
from cluster_brand.rules.application.workflow import RETURNED
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow

NEXT_ACTORS = {
	workflow.PENDING_PROVINCIAL_RECOMMENDATION: provincial_reviewers,
	RETURNED: applicants,
	workflow.UNDER_EXPERT_REVIEW: lambda doc: users_with_role("Ministry Administrator"),
}
# the steps the unit is told of (besides its return, which is assigned to it)
UNIT_INFORMED = (
	workflow.UNDER_EXPERT_REVIEW,
	workflow.SHORTLISTED_FOR_HEARING,
	*workflow.DECIDED,
)


@in_site_language
def notify_demonstration_transition(doc):
	assign_to.clear(doc.doctype, doc.name, ignore_permissions=True)
	subject = _("{0}: the demonstration application of {1} is now {2}").format(
		doc.name, doc.industrial_cluster, _(doc.workflow_state)
	)
	actors = NEXT_ACTORS.get(doc.workflow_state)
	users = sorted(set(actors(doc))) if actors else []
	if users:
		assign_to.add(
			{"assign_to": users, "doctype": doc.doctype, "name": doc.name, "description": subject},
			ignore_permissions=True,
		)
	if doc.workflow_state in UNIT_INFORMED:
		inform(applicants(doc), doc, subject)
