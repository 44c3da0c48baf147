"""Attachments: what a programme user may attach or remove, the files it lists, and the batch's combined
PDFs, which are their requester's alone."""

import frappe
from frappe import _

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION, DEMONSTRATION_APPLICATION
from cluster_brand.permissions.scope import is_restricted, may_read
from cluster_brand.rules.application import edit_locks
from cluster_brand.rules.pilot_end import demonstration_workflow
from cluster_brand.rules.pilot_years import workflow as summary_workflow


def check_attachment_change(file, method=None):
	"""File before_insert and on_trash: a programme user attaches to or removes from a document only what it
	may edit now — an application's files belong to its content and are locked with it — and never gains a
	copy of a private file it may not read (upload_file with another file's file_url)."""
	if not is_restricted():
		return
	if method == "before_insert" and file.file_url and file.is_private:
		# Frappe has read the content by now and reuses the URL of identical content: a File whose URL only
		# files the user may not read have is refused when its content was read from that URL (a copy of a
		# file it may not read), and given a copy of its own when the caller sent the content (the same
		# template another unit attached), so that nobody shares a URL, and its readers, with another unit.
		existing = frappe.get_all(
			"File", {"file_url": file.file_url, "name": ("!=", file.name)}, pluck="name"
		)
		if existing and not any(may_read("File", name) for name in existing):
			if not _content_sent(file):
				raise frappe.PermissionError(_("You may not read the file {0}.").format(file.file_url))
			file.file_url = None
			file.save_file(content=file.content, ignore_existing_file_check=True)
	doctype, name = file.attached_to_doctype, file.attached_to_name
	if not (doctype and name) or not frappe.db.exists(doctype, name):
		return
	if not frappe.has_permission(doctype, "write", name):
		raise frappe.PermissionError(
			_("You may not change the attachments of {0} {1}.").format(_(doctype), name)
		)
	if doctype == APPLICATION:
		state = frappe.db.get_value(APPLICATION, name, "workflow_state")
		if state not in edit_locks.EDITABLE_IN[0]:
			frappe.throw(
				_("The attachments of the application cannot be changed while it is {0}.").format(_(state)),
				frappe.PermissionError,
			)
	elif doctype == ANNUAL_WORK_SUMMARY:
		# the evidence belongs to the unit's summary and is locked with it
		state = frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "workflow_state")
		if state not in summary_workflow.EDITABLE_IN[0]:
			frappe.throw(
				_("The attachments of the annual work summary cannot be changed while it is {0}.").format(
					_(state)
				),
				frappe.PermissionError,
			)
	elif doctype == DEMONSTRATION_APPLICATION:
		# the conditions' evidence belongs to the unit's application and is locked with it
		state = frappe.db.get_value(DEMONSTRATION_APPLICATION, name, "workflow_state")
		if state not in demonstration_workflow.EDITABLE_IN[0]:
			frappe.throw(
				_(
					"The attachments of the demonstration application cannot be changed while it is {0}."
				).format(_(state)),
				frappe.PermissionError,
			)
	elif frappe.get_meta(doctype).is_submittable and frappe.db.get_value(doctype, name, "docstatus"):
		frappe.throw(_("A submitted document's attachments cannot be changed."), frappe.PermissionError)


def _content_sent(file) -> bool:
	"""Whether the File's content is the caller's own bytes, not read from another file's URL: a multipart
	upload (Frappe takes the uploaded part's content before any ``file_url``), or a File the app made from
	content the caller sent (``flags.content_sent``: api/documents.py's inline attachments)."""
	request = getattr(frappe.local, "request", None)
	return bool(file.flags.content_sent or (request is not None and request.files))


# --- the combined PDFs of a batch (cluster_brand/print/batch_pdf.py) ---
# A private File attached to a Pilot Batch with this attached_to_field holds the applications its requester
# printed; every reader of the batch (the provinces, the experts, the units) would read it by Frappe's rule
# for attachments, so it is its requester's alone — in the File's permission, in the download of its URL
# (Frappe checks that one without the hooks) and in the form's list of attachments.

BATCH_PDF_FIELD = "combined_applications_pdf"


def is_batch_pdf(file) -> bool:
	return (
		file.get("attached_to_doctype") == "Pilot Batch" and file.get("attached_to_field") == BATCH_PDF_FIELD
	)


def file_has_permission(doc, ptype=None, user=None, **kwargs):
	"""File has_permission: a combined PDF is refused to every programme user but its owner (the ministry too,
	which sees every application: the file is what its requester chose to print); any other file, and any
	user who is not held to the programme's rules (scope.is_restricted: System Managers), is left to Frappe's
	rule."""
	user = user or frappe.session.user
	if not is_batch_pdf(doc) or doc.owner == user or not is_restricted(user):
		return None
	return False


def refuse_others_batch_pdfs():
	"""auth_hooks entry: /private/files/<a combined PDF> only for its owner. Frappe serves a private file to
	whoever reads the document it is attached to (File.is_downloadable skips the has_permission hooks)."""
	request = getattr(frappe.local, "request", None)
	if request is None or not request.path.startswith("/private/files/"):
		return
	user = frappe.session.user
	if not is_restricted(user):
		return  # Frappe refuses the guest itself; a System Manager reads every file
	files = frappe.get_all(
		"File",
		filters={"file_url": request.path},
		fields=["owner", "attached_to_doctype", "attached_to_field"],
	)
	combined = [f for f in files if is_batch_pdf(f)]
	if combined and not any(f.owner == user for f in files):
		raise frappe.PermissionError(_("You may not read the file {0}.").format(request.path))


def batch_pdfs_of_others(doctype: str, name: str, user: str | None = None) -> set[str]:
	"""The combined PDFs attached to a batch that are not ``user``'s (left out of its form's attachments)."""
	user = user or frappe.session.user
	if doctype != "Pilot Batch" or not is_restricted(user):
		return set()
	return set(
		frappe.get_all(
			"File",
			filters={
				"attached_to_doctype": doctype,
				"attached_to_name": name,
				"attached_to_field": BATCH_PDF_FIELD,
				"owner": ("!=", user),
			},
			pluck="name",
		)
	)


def own_file_query(user):
	"""Frappe lists every file attached to a DocType the user reads, whatever the document: a programme user
	lists its own uploads only (a form's attachments come with the document it may read)."""
	user = user or frappe.session.user
	return f"`tabFile`.`owner` = {frappe.db.escape(user)}" if is_restricted(user) else ""
