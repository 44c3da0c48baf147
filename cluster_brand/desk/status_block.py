"""The status block at the top of each role's workspace (a Custom HTML Block per workspace, fixtures).

Every row is read by cluster_brand/readers/ with ``frappe.get_list``, so through the same permission rules as
the lists and forms: a province sees its own applications, an expert its own sheets. What to show is decided
by cluster_brand/rules/views/desk_status.py; cluster_brand/templates/desk/status.html renders it.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from cluster_brand.doctype_names import BRAND_PILOT, EVALUATION_ROUND, FINAL_SUMMARY, PROGRAMME_MODULE
from cluster_brand.readers.applications import readable_applications, recommended_applications
from cluster_brand.readers.batches import BATCH_DATES, batch_dates, batch_with_dates, latest_batch
from cluster_brand.readers.evaluation_rounds import batch_rounds, open_rounds
from cluster_brand.readers.pilot_years import summary_status_rows
from cluster_brand.readers.public_notice import unhandled_objections
from cluster_brand.readers.recommendation_settings import recommendation_settings
from cluster_brand.readers.registrations import waiting_registrations
from cluster_brand.readers.review_sheets import review_sheets
from cluster_brand.rules.application import workflow as states
from cluster_brand.rules.pilot_end.evaluation_round import DEADLINES
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.views import desk_status as status

TEMPLATE = "cluster_brand/templates/desk/status.html"


@frappe.whitelist()
def get_desk_status(view: str, pilot_batch: str | None = None) -> str:
	"""The HTML of one workspace's status block, for the session user; the ministry's is of one batch,
	the latest unless ``pilot_batch`` is given."""
	gather = VIEWS.get(view)
	if not gather:
		frappe.throw(_("Unknown workspace view {0}").format(view), frappe.ValidationError)
	day = getdate(today())
	context = gather(day, pilot_batch) if view == "ministry" else gather(day)
	if view in PILOT_YEARS:
		context["pilot_years"] = _pilot_years(day, PILOT_YEARS[view])
	if view == "applicant":
		context["pilot_end"] = _pilot_end(day)
	if view in CARDS_OF_THE_LATEST_BATCH:
		context["cards_batch"] = latest_batch()
	if view in VERIFIES_REGISTRATIONS:
		# the units that registered and wait for their province (issue 22): work waiting before any batch's
		context["registrations"] = waiting_registrations()
	return frappe.render_template(TEMPLATE, {"view": view, **context})


def prerender_status(doc, method=None):
	"""The status comes with its block (the block's onload, hooks.py doc_events): the workspace shows it as soon
	as the block is drawn, not one request later behind the cards and charts (issue 19: "…" for 3 s). The block's
	script uses it once; later visits, which reuse the loaded block, ask get_desk_status."""
	view = status.STATUS_BLOCKS.get(doc.name)
	if view and frappe.session.user != "Guest":
		doc.set_onload("cb_status", get_desk_status(view))


# The workspaces whose number cards count the latest batch (their dynamic filter): their status block says which
CARDS_OF_THE_LATEST_BATCH = ("recommender", "ministry")

# The workspaces of those who verify the units' registrations (their province; the ministry may too)
VERIFIES_REGISTRATIONS = ("recommender", "ministry")

# The pilots' annual work summaries each role sees first: the unit all its years, the province those that
# wait for its inspection, the ministry those forwarded to it; both the overdue ones too.
PILOT_YEARS = {
	"applicant": None,
	"recommender": summary_workflow.PENDING_PROVINCIAL_INSPECTION,
	"ministry": summary_workflow.FORWARDED_TO_MINISTRY,
}


def _pilot_end(day) -> list[dict]:
	"""The unit's pilots at their end: the final summary to start, its state, the pilot completed or not."""
	pilots = frappe.get_list(
		BRAND_PILOT,
		fields=["name", "industrial_cluster", "status", "planned_end_date", "pilot_batch"],
		order_by="name asc",
		limit_page_length=0,
	)
	summaries = frappe.get_list(
		FINAL_SUMMARY, fields=["name", "brand_pilot", "workflow_state"], limit_page_length=0
	)
	rounds = batch_rounds([p.pilot_batch for p in pilots if p.pilot_batch])
	return status.pilot_end_rows(
		[
			{
				**p,
				"planned_end_date": getdate(p.planned_end_date) if p.planned_end_date else None,
				"evaluation_round": rounds.get(p.pilot_batch),
			}
			for p in pilots
		],
		summaries,
		day,
	)


def _pilot_years(day, waiting_state: str | None) -> list[dict]:
	rows = summary_status_rows(day)
	if waiting_state:
		rows = [r for r in rows if r["workflow_state"] == waiting_state or r["overdue"]]
	for row in rows:
		row["deadline"] = status.summary_deadline(
			row["due_date"], day, row["workflow_state"], row["with_unit"], waiting_state
		)
	return rows


def _applicant(day):
	applications = readable_applications(
		[
			"name",
			"industrial_cluster",
			"pilot_batch",
			"workflow_state",
			"online_submission_deadline",
			"recommendation_deadline",
			"public_notice_end",
		],
		order_by="modified desc",
	)
	# a pilot that has ended closes its application's next step (issue 21)
	pilot_status = dict(
		frappe.get_list(
			BRAND_PILOT,
			filters={"application": ("in", [a.name for a in applications] or [""])},
			fields=["application", "status"],
			as_list=True,
		)
	)
	for application in applications:
		application.pilot_status = pilot_status.get(application.name)
	return {"applications": status.applicant_rows(applications, batch_dates(applications), day)}


def _recommender(day):
	applications = readable_applications(
		[
			"name",
			"industrial_cluster",
			"organizing_unit",
			"pilot_batch",
			"recommending_authority",
			"workflow_state",
			"recommendation_deadline",
			"recommendation_rank",
		],
		filters={"workflow_state": ("not in", states.PRIVATE_STATES)},
		order_by="name asc",
	)
	settings = recommendation_settings()
	deadlines = {
		batch: dates.get("provincial_recommendation_deadline")
		for batch, dates in batch_dates([*settings, *applications]).items()
	}
	for setting in settings:
		setting["batch_deadline"] = deadlines.get(setting["pilot_batch"])
	return {"batches": status.recommender_batches(settings, applications, day, deadlines)}


def _association(day):
	applications = readable_applications(
		["name", "industrial_cluster", "recommending_authority", "pilot_batch", "workflow_state"],
		order_by="name asc",
	)
	return {"applications": applications}


def _receiver(day):
	applications = recommended_applications(
		None,
		[
			"name",
			"industrial_cluster",
			"recommending_authority",
			"pilot_batch",
			"paper_copies_required",
			"paper_copies_received",
		],
		order_by="name asc",
	)
	due = {
		batch: dates.get("provincial_recommendation_deadline")
		for batch, dates in batch_dates(applications).items()
	}
	return {"copies": status.paper_copies(applications, due, day)}


def _expert(day):
	sheets = review_sheets(
		["name", "application", "industrial_cluster", "pilot_batch", "docstatus"], order_by="name asc"
	)
	due = {batch: dates.get("expert_review_deadline") for batch, dates in batch_dates(sheets).items()}
	return {"sheets": status.expert_sheets(sheets, due, day)}


def boot_session(bootinfo):
	if frappe.session.user != "Guest":
		bootinfo.cb_latest_batch = latest_batch()
		own_workspaces_first(bootinfo)


def own_workspaces_first(bootinfo):
	"""A form's breadcrumb leads to the first workspace of its module (Frappe's module_wise_workspaces, the
	same for everybody): the ministry's, which an applicant may not open (「未找到」). The user's own
	workspaces only, its landing one first."""
	by_module = bootinfo.get("module_wise_workspaces")
	if not by_module or PROGRAMME_MODULE not in by_module:
		return
	allowed = {page.get("name") for page in bootinfo.get("allowed_workspaces") or []}
	default = frappe.db.get_value("User", frappe.session.user, "default_workspace")
	by_module[PROGRAMME_MODULE] = status.own_workspaces(by_module[PROGRAMME_MODULE], allowed, default)


def _evaluation_rounds(day) -> list[dict]:
	"""The open 总结评价 rounds and their deadlines, in the order the round runs."""
	meta = frappe.get_meta(EVALUATION_ROUND)
	return [
		{
			"title": row.title,
			"deadlines": [
				(meta.get_label(field), status.deadline(getdate(row[field]) if row[field] else None, day))
				for field, _label in DEADLINES
			],
		}
		for row in open_rounds()
	]


def _ministry(day, pilot_batch=None):
	batch = batch_with_dates(pilot_batch)
	if not batch:
		return {"batch": None, "rounds": _evaluation_rounds(day)}
	applications = readable_applications(
		["name", "recommending_authority", "workflow_state"], filters={"pilot_batch": batch.name}
	)
	sheets = review_sheets(["expert", "expert_name", "docstatus"], batch.name)
	meta = frappe.get_meta("Pilot Batch")
	deadlines = [
		(meta.get_label(field), status.deadline(getdate(batch[field]) if batch[field] else None, day))
		for field in BATCH_DATES
	]
	return {
		"batch": batch,
		"deadlines": deadlines,
		"matrix": status.state_matrix(applications),
		"experts": status.expert_progress(sheets),
		"rounds": _evaluation_rounds(day),
		# the objections to the public notice, which must be handled before an approval (issue 22)
		"objections": unhandled_objections(),
	}


VIEWS = {
	"applicant": _applicant,
	"recommender": _recommender,
	"association": _association,
	"receiver": _receiver,
	"expert": _expert,
	"ministry": _ministry,
}
