"""How the programme's notices are written and sent: in the site's language whoever acts
(in_site_language), as an in-desk notification and email (inform). Shared by the application's
(application.py) and the annual summary's (annual_summary.py) notifications."""

from functools import wraps

import frappe
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.translate import print_language


def in_site_language(notify):
	"""What is written for others (the ToDo, the bell's text, Frappe's notice of the assignment) is written in
	the site's language, not in the language of whoever acts: an administrator's English session or a script
	would leave English in every recipient's bell."""

	@wraps(notify)
	def written_in_site_language(*args, **kwargs):
		with print_language(frappe.db.get_single_value("System Settings", "language") or frappe.local.lang):
			return notify(*args, **kwargs)

	return written_in_site_language


def inform(users: list[str], doc, subject: str):
	"""An in-desk notification (and its email) about ``doc`` to ``users``."""
	if users:
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": doc.doctype,
				"document_name": doc.name,
				"subject": subject,
				"email_content": subject,
			},
			users,
		)
