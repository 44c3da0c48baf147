"""The Frappe side of an application's save: every fact that the rules of the save read
(cluster_brand/rules/application/save.py), gathered once, and the edit locks' comparison of the document
with its version before the save."""

import frappe
from frappe.model import display_fieldtypes, table_fields
from frappe.utils import cint, flt, getdate, today

from cluster_brand.controllers.violations import doc_as_rule_input, existing_duplicate
from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT, EXPERT_REVIEW, PILOT_BATCH
from cluster_brand.rules.application import edit_locks, workflow
from cluster_brand.rules.application.save import SaveFacts


def gather_save_facts(doc, changed: set[int] | None = None) -> SaveFacts:
	"""``changed``: the levels that the save changes (changed_levels, compared on the rows as sent)."""
	before = doc.get_doc_before_save()
	roles = frappe.get_roles()
	batch_deadline = frappe.db.get_value(PILOT_BATCH, doc.pilot_batch, "provincial_recommendation_deadline")
	setting = _authority_setting(doc)
	changes_state = bool(before) and before.workflow_state != doc.workflow_state
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


# --- the edit locks' comparison ------------------------------------------------------------------------


def _normalise(df, value):
	if df.fieldtype in ("Int", "Check"):
		return cint(value)
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return flt(value)
	if df.fieldtype in ("Date", "Datetime"):
		return str(getdate(value)) if value else None
	return value or None


def _editable_fields(meta):
	return [
		df
		for df in meta.fields
		# display_fieldtypes, not no_value_fields: the latter leaves out the child tables, which are locked too
		if df.fieldtype not in display_fieldtypes and not df.read_only and df.fieldname != "workflow_state"
	]


def _value_of(df, doc):
	"""A field's value as compared for the edit locks; a child table's as the tuple of its rows' values."""
	if df.fieldtype in table_fields:
		child_fields = [
			c for c in _editable_fields(frappe.get_meta(df.options)) if c.fieldtype not in table_fields
		]
		return tuple(
			tuple(_normalise(c, row.get(c.fieldname)) for c in child_fields)
			for row in doc.get(df.fieldname) or []
		)
	return _normalise(df, doc.get(df.fieldname))


def changed_levels(doc) -> set[int]:
	"""The permission levels whose fields this save changes. The plain fields are compared before the tables,
	and a level already found changed is not compared further (a save must stay quick)."""
	before = doc.get_doc_before_save()
	if not before:
		return set()
	changed = set()
	for df in sorted(_editable_fields(doc.meta), key=lambda df: df.fieldtype in table_fields):
		level = df.permlevel or 0
		if (
			level in edit_locks.EDITABLE_IN
			and level not in changed
			and _value_of(df, doc) != _value_of(df, before)
		):
			changed.add(level)
	return changed
