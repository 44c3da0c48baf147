"""What the public notice page (www/public-notice) reads, for a visitor who is not logged in: Guest has no
permission on the programme's DocTypes, so these functions read with frappe.get_all, and each reads only the
fields it lists — the candidates' province, cluster, organizing unit and leading industry and their notice
period; the batch's title, notice number and the ministry's contact; the designated pilots' same four fields;
the decided lists of the evaluation rounds. Nothing else of an application leaves here (test_public_notice.py
holds the page to it)."""

import frappe

from cluster_brand.doctype_names import APPLICATION, EVALUATION_ROUND, PILOT_BATCH
from cluster_brand.readers.authorities import official_names
from cluster_brand.rules.application import workflow
from cluster_brand.rules.public_notice import notice_runs

# the application's public fields (the four the notice lists, its batch and its notice period)
CANDIDATE_FIELDS = (
	"name",
	"pilot_batch",
	"recommending_authority",
	"industrial_cluster",
	"organizing_unit",
	"leading_industry",
	"public_notice_start",
	"public_notice_end",
)
PILOT_FIELDS = (
	"pilot_batch",
	"recommending_authority",
	"industrial_cluster",
	"organizing_unit",
	"leading_industry",
)
BATCH_FIELDS = ("name", "batch_title", "batch_year", "notice_number", "ministry_contact")


def candidates_in_notice(today) -> list[dict]:
	"""The applications whose public notice runs ``today``, with their province's official name."""
	rows = frappe.get_all(
		APPLICATION,
		filters={
			"workflow_state": workflow.IN_PUBLIC_NOTICE,
			"public_notice_start": ("<=", today),
			"public_notice_end": (">=", today),
		},
		fields=list(CANDIDATE_FIELDS),
		order_by="recommending_authority asc, industrial_cluster asc",
		limit_page_length=0,
	)
	return _with_province(rows)


def notice_of(application: str) -> dict | None:
	"""The public fields of ``application`` if it is in public notice (whether its notice runs today is the
	objection's window, the caller's to check); None for any other application."""
	row = frappe.get_all(
		APPLICATION,
		filters={"name": application, "workflow_state": workflow.IN_PUBLIC_NOTICE},
		fields=list(CANDIDATE_FIELDS),
		limit_page_length=1,
	)
	return row[0] if row else None


def designated_pilots() -> list[dict]:
	"""The applications approved as pilots, by batch (newest batch first)."""
	rows = frappe.get_all(
		APPLICATION,
		filters={"workflow_state": workflow.APPROVED_AS_PILOT},
		fields=list(PILOT_FIELDS),
		order_by="recommending_authority asc, industrial_cluster asc",
		limit_page_length=0,
	)
	return _with_province(rows)


def batches(names) -> dict[str, dict]:
	"""The batches' public fields, by name."""
	names = sorted({n for n in names if n})
	if not names:
		return {}
	return {
		row.name: row
		for row in frappe.get_all(
			PILOT_BATCH, filters={"name": ("in", names)}, fields=list(BATCH_FIELDS), limit_page_length=0
		)
	}


def decided_rounds() -> list[dict]:
	"""The evaluation rounds with their decided lists (demonstration zones, typical experiences), newest
	first: each round's title and notice number and its decided applications' listed fields."""
	from cluster_brand.readers.demonstration_reviews import decided_demonstration_applications

	rounds = []
	for row in frappe.get_all(
		EVALUATION_ROUND,
		fields=["name", "title", "notice_number"],
		order_by="creation desc",
		limit_page_length=0,
	):
		decided = decided_demonstration_applications(row)
		if decided:
			rounds.append({"round": row, "decided": decided})
	return rounds


def is_running(candidate: dict, today) -> bool:
	return notice_runs(candidate.get("public_notice_start"), candidate.get("public_notice_end"), today)


def _with_province(rows: list) -> list:
	names = official_names(row.recommending_authority for row in rows)
	for row in rows:
		row.province = names.get(row.recommending_authority, row.recommending_authority or "")
	return rows


def use_site_language():
	"""The public page and its objection speak the site's language (the programme's, Chinese), whatever the
	visitor's browser asks for: the notice is the ministry's official text."""
	frappe.local.lang = frappe.db.get_single_value("System Settings", "language") or frappe.local.lang


def unhandled_objections() -> list[dict]:
	"""The objections waiting for the ministry (its status block), read with the reader's permissions
	(frappe.get_list: only the ministry reads any), each with its candidate's cluster."""
	from cluster_brand.doctype_names import PUBLIC_NOTICE_OBJECTION
	from cluster_brand.rules.public_notice import UNHANDLED

	if not frappe.has_permission(PUBLIC_NOTICE_OBJECTION, "read"):
		return []  # another role's view of the ministry's block: no objection, and no refusal
	rows = frappe.get_list(
		PUBLIC_NOTICE_OBJECTION,
		filters={"status": UNHANDLED},
		fields=["name", "application", "received_on"],
		order_by="received_on asc, name asc",
		limit_page_length=0,
	)
	clusters = dict(
		frappe.get_list(
			APPLICATION,
			filters={"name": ("in", [row.application for row in rows] or [""])},
			fields=["name", "industrial_cluster"],
			as_list=True,
			limit_page_length=0,
		)
	)
	for row in rows:
		row.industrial_cluster = clusters.get(row.application, "")
	return rows
