"""Where a user belongs (its scope), whether it sees everything, and the small SQL helpers every row rule is
written with."""

import frappe

from cluster_brand.rules import PROGRAMME_ROLES

# the roles that see every row of the programme's data
SEES_ALL = frozenset({"System Manager", "Ministry Administrator"})
# the role that keeps Frappe's whole desk: past the allowlist and the overrides' rules
UNRESTRICTED_ROLES = frozenset({"System Manager"})


def user_scope(user: str) -> frappe._dict:
	"""The user's roles, units, authorities, the industries of its associations and its expert record."""
	# frappe.local.cache lives for one request and is cleared by frappe.set_user
	cache = frappe.local.cache.setdefault("cluster_brand_scope", {})
	if user not in cache:
		allowed = frappe.get_all("User Permission", {"user": user}, ["allow", "for_value"])
		authorities = [p.for_value for p in allowed if p.allow == "Recommending Authority"]
		cache[user] = frappe._dict(
			roles=set(frappe.get_roles(user)),
			units=[p.for_value for p in allowed if p.allow == "Organizing Unit"],
			authorities=authorities,
			sectors=frappe.get_all(
				"Recommending Authority",
				{"name": ("in", authorities or [""]), "authority_type": "National Industry Association"},
				pluck="industry_sector",
			),
			expert=frappe.db.get_value("Review Expert", {"user": user, "disabled": 0}),
		)
	return cache[user]


def sees_all(user: str | None = None) -> bool:
	"""Whether ``user`` (the session user by default) sees everything: every row of the programme's data in
	every list, report, count and form, every assignment, share and comment of its timeline (Administrator,
	System Managers, the ministry). The one answer to that question, for every row rule and override."""
	user = user or frappe.session.user
	return user == "Administrator" or bool(set(frappe.get_roles(user)) & SEES_ALL)


def is_restricted(user: str | None = None) -> bool:
	"""Whether ``user`` (the session user by default) is held to the programme's rules on Frappe's own paths:
	the allowlist of methods, the field levels of list queries, the overrides' rules, its own files (and its own
	combined PDFs) only. A user of the programme's roles who is no System Manager.

	Not the question of ``sees_all``, which is about rows: the ministry sees every row and is restricted all
	the same (it calls the listed methods only and reads no other user's combined PDF); a System Manager is
	neither restricted nor short of any row; a user of no programme role is not restricted (Frappe's own
	permissions apply) and sees no row of the programme."""
	user = user or frappe.session.user
	if user in ("Administrator", "Guest"):
		return False
	roles = set(frappe.get_roles(user))
	return bool(roles & set(PROGRAMME_ROLES)) and not roles & UNRESTRICTED_ROLES


def sql_in(column: str, values: list[str]) -> str:
	return f"{column} in ({', '.join(frappe.db.escape(v) for v in values) or 'NULL'})"


def sql_not_in(column: str, values) -> str:
	return f"{column} not in ({', '.join(frappe.db.escape(v) for v in values)})"


def any_of(conditions: list[str]) -> str:
	"""The rows any one of a user's roles may see; none at all without a role that sees some."""
	return "(" + " or ".join(conditions) + ")" if conditions else "1=0"


def row_visible(doctype: str, name: str, condition: str) -> bool:
	return not condition or bool(
		frappe.db.sql(f"select 1 from `tab{doctype}` where name = %s and {condition}", name)
	)


def may_read(doctype: str, name: str) -> bool:
	"""Whether the user may read the record, without the message Frappe logs for a refused read (it names the
	record, or the document a file is attached to: another unit's application)."""
	log = frappe.local.message_log
	kept = len(log)
	try:
		return frappe.has_permission(doctype, "read", name)
	finally:
		del log[kept:]


def add_user_scope(user: str, allow: str, for_value: str):
	"""Records where a user belongs, as a User Permission. An industry association's scope is its
	industry, not its record: that permission applies to the Recommending Authority list only, so that
	Frappe does not also filter applications by it."""
	values = {"user": user, "allow": allow, "for_value": for_value}
	if frappe.db.exists("User Permission", values):
		return
	is_association = (
		allow == "Recommending Authority"
		and frappe.db.get_value("Recommending Authority", for_value, "authority_type")
		== "National Industry Association"
	)
	frappe.get_doc(
		{
			"doctype": "User Permission",
			**values,
			"apply_to_all_doctypes": 0 if is_association else 1,
			"applicable_for": "Recommending Authority" if is_association else None,
		}
	).insert(ignore_permissions=True)
