"""The objection (异议) of the public notice page (www/public-notice): a visitor, not logged in, objects to a
candidate during its notice period, with an evidence file. One method for the entries and the file, so that
the whole objection is received or nothing: every check runs before anything is written, and an error after
that rolls the request's transaction back. Rate-limited per IP. Guest uploads stay off otherwise (Frappe's
upload_file keeps System Settings' allow_guests_to_upload_files)."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import getdate, today

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.doctype_names import PUBLIC_NOTICE_OBJECTION
from cluster_brand.readers.public_notice import notice_of, use_site_language
from cluster_brand.rules import public_notice as rules

# objections a visitor's address may send in an hour (refused ones count too)
OBJECTIONS_PER_HOUR = 10


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=OBJECTIONS_PER_HOUR, seconds=60 * 60)
def submit_objection(
	application=None, objector_name=None, objector_unit=None, objector_phone=None, grounds=None
):
	"""Receives one objection; answers the confirmation's text. The evidence is the request's file
	``evidence`` (multipart), optional."""
	entries = {
		"objector_name": objector_name,
		"objector_unit": objector_unit,
		"objector_phone": objector_phone,
		"grounds": grounds,
	}
	use_site_language()
	title = _("Objection")
	candidate = notice_of(str(application or ""))
	if not candidate:
		frappe.throw(
			_("The candidate objected to is not in public notice."), frappe.ValidationError, title=title
		)
	throw_violations(
		rules.check_objection_window(
			candidate.public_notice_start and getdate(candidate.public_notice_start),
			candidate.public_notice_end and getdate(candidate.public_notice_end),
			getdate(today()),
		),
		title,
	)
	evidence = _uploaded_evidence()
	violations = rules.check_objection(entries)
	if evidence:
		violations += rules.check_evidence(evidence[0], len(evidence[1]))
	throw_violations(violations, title)

	objection = frappe.get_doc(
		{
			"doctype": PUBLIC_NOTICE_OBJECTION,
			"application": candidate.name,
			**{key: str(value).strip() for key, value in entries.items()},
		}
	)
	objection.insert(ignore_permissions=True)
	if evidence:
		_attach(objection, *evidence)
	return {
		"message": _(
			"Your objection to {0} has been received. The Ministry of Industry and Information Technology will "
			"look into it."
		).format(candidate.industrial_cluster)
	}


def _uploaded_evidence() -> tuple[str, bytes] | None:
	request = getattr(frappe.local, "request", None)
	upload = request.files.get(rules.EVIDENCE_FIELD) if request is not None and request.files else None
	if not upload or not upload.filename:
		return None
	# read one byte beyond the limit: a larger file is refused without reading it whole
	return upload.filename, upload.stream.read(rules.EVIDENCE_MAX_BYTES + 1)


def _attach(objection, file_name: str, content: bytes):
	"""The evidence as a private File attached to the objection: read by whoever reads the objection (the
	ministry), by nobody else."""
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": PUBLIC_NOTICE_OBJECTION,
			"attached_to_name": objection.name,
			"attached_to_field": rules.EVIDENCE_FIELD,
			"is_private": 1,
			"content": content,
		}
	)
	file.insert(ignore_permissions=True)
	objection.db_set(rules.EVIDENCE_FIELD, file.file_url)
