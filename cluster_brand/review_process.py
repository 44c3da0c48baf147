"""The review process on a real site: facts for the transition rules, edit locks, expert reviews,
the Brand Pilot on approval and telling whoever must act next. The rules themselves are in
cluster_brand/rules/review.py."""

import frappe
from frappe.model import display_fieldtypes, table_fields
from frappe.utils import cint, flt, getdate, today

from cluster_brand.rules import Violation, _
from cluster_brand.rules import review as rules

APPLICATION = "Cluster Brand Application"
EXPERT_REVIEW = "Expert Review"
# The role that edits each permission level (levels 1–3 are also guarded by the DocType's permissions).
EDITOR_ROLE = {
	0: "Cluster Applicant",
	1: "Provincial Reviewer",
	2: "Materials Receiver",
	3: "Ministry Administrator",
	4: "Ministry Administrator",
}
LEVEL_NAMES = {
	0: "Application Content",
	1: "Provincial Recommendation",
	2: "Paper Materials",
	3: "Public Notice and Decision",
	4: "Expert Review Arrangements",
}


# --- edit locks --------------------------------------------------------------------------------------


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
			level in rules.EDITABLE_IN
			and level not in changed
			and _value_of(df, doc) != _value_of(df, before)
		):
			changed.add(level)
	return changed


def forbidden_edits(doc) -> list[Violation]:
	changed = changed_levels(doc)
	if not changed or frappe.session.user == "Administrator":
		return []
	before = doc.get_doc_before_save()
	violations = [
		Violation(
			_("{part} cannot be changed while the application is {state}."),
			{"part": LEVEL_NAMES[level], "state": before.workflow_state or rules.DRAFT},
			translate_args=("part", "state"),
		)
		for level in rules.locked_levels(before.workflow_state, changed)
	]
	roles = set(frappe.get_roles())
	violations += [
		Violation(
			_("{part} is edited by the {role} only."),
			{"part": LEVEL_NAMES[level], "role": EDITOR_ROLE[level]},
			translate_args=("part", "role"),
		)
		for level in sorted(changed)
		if EDITOR_ROLE[level] not in roles
		and level not in rules.locked_levels(before.workflow_state, {level})
	]
	return violations


# --- facts of the transition rules ----------------------------------------------------------------------


def _authority_setting(doc):
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


def recommendation_deadline(doc):
	batch_deadline = frappe.db.get_value("Pilot Batch", doc.pilot_batch, "provincial_recommendation_deadline")
	own = _authority_setting(doc).get("recommendation_deadline")
	deadline = rules.recommendation_deadline(
		getdate(batch_deadline) if batch_deadline else None, getdate(own) if own else None
	)
	return deadline


def _submitted_reviews(doc):
	experts = [row.expert for row in doc.expert_assignments]
	if not experts or doc.is_new():
		return []
	return frappe.get_all(
		EXPERT_REVIEW,
		{"application": doc.name, "expert": ("in", experts), "docstatus": 1},
		pluck="total_score",
	)


def mean_score(doc):
	# the totals of complete sheets (a blank total, stored NULL, is no 0: cluster_brand/nullable_numbers.py)
	scores = [total for total in _submitted_reviews(doc) if total is not None]
	return round(sum(scores) / len(scores), 2) if scores else 0


def transition_facts(doc) -> rules.TransitionFacts:
	ranks_taken = frappe.get_all(
		APPLICATION,
		{
			"pilot_batch": doc.pilot_batch,
			"recommending_authority": doc.recommending_authority,
			"workflow_state": ("in", rules.RECOMMENDED_OR_LATER),
			"name": ("!=", doc.name),
		},
		pluck="recommendation_rank",
	)
	return rules.TransitionFacts(
		today=getdate(today()),
		online_submission_deadline=getdate(doc.online_submission_deadline)
		if doc.online_submission_deadline
		else None,
		recommendation_deadline=getdate(doc.recommendation_deadline) if doc.recommendation_deadline else None,
		recommendation_opinion=doc.recommendation_opinion,
		recommendation_rank=cint(doc.recommendation_rank),
		ranks_taken=tuple(ranks_taken),
		recommendation_quota=cint(_authority_setting(doc).get("recommendation_quota")),
		paper_copies_required=cint(doc.paper_copies_required),
		paper_copies_received=cint(doc.paper_copies_received),
		paper_copies_stamped=bool(doc.paper_copies_stamped),
		assignments=len(doc.expert_assignments),
		reviews_submitted=len(_submitted_reviews(doc)),
		public_notice_start=getdate(doc.public_notice_start) if doc.public_notice_start else None,
		public_notice_end=getdate(doc.public_notice_end) if doc.public_notice_end else None,
		designation_notice_number=doc.designation_notice_number,
	)


# --- experts ---------------------------------------------------------------------------------------------


def assignment_problems(doc) -> list[Violation]:
	problems, seen = [], set()
	for row in doc.expert_assignments:
		if row.expert in seen:
			problems.append(
				Violation(_("{expert} is assigned twice."), {"expert": row.expert_name or row.expert})
			)
		seen.add(row.expert)
		expert = frappe.db.get_value(
			"Review Expert",
			row.expert,
			["expert_name", "recommending_authority", "organizing_unit", "disabled"],
			as_dict=True,
		)
		if not expert:
			continue
		if expert.disabled:
			problems.append(Violation(_("{expert} is disabled."), {"expert": expert.expert_name}))
		reason = rules.recusal_reason(expert, doc.as_dict())
		if reason:
			problems.append(
				Violation(
					reason,
					{
						"expert": expert.expert_name,
						"unit": doc.organizing_unit,
						"authority": doc.recommending_authority,
					},
				)
			)
	return problems


def sync_expert_reviews(doc):
	"""One Expert Review sheet per assigned expert, scored on the batch's rubric; a draft sheet goes
	when its expert is unassigned (access ends with the assignment)."""
	assigned = {row.expert for row in doc.expert_assignments}
	sheets = {
		sheet.expert: sheet
		for sheet in frappe.get_all(
			EXPERT_REVIEW, {"application": doc.name, "docstatus": ("<", 2)}, ["name", "expert", "docstatus"]
		)
	}
	for expert, sheet in sheets.items():
		if expert not in assigned and sheet.docstatus == 0:
			frappe.delete_doc(EXPERT_REVIEW, sheet.name, ignore_permissions=True)
	for row in doc.expert_assignments:
		sheet = sheets.get(row.expert) or _new_review_sheet(doc, row.expert)
		submitted = sheet.docstatus == 1
		if row.expert_review != sheet.name or bool(row.review_submitted) != submitted:
			row.db_set({"expert_review": sheet.name, "review_submitted": submitted})


def _new_review_sheet(doc, expert: str):
	criteria = frappe.get_all(
		"Review Criterion",
		{"parent": doc.pilot_batch, "parenttype": "Pilot Batch"},
		["criterion", "weight"],
		order_by="idx",
	)
	return frappe.get_doc(
		{
			"doctype": EXPERT_REVIEW,
			"application": doc.name,
			"expert": expert,
			"scores": [{"criterion": c.criterion, "weight": c.weight} for c in criteria],
		}
	).insert(ignore_permissions=True)


def refresh_review_status(application: str):
	"""After an expert submits or cancels a sheet: the assignment rows and the mean score."""
	doc = frappe.get_doc(APPLICATION, application)
	for row in doc.expert_assignments:
		submitted = bool(
			frappe.db.exists(
				EXPERT_REVIEW, {"application": application, "expert": row.expert, "docstatus": 1}
			)
		)
		row.db_set("review_submitted", submitted)
	doc.db_set("mean_score", mean_score(doc))


def refresh_review_deadlines(pilot_batch: str, deadline):
	"""The sheets show the batch's expert review deadline: a draft copies it (fetch_from) when saved, and one
	nobody saves, or one submitted, would keep showing the old date."""
	frappe.db.set_value(
		EXPERT_REVIEW,
		{"pilot_batch": pilot_batch, "docstatus": ("<", 2)},
		"expert_review_deadline",
		deadline,
		update_modified=False,
	)


# --- decision --------------------------------------------------------------------------------------------


def create_brand_pilot(doc):
	if frappe.db.exists("Brand Pilot", {"application": doc.name}):
		return
	start = getdate(doc.decision_date or today())
	pilot = frappe.get_doc(
		{
			"doctype": "Brand Pilot",
			"application": doc.name,
			"industrial_cluster": doc.industrial_cluster,
			"organizing_unit": doc.organizing_unit,
			"recommending_authority": doc.recommending_authority,
			"pilot_batch": doc.pilot_batch,
			"designation_notice_number": doc.designation_notice_number,
			"start_date": start,
			"planned_end_date": rules.planned_end(start),
		}
	).insert(ignore_permissions=True)
	doc.db_set({"brand_pilot": pilot.name, "decision_date": start})


def notify_next_actors(doc):
	from cluster_brand.notifications import notify_transition

	notify_transition(doc)
