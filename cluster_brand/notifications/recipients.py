"""Who is told: the users who act next on an application or an annual work summary — the unit's applicants,
its province's reviewers, the holders of a programme role — found by their role and, for the unit and the
province, their User Permission on it, as the permissions scope them. Shared by the application's
(application.py) and the annual summary's (annual_summary.py) notifications."""

import frappe

from cluster_brand.rules.system_accounts import SYSTEM_ACCOUNT_ROLE


def users_with_role(role: str, allow: str | None = None, for_value: str | None = None) -> list[str]:
	"""Enabled users with ``role`` (and, if given, a User Permission on ``allow`` = ``for_value``); not the
	system accounts, which act over the API and learn who acts next from its answers (no ToDo, no mail)."""
	HasRole, User, UserPermission = (frappe.qb.DocType(d) for d in ("Has Role", "User", "User Permission"))
	systems = (
		frappe.qb.from_(HasRole)
		.select(HasRole.parent)
		.where((HasRole.role == SYSTEM_ACCOUNT_ROLE) & (HasRole.parenttype == "User"))
	)
	query = (
		frappe.qb.from_(User)
		.join(HasRole)
		.on((HasRole.parent == User.name) & (HasRole.parenttype == "User"))
		.select(User.name)
		.distinct()
		.where((HasRole.role == role) & (User.enabled == 1) & (User.name.notin(["Administrator", "Guest"])))
		.where(User.name.notin(systems))
	)
	if allow:
		query = (
			query.join(UserPermission)
			.on(UserPermission.user == User.name)
			.where((UserPermission.allow == allow) & (UserPermission.for_value == for_value))
		)
	return query.run(pluck=True)


def applicants(doc) -> list[str]:
	"""The applicants of the document's organizing unit."""
	return users_with_role("Cluster Applicant", "Organizing Unit", doc.organizing_unit)


def provincial_reviewers(doc) -> list[str]:
	"""The reviewers of the document's recommending authority."""
	return users_with_role("Provincial Reviewer", "Recommending Authority", doc.recommending_authority)
