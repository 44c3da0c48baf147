"""The provinces' Recommendation Settings (their quota and own recommendation deadline in a batch), as the
各地推荐情况 report and the provinces' and the ministry's workspace status read them: through the reader's
permissions (a province its own, the ministry all; the other roles none), in one query."""

import frappe

SETTING = "Recommendation Setting"


def recommendation_settings(pilot_batch: str | None = None) -> list[dict]:
	"""The settings the reader may read (of ``pilot_batch`` if given): batch, authority, deadline and quota;
	none for a role that reads no setting."""
	if not frappe.has_permission(SETTING, "read"):  # the provinces' own and the ministry's
		return []
	return frappe.get_list(
		SETTING,
		filters={"pilot_batch": pilot_batch} if pilot_batch else None,
		fields=["pilot_batch", "recommending_authority", "recommendation_deadline", "recommendation_quota"],
		limit_page_length=0,
	)
