"""One guard for what a request sends, before anything runs: bad input is the client's error (a 400 naming
the field or argument, in the reader's language), never a Python error (500) and never a partial save.

- The documents a request writes, for the programme's DocTypes (module Cluster Brand): ``/api/resource``
  POST and PUT, ``/api/v2/document`` POST, PUT and PATCH, and the desk's and the client's methods that take
  a whole document (``DOCUMENT_ARGUMENTS``) or some of its values (frappe.client.set_value). The body must be a JSON object; each field's value must have
  its type's shape (rules/input_values.py): a table a list of rows, each row an object checked against the
  child DocType, text no object, numbers numbers, a Check 0 or 1, dates days of the calendar.
- The whitelisted methods, for every user: an argument the function requires and the request left out, and
  an argument that Frappe reads as JSON (``JSON_ARGUMENTS``) sent as something that is no JSON.
- A JSON body that is no JSON: Frappe parses it before any app code can run (frappe.app.make_form_dict)
  and answers with a 500; ``answer_malformed_body`` (after_request) answers the client's error as one.
- On every save of a programme document, by any path (``check_saved_document``): rows sent with the name of
  a row that the document does not have (Frappe would take them as updates of rows that are not there,
  write nothing, and delete the document's own rows: a save would end with fewer rows than it was sent,
  unsaid), and dates that are no dates.

It runs as an auth hook (after the allowlist, which refuses unlisted methods first), so it sees the user and
the parsed request. The documents' own rules (violations.py, the controllers) still run on save.
"""

import inspect
import json

import frappe
from frappe import _

from cluster_brand.doctype_names import PROGRAMME_MODULE
from cluster_brand.permissions.allowlist import api_route
from cluster_brand.rules import input_values

# the whitelisted methods that take a whole document, and the argument it is sent in
DOCUMENT_ARGUMENTS = {
	"frappe.desk.form.save.savedocs": "doc",
	"frappe.client.submit": "doc",
	"frappe.client.save": "doc",
	"frappe.client.insert": "doc",
	"frappe.model.workflow.apply_workflow": "doc",
	"frappe.model.workflow.get_transitions": "doc",
	"frappe.handler.run_doc_method": "docs",
	"run_doc_method": "docs",
}

# Arguments that Frappe's methods read as JSON when they are JSON: text that opens as JSON ([ or {) and is no
# JSON fails (a 500). Plain text is left alone: ``filters`` may be a record's name (frappe.client.get_value),
# ``doc`` a DocType's (printview.get_html_and_style), ``fields`` "name, title".
JSON_ARGUMENTS = frozenset(
	{
		"filters",
		"or_filters",
		"current_filters",
		"doc",
		"docs",
		"chart",
		"routes",
		"user_settings",
		"config",
		"fields",
		"args",
		"kwargs",
		"columns",
	}
)

# ... and the arguments that these methods always read as JSON (any text that is no JSON fails); the document
# arguments (DOCUMENT_ARGUMENTS) and the list arguments (LIST_ARGUMENTS) too
METHOD_JSON_ARGUMENTS = {
	"frappe.desk.desktop.get_desktop_page": ("page",),
	"frappe.desk.reportview.get_sidebar_stats": ("stats", "filters"),
	"frappe.desk.doctype.event.event.get_events": ("filters",),
	# the list queries: Frappe's DatabaseQuery reads text filters with json.loads
	"frappe.client.get_list": ("filters", "or_filters"),
	"frappe.desk.reportview.get": ("filters", "or_filters"),
	"frappe.desk.reportview.get_list": ("filters", "or_filters"),
	"frappe.desk.reportview.get_count": ("filters", "or_filters"),
	"frappe.desk.reportview.export_query": ("filters", "or_filters"),
	"frappe.desk.listview.get_group_by_count": ("current_filters",),
	"frappe.desk.search.search_link": ("filters",),
	"cluster_brand.cluster_brand.dashboard_chart_source.applications_by_state.applications_by_state.get": (
		"filters",
	),
	"cluster_brand.cluster_brand.dashboard_chart_source.deadlines_ahead.deadlines_ahead.get": ("filters",),
	"cluster_brand.cluster_brand.dashboard_chart_source.score_distribution.score_distribution.get": (
		"filters",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": ("chart",),
	"frappe.desk.doctype.number_card.number_card.get_result": ("doc", "filters"),
	"frappe.model.utils.user_settings.save": ("user_settings",),
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.save_chart_config": ("config",),
	"cluster_brand.cluster_brand.dashboard_chart_source.end_of_the_pilots.end_of_the_pilots.get": (
		"filters",
	),
}

# Methods that read their arguments from the request (frappe.form_dict) rather than their signature, or whose
# signature makes optional what they cannot run without: the sets of arguments of which one must be sent
REQUIRED_ARGUMENTS = {
	"frappe.desk.reportview.get": (("doctype",),),
	"frappe.desk.reportview.get_list": (("doctype",),),
	"frappe.desk.reportview.get_count": (("doctype",),),
	"frappe.desk.reportview.export_query": (("doctype",),),
	"frappe.desk.query_report.export_query": (("report_name",),),
	"frappe.desk.form.save.cancel": (("doctype", "name"),),
	"frappe.desk.form.load.get_docinfo": (("doctype", "name"),),
	"run_doc_method": (("dt", "dn"), ("docs",)),
	"frappe.handler.run_doc_method": (("dt", "dn"), ("docs",)),
}

# Arguments that only Python callers can pass (a Document): over HTTP they fail as a Python error
PYTHON_ONLY_ARGUMENTS = {"frappe.desk.form.load.get_docinfo": ("doc",)}

# Methods whose document argument is a DocType's name when a record's name is sent too, else the document as
# JSON (the print preview): (the document argument, the name argument)
DOCTYPE_OR_DOCUMENT = {"frappe.www.printview.get_html_and_style": ("doc", "name")}

# Arguments that name a DocType: one that does not exist is a 404, not Frappe's failed import (a 500)
DOCTYPE_ARGUMENTS = ("doctype", "dt", "reference_doctype")
# the integrators' methods take a DocType by its official (Chinese) name too, and check it themselves
# (api/documents.py programme_doctype)
OFFICIAL_NAME_METHODS = frozenset(
	{"cluster_brand.api.documents.get", "cluster_brand.api.documents.save", "cluster_brand.api.documents.act"}
)

# Arguments that a method reads as a JSON list of objects, and the type of each object's keys (the desk's
# route history: a route that is no list of {route, creation} fails as a Python error)
LIST_ARGUMENTS = {
	"frappe.desk.doctype.route_history.route_history.deferred_insert": {
		"routes": {"route": "Data", "creation": "Datetime"}
	},
}


class BadRequestInput(frappe.ValidationError):
	"""What the request sent cannot be taken: the client's error."""

	http_status_code = 400


def refuse(messages: list):
	"""Refuses the request (400) with ``messages``: texts, or refused items (document_problems), which the
	answer carries as data too (``errors``)."""
	if not messages:
		return
	if isinstance(messages[0], dict):
		frappe.local.response["errors"] = messages
		messages = [item["message"] for item in messages]
	if len(messages) == 1:
		body = frappe.utils.escape_html(messages[0])
	else:
		body = "<ol>" + "".join(f"<li>{frappe.utils.escape_html(m)}</li>" for m in messages) + "</ol>"
	frappe.throw(body, BadRequestInput, title=_("The request cannot be taken as sent"))


# --- the request ------------------------------------------------------------------------------------------


def refuse_bad_input():
	"""auth_hooks entry: the request's documents and arguments, checked before any of them is used."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	form = frappe.form_dict
	if form.get("cmd"):
		return check_method_call(form.cmd)
	route = api_route()
	if route is None:
		return  # no /api/ path, or Frappe answers 404 or 405 itself
	endpoint, arguments = route
	name = getattr(endpoint, "__name__", "")
	if name == "handle_rpc_call":
		method = arguments["method"].split("/")[0]
		if arguments.get("doctype"):  # /api/v2/method/<doctype>/<method>: a function of the DocType's module
			from frappe.modules.utils import load_doctype_module

			try:
				method = f"{load_doctype_module(arguments['doctype']).__name__}.{method}"
			except Exception:
				return  # no such DocType: Frappe answers
		return check_method_call(method)
	if name in ("create_doc", "update_doc"):
		v1 = endpoint.__module__ == "frappe.api.v1"
		return check_document(arguments["doctype"], _v1_body() if v1 else dict(form))


def _v1_body():
	"""The document that /api/resource (v1) writes, read as Frappe reads it (frappe.api.v1.get_request_form_data):
	the ``data`` argument or the body as JSON, else the form's fields."""
	sent = frappe.form_dict.get("data")
	if sent is None:
		raw = frappe.safe_decode(frappe.request.get_data())
		try:
			return json.loads(raw)
		except ValueError:
			return dict(frappe.form_dict)  # form fields (the body was not JSON at all)
	if isinstance(sent, str):
		try:
			return json.loads(sent)
		except ValueError:
			refuse([_("The argument {0} is not valid JSON.").format("data")])
	return sent


def is_programme_doctype(doctype) -> bool:
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype, cache=True):
		return False
	return frappe.get_meta(doctype).module == PROGRAMME_MODULE


# --- documents --------------------------------------------------------------------------------------------


def check_document(doctype: str, document):
	"""Refuses a document of a programme DocType whose values do not have their fields' shapes."""
	if not isinstance(doctype, str) or not is_programme_doctype(doctype):
		return
	if not isinstance(document, dict):
		refuse(
			[
				_("A document of {0} is sent as an object of its fields, not {1}.").format(
					_(doctype), input_values.shown(document)
				)
			]
		)
	refuse(document_problems(doctype, document))


def document_problems(doctype: str, document: dict) -> list[dict]:
	"""Each value of ``document`` (and of its child rows) that its field cannot take, as a refused item
	(controllers/messages.py refused_items' shape: item, table, row, field, value and the translated message
	naming the field, and the table and row)."""
	problems = []
	meta = frappe.get_meta(doctype)
	for df in meta.fields:
		if df.fieldname not in document:
			continue
		value = document[df.fieldname]
		if df.fieldtype in input_values.TABLE_FIELDTYPES:
			problems += _table_problems(df, value)
		else:
			problem = input_values.value_problem(df.fieldtype, value)
			if problem:
				item = _(df.label or df.fieldname)
				message = _(problem).format(item=item, value=_shown(value))
				problems.append(_problem(item, None, None, df.fieldname, value, message))
	return problems


def _table_problems(table_df, rows) -> list[dict]:
	table = _(table_df.label or table_df.fieldname)
	problem = input_values.table_problem(rows)
	if problem:
		message = _(problem).format(item=table, value=_shown(rows))
		return [_problem(table, None, None, table_df.fieldname, None, message)]
	problems = []
	child = frappe.get_meta(table_df.options)
	for number, row in enumerate(rows, start=1):
		problem = input_values.row_problem(row)
		if problem:
			message = _(problem).format(table=table, row=number, value=_shown(row))
			problems.append(_problem(table, table_df.fieldname, number, None, None, message))
			continue
		for df in child.fields:
			if df.fieldname not in row:
				continue
			problem = input_values.value_problem(df.fieldtype, row[df.fieldname])
			if problem:
				label = _(df.label or df.fieldname)
				item = _(input_values.IN_ROW).format(table=table, row=number, item=label)
				message = _(problem).format(item=item, value=_shown(row[df.fieldname]))
				problems.append(
					_problem(label, table_df.fieldname, number, df.fieldname, row[df.fieldname], message)
				)
	return problems


def _problem(item, table, row, field, value, message) -> dict:
	# a value that cannot be taken is answered as it was sent only when it is plain (a number, a text)
	plain = value if isinstance(value, str | int | float | bool) or value is None else _shown(value)
	return {"item": item, "table": table, "row": row, "field": field, "value": plain, "message": message}


def _shown(value) -> str:
	return input_values.shown(value)


# --- whitelisted methods ----------------------------------------------------------------------------------


def resolve_method(method: str):
	"""The function that Frappe runs for ``method`` (the last override wins, as in frappe.handler), or None."""
	overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(method, [])
	path = overrides[-1] if overrides else method
	try:
		if "." in path:
			return frappe.get_attr(path)
		from frappe import handler

		return getattr(handler, path, None)
	except Exception:
		return None  # Frappe answers that it has no such method


def required_arguments(fn) -> list[str]:
	"""The arguments ``fn`` cannot run without. ``inspect.signature`` follows ``__wrapped__`` to the function
	itself, past Frappe's type checks and caches (whose wrappers take anything)."""
	try:
		signature = inspect.signature(fn)
	except (TypeError, ValueError):
		return []
	return [
		name
		for name, parameter in signature.parameters.items()
		if parameter.default is inspect.Parameter.empty
		and parameter.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
		and name != "self"
	]


def _given(form, name) -> bool:
	# "" is an argument too (a link search for all records sends txt="")
	return form.get(name) is not None


def _sent(form, name) -> bool:
	return _given(form, name) and form[name] != ""


def check_method_call(method: str):
	from frappe import handler

	fn = resolve_method(method)
	function = getattr(fn, "__func__", fn)
	# run_doc_method is Frappe's own dispatcher, called without the whitelist check
	if fn is None or (function not in frappe.whitelisted and fn is not handler.run_doc_method):
		return  # Frappe refuses it
	if frappe.session.user == "Guest" and function not in frappe.guest_methods:
		return  # Frappe refuses it (403) before it reads any argument
	form = frappe.form_dict
	problems = [
		_("The argument {0} is required: the request did not send it.").format(name)
		for name in required_arguments(fn)
		if not _given(form, name)
	]
	alternatives = REQUIRED_ARGUMENTS.get(method)
	if alternatives and not any(all(_sent(form, n) for n in names) for names in alternatives):
		problems += [
			_("The argument {0} is required: the request did not send it.").format(name)
			for name in alternatives[0]
			if not _sent(form, name)
		]
	# what the method reads: its signature, and what it reads from the request itself
	parameters = (
		_parameters(fn)
		| {n for names in alternatives or () for n in names}
		| set(METHOD_JSON_ARGUMENTS.get(method, ()))
	)
	document_argument = DOCUMENT_ARGUMENTS.get(method)
	doctype_argument = None
	if method in DOCTYPE_OR_DOCUMENT:
		argument, record_argument = DOCTYPE_OR_DOCUMENT[method]
		if isinstance(form.get(record_argument), str):
			doctype_argument = argument
		else:
			document_argument = argument
	strict = {
		*METHOD_JSON_ARGUMENTS.get(method, ()),
		*LIST_ARGUMENTS.get(method, {}),
		*((document_argument,) if document_argument else ()),
	}
	if doctype_argument:
		strict.discard(doctype_argument)
	for name in sorted(JSON_ARGUMENTS | strict):
		value = form.get(name)
		if name not in parameters or not isinstance(value, str) or not value.strip():
			continue
		if name not in strict and value.strip()[0] not in "[{":
			continue
		try:
			json.loads(value)
		except ValueError:
			problems.append(_("The argument {0} is not valid JSON.").format(name))
	for name, keys in LIST_ARGUMENTS.get(method, {}).items():
		if name in form:
			problems += _list_problems(name, form[name], keys)
	problems += [
		_("The argument {0} is not taken in a request.").format(name)
		for name in PYTHON_ONLY_ARGUMENTS.get(method, ())
		if _sent(form, name)
	]
	problems += _type_problems(function, {n: form[n] for n in parameters if n in form})
	refuse(problems)
	named_doctype = () if method in OFFICIAL_NAME_METHODS else DOCTYPE_ARGUMENTS
	for name in (*named_doctype, *((doctype_argument,) if doctype_argument else ())):
		value = form.get(name)
		if name in parameters and _sent(form, name) and not _is_doctype(value):
			frappe.throw(_("There is no DocType {0}.").format(_shown(value)), frappe.DoesNotExistError)
	if method == "frappe.client.set_value":
		check_document(form.get("doctype"), _set_values(form))
	argument = document_argument
	if argument and _sent(form, argument):
		document = form[argument]
		if isinstance(document, str):
			document = json.loads(document)
		if not isinstance(document, dict):
			refuse([_("The argument {0} is a document: an object of its fields.").format(argument)])
		check_document(document.get("doctype"), document)


def _type_problems(function, arguments: dict) -> list[str]:
	"""The arguments that Frappe's own check of the method's type hints refuses (a FrappeTypeError, which
	carries its message only in the traceback that System Settings no longer send: issue 22), named."""
	from frappe.exceptions import FrappeTypeError
	from frappe.utils.typing_validations import transform_parameter_types

	problems = []
	for name, value in arguments.items():
		try:
			transform_parameter_types(function, (), {name: value})
		except FrappeTypeError:
			problems.append(_("The argument {0} does not have the type the method takes.").format(name))
	return problems


def _set_values(form) -> dict:
	"""The values that frappe.client.set_value writes, read as it reads them."""
	fieldname, value = form.get("fieldname"), form.get("value")
	if value:
		return {fieldname: value} if isinstance(fieldname, str) else {}
	if isinstance(fieldname, str):
		try:
			fieldname = json.loads(fieldname)
		except ValueError:
			return {}
	return fieldname if isinstance(fieldname, dict) else {}


def _is_doctype(value) -> bool:
	return isinstance(value, str) and bool(frappe.db.exists("DocType", value, cache=True))


def _list_problems(name: str, value, keys: dict) -> list[str]:
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			return []  # told as no JSON
	if not isinstance(value, list):
		return [_("The argument {0} is a list of objects, not {1}.").format(name, _shown(value))]
	problems = []
	for number, item in enumerate(value, start=1):
		if not isinstance(item, dict):
			problems.append(_("The argument {0} is a list of objects, not {1}.").format(name, _shown(item)))
			continue
		for key, fieldtype in keys.items():
			problem = input_values.value_problem(fieldtype, item.get(key))
			if problem:
				where = _(input_values.IN_ROW).format(table=name, row=number, item=key)
				problems.append(_(problem).format(item=where, value=_shown(item.get(key))))
	return problems


def _parameters(fn) -> set[str]:
	try:
		parameters = inspect.signature(fn).parameters
	except (TypeError, ValueError):
		return set()
	if any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
		return set(parameters) | JSON_ARGUMENTS  # **kwargs: the function reads what it is sent
	return set(parameters)


# --- a body that is no JSON -------------------------------------------------------------------------------


def answer_malformed_body(response=None, request=None):
	"""after_request entry: a request whose JSON body is no JSON failed in Frappe's parsing (500); it is
	answered as the client's error, in the reader's language."""
	if response is None or request is None or response.status_code != 500 or not request.is_json:
		return
	body = request.get_data(as_text=True)
	if not body:
		return
	try:
		json.loads(body)
		return  # the body was JSON: the 500 is another error
	except ValueError as error:
		position = error.pos if hasattr(error, "pos") else None
	frappe.local.lang = _request_language(request)
	message = _("The request's body is not valid JSON (at character {0}).").format(position)
	response.status_code = BadRequestInput.http_status_code
	response.mimetype = "application/json"
	response.set_data(
		json.dumps(
			{
				"exception": message,
				"exc_type": BadRequestInput.__name__,
				"_server_messages": json.dumps(
					[json.dumps({"message": message, "title": _("The request cannot be taken as sent")})]
				),
			}
		)
	)


def _request_language(request) -> str:
	"""The language the reader asked for (its cookie, Accept-Language), else the site's: the request failed
	before Frappe read its session and language."""
	from frappe.translate import get_all_languages

	languages = set(get_all_languages() or [])
	for code in (request.cookies.get("preferred_language"), *request.accept_languages.values()):
		for candidate in (code, (code or "").split("-")[0]):
			if candidate and candidate in languages:
				return candidate
	return frappe.get_system_settings("language") or "en"


# --- on every save of a programme document -----------------------------------------------------------------


def check_saved_document(doc, method=None):
	"""doc_events (every DocType, before_validate), for the programme's DocTypes: what reached the document
	by any path (a request, the desk, code): rows it does not have, dates that are no dates."""
	if doc.meta.module != PROGRAMME_MODULE:
		return
	refuse(rows_it_does_not_have(doc) + impossible_dates(doc))


def rows_it_does_not_have(doc) -> list[str]:
	"""A row sent with a name that is none of the document's rows of that table, naming the table and the
	row. Frappe would update no row, and delete the rows that the document has (a PUT of 11 indicator rows
	named after rows since replaced would leave none); a name of another document's row would move that
	row here. Refused, not taken as new rows: a row's name says which row the sender changed, and that row
	is gone; the sender reads the document again, or sends the row without a name to add it."""
	before = None if doc.is_new() else doc.get_doc_before_save()
	if before is None:
		return []
	problems = []
	for table_df in doc.meta.get_table_fields():
		known = {row.name for row in before.get(table_df.fieldname) or []}
		for number, row in enumerate(doc.get(table_df.fieldname) or [], start=1):
			if row.name and not row.is_new() and row.name not in known:
				problems.append(
					_("{0}, row {1}: the row does not exist: send it without a name to add it ({2}).").format(
						_(table_df.label or table_df.fieldname), number, row.name
					)
				)
	return problems


def impossible_dates(doc) -> list[str]:
	"""Each date of the document and its rows that the calendar does not have (MariaDB error 1292)."""
	problems = []
	rows = [(doc, None, None)]
	for table_df in doc.meta.get_table_fields():
		rows += [(row, table_df, n) for n, row in enumerate(doc.get(table_df.fieldname) or [], start=1)]
	for row, table_df, number in rows:
		for df in row.meta.fields:
			if df.fieldtype not in input_values.DATE_FIELDTYPES | input_values.DATETIME_FIELDTYPES:
				continue
			value = row.get(df.fieldname)
			if input_values.value_problem(df.fieldtype, value) is None:
				continue
			item = _(df.label or df.fieldname)
			if table_df is not None:
				item = _(input_values.IN_ROW).format(
					table=_(table_df.label or table_df.fieldname), row=number, item=item
				)
			problems.append(_(input_values.NOT_A_DATE).format(item=item, value=_shown(value)))
	return problems
