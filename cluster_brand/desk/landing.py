"""Where the programme's users land in the desk: each role on its own workspace, and nothing of Frappe's in
the sidebar.

Frappe v15 opens a user's ``default_workspace`` (User), else the first workspace of the sidebar; the sidebar
(``frappe.desk.desktop.get_workspace_sidebar_items``) lists the public workspaces whose roles the user has,
minus those of the modules that the user's module profile blocks. Frappe's own workspaces (Users, Build, …)
have no roles, so the module profile *Cluster Brand User* blocks every module but the app's.
"""

import frappe

from cluster_brand.rules import MODULE_PROFILE

# Each programme role's own workspace (cluster_brand/cluster_brand/workspace/); a user with several of the
# roles lands on the first one's in this order.
ROLE_WORKSPACES = {
	"Ministry Administrator": "Cluster Brand",
	"Provincial Reviewer": "Provincial Review",
	"Industry Association": "Industry Association Desk",
	"Review Expert": "Expert Review Desk",
	"Materials Receiver": "Paper Materials Desk",
	"Cluster Applicant": "Applicant Desk",
}
# Frappe's administrators keep Frappe's desk.
ADMIN_ROLES = {"Administrator", "System Manager"}


def programme_workspace(roles) -> str | None:
	return next((workspace for role, workspace in ROLE_WORKSPACES.items() if role in roles), None)


def set_programme_desk(user, method=None):
	"""User ``before_validate``: a user given a programme role lands on its role's workspace and gets the
	module profile (which Frappe's User.validate then copies into the user's blocked modules). A module
	profile or another workspace that the user already has stays."""
	roles = _roles(user)
	user.flags.system_manager_given = "System Manager" in roles
	workspace = programme_workspace(roles)
	if not workspace or roles & ADMIN_ROLES or user.name in frappe.STANDARD_USERS:
		return
	before = user.get_doc_before_save()
	newly_given = before is None or not programme_workspace(_roles(before))
	apply_programme_desk(user, workspace, set_module_profile=newly_given)


def no_automatic_system_manager(user, method=None):
	"""User ``validate``, after Frappe's. Once the setup is complete, Frappe makes a user System Manager when
	nobody but Administrator is, for the setup wizard's first user, the site's administrator. The app
	completes the setup without one (install.py), so the first user saved, a programme user of the demo or of
	an administrator, would silently get every right. Here only a user given the role is System Manager;
	the site's Administrator administers it."""
	if user.flags.system_manager_given or "System Manager" not in {row.role for row in user.get("roles")}:
		return
	user.set("roles", [row for row in user.get("roles") if row.role != "System Manager"])
	# Frappe's message, in Frappe's translation
	notice = frappe._("Adding System Manager to this User as there must be atleast one System Manager")
	frappe.local.message_log = [m for m in frappe.local.message_log if m.get("message") != notice]


def apply_programme_desk(user, workspace: str, set_module_profile: bool = True):
	if set_module_profile and not user.module_profile:
		user.module_profile = MODULE_PROFILE
	# Another role's workspace (the user's role changed) is replaced; a workspace of the user's own is not.
	if not user.default_workspace or user.default_workspace in ROLE_WORKSPACES.values():
		user.default_workspace = workspace


def update_programme_users():
	"""Existing users of the programme's roles (patch): their workspace and the current module profile."""
	names = frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ["in", list(ROLE_WORKSPACES)]},
		pluck="parent",
		distinct=True,
	)
	for name in names:
		user = frappe.get_doc("User", name)
		roles = _roles(user)
		if roles & ADMIN_ROLES or name in frappe.STANDARD_USERS:
			continue
		apply_programme_desk(user, programme_workspace(roles))
		user.save(ignore_permissions=True)  # User.validate copies the module profile's blocked modules


def _roles(user) -> set[str]:
	if user.get("role_profile_name"):
		# Frappe's User.validate replaces the roles by the role profile's, after before_validate.
		return set(
			frappe.get_all(
				"Has Role",
				filters={"parenttype": "Role Profile", "parent": user.role_profile_name},
				pluck="role",
			)
		)
	return {row.role for row in user.get("roles")}
