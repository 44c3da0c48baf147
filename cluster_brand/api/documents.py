"""The programme's documents for other systems, one call each, in the programme's own words (issue 24):

POST /api/method/cluster_brand.api.documents.save  {"doctype", "doc", "name"?}  create, or update ``name``
POST /api/method/cluster_brand.api.documents.act   {"doctype", "name", "action"}  a workflow action
GET  /api/method/cluster_brand.api.documents.get?doctype=…&name=…

Frappe's /api/resource stays as it is; these add what an integrator would otherwise do in many calls:
- the official names are taken for every option (indicator, work item, funding source, unit type), for the
  workflow's actions and for the DocType itself, as well as the English keys; the answer is in the caller's
  language (Accept-Language);
- the enterprises of the 申报书 (and of the annual summary) come inline: a row with a 统一社会信用代码 is matched
  in the register or registered, in the same transaction; a key enterprise's profile may name its enterprise
  by name; an attachment may come inline (base64);
- all or nothing: a refused call saves nothing and answers every problem as data, ``errors``: [{item (the
  official name), table, row, field, value, message}] beside Frappe's message — the list the desk opens the
  refused cell from (controllers/messages.py);
- an action answers the new state and who acts next.
Each call runs as its user, with the permissions, row rules, field levels and edit locks of the desk.
"""

import base64
import binascii
import html
import re
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.model import table_fields
from frappe.model.base_document import BaseDocument
from frappe.model.workflow import apply_workflow, get_transitions, get_workflow_name

from cluster_brand.doctype_names import BRAND_PILOT, DESK_FORMS
from cluster_brand.office.backbone_sheet import register_record
from cluster_brand.permissions.request_input import document_problems
from cluster_brand.permissions.scope import may_read
from cluster_brand.print.readers import readable
from cluster_brand.rules.formats import normalize_credit_code

CLUSTER_ENTERPRISE = "Cluster Enterprise"
CREDIT_CODE = "unified_social_credit_code"
ENTERPRISE = "enterprise"
ENTERPRISE_NAME = "enterprise_name"
SAVEPOINT = "cluster_brand_documents"
REGISTER_CONTACTS = ("contact_phone", "mobile", "email")
FRAPPES_OWN = ("doctype", "name", "owner", "creation", "modified", "modified_by", "docstatus", "idx", "flags")
SUBMIT = "Submit"  # a submittable document's one action when it has no workflow

NOT_AN_OPTION = _("{item}: 「{value}」 is not one of its options ({options}).")
NO_SUCH_DOCTYPE = _("{0} is not a document of the programme.")
NOT_AN_ACTION = _("「{action}」 cannot be taken on {name} now. Actions you can take: {actions}.")
NO_ACTION_NOW = _(
	"「{action}」 cannot be taken on {name} now: it is {state}, and none of its actions is yours."
)
NO_ACTIONS = _("「{action}」 cannot be taken on {name}: it has no action to take.")
NO_ENTERPRISE = _(
	"{item}: no enterprise named 「{value}」 is in this document's backbone enterprises or in your register: "
	"send its 统一社会信用代码."
)
SEVERAL_ENTERPRISES = _("{item}: several enterprises are named 「{value}」: send its 统一社会信用代码.")
ANOTHER_UNITS_ENTERPRISE = _(
	"{item}: the register holds {value} for the cluster of another unit: check the code, or ask the Ministry to "
	"correct the register."
)
NOT_A_FILE = _("{item}: an attachment is sent as an object with file_name and content (base64), not {value}.")


class Refused(frappe.ValidationError):
	"""A call refused before anything was written, with its problems as data."""


@frappe.whitelist()
def get(doctype: str, name: str) -> dict:
	with all_or_nothing():
		doc = frappe.get_doc(programme_doctype(doctype), name)
		doc.check_permission("read")
	return answer(doc)


@frappe.whitelist(methods=["POST"])
def save(doctype: str, doc: dict, name: str | None = None) -> dict:
	"""Creates the document (no ``name``) or updates ``name`` with ``doc``'s values (a table sent replaces
	the document's rows), all or nothing."""
	with all_or_nothing():
		doctype = programme_doctype(doctype)
		values = frappe.parse_json(doc)
		if not isinstance(values, dict):
			refuse([problem(None, message=_("The document is sent as an object of its fields."))])
		# what Frappe keeps itself, and the state, which act changes (a document read with get and sent back
		# carries them, the state in the caller's language)
		kept = {*FRAPPES_OWN, state_field(doctype)}
		values = {field: value for field, value in values.items() if field not in kept}
		problems = []
		values = option_keys(frappe.get_meta(doctype), values, problems)
		attachments = inline_attachments(doctype, values)
		refuse(problems + document_problems(doctype, values))
		if name:
			document = frappe.get_doc(doctype, name)
			document.check_permission("write")
			document.update(merged_rows(document, values))
		else:
			document = frappe.get_doc({**values, "doctype": doctype})
		resolve_enterprises(document, values)
		try:
			if name:
				document.save()
			else:
				document.insert()
		except frappe.MandatoryError:
			refuse(missing_values(document))
			raise
		attach(document, attachments)
	return answer(document)


@frappe.whitelist(methods=["POST"])
def act(doctype: str, name: str, action: str) -> dict:
	"""Takes the workflow action (its name in either language) on ``name``; answers the new state and the
	actions that follow it, with the roles that take them."""
	with all_or_nothing():
		doctype = programme_doctype(doctype)
		document = frappe.get_doc(doctype, name)
		document.check_permission("read")
		if get_workflow_name(doctype):
			document = apply_workflow(document.as_dict(), action_key(document, action))
		else:
			submit(document, action)
	return answer(document)


def submit(doc, action: str):
	"""A document without a workflow (an expert's score sheet) is submitted, if it is submittable."""
	if doc.meta.is_submittable and doc.docstatus == 0:
		if (action or "").strip() in _names(SUBMIT):
			doc.submit()
			return
		message = _(NOT_AN_ACTION).format(action=action, name=doc.name, actions=_(SUBMIT))
	else:
		message = _(NO_ACTIONS).format(action=action, name=doc.name)
	refuse([problem(None, field="action", value=action, message=message)])


# --- the caller's words ----------------------------------------------------------------------------------


def programme_doctype(doctype: str) -> str:
	"""The DocType named in either language, if it is one of the programme's documents (no child table)."""
	names = {name: key for key in DESK_FORMS for name in _names(key)}
	key = names.get((doctype or "").strip())
	if not key:
		frappe.throw(_(NO_SUCH_DOCTYPE).format(doctype), frappe.DoesNotExistError)
	return key


def _names(key: str) -> set:
	"""A key and its official names: Chinese, and the caller's language."""
	return {key, _(key, lang="zh"), _(key)}


def option_keys(meta, values: dict, problems: list, table=None, row=None, options=None) -> dict:
	"""``values`` with each option (Select) named by its English key, for Frappe: an option in either language
	is taken; one that is none is a problem."""
	options = {} if options is None else options  # per field: name → key, built once per call
	keys = dict(values)
	for fieldname, value in values.items():
		df = meta.get_field(fieldname)
		if df and df.fieldtype == "Select" and isinstance(value, str) and value.strip():
			if (meta.name, fieldname) not in options:
				keys_of = [o for o in (df.options or "").split("\n") if o]
				options[meta.name, fieldname] = {name: key for key in keys_of for name in _names(key)}
			by_name = options[meta.name, fieldname]
			if value.strip() in by_name:
				keys[fieldname] = by_name[value.strip()]
				continue
			shown = "、".join(dict.fromkeys(_(key) for key in by_name.values()))
			message = _(NOT_AN_OPTION).format(item=_(df.label), value=value, options=shown)
			problems.append(problem(df, table, row, fieldname, value, message))
		elif df and df.fieldtype in table_fields and isinstance(value, list):
			child = frappe.get_meta(df.options)
			keys[fieldname] = [
				option_keys(child, r, problems, fieldname, number, options) if isinstance(r, dict) else r
				for number, r in enumerate(value, start=1)
			]
	return keys


def action_key(doc, action: str) -> str:
	"""The English name of the workflow action named in either language, if the caller may take it now."""
	mine = get_transitions(doc)
	by_name = {name: t.action for t in mine for name in _names(t.action)}
	if (action or "").strip() in by_name:
		return by_name[action.strip()]
	if mine:
		actions = "、".join(dict.fromkeys(_(t.action) for t in mine))
		message = _(NOT_AN_ACTION).format(action=action, name=doc.name, actions=actions)
	else:
		state = doc.get("workflow_state")
		message = _(NO_ACTION_NOW).format(action=action, name=doc.name, state=_(state) if state else "")
	refuse([problem(None, field="action", value=action, message=message)])


def answer(doc) -> dict:
	"""The document as its reader may read it (what a field level or the state withholds is blank), each
	option and state in the caller's language, and the actions that may follow."""
	values = readable(doc)
	values = values.as_dict() if isinstance(values, BaseDocument) else dict(values)
	shown = _shown_options(doc.meta, values)
	state = doc.get("workflow_state")
	return {
		"doctype": doc.doctype,
		"name": doc.name,
		"state": _(state) if state else None,
		"actions": next_actions(doc),
		"doc": shown,
	}


def _shown_options(meta, values: dict) -> dict:
	shown = dict(values)
	for df in meta.fields:
		value = values.get(df.fieldname)
		if df.fieldtype == "Select" and value:
			shown[df.fieldname] = _(value)
		elif df.fieldtype in table_fields and isinstance(value, list):
			child = frappe.get_meta(df.options)
			shown[df.fieldname] = [
				_shown_options(child, r.as_dict() if isinstance(r, BaseDocument) else dict(r)) for r in value
			]
		elif df.fieldname == "workflow_state" and value:
			shown[df.fieldname] = _(value)
	return shown


def state_field(doctype: str) -> str | None:
	workflow_name = get_workflow_name(doctype)
	return (
		frappe.get_cached_value("Workflow", workflow_name, "workflow_state_field") if workflow_name else None
	)


def next_actions(doc) -> list[dict]:
	"""Who acts next: each action of the document's workflow from its state, the state it leads to and the
	roles that take it (whoever the caller is)."""
	workflow_name = get_workflow_name(doc.doctype)
	if not workflow_name:
		return []
	workflow = frappe.get_cached_doc("Workflow", workflow_name)
	state = doc.get(workflow.workflow_state_field)
	actions = {}
	for t in workflow.transitions:
		if t.state != state:
			continue
		entry = actions.setdefault(
			(t.action, t.next_state),
			{"action": _(t.action), "key": t.action, "next_state": _(t.next_state), "roles": []},
		)
		if _(t.allowed) not in entry["roles"]:
			entry["roles"].append(_(t.allowed))
	return list(actions.values())


def merged_rows(doc, values: dict) -> dict:
	"""A table sent replaces the document's rows; a row sent with the ``name`` of one of them changes only the
	fields it sends (an expert sends the scores, not the rubric's criteria again)."""
	merged = dict(values)
	for df in doc.meta.get_table_fields():
		rows = values.get(df.fieldname)
		if not isinstance(rows, list):
			continue
		current = {row.name: row.as_dict() for row in doc.get(df.fieldname)}
		merged[df.fieldname] = [
			{**current[row["name"]], **row} if isinstance(row, dict) and row.get("name") in current else row
			for row in rows
		]
	return merged


# --- inline enterprises and attachments -------------------------------------------------------------------


def resolve_enterprises(doc, values: dict):
	"""Each row of an enterprise table sent with its enterprise inline (a 统一社会信用代码 with its name and
	contacts) linked to the register's record, which is registered first where the register lacks it (checked
	as its DocType's insert checks it, as the caller; all written in one insert); a row naming its enterprise by
	name alone (a key enterprise's profile) linked to the enterprise of that name in this document or in the
	caller's register."""
	problems, registered, permitted = [], {}, set()
	cluster = doc.get("industrial_cluster") or (
		frappe.db.get_value(BRAND_PILOT, doc.brand_pilot, "industrial_cluster")
		if doc.get("brand_pilot")
		else None
	)
	tables = [df for df in doc.meta.get_table_fields() if _links_enterprises(df.options)]
	sent = {
		df.fieldname: values.get(df.fieldname) for df in tables if isinstance(values.get(df.fieldname), list)
	}
	codes = {
		normalize_credit_code(r.get(CREDIT_CODE))
		for rows in sent.values()
		for r in rows
		if isinstance(r, dict) and r.get(CREDIT_CODE) and not r.get(ENTERPRISE)
	}
	known = set(frappe.get_all(CLUSTER_ENTERPRISE, filters={"name": ("in", list(codes))}, pluck="name"))
	names = {}  # the enterprises this document names: name → code
	inline = set()  # the rows sent with their enterprise inline: (table, idx)
	for df in tables:
		for row, data in zip(doc.get(df.fieldname), sent.get(df.fieldname) or [], strict=False):
			code = normalize_credit_code(data.get(CREDIT_CODE)) if isinstance(data, dict) else ""
			if not code or row.get(ENTERPRISE):
				if row.get(ENTERPRISE) and row.get(ENTERPRISE_NAME):
					names.setdefault(row.get(ENTERPRISE_NAME), row.get(ENTERPRISE))
				continue
			inline.add((df.fieldname, row.idx))
			item = _(frappe.get_meta(df.options).get_field(ENTERPRISE).label)
			if code in known:
				if not may_read(CLUSTER_ENTERPRISE, code):
					message = _(ANOTHER_UNITS_ENTERPRISE).format(item=item, value=code)
					problems.append(problem(item, df.fieldname, row.idx, CREDIT_CODE, code, message))
					continue
			elif code not in registered:
				registered[code] = _checked_record(
					data, code, cluster, df.fieldname, row.idx, problems, permitted
				)
			row.set(ENTERPRISE, code)
			names.setdefault(data.get(ENTERPRISE_NAME) or row.get(ENTERPRISE_NAME), code)
	for df in tables:
		for row in doc.get(df.fieldname):
			if not row.get(ENTERPRISE) and row.get(ENTERPRISE_NAME) and (df.fieldname, row.idx) not in inline:
				_by_name(row, df, names, problems)
	refuse(problems)
	_insert_all([enterprise for enterprise in registered.values() if enterprise])


def _links_enterprises(child_doctype: str) -> bool:
	df = frappe.get_meta(child_doctype).get_field(ENTERPRISE)
	return bool(df and df.fieldtype == "Link" and df.options == CLUSTER_ENTERPRISE)


def _checked_record(data: dict, code: str, cluster, table: str, idx: int, problems: list, permitted: set):
	"""The register's record of an enterprise the row sends inline, checked as its insert would check it (its
	permission, its controller's validate() with the register's rules, its required values), not yet written;
	None where refused, the refusal located in this row (the other rows are still tried, to answer them all)."""
	record = register_record({**data, ENTERPRISE: code}, cluster)
	# the register's own contact fields, where the row sends them (a key enterprise's profile prints them)
	record.update({field: data[field] for field in REGISTER_CONTACTS if data.get(field)})
	enterprise = frappe.get_doc({"doctype": CLUSTER_ENTERPRISE, **record})
	try:
		# who may register depends on the record's cluster only (permissions/registers.py): asked once per cluster
		if cluster not in permitted:
			enterprise.check_permission("create")
			permitted.add(cluster)
		elif _cluster_is_its_only_link():
			enterprise.flags.ignore_links = True  # the cluster's existence was checked with the first record
		enterprise.run_method("before_naming")
		enterprise.name = enterprise.unified_social_credit_code
		enterprise.run_method("validate")
		if missing := missing_values(enterprise):
			refuse(missing)
		return enterprise
	except frappe.ValidationError as error:
		told = frappe.local.response.pop("errors", None) or [problem(None, message=_plain(error))]
		for item in told:
			problems.append({**item, "table": table, "row": idx, "field": _row_field(item.get("field"))})
		return None


def _cluster_is_its_only_link() -> bool:
	return [df.fieldname for df in frappe.get_meta(CLUSTER_ENTERPRISE).get_link_fields()] == [
		"industrial_cluster"
	]


def _insert_all(enterprises: list):
	"""The checked records written with one insert: one by one, 30 inserts (their permission, defaults, naming
	and hooks again) cost more than the application's own save (benchmarks/one_call_create.py)."""
	if not enterprises:
		return
	now, user = frappe.utils.now_datetime(), frappe.session.user
	fields = ["name", "owner", "modified_by", "creation", "modified", "docstatus", "idx"]
	columns = [c for c in frappe.get_meta(CLUSTER_ENTERPRISE).get_valid_columns() if c not in fields]
	values = [[e.name, user, user, now, now, 0, 0] + [e.get(c) for c in columns] for e in enterprises]
	frappe.db.bulk_insert(CLUSTER_ENTERPRISE, fields + columns, values)


def _row_field(register_field: str | None) -> str | None:
	"""The row's field that carried a register's field (its 联系方式 is the register's phone, mobile or email)."""
	if register_field in ("contact_phone", "mobile", "email"):
		return "contact_details"
	if register_field == "own_brands":
		return "own_brand"
	return register_field


def _by_name(row, df, names: dict, problems: list):
	name = row.get(ENTERPRISE_NAME)
	item = _(frappe.get_meta(df.options).get_field(ENTERPRISE).label)
	if name in names:
		row.set(ENTERPRISE, names[name])
		return
	found = frappe.get_list(CLUSTER_ENTERPRISE, filters={ENTERPRISE_NAME: name}, pluck="name", limit=2)
	if len(found) == 1:
		row.set(ENTERPRISE, found[0])
		return
	message = (_(SEVERAL_ENTERPRISES) if found else _(NO_ENTERPRISE)).format(item=item, value=name)
	problems.append(problem(item, df.fieldname, row.idx, ENTERPRISE_NAME, name, message))


def inline_attachments(doctype: str, values: dict) -> dict:
	"""The attachments sent inline ({"file_name", "content": base64}), taken out of ``values``: fieldname →
	(file name, bytes)."""
	files, problems = {}, []
	for df in frappe.get_meta(doctype).fields:
		value = values.get(df.fieldname)
		if df.fieldtype not in ("Attach", "Attach Image") or not isinstance(value, dict):
			continue
		try:
			content = base64.b64decode(value.get("content") or "", validate=True)
			file_name = str(value.get("file_name") or "").strip()
		except (binascii.Error, ValueError):
			content, file_name = b"", ""
		if not (content and file_name):
			message = _(NOT_A_FILE).format(item=_(df.label), value=frappe.as_json(value)[:80])
			problems.append(problem(df, None, None, df.fieldname, None, message))
			continue
		files[df.fieldname] = (file_name, content)
		values.pop(df.fieldname)
	refuse(problems)
	return files


def attach(doc, attachments: dict):
	"""Each inline attachment as a private File of the document, in its field (the desk's upload: the File's
	own permission and the edit locks hold)."""
	for fieldname, (file_name, content) in attachments.items():
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": file_name,
				"content": content,
				"is_private": 1,
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"attached_to_field": fieldname,
			}
		)
		file.flags.content_sent = True  # the caller's own bytes (permissions/files.py)
		file.insert()
		doc.set(fieldname, file.file_url)
	if attachments:
		doc.save()


# --- refusals as data -------------------------------------------------------------------------------------


def problem(item, table=None, row=None, field=None, value=None, message="") -> dict:
	"""One refused item (controllers/messages.py refused_items' shape); ``item`` a field (its official name)
	or the name itself."""
	if hasattr(item, "label"):
		item = _(item.label)
	return {"item": item, "table": table, "row": row, "field": field, "value": value, "message": message}


def missing_values(doc) -> list[dict]:
	"""The required values a refused save lacks (Frappe's MandatoryError names them only in its messages)."""
	missing = []
	for fieldname, _message in doc._get_missing_mandatory_fields():
		df = doc.meta.get_field(fieldname)
		message = _("{0} is required.").format(_(df.label) if df else fieldname)
		missing.append(problem(df or fieldname, None, None, fieldname, None, message))
	for row in doc.get_all_children():
		for fieldname, _message in row._get_missing_mandatory_fields():
			df = row.meta.get_field(fieldname)
			table = doc.meta.get_field(row.parentfield)
			message = _("{table}, row {row}: {item} is required.").format(
				table=_(table.label) if table else row.parentfield,
				row=row.idx,
				item=_(df.label) if df else fieldname,
			)
			missing.append(problem(df or fieldname, row.parentfield, row.idx, fieldname, None, message))
	return missing


def refuse(problems: list[dict]):
	if not problems:
		return
	frappe.local.response["errors"] = problems
	messages = [frappe.utils.escape_html(p["message"]) for p in problems]
	body = (
		messages[0] if len(messages) == 1 else "<ol>" + "".join(f"<li>{m}</li>" for m in messages) + "</ol>"
	)
	frappe.throw(body, Refused)


@contextmanager
def all_or_nothing():
	"""Everything the call writes (the document, new register entries, files) in one savepoint, rolled back on
	any refusal; the refusal's problems as data (``errors``), built from Frappe's own messages where the app's
	rules did not give them."""
	frappe.db.savepoint(SAVEPOINT)
	frappe.local.response.pop("errors", None)
	try:
		yield
	except (frappe.ValidationError, frappe.PermissionError) as error:
		# a refusal: a ValidationError (DoesNotExistError among them) or a PermissionError
		frappe.db.rollback(save_point=SAVEPOINT)
		if not frappe.local.response.get("errors"):
			frappe.local.response["errors"] = [problem(None, message=m) for m in _messages(error)]
		raise


def _messages(error) -> list[str]:
	"""The plain messages of a refusal: those Frappe logged for it (a missing value each), else its own."""
	logged = [frappe.parse_json(m).get("message", "") for m in (frappe.local.message_log or [])]
	logged = [m if isinstance(m, str) else str(m) for m in logged if m]
	return [_plain_text(m) for m in logged] or [_plain(error)]


def _plain(error) -> str:
	return _plain_text(str(error) or error.__class__.__name__)


def _plain_text(text: str) -> str:
	items = re.findall(r"<li>(.*?)</li>", text, flags=re.S) or [text]
	return "；".join(html.unescape(re.sub(r"<[^>]+>", "", i)).strip() for i in items if i.strip())
