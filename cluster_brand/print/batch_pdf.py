"""申报书汇编: the applications of a batch — or a province's recommended ones — as one PDF, in rank order, for
the review meeting.

make_batch_pdf (cluster_brand/api/batch_print.py: the Pilot Batch form's button, REST) checks who asks and what they may print, then enqueues
build_batch_pdf on the "long" queue; frappe.enqueue runs the job as the requesting user, so every read in it
goes through that user's permissions, as in the request. The job prints each application's 申报书 through
the path of the desk's PDF button (Frappe's print permission check, frappe.get_print, then
cluster_brand.print.pdf.get_pdf: text layer and page numbers), puts a contents page first (batch_contents.py:
the 申报书 does not print the cluster's name, so the contents list authority, cluster, unit and the page where
each starts),
merges them with pypdf with one outline entry per application (「推荐单位 · 产业集群」) and saves the result
as a private File attached to the batch.

That File is its requester's alone (cluster_brand.permissions.files: the File rule, the guard on /private/files/
and the form's attachment list): the provinces read the same batch, and a province's PDF holds what only it
and the ministry may read. A newer PDF of the same batch and scope replaces the requester's older one.

Progress goes to the requester only (publish_realtime to the user's room, never to the batch's document
room, which every reader of the batch joins), and to the cache, where batch_pdf_status reads it: the form
polls it when no realtime server runs.

Order (cluster_brand.rules.review.batch_order.print_order): the ministry's whole batch by the experts' ranking when
scored, else by recommending authority and recommendation rank; a province's by its recommendation rank.
"""

import io

import frappe
from frappe import _
from frappe.translate import get_user_lang, print_language
from frappe.utils.print_format import validate_print_permission
from pypdf import PdfReader, PdfWriter

from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.permissions.files import BATCH_PDF_FIELD
from cluster_brand.permissions.scope import sees_all, user_scope
from cluster_brand.print import pdf as printing
from cluster_brand.print.batch_contents import contents_pdf, scope_label
from cluster_brand.print.format_names import APPLICATION_FORMAT
from cluster_brand.readers.applications import recommended_applications
from cluster_brand.readers.authorities import official_names
from cluster_brand.readers.ranking import assignments_and_submitted_sheets
from cluster_brand.rules.review.batch_order import outline_title, print_order

EVENT = "cluster_brand_batch_pdf"  # the realtime event the Pilot Batch form listens to
STATUS_TTL = 6 * 3600  # seconds a job's status stays readable
JOB_TIMEOUT = 3600  # seconds: 30 applications take about a minute


# --- who prints what ----------------------------------------------------------------------------------------


def authorities_to_print(authority: str | None = None) -> list[str] | None:
	"""The recommending authorities whose applications the user prints: None for the whole batch (the
	ministry, when it names no authority); a province its own only."""
	user = frappe.session.user
	scope = user_scope(user)
	if sees_all(user):
		return [authority] if authority else None
	if "Provincial Reviewer" in scope.roles and scope.authorities:
		if authority and authority not in scope.authorities:
			raise frappe.PermissionError(_("You may print the applications of your own province only."))
		return [authority] if authority else list(scope.authorities)
	raise frappe.PermissionError(
		_("Only the ministry and the provincial authorities print a batch's applications as one PDF.")
	)


def applications_to_print(batch: str, authority: str | None = None) -> list[dict]:
	"""The batch's recommended-or-later applications the user may read (of ``authority``, or the user's
	own province), in print order."""
	frappe.has_permission(PILOT_BATCH, "read", batch, throw=True)
	authorities = authorities_to_print(authority)
	# through the user's row rules
	applications = recommended_applications(
		batch,
		["name", "recommending_authority", "recommendation_rank", "industrial_cluster", "organizing_unit"],
		authorities,
	)
	assignments, sheets = [], []
	if authorities is None and applications:
		# the whole batch: the experts' ranking, read as the ranking report reads it
		assignments, sheets = assignments_and_submitted_sheets([a.name for a in applications], batch)
	return print_order(applications, assignments, sheets)


def combined_file_name(batch: str, label: str) -> str:
	return f"{batch}-{label}-{_('Combined Applications')}.pdf".replace("/", "-")


# --- the job ------------------------------------------------------------------------------------------------


def build_batch_pdf(batch: str, authority: str | None, job: str, requested_by: str) -> dict:
	"""The background job: a contents page, then each application's 申报书 PDF as the desk's PDF button makes
	it, in print order with one outline entry each, saved as the requester's private File on the batch."""
	if frappe.session.user != requested_by:
		# frappe.enqueue runs the job as the user who enqueued it: anything else is refused
		raise frappe.PermissionError(_("The combined PDF is made only for the user who asked for it."))
	# in the requester's language, as the desk's PDF button prints (a worker starts in the site's)
	with print_language(get_user_lang(requested_by)):
		return _build(batch, authority, job)


def _build(batch: str, authority: str | None, job: str) -> dict:
	title = _("Printing the applications of {0}").format(batch)
	try:
		authorities = authorities_to_print(authority)
		applications = applications_to_print(batch, authority)
		if not applications:
			frappe.throw(_("No recommended application of this batch to print."))
		total = len(applications)
		names = official_names(a.recommending_authority for a in applications)
		for application in applications:
			application.authority_name = names.get(application.recommending_authority, "")
		parts = []
		for done, application in enumerate(applications):
			report(
				job,
				{
					"status": "running",
					"done": done,
					"total": total,
					"title": title,
					"description": _("{0} of {1}: {2}").format(
						done + 1, total, application.industrial_cluster or application.name
					),
				},
			)
			parts.append(PdfReader(io.BytesIO(application_pdf(application.name))))
		report(
			job,
			{"status": "running", "done": total, "total": total, "title": title, "description": _("Merging")},
		)
		contents = contents_pdf(batch, authorities, applications, [len(part.pages) for part in parts])
		writer = PdfWriter()
		writer.append(contents, import_outline=False)
		for application, part in zip(applications, parts, strict=True):
			writer.append(
				part,
				outline_item=outline_title(
					application.authority_name,
					application.industrial_cluster or application.name,
				),
				import_outline=False,
			)
		writer.page_mode = "/UseOutlines"  # a reader opens it with the outline shown
		writer.add_metadata({"/Title": f"{batch} {_('Combined Applications')}", "/Creator": "cluster_brand"})
		out = io.BytesIO()
		writer.write(out)
		file = save_batch_pdf(batch, authorities, out.getvalue())
	except Exception as e:
		message = (
			str(e) if isinstance(e, frappe.ValidationError) else _("The combined PDF could not be made.")
		)
		report(job, {"status": "failed", "title": title, "message": message})
		raise
	result = {
		"status": "done",
		"done": total,
		"total": total,
		"title": title,
		"file_url": file.file_url,
		"file_name": file.file_name,
		"pages": len(writer.pages),
		"contents_pages": len(contents.pages),
		"parts": [len(part.pages) for part in parts],
		"applications": [a.name for a in applications],
	}
	# the file is readable once the job's transaction is committed
	frappe.db.after_commit.add(lambda: report(job, result))
	return result


def application_pdf(name: str) -> bytes:
	"""One application's 申报书 as the desk's PDF button gets it: Frappe's print permission check, then
	frappe.get_print finished by cluster_brand.print.pdf (text layer, page numbers, the unnumbered cover)."""
	validate_print_permission(frappe.get_doc(APPLICATION, name))
	return printing.get_pdf(APPLICATION, name, APPLICATION_FORMAT)


def save_batch_pdf(batch: str, authorities: list[str] | None, content: bytes):
	"""A private File of the requester, attached to the batch as a combined PDF (cluster_brand.permissions.files:
	its requester's alone); the requester's older PDF of the same batch and scope goes."""
	file_name = combined_file_name(batch, scope_label(authorities))
	user = frappe.session.user
	older = frappe.get_all(
		"File",
		filters={
			"attached_to_doctype": PILOT_BATCH,
			"attached_to_name": batch,
			"attached_to_field": BATCH_PDF_FIELD,
			"owner": user,
			# Frappe adds a part of the content's hash to a name already taken: name-abc123.pdf
			"file_name": (
				"like",
				file_name[: -len(".pdf")].replace("%", "\\%").replace("_", "\\_") + "%.pdf",
			),
		},
		pluck="name",
	)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": content,
			"is_private": 1,
			"folder": "Home/Attachments",
		}
	)
	file.insert(ignore_permissions=True)
	# Attached afterwards: attaching on insert would tell every reader of the batch on its timeline
	# ("added …"), and a province cannot change the batch's attachments.
	frappe.db.set_value(
		"File",
		file.name,
		{"attached_to_doctype": PILOT_BATCH, "attached_to_name": batch, "attached_to_field": BATCH_PDF_FIELD},
		update_modified=False,
	)
	for name in older:
		# detached first: removing an attachment of the batch is the ministry's, this file the requester's
		frappe.db.set_value(
			"File", name, {"attached_to_doctype": None, "attached_to_name": None}, update_modified=False
		)
		frappe.delete_doc("File", name, ignore_permissions=True)
	file.reload()
	return file


# --- progress -------------------------------------------------------------------------------------------------


def status_key(user: str, job: str) -> str:
	return f"cluster_brand:batch_pdf:{user}:{job}"


def report(job: str, status: dict):
	"""The job's state to its requester: the cache (batch_pdf_status) and the user's realtime room."""
	user = frappe.session.user
	status = {**status, "job": job}
	frappe.cache.set_value(status_key(user, job), status, expires_in_sec=STATUS_TTL)
	frappe.publish_realtime(EVENT, status, user=user)
