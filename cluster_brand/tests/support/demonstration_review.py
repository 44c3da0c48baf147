"""The demonstration applications' review for the tests: an evaluation round with its two rubrics, an
application of a test unit written straight to the database in a given state (its controller and workflow are
another branch's; the review reads only what is stored), and the ministry's assignment of an expert, which
makes the expert's sheet as the application's on_update does (sync_demonstration_reviews)."""

import frappe
from frappe.utils import today

from cluster_brand.cluster_brand.doctype.demonstration_review.demonstration_review import (
	sync_demonstration_reviews,
)
from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION, DEMONSTRATION_REVIEW, EVALUATION_ROUND
from cluster_brand.tests.support.process import OTHER_UNIT, OWN_UNIT
from cluster_brand.tests.support.records import make_test_application_values

DOCUMENT_RUBRIC = (("示范区条件", 60, "四项条件的证明材料"), ("典型经验", 40, "经验的可复制性"))
HEARING_RUBRIC = (("创新性", 40, ""), ("先进性", 30, ""), ("示范性", 30, ""))


def _rows(rubric) -> list[dict]:
	return [{"criterion": c, "weight": w, "guidance": g} for c, w, g in rubric]


def make_round(tag: str) -> str:
	"""An evaluation round of no batch of its own (one round per batch is the round's rule, not the review's):
	written straight to the database, its rubrics too."""
	doc = frappe.get_doc(
		{
			"doctype": EVALUATION_ROUND,
			"title": f"测试总结评价{tag}",
			"notice_number": "工信厅科函〔2018〕283号",
			"status": "In Progress",
			"document_review_criteria": _rows(DOCUMENT_RUBRIC),
			"hearing_criteria": _rows(HEARING_RUBRIC),
		}
	)
	doc.name = f"测试总结评价{tag}"
	doc.db_insert()
	for row in doc.get_all_children():
		row.parent = doc.name
		row.db_insert()
	return doc.name


def make_application(evaluation_round: str, tag: str, state: str, shandong: bool = False, **values) -> str:
	"""A demonstration application of the test unit (Zhejiang) or the other one (Shandong), for a cluster of its
	own, in ``state``: written with db_insert, as its workflow would have left it."""
	registers = (
		make_test_application_values(OTHER_UNIT, "application_shandong.json", f"{OTHER_UNIT}-{tag}")
		if shandong
		else make_test_application_values(OWN_UNIT, cluster_suffix=f"{OWN_UNIT}-{tag}")
	)
	unit = registers["organizing_unit"]
	doc = frappe.get_doc(
		{
			"doctype": DEMONSTRATION_APPLICATION,
			"evaluation_round": evaluation_round,
			"industrial_cluster": registers["industrial_cluster"],
			"organizing_unit": unit,
			"recommending_authority": frappe.db.get_value("Organizing Unit", unit, "recommending_authority"),
			"pilot_batch": registers["pilot_batch"],
			"workflow_state": state,
			"typical_experience": "政府引导、协会推动、企业主体。",
			**values,
		}
	)
	doc.name = f"DA-TEST-{tag}"
	doc.db_insert()
	return doc.name


def assign(application: str, expert: str, stage: str = "Document Review") -> str | None:
	"""The ministry assigns ``expert`` (a Review Expert's name) to ``application`` for ``stage``: the row
	stored, then the sheets synced as on the application's save. Returns the expert's sheet of the stage."""
	doc = frappe.get_doc(DEMONSTRATION_APPLICATION, application)
	row = doc.append("expert_assignments", {"expert": expert, "stage": stage, "assigned_on": today()})
	row.db_insert()
	sync_demonstration_reviews(doc)
	return frappe.db.get_value(
		DEMONSTRATION_REVIEW,
		{"demonstration_application": application, "expert": expert, "stage": stage, "docstatus": ("<", 2)},
	)


def expert_of(user: str) -> str:
	return frappe.db.get_value("Review Expert", {"user": user})


def score(user: str, sheet: str, scores: list, declare: bool = True, submit: bool = True):
	"""``user`` scores its sheet (one score per criterion, in order), declares and submits it."""
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(DEMONSTRATION_REVIEW, sheet)
		for row, value in zip(doc.scores, scores, strict=True):
			row.score = value
		doc.no_conflict_of_interest = int(declare)
		doc.save()
		if submit:
			doc.submit()
		return doc
	finally:
		frappe.set_user("Administrator")
