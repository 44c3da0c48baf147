"""The REST entry points of the 申报书汇编 (a batch's applications as one PDF for the review meeting), called by
the Pilot Batch form at /api/method/cluster_brand.api.batch_print.make_batch_pdf (…batch_pdf_status): who
asks, what they may print, the job enqueued. Their published paths, cluster_brand.batch_print.make_batch_pdf
and …batch_pdf_status, keep answering for REST callers through override_whitelisted_methods in hooks.py.
The job, its order and its file are cluster_brand/print/batch_pdf.py."""

import frappe
from frappe import _

from cluster_brand.print.batch_pdf import JOB_TIMEOUT, applications_to_print, report, status_key


@frappe.whitelist()
def make_batch_pdf(batch: str, authority: str | None = None) -> dict:
	"""Enqueues the one PDF of the batch's applications (the ministry: all recommended, or those of
	``authority``; a province: its own recommended ones). Returns the job's key, for batch_pdf_status and
	the realtime event."""
	authority = authority or None
	applications = applications_to_print(batch, authority)
	if not applications:
		frappe.throw(_("No recommended application of this batch to print."))
	job = frappe.generate_hash(length=16)
	title = _("Printing the applications of {0}").format(batch)
	report(job, {"status": "queued", "done": 0, "total": len(applications), "title": title})
	result = frappe.enqueue(
		"cluster_brand.print.batch_pdf.build_batch_pdf",
		queue="long",
		timeout=JOB_TIMEOUT,
		now=bool(frappe.flags.in_test),
		batch=batch,
		authority=authority,
		job=job,
		requested_by=frappe.session.user,
	)
	response = {"job": job, "total": len(applications), "title": title}
	if frappe.flags.in_test:
		response["result"] = result  # the job ran at once
	return response


@frappe.whitelist()
def batch_pdf_status(job: str) -> dict | None:
	"""The state of the user's own job (queued, running, done with the file, failed with the message)."""
	return frappe.cache.get_value(status_key(frappe.session.user, job))
