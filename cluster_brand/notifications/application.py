"""Telling whoever must act next: each transition assigns the application (ToDo, in-desk notification and
email, Frappe's assignment, due on the stage's deadline) to the users who act on it next, scoped like the
permissions — each expert its own score sheet instead; final states inform the applicant; a daily job
reminds of deadlines due within three days."""

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import add_days, getdate, today

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.notifications.messages import in_site_language, inform
from cluster_brand.notifications.recipients import applicants, provincial_reviewers, users_with_role
from cluster_brand.readers.authorities import official_name
from cluster_brand.rules.application import workflow as rules

REMINDER_DAYS = 3


# The states the province brings about or acts in: their messages name the province's agency.
PROVINCIAL_STATES = (
	rules.PENDING_PROVINCIAL_REVIEW,
	rules.RETURNED,
	rules.RECOMMENDED,
	rules.NOT_RECOMMENDED,
)


def transition_subject(doc, state: str) -> str:
	"""「CBA-2017-00001：青溪县五金工具产业集群当前状态为“待省级推荐”（浙江省经济和信息化委员会）」"""
	if doc.workflow_state in PROVINCIAL_STATES and (
		authority := official_name(doc.get("recommending_authority"))
	):
		return _("{0}: {1} is now {2} ({3})").format(doc.name, doc.industrial_cluster, state, authority)
	return _("{0}: {1} is now {2}").format(doc.name, doc.industrial_cluster, state)


def assign_review_sheets(doc, state: str):
	"""Each expert is assigned its own score sheet, not the application: the application's assignments are
	seen by everyone who reads it, and who reviews it is confidential (an expert knows only itself)."""
	experts = {
		e.name: e.user
		for e in frappe.get_all(
			"Review Expert",
			{"name": ("in", [row.expert for row in doc.expert_assignments] or [""]), "disabled": 0},
			["name", "user"],
		)
	}
	for row in doc.expert_assignments:
		if row.expert_review and experts.get(row.expert):
			assign_to.add(
				{
					"assign_to": [experts[row.expert]],
					"doctype": "Expert Review",
					"name": row.expert_review,
					"description": _("{0}: {1} is now {2}").format(doc.name, doc.industrial_cluster, state),
				},
				ignore_permissions=True,
			)


# Who acts next in each state; the final states inform the applicant instead.
NEXT_ACTORS = {
	rules.PENDING_PROVINCIAL_REVIEW: provincial_reviewers,
	rules.RETURNED: applicants,
	rules.RECOMMENDED: lambda doc: (
		users_with_role("Materials Receiver") + users_with_role("Ministry Administrator")
	),
	rules.IN_PUBLIC_NOTICE: lambda doc: users_with_role("Ministry Administrator"),
}
# The date by which whoever acts next must act: the assignment's (ToDo's) due date.
DEADLINE_OF = {
	rules.PENDING_PROVINCIAL_REVIEW: "recommendation_deadline",
	rules.RETURNED: "online_submission_deadline",
	rules.IN_PUBLIC_NOTICE: "public_notice_end",
}
FINAL_STATES = (rules.NOT_RECOMMENDED, rules.WITHDRAWN, rules.APPROVED_AS_PILOT, rules.NOT_SELECTED)


@in_site_language
def notify_transition(doc):
	assign_to.clear(APPLICATION, doc.name, ignore_permissions=True)
	state = _(doc.workflow_state)
	actors = NEXT_ACTORS.get(doc.workflow_state)
	if doc.workflow_state == rules.UNDER_EXPERT_REVIEW:
		assign_review_sheets(doc, state)
	elif actors:
		users = sorted(set(actors(doc)))
		if users:
			assign_to.add(
				{
					"assign_to": users,
					"doctype": APPLICATION,
					"name": doc.name,
					"description": transition_subject(doc, state),
					"date": doc.get(DEADLINE_OF.get(doc.workflow_state, "")) or None,
				},
				ignore_permissions=True,
			)
	elif doc.workflow_state in FINAL_STATES:
		inform(applicants(doc), doc, transition_subject(doc, state))


@in_site_language
def send_deadline_reminders():
	"""Daily: remind the applicant of the online submission deadline and the province of its
	recommendation deadline when either falls within the next three days."""
	start, end = getdate(today()), getdate(add_days(today(), REMINDER_DAYS))
	reminders = (
		(
			rules.APPLICANT_STATES,
			"online_submission_deadline",
			applicants,
			_("{0}: the online submission deadline is {1}"),
		),
		(
			(rules.PENDING_PROVINCIAL_REVIEW,),
			"recommendation_deadline",
			provincial_reviewers,
			_("{0}: the recommendation deadline is {1}"),
		),
	)
	for states, deadline_field, recipients, message in reminders:
		for name in frappe.get_all(
			APPLICATION,
			{"workflow_state": ("in", states), deadline_field: ("between", [start, end])},
			pluck="name",
		):
			doc = frappe.get_doc(APPLICATION, name)
			inform(recipients(doc), doc, message.format(doc.name, doc.get(deadline_field)))
