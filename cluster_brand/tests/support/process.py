"""A cast of users, one per role and scope, and steps that move a test application through the review."""

from contextlib import contextmanager

import frappe
import pytz
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, get_datetime, get_system_timezone, today

from cluster_brand.doctype_names import APPLICATION, EXPERT_REVIEW
from cluster_brand.permissions.scope import add_user_scope
from cluster_brand.rules.application.workflow import (
	APPROVED_AS_PILOT,
	IN_PUBLIC_NOTICE,
	PENDING_PROVINCIAL_REVIEW,
	RECOMMENDED,
	RETURNED,
	UNDER_EXPERT_REVIEW,
)
from cluster_brand.tests.support.records import make_test_application_values

ZHEJIANG = "浙江省工业和信息化主管部门"
SHANDONG = "山东省工业和信息化主管部门"
MACHINERY = "中国机械工业联合会"
TEXTILES = "中国纺织工业联合会"

# key: (email, role, scope); the units are filled in by make_cast
CAST = {
	"applicant": ("t.applicant@example.com", "Cluster Applicant", None),
	"other_applicant": ("t.applicant.other@example.com", "Cluster Applicant", None),
	"province": ("t.province.zj@example.com", "Provincial Reviewer", ("Recommending Authority", ZHEJIANG)),
	"other_province": (
		"t.province.sd@example.com",
		"Provincial Reviewer",
		("Recommending Authority", SHANDONG),
	),
	"association": (
		"t.assoc.machinery@example.com",
		"Industry Association",
		("Recommending Authority", MACHINERY),
	),
	"other_association": (
		"t.assoc.textiles@example.com",
		"Industry Association",
		("Recommending Authority", TEXTILES),
	),
	"ministry": ("t.ministry@example.com", "Ministry Administrator", None),
	"receiver": ("t.receiver@example.com", "Materials Receiver", None),
	"expert": ("t.expert.bj@example.com", "Review Expert", None),
	"other_expert": ("t.expert.other@example.com", "Review Expert", None),
	"zhejiang_expert": ("t.expert.zj@example.com", "Review Expert", None),
}
EXPERT_REGIONS = {
	"expert": "北京市工业和信息化主管部门",
	"other_expert": "上海市工业和信息化主管部门",
	"zhejiang_expert": ZHEJIANG,
}
OWN_UNIT, OTHER_UNIT = "-process", "-process-other"


def make_user(email: str, role: str):
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"language": "zh",
				"send_welcome_email": 0,
			}
		)
		user.insert(ignore_permissions=True)
		user.add_roles(role)
	return email


def make_cast() -> frappe._dict:
	"""The users of every role; the applicants belong to the two test units, the experts are registered."""
	frappe.set_user("Administrator")
	own_unit = make_test_application_values(OWN_UNIT)["organizing_unit"]
	other_unit = make_test_application_values(OTHER_UNIT, demo_file="application_shandong.json")[
		"organizing_unit"
	]
	cast = frappe._dict()
	for key, (email, role, scope) in CAST.items():
		cast[key] = make_user(email, role)
		if key == "applicant":
			scope = ("Organizing Unit", own_unit)
		elif key == "other_applicant":
			scope = ("Organizing Unit", other_unit)
		if scope:
			add_user_scope(email, *scope)
		if key in EXPERT_REGIONS and not frappe.db.exists("Review Expert", email):
			frappe.get_doc(
				{
					"doctype": "Review Expert",
					"user": email,
					"expert_name": email.split("@")[0],
					"recommending_authority": EXPERT_REGIONS[key],
				}
			).insert()
	return cast


def new_application(tag: str):
	"""A complete Zhejiang application (machinery) of the applicant's unit, in Draft, for a cluster of its
	own (one application per cluster and batch)."""
	frappe.set_user("Administrator")
	values = make_test_application_values(OWN_UNIT, cluster_suffix=f"{OWN_UNIT}-{tag}")
	return frappe.get_doc(values).insert()


def act(user: str, name: str, action: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc(APPLICATION, name).as_dict(), action)
	finally:
		frappe.set_user("Administrator")


def edit(user: str, name: str, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(APPLICATION, name)
		for key, value in values.items():
			doc.set(key, value)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def submit_review(cast, name: str, expert_key: str = "expert", score: float = 80):
	frappe.set_user(cast[expert_key])
	try:
		sheet = frappe.get_doc(EXPERT_REVIEW, {"application": name, "expert": cast[expert_key]})
		for row in sheet.scores:
			row.score = score
		sheet.no_conflict_of_interest = 1
		sheet.recommendation = "Recommend as Pilot"
		sheet.comments = "材料完整，工作基础较好。"
		sheet.save()
		sheet.submit()
		return sheet
	finally:
		frappe.set_user("Administrator")


@contextmanager
def on_day(day):
	"""Runs as if it were ``day`` (mid-morning in the site's time zone): a step taken days ago."""
	from freezegun import freeze_time

	zone = pytz.timezone(get_system_timezone())
	with freeze_time(zone.localize(get_datetime(f"{day} 10:00:00")).astimezone(pytz.utc)):
		yield


# The public notice of the process: published 12 days ago for 11 days, so that it has ended today
NOTICE_PUBLISHED, NOTICE_DAYS = -12, 11


# Each step moves the application one state on, done by the right role with its conditions met.
def _submit(cast, name):
	act(cast.applicant, name, "Submit Application")


def next_free_rank(name: str) -> int:
	doc = frappe.get_doc(APPLICATION, name)
	taken = frappe.get_all(
		APPLICATION,
		{
			"pilot_batch": doc.pilot_batch,
			"recommending_authority": doc.recommending_authority,
			"name": ("!=", name),
		},
		pluck="recommendation_rank",
	)
	return max([r or 0 for r in taken] + [0]) + 1


def _recommend(cast, name):
	edit(
		cast.province,
		name,
		recommendation_opinion="同意推荐。",
		recommending_officer="张三",
		recommendation_date=today(),
		recommendation_rank=next_free_rank(name),
	)
	act(cast.province, name, "Recommend")


def _return(cast, name):
	edit(cast.province, name, recommendation_opinion="请补充近三年荣誉情况。")
	act(cast.province, name, "Return for Revision")


def _receive_paper(cast, name):
	edit(cast.receiver, name, paper_copies_received=2, paper_copies_stamped=1, paper_received_date=today())


def _assign(cast, name):
	edit(cast.ministry, name, expert_assignments=[{"expert": cast.expert}])


def _start_review(cast, name):
	act(cast.ministry, name, "Start Expert Review")


def publish_notice(cast, name, published=NOTICE_PUBLISHED):
	"""The ministry publishes the notice on the day ``published`` days from today, starting that day; its
	period is NOTICE_DAYS days (the notice cannot start before it is published, rules/application/workflow.py)."""
	day = add_days(today(), published)
	with on_day(day):
		edit(cast.ministry, name, public_notice_start=day, public_notice_end=add_days(day, NOTICE_DAYS - 1))
		act(cast.ministry, name, "Publish for Public Notice")


def _review_and_publish(cast, name):
	submit_review(cast, name)
	publish_notice(cast, name)


def _approve(cast, name):
	edit(cast.ministry, name, designation_notice_number="工信厅科函〔2017〕999号")
	act(cast.ministry, name, "Approve as Pilot")


STEPS = {
	PENDING_PROVINCIAL_REVIEW: [_submit],
	RETURNED: [_submit, _return],
	RECOMMENDED: [_submit, _recommend],
	UNDER_EXPERT_REVIEW: [_submit, _recommend, _receive_paper, _assign, _start_review],
	IN_PUBLIC_NOTICE: [_submit, _recommend, _receive_paper, _assign, _start_review, _review_and_publish],
	APPROVED_AS_PILOT: [
		_submit,
		_recommend,
		_receive_paper,
		_assign,
		_start_review,
		_review_and_publish,
		_approve,
	],
}


def drive_to(cast, state: str, tag: str) -> str:
	name = new_application(tag).name
	for step in STEPS.get(state, []):
		step(cast, name)
	assert frappe.db.get_value(APPLICATION, name, "workflow_state") == state
	return name
