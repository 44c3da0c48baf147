"""Row-level isolation of the programme's data (permission_query_conditions and has_permission hooks).

Who belongs where is recorded with Frappe's User Permissions: an applicant on its Organizing Unit, a
provincial reviewer or an industry association on its Recommending Authority; an expert is linked to a
user by the Review Expert register. These hooks turn that into one rule per role, applied to lists,
reports, link search, REST and single documents alike (print, PDF and private attachments check the
document). A user with no scope sees nothing; the ministry sees everything.
"""

import frappe
from frappe import _

from cluster_brand.allowlist import is_restricted
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules import edit_locks
from cluster_brand.rules import workflow as rules

SEES_ALL = {"System Manager", "Ministry Administrator"}


def _scope(user: str) -> frappe._dict:
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


def _sees_all(user: str, scope) -> bool:
	return user == "Administrator" or bool(scope.roles & SEES_ALL)


def _in(column: str, values: list[str]) -> str:
	return f"{column} in ({', '.join(frappe.db.escape(v) for v in values) or 'NULL'})"


def _not_in(column: str, values) -> str:
	return f"{column} not in ({', '.join(frappe.db.escape(v) for v in values)})"


def application_conditions(user: str | None = None, table: str = f"`tab{APPLICATION}`") -> str:
	"""The SQL condition of the applications ``user`` may see ("" for all)."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(_in(f"{table}.organizing_unit", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(
			f"({_in(f'{table}.recommending_authority', scope.authorities)} and {_not_in(f'{table}.workflow_state', rules.PRIVATE_STATES)})"
		)
	if "Industry Association" in scope.roles:
		allowed.append(
			f"({_in(f'{table}.industry_sector', scope.sectors)} and {_not_in(f'{table}.workflow_state', rules.PRIVATE_STATES)})"
		)
	if "Materials Receiver" in scope.roles:
		allowed.append(_in(f"{table}.workflow_state", rules.RECOMMENDED_OR_LATER))
	if "Review Expert" in scope.roles and scope.expert:
		# only while assigned: the assignment row is the permission
		allowed.append(
			f"{table}.name in (select parent from `tabExpert Assignment` where parenttype = {frappe.db.escape(APPLICATION)}"
			f" and expert = {frappe.db.escape(scope.expert)})"
		)
	return "(" + " or ".join(allowed) + ")" if allowed else "1=0"


def _application_visible(name: str, user: str) -> bool:
	condition = application_conditions(user)
	if not condition:
		return True
	return bool(frappe.db.sql(f"select 1 from `tab{APPLICATION}` where name = %s and {condition}", name))


# --- hooks ------------------------------------------------------------------------------------------------


def application_query(user):
	return application_conditions(user)


def application_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.is_new() or not doc.name or not frappe.db.exists(APPLICATION, doc.name):
		# creating: an applicant only for its own unit
		scope = _scope(user)
		return _sees_all(user, scope) or not doc.get("organizing_unit") or doc.organizing_unit in scope.units
	return _application_visible(doc.name, user)


def _linked_to_application(column: str, user: str) -> str:
	condition = application_conditions(user)
	if not condition:
		return ""
	return f"{column} in (select name from `tab{APPLICATION}` where {condition})"


def expert_review_query(user):
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	if "Review Expert" in scope.roles and scope.expert:
		return f"`tabExpert Review`.expert = {frappe.db.escape(scope.expert)} and " + _linked_to_application(
			"`tabExpert Review`.application", user
		)
	return "1=0"


def expert_review_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return True
	return bool(scope.expert) and doc.expert == scope.expert and _application_visible(doc.application, user)


def brand_pilot_query(user):
	return _linked_to_application("`tabBrand Pilot`.application", user or frappe.session.user)


def brand_pilot_has_permission(doc, ptype=None, user=None, **kwargs):
	return _application_visible(doc.application, user or frappe.session.user)


def _unit_or_authority_condition(table: str, unit_column: str, user: str) -> str:
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	allowed = []
	if "Cluster Applicant" in scope.roles:
		allowed.append(_in(f"{table}.{unit_column}", scope.units))
	if "Provincial Reviewer" in scope.roles:
		allowed.append(_in(f"{table}.recommending_authority", scope.authorities))
	return "(" + " or ".join(allowed) + ")" if allowed else "1=0"


def organizing_unit_query(user):
	return _unit_or_authority_condition("`tabOrganizing Unit`", "name", user or frappe.session.user)


def industrial_cluster_query(user):
	return _unit_or_authority_condition(
		"`tabIndustrial Cluster`", "organizing_unit", user or frappe.session.user
	)


def _row_visible(doctype: str, name: str, condition: str) -> bool:
	return not condition or bool(
		frappe.db.sql(f"select 1 from `tab{doctype}` where name = %s and {condition}", name)
	)


def organizing_unit_has_permission(doc, ptype=None, user=None, **kwargs):
	if doc.is_new():
		return True  # registering units is the ministry's and the provinces' (DocType permissions)
	return _row_visible("Organizing Unit", doc.name, organizing_unit_query(user))


def industrial_cluster_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	if doc.is_new():
		scope = _scope(user)
		return (
			_sees_all(user, scope)
			or "Cluster Applicant" not in scope.roles
			or doc.organizing_unit in scope.units
		)
	return _row_visible("Industrial Cluster", doc.name, industrial_cluster_query(user))


def recommendation_setting_query(user):
	"""A province sees and sets its own deadline only."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	return _in("`tabRecommendation Setting`.recommending_authority", scope.authorities)


def recommendation_setting_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = _scope(user)
	return _sees_all(user, scope) or doc.recommending_authority in scope.authorities


def workflow_action_query(user):
	"""Frappe's Workflow Action records name the application; show them only to who may see it."""
	condition = _linked_to_application("`tabWorkflow Action`.reference_name", user or frappe.session.user)
	if not condition:
		return ""
	return f"(`tabWorkflow Action`.reference_doctype != {frappe.db.escape(APPLICATION)} or {condition})"


def workflow_action_has_permission(doc, ptype=None, user=None, **kwargs):
	if doc.reference_doctype != APPLICATION:
		return True
	return _application_visible(doc.reference_name, user or frappe.session.user)


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


# --- field levels ---------------------------------------------------------------------------------------


def unreadable_fields(doctype: str) -> set[str]:
	"""The fields of ``doctype`` at a permission level the session user cannot read."""
	meta = frappe.get_meta(doctype)
	levels = set(meta.get_permlevel_access("read") or [0])
	return {df.fieldname for df in meta.fields if (df.permlevel or 0) not in levels}


def fields_hidden_from_reader(doc) -> set[str]:
	"""What the session user may not read of ``doc``: its field levels and what its state withholds
	(an application's draft recommendation from the unit)."""
	return unreadable_fields(doc.doctype) | set(getattr(doc, "fields_withheld_from_reader", tuple)())


# --- child tables -----------------------------------------------------------------------------------------
# Frappe lists a child table (frappe.client.get_list with parent=…, /api/resource/<child>, number cards)
# with its parent's DocType permission but without the parent's row rules: each row is listed exactly
# when its parent document is visible. (A single row is checked on its parent document by Frappe.)

CHILD_TABLE_PARENTS = {
	"Application Indicator": APPLICATION,
	"Application Derived Indicator": APPLICATION,
	"Application Top Enterprise": APPLICATION,
	"Application Backbone Enterprise": APPLICATION,
	"Application Quantitative Target": APPLICATION,
	"Application Qualitative Target": APPLICATION,
	"Application Funding": APPLICATION,
	"Application Work Item": APPLICATION,
	"Application Task": APPLICATION,
	"Expert Assignment": APPLICATION,
	"Expert Review Score": "Expert Review",
}
# Who an application's experts are is the ministry's to know (an expert knows only its own assignment).
CONFIDENTIAL_CHILD_TABLES = {"Expert Assignment"}


def _parent_conditions(parent: str, user: str) -> str:
	if parent == APPLICATION:
		return application_conditions(user)
	return expert_review_query(user)


def child_table_query(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of every child table (Frappe passes the DocType)."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	table = f"`tab{doctype}`"
	if doctype in CONFIDENTIAL_CHILD_TABLES:
		return f"{table}.expert = {frappe.db.escape(scope.expert)}" if scope.expert else "1=0"
	parent = CHILD_TABLE_PARENTS[doctype]
	condition = _parent_conditions(parent, user)
	return (
		f"({table}.parenttype = {frappe.db.escape(parent)} and {table}.parent in "
		f"(select name from `tab{parent}` where {condition or '1=1'}))"
	)


# --- registers ------------------------------------------------------------------------------------------


def cluster_enterprise_query(user):
	"""An enterprise belongs to the units of its cluster and to the applications that name it: a unit sees
	and edits the enterprises of its own clusters; every other role sees those of the applications it may
	see; the ministry sees the whole register."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	table = "`tabCluster Enterprise`"
	allowed = [
		f"{table}.industrial_cluster in (select name from `tabIndustrial Cluster` where "
		f"{industrial_cluster_query(user)})"
	]
	visible = application_conditions(user, table="app")
	for child, column in (
		("Application Top Enterprise", "enterprise"),
		("Application Backbone Enterprise", "enterprise"),
	):
		allowed.append(
			f"{table}.name in (select row.{column} from `tab{child}` row join `tab{APPLICATION}` app"
			f" on app.name = row.parent where {visible})"
		)
	return "(" + " or ".join(allowed) + ")"


def cluster_enterprise_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return True
	own_cluster = bool(doc.industrial_cluster) and _row_visible(
		"Industrial Cluster", doc.industrial_cluster, industrial_cluster_query(user)
	)
	if ptype in ("write", "create", "delete", "submit", "cancel", "amend"):
		# only a unit, for the enterprises of its own clusters
		return "Cluster Applicant" in scope.roles and own_cluster
	if doc.is_new():
		return True
	return _row_visible("Cluster Enterprise", doc.name, cluster_enterprise_query(user))


def review_expert_query(user):
	"""The register of experts is the ministry's; an expert sees its own record only."""
	user = user or frappe.session.user
	scope = _scope(user)
	if _sees_all(user, scope):
		return ""
	return f"`tabReview Expert`.user = {frappe.db.escape(user)}"


def review_expert_has_permission(doc, ptype=None, user=None, **kwargs):
	user = user or frappe.session.user
	return _sees_all(user, _scope(user)) or doc.user == user


def notification_log_has_permission(doc, ptype=None, user=None, **kwargs):
	"""Frappe lists a user's own notifications but opens any by name."""
	user = user or frappe.session.user
	return user == "Administrator" or doc.for_user == user or "System Manager" in frappe.get_roles(user)


# --- attachments ----------------------------------------------------------------------------------------


def check_attachment_change(file, method=None):
	"""File before_insert and on_trash: a programme user attaches to or removes from a document only what it
	may edit now — an application's files belong to its content and are locked with it — and never gains a
	copy of a private file it may not read (upload_file with another file's file_url)."""
	if not is_restricted():
		return
	if method == "before_insert" and file.file_url and file.is_private:
		# Frappe has read the content from disk by now (and reuses the URL of identical content), so any
		# other File with this URL that the user may not read refuses the insert.
		existing = frappe.get_all(
			"File", {"file_url": file.file_url, "name": ("!=", file.name)}, pluck="name"
		)
		if existing and not any(frappe.has_permission("File", "read", name) for name in existing):
			raise frappe.PermissionError(_("You may not read the file {0}.").format(file.file_url))
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
	elif frappe.get_meta(doctype).is_submittable and frappe.db.get_value(doctype, name, "docstatus"):
		frappe.throw(_("A submitted document's attachments cannot be changed."), frappe.PermissionError)


# --- the combined PDFs of a batch (cluster_brand/print/batch_pdf.py) --------------------------------------------
# A private File attached to a Pilot Batch with this attached_to_field holds the applications its requester
# printed; every reader of the batch (the provinces, the experts, the units) would read it by Frappe's rule
# for attachments, so it is its requester's alone — in the File's permission, in the download of its URL
# (Frappe checks that one without the hooks) and in the form's list of attachments.

BATCH_PDF_FIELD = "combined_applications_pdf"


def is_batch_pdf(file) -> bool:
	return (
		file.get("attached_to_doctype") == "Pilot Batch" and file.get("attached_to_field") == BATCH_PDF_FIELD
	)


def _reads_every_file(user: str) -> bool:
	return user == "Administrator" or "System Manager" in frappe.get_roles(user)


def file_has_permission(doc, ptype=None, user=None, **kwargs):
	"""File has_permission: a combined PDF is refused to all but its owner (and System Managers); any other
	file is left to Frappe's rule."""
	user = user or frappe.session.user
	if not is_batch_pdf(doc) or doc.owner == user or _reads_every_file(user):
		return None
	return False


def refuse_others_batch_pdfs():
	"""auth_hooks entry: /private/files/<a combined PDF> only for its owner. Frappe serves a private file to
	whoever reads the document it is attached to (File.is_downloadable skips the has_permission hooks)."""
	request = getattr(frappe.local, "request", None)
	if request is None or not request.path.startswith("/private/files/"):
		return
	user = frappe.session.user
	if user == "Guest" or _reads_every_file(user):
		return  # Frappe refuses the guest itself
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
	if doctype != "Pilot Batch" or _reads_every_file(user):
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


# --- Frappe's File and User lists --------------------------------------------------------------------------


def own_file_query(user):
	"""Frappe lists every file attached to a DocType the user reads, whatever the document: a programme user
	lists its own uploads only (a form's attachments come with the document it may read)."""
	user = user or frappe.session.user
	return f"`tabFile`.`owner` = {frappe.db.escape(user)}" if is_restricted(user) else ""


def own_user_query(user):
	"""Who else uses the system (experts included) is not a programme user's to list."""
	user = user or frappe.session.user
	return f"`tabUser`.`name` = {frappe.db.escape(user)}" if is_restricted(user) else ""
