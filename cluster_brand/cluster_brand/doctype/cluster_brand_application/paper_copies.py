"""The receiver records the paper copies of several applications at once (the list's 「登记纸质材料」 action):
each application is saved as its own form's save would be, under the receiver's permissions and the edit locks
(the paper part, in its stage). One that is refused does not stop the others; each refusal is named."""

import frappe
from frappe import _
from frappe.utils import cint, getdate

from cluster_brand.doctype_names import APPLICATION

PAPER_FIELDS = ("paper_copies_received", "paper_copies_stamped", "paper_received_date", "paper_receipt_note")


@frappe.whitelist(methods=["POST"])
def record_paper_copies(
	names: list | str,
	paper_copies_received: int,
	paper_received_date: str,
	paper_copies_stamped: int = 0,
	paper_receipt_note: str | None = None,
) -> dict:
	"""Records the same receipt on each application of ``names``: {"recorded": [names], "refused": [{"name",
	"message"}]}."""
	names = frappe.parse_json(names) if isinstance(names, str) else names
	if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
		frappe.throw(_("Choose the applications whose paper copies were received."))
	values = {
		"paper_copies_received": cint(paper_copies_received),
		"paper_copies_stamped": cint(paper_copies_stamped),
		"paper_received_date": getdate(paper_received_date),
		"paper_receipt_note": paper_receipt_note,
	}
	recorded, refused = [], []
	for name in dict.fromkeys(names):
		frappe.db.savepoint("paper_copies")
		try:
			doc = frappe.get_doc(APPLICATION, name)
			# Frappe would quietly keep a part the user may not write: said here instead
			if not doc.has_permlevel_access_to(PAPER_FIELDS[0], permission_type="write"):
				raise frappe.PermissionError(_("Only the materials receiver records the paper copies."))
			doc.update(values)
			doc.save()
		except (frappe.ValidationError, frappe.PermissionError, frappe.DoesNotExistError) as error:
			frappe.db.rollback(save_point="paper_copies")
			refused.append({"name": name, "message": _refusal(error)})
		else:
			recorded.append(name)
	frappe.local.response.pop("errors", None)
	return {"recorded": recorded, "refused": refused}


def _refusal(error: Exception) -> str:
	"""The refusal as the form's save would have shown it: its message (the last one logged), in plain text."""
	log = frappe.local.message_log or []
	message = str(error) or (frappe.parse_json(log[-1]).get("message") if log else "")
	if log:
		frappe.clear_last_message()
	return frappe.utils.strip_html(str(message).replace("</li>", "</li> ")).strip()
