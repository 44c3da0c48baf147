"""What the two-stage ranking (示范申报评审排名) and the list of the round's outcome (示范区名单 / 典型经验推荐名单)
read of an evaluation round's demonstration applications: the applications, and their submitted sheets of
each stage, through the reader's permissions and set-wise (one query each, whatever the number of
applications). What they compute of them is rules/pilot_end/demonstration_review.py (two_stage_ranking) and
print/demonstration_list.py."""

import frappe

from cluster_brand.doctype_names import DEMONSTRATION_APPLICATION, DEMONSTRATION_REVIEW
from cluster_brand.readers.authorities import official_names
from cluster_brand.rules.pilot_end import demonstration_workflow as workflow
from cluster_brand.rules.pilot_end.demonstration_review import DOCUMENT_REVIEW, HEARING

# the applications the experts review: recommended by their province, and on from there
REVIEWED_STATES = (
	workflow.UNDER_EXPERT_REVIEW,
	workflow.SHORTLISTED_FOR_HEARING,
	workflow.IN_PUBLIC_NOTICE,
	workflow.DEMONSTRATION_ZONE_STATE,
	workflow.TYPICAL_EXPERIENCE_STATE,
	workflow.NOT_SELECTED_STATE,
)
# the round's outcome, as the ministry publishes it: the demonstration zones, then the typical experiences
DECIDED_LISTS = (workflow.DEMONSTRATION_ZONE_STATE, workflow.TYPICAL_EXPERIENCE_STATE)


def round_applications(evaluation_round: str | None) -> list[dict]:
	"""The round's applications under review or past it, as the ranking reads them."""
	if not evaluation_round:
		return []
	return frappe.get_list(
		DEMONSTRATION_APPLICATION,
		filters={"evaluation_round": evaluation_round, "workflow_state": ("in", REVIEWED_STATES)},
		fields=[
			"name",
			"recommending_authority",
			"industrial_cluster",
			"shortlisted",
			"decision",
			"workflow_state",
		],
		order_by="name asc",
		limit_page_length=0,
	)


def submitted_sheets(evaluation_round: str | None) -> dict[str, list[dict]]:
	"""The round's submitted sheets by stage (application, total_score), in one query."""
	sheets = {DOCUMENT_REVIEW: [], HEARING: []}
	if not evaluation_round:
		return sheets
	for sheet in frappe.get_list(
		DEMONSTRATION_REVIEW,
		filters={"evaluation_round": evaluation_round, "docstatus": 1},
		fields=["demonstration_application", "stage", "total_score"],
		limit_page_length=0,
	):
		sheets.setdefault(sheet.stage, []).append(
			{"application": sheet.demonstration_application, "total_score": sheet.total_score}
		)
	return sheets


def decided_demonstration_applications(doc) -> list[dict]:
	"""The applications of an Evaluation Round in the end states of its published lists (demonstration zone,
	typical experience recommended), with their authority's official name.

	The lists are the ministry's published outcome (示范区名单, 典型经验推荐名单): whoever may print the round (its
	row rule) reads them whole, every province's; only the listed fields of the decided applications."""
	if not doc.get("name"):
		return []
	rows = frappe.get_all(
		DEMONSTRATION_APPLICATION,
		filters={"evaluation_round": doc.get("name"), "workflow_state": ("in", DECIDED_LISTS)},
		fields=["name", "workflow_state", "recommending_authority", "industrial_cluster", "organizing_unit"],
		order_by="name asc",
		limit_page_length=0,
	)
	names = official_names(row.recommending_authority for row in rows)
	for row in rows:
		row.recommending_authority_name = names.get(row.recommending_authority, "")
	return rows
