"""The Frappe side of an application's save: every fact that the rules of the save read
(cluster_brand/rules/application/save.py), gathered once: the records it reads, the links it found, its
columns' sizes and the parts of the form it changes."""

import frappe
from frappe.utils import cint, getdate, today

from cluster_brand.controllers.column_sizes import column_sizes, values_as_sent
from cluster_brand.controllers.duplicates import existing_duplicate
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import (
	APPLICATION,
	BRAND_PILOT,
	EXPERT_REVIEW,
	PILOT_BATCH,
	PUBLIC_NOTICE_OBJECTION,
)
from cluster_brand.rules.application import workflow
from cluster_brand.rules.application.save import SaveFacts


def gather_save_facts(doc, changed: set[int] | None = None) -> SaveFacts:
	"""``changed``: the levels that the save changes (controllers/edit_locks.changed_levels, compared on the
	rows as sent). The application's rows are in official order by now (set_official_rows)."""
	before = doc.get_doc_before_save()
	roles = frappe.get_roles()
	batch_deadline = frappe.db.get_value(PILOT_BATCH, doc.pilot_batch, "provincial_recommendation_deadline")
	setting = _authority_setting(doc)
	changes_state = bool(before) and before.workflow_state != doc.workflow_state
	sizes = column_sizes(doc.meta)
	return SaveFacts(
		application=doc_as_rule_input(doc),
		today=getdate(today()),
		is_new=not before,
		previous_state=before.workflow_state if before else None,
		changed_levels=frozenset(changed or ()),
		is_administrator=frappe.session.user == "Administrator",
		roles=frozenset(roles),
		batch_year=doc.get_batch_year(),
		batch_recommendation_deadline=getdate(batch_deadline) if batch_deadline else None,
		authority_deadline=getdate(setting["recommendation_deadline"])
		if setting.get("recommendation_deadline")
		else None,
		recommendation_quota=cint(setting.get("recommendation_quota")),
		# the ranks matter to a transition only (to Recommended): no query on other saves
		ranks_taken=_ranks_taken(doc) if changes_state else (),
		submitted_totals=_submitted_totals(doc),
		experts=_assigned_experts(doc),
		cluster_unit=frappe.db.get_value("Industrial Cluster", doc.industrial_cluster, "organizing_unit")
		if doc.industrial_cluster
		else None,
		duplicate=existing_duplicate(doc, ("industrial_cluster", "pilot_batch")),
		notice_before=tuple(_date(before.get(f)) for f in NOTICE_FIELDS) if before else (),
		pilot_in_progress=_pilot_in_progress(doc)
		if changes_state and doc.workflow_state == workflow.APPROVED_AS_PILOT
		else None,
		unhandled_objections=_unhandled_objections(doc)
		if changes_state and doc.workflow_state == workflow.APPROVED_AS_PILOT
		else 0,
		column_sizes=sizes,
		values_as_sent=values_as_sent(doc, sizes),
		missing_links=tuple(doc.missing_links()),
	)


NOTICE_FIELDS = ("public_notice_start", "public_notice_end")


def _date(value):
	return getdate(value) if value else None


def _pilot_in_progress(doc) -> str | None:
	"""The cluster's pilot in its pilot period, designated from another application (the approval refuses)."""
	return frappe.db.get_value(
		BRAND_PILOT,
		{
			"industrial_cluster": doc.industrial_cluster,
			"status": "In Pilot",
			"application": ("!=", doc.name),
		},
	)


def _unhandled_objections(doc) -> int:
	"""The objections to the application's public notice that the ministry has not handled (the approval
	refuses while there are any)."""
	from cluster_brand.rules.public_notice import UNHANDLED

	return frappe.db.count(PUBLIC_NOTICE_OBJECTION, {"application": doc.name, "status": UNHANDLED})


def _authority_setting(doc) -> dict:
	if not (doc.pilot_batch and doc.recommending_authority):
		return {}
	return (
		frappe.db.get_value(
			"Recommendation Setting",
			{"pilot_batch": doc.pilot_batch, "recommending_authority": doc.recommending_authority},
			["recommendation_deadline", "recommendation_quota"],
			as_dict=True,
		)
		or {}
	)


def _ranks_taken(doc) -> tuple:
	return tuple(
		frappe.get_all(
			APPLICATION,
			{
				"pilot_batch": doc.pilot_batch,
				"recommending_authority": doc.recommending_authority,
				"workflow_state": ("in", workflow.RECOMMENDED_OR_LATER),
				"name": ("!=", doc.name),
			},
			pluck="recommendation_rank",
		)
	)


def _submitted_totals(doc) -> tuple:
	"""The totals of the sheets that the assigned experts have submitted (a blank total is None)."""
	experts = [row.expert for row in doc.expert_assignments]
	if not experts or doc.is_new():
		return ()
	return tuple(
		frappe.get_all(
			EXPERT_REVIEW,
			{"application": doc.name, "expert": ("in", experts), "docstatus": 1},
			pluck="total_score",
		)
	)


def _assigned_experts(doc) -> dict:
	"""The register's records of the assigned experts, by name casefolded (as the database compares names)."""
	names = {row.expert for row in doc.expert_assignments if row.expert}
	if not names:
		return {}
	return {
		expert.name.casefold(): expert
		for expert in frappe.get_all(
			"Review Expert",
			{"name": ("in", list(names))},
			["name", "expert_name", "recommending_authority", "organizing_unit", "disabled"],
		)
	}
