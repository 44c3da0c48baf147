"""What the app's print formats read from the database, as their reader may read it.

These are jinja hook methods called by the templates in cluster_brand/templates/print/: they use
frappe.get_list, so a print shows only the rows its reader may see, and readable() blanks the fields the
reader may not read. cluster_brand.print.application and review_forms turn what they read into what the
templates print.
"""

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.permissions.fields import fields_hidden_from_reader, unreadable_fields
from cluster_brand.readers.authorities import official_names
from cluster_brand.rules.application import workflow


def readable(doc):
	"""The document as its reader may read it: the fields of the permission levels the reader cannot read
	are blank. Frappe gives a print template the whole document; the forms' field levels hold in print too
	(the receiver prints the 推荐意见 list without the province's opinion and officer)."""
	if not hasattr(doc, "meta") or doc.meta.istable:
		return doc
	hidden = fields_hidden_from_reader(doc)
	if not hidden:
		return doc
	values = frappe._dict(doc.as_dict())
	for fieldname in hidden:
		values[fieldname] = [] if isinstance(values.get(fieldname), list) else None
	return values


def recommended_applications(doc) -> list[dict]:
	"""The applications the application's recommending authority recommended in its batch, by rank."""
	if not (doc.get("recommending_authority") and doc.get("pilot_batch")):
		return []
	hidden = unreadable_fields(APPLICATION)
	return frappe.get_list(
		APPLICATION,
		filters={
			"pilot_batch": doc.get("pilot_batch"),
			"recommending_authority": doc.get("recommending_authority"),
			"workflow_state": ("in", workflow.RECOMMENDED_OR_LATER),
		},
		fields=[
			field
			for field in (
				"name",
				"recommendation_rank",
				"organizing_unit",
				"industrial_cluster",
				"leading_industry",
			)
			if field not in hidden
		],
		order_by="recommendation_rank asc, name asc",
		limit_page_length=0,
	)


def batch_pilots(doc) -> list[dict]:
	"""The Brand Pilots of a Pilot Batch (with their authority's official name)."""
	if not doc.get("name"):
		return []
	pilots = frappe.get_list(
		"Brand Pilot",
		filters={"pilot_batch": doc.get("name")},
		fields=[
			"name",
			"industrial_cluster",
			"organizing_unit",
			"recommending_authority",
			"designation_notice_number",
			"start_date",
			"planned_end_date",
		],
		order_by="name asc",
		limit_page_length=0,
	)
	names = official_names(pilot.recommending_authority for pilot in pilots)
	for pilot in pilots:
		pilot.recommending_authority_name = names.get(pilot.recommending_authority, "")
	return pilots
