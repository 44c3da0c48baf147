"""The OpenAPI 3.0.3 document of the app's REST API, built from plain dicts (no frappe import): DocType metadata
(the JSON files in tier 1, frappe.get_meta(...).as_dict() on a site), the zh translations and the method
catalogue of methods.py. The site serves it at /api/method/cluster_brand.api.openapi.document."""

import csv
import json
from pathlib import Path

from cluster_brand.openapi.contract import CONTRACTS, README_EXAMPLES, RESOURCE_EXAMPLES, components
from cluster_brand.openapi.methods import Method, catalogue

OPENAPI_VERSION = "3.0.3"
MODULE = "Cluster Brand"
APP_DIR = Path(__file__).resolve().parent.parent
LAYOUT_FIELDTYPES = frozenset(
	{"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading", "Fold", "Image"}
)
# Frappe's own columns of every document (and of every row), read-only over REST
STANDARD_FIELDS = {
	"name": {"type": "string", "readOnly": True, "description": "ID"},
	"owner": {"type": "string", "readOnly": True},
	"creation": {"type": "string", "readOnly": True},
	"modified": {"type": "string", "readOnly": True},
	"modified_by": {"type": "string", "readOnly": True},
	"docstatus": {"type": "integer", "enum": [0, 1, 2], "readOnly": True},
}
ROW_STANDARD_FIELDS = {
	"name": {
		"type": "string",
		"description": "the row's ID: send it to change that row, leave it out for a new row",
	},
	"idx": {"type": "integer", "readOnly": True},
}
_FIELDTYPE_SCHEMAS = {
	"Int": {"type": "integer"},
	"Check": {"type": "integer", "enum": [0, 1]},
	"Float": {"type": "number"},
	"Currency": {"type": "number"},
	"Percent": {"type": "number"},
	"Date": {"type": "string", "format": "date"},
	"Datetime": {"type": "string", "format": "date-time"},
	"Attach": {"type": "string", "description": "the file's URL"},
	"Attach Image": {"type": "string", "description": "the file's URL"},
}
REFUSALS = {"400": "BadRequest", "403": "Forbidden", "417": "Refused"}
TOKEN_AUTH = [{"tokenAuth": []}]


def read_doctype_files(app_dir: Path = APP_DIR) -> list[dict]:
	"""The module's DocTypes as their JSON files define them."""
	out = []
	for path in sorted((app_dir / "cluster_brand" / "doctype").glob("*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if isinstance(data, dict) and data.get("doctype") == "DocType" and data.get("module") == MODULE:
			out.append(data)
	return out


def read_translations(app_dir: Path = APP_DIR, lang: str = "zh") -> dict[str, str]:
	with open(app_dir / "translations" / f"{lang}.csv", encoding="utf-8", newline="") as fh:
		return {row[0]: row[1] for row in csv.reader(fh) if len(row) > 1 and not (len(row) > 2 and row[2])}


def schema_name(doctype: str) -> str:
	return doctype.replace(" ", "")


def resource_path(doctype: str) -> str:
	return "/api/resource/" + doctype.replace(" ", "%20")


def select_options(field: dict) -> list[str]:
	return [o for o in (field.get("options") or "").split("\n") if o]


def is_data_field(field: dict) -> bool:
	return field.get("fieldtype") not in LAYOUT_FIELDTYPES


def field_schema(field: dict, translations: dict[str, str]) -> dict:
	fieldtype = field["fieldtype"]
	if fieldtype in ("Table", "Table MultiSelect"):
		schema = {"type": "array", "items": {"$ref": f"#/components/schemas/{schema_name(field['options'])}"}}
	else:
		schema = dict(_FIELDTYPE_SCHEMAS.get(fieldtype, {"type": "string"}))
	label = field.get("label") or field["fieldname"]
	described = f"{label} / {translations[label]}" if translations.get(label) else label
	if schema.get("description"):
		described = f"{described}: {schema['description']}"
	schema["description"] = described
	if fieldtype == "Select":
		schema["enum"] = select_options(field)
		schema["description"] += (
			" (the English keys; cluster_brand.api.documents accepts their Chinese names as well)"
		)
	if fieldtype in ("Link", "Dynamic Link"):
		schema["x-link"] = field.get("options")
	if not field.get("reqd") and fieldtype not in ("Table", "Table MultiSelect", "Check"):
		schema["nullable"] = True
	if field.get("read_only"):
		schema["readOnly"] = True
	return schema


def doctype_schema(meta: dict, translations: dict[str, str]) -> dict:
	fields = [f for f in meta["fields"] if is_data_field(f)]
	standard = ROW_STANDARD_FIELDS if meta.get("istable") else STANDARD_FIELDS
	name = meta["name"]
	schema = {
		"type": "object",
		"title": name,
		"description": f"{name} / {translations[name]}" if translations.get(name) else name,
		"x-doctype": name,
		"properties": {**standard, **{f["fieldname"]: field_schema(f, translations) for f in fields}},
	}
	required = [f["fieldname"] for f in fields if f.get("reqd")]
	if required:
		schema["required"] = required
	return schema


def _refusals(*codes: str) -> dict:
	return {code: {"$ref": f"#/components/responses/{REFUSALS[code]}"} for code in codes}


def _data_answer(schema: dict, description: str) -> dict:
	return {
		"description": description,
		"content": {"application/json": {"schema": {"type": "object", "properties": {"data": schema}}}},
	}


def _name_parameter() -> dict:
	return {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}


def resource_paths(meta: dict, doc_methods: list[str]) -> dict:
	"""Frappe's /api/resource paths of one DocType: list and create, read and update."""
	doctype, ref = meta["name"], {"$ref": f"#/components/schemas/{schema_name(meta['name'])}"}
	tag = [doctype]
	list_parameters = [
		{
			"name": "fields",
			"in": "query",
			"schema": {"type": "string"},
			"description": 'JSON list: ["name", …]',
		},
		{
			"name": "filters",
			"in": "query",
			"schema": {"type": "string"},
			"description": "JSON, Frappe's filters",
		},
		{"name": "order_by", "in": "query", "schema": {"type": "string"}},
		{"name": "limit_start", "in": "query", "schema": {"type": "integer"}},
		{"name": "limit_page_length", "in": "query", "schema": {"type": "integer", "default": 20}},
	]
	read_parameters = [_name_parameter()]
	if doc_methods:
		read_parameters.append(
			{
				"name": "run_method",
				"in": "query",
				"schema": {"type": "string", "enum": doc_methods},
				"description": "runs the document's whitelisted method and answers {message} instead",
			}
		)
	collection = {
		"get": {
			"operationId": f"{doctype}.list",
			"tags": tag,
			"summary": f"List {doctype} (the documents the caller may read)",
			"parameters": list_parameters,
			"responses": {
				"200": _data_answer({"type": "array", "items": {"type": "object"}}, "the requested fields"),
				**_refusals("400", "403"),
			},
		},
		"post": {
			"operationId": f"{doctype}.create",
			"tags": tag,
			"summary": f"Create a {doctype}",
			"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
			"responses": {
				"200": _data_answer(ref, "the document as saved"),
				**_refusals("400", "403", "417"),
			},
		},
	}
	document = {
		"parameters": read_parameters[:1],
		"get": {
			"operationId": f"{doctype}.read",
			"tags": tag,
			"summary": f"Read a {doctype} with its child tables",
			"parameters": read_parameters[1:],
			"responses": {
				"200": _data_answer(ref, "the document"),
				"404": {"$ref": "#/components/responses/NotFound"},
				**_refusals("403"),
			},
		},
		"put": {
			"operationId": f"{doctype}.update",
			"tags": tag,
			"summary": f"Update a {doctype}",
			"description": "Only the fields sent change; a child table sent replaces the table (rows keep their "
			"name to be changed in place).",
			"requestBody": {
				"required": True,
				"content": {"application/json": {"schema": {"type": "object", "additionalProperties": True}}},
			},
			"responses": {
				"200": _data_answer(ref, "the document as saved"),
				**_refusals("400", "403", "417"),
			},
		},
	}
	if not read_parameters[1:]:
		del document["get"]["parameters"]
	return {resource_path(doctype): collection, f"{resource_path(doctype)}/{{name}}": document}


def method_operations(method: Method, operation_id: str | None = None) -> dict:
	"""The operations of one whitelisted method: introspected, or as its contract in contract.py states."""
	operation_id = operation_id or method.path
	contract = CONTRACTS.get(method.path, {})
	operations = {}
	for http_method in method.http_methods:
		verb = http_method.lower()
		operation = {
			"operationId": f"{operation_id}.{verb}" if len(method.http_methods) > 1 else operation_id,
			"tags": ["Methods"],
			"summary": (method.description.splitlines() or [method.path])[0],
			"x-source": method.source,
		}
		if method.description:
			operation["description"] = method.description
		if method.allow_guest:
			operation["security"] = [{}, *TOKEN_AUTH]
		if method.published_as:
			operation["x-published-as"] = sorted(method.published_as)
		if verb == "get":
			parameters = contract.get("parameters") or [
				{"name": p.name, "in": "query", "required": p.required, "schema": p.schema}
				for p in method.parameters
			]
			if parameters:
				operation["parameters"] = parameters
		else:
			body = contract.get("requestBody") or _introspected_body(method)
			if body:
				operation["requestBody"] = body
		operation["responses"] = contract.get("responses") or {
			"200": {
				"description": "the method's answer",
				"content": {
					"application/json": {"schema": {"type": "object", "properties": {"message": {}}}}
				},
			},
			**_refusals("403", "417"),
		}
		if method.rate_limited:
			operation["responses"]["429"] = {"$ref": "#/components/responses/TooManyRequests"}
		operations[verb] = operation
	return operations


def _introspected_body(method: Method) -> dict | None:
	if not method.parameters and not method.free_arguments:
		return None
	schema = {"type": "object", "properties": {p.name: p.schema for p in method.parameters}}
	required = [p.name for p in method.parameters if p.required]
	if required:
		schema["required"] = required
	if method.free_arguments:
		schema["additionalProperties"] = True
	return {"required": bool(required), "content": {"application/json": {"schema": schema}}}


def _add_examples(paths: dict):
	"""The named examples of contract.py placed on their operations: path and query values on the
	parameters, a body on the request body (the README's curl lines are rendered from them)."""
	operations = {op["operationId"]: (item, op) for item in paths.values() for op in _operations(item)}
	for operation_id, examples in RESOURCE_EXAMPLES.items():
		if operation_id not in operations:
			continue
		item, op = operations[operation_id]
		for example_name, example in examples.items():
			op.setdefault("x-examples", {})[example_name] = {
				k: example[k] for k in ("summary", "language") if k in example
			}
			for parameter in item.get("parameters", []) + op.get("parameters", []):
				value = {**example.get("path", {}), **example.get("query", {})}.get(parameter["name"])
				if value is not None:
					parameter.setdefault("examples", {})[example_name] = {"value": value}
			if "body" in example or "externalValue" in example:
				content = op["requestBody"]["content"]["application/json"]
				content.setdefault("examples", {})[example_name] = (
					{"externalValue": example["externalValue"]}
					if "externalValue" in example
					else {"value": example["body"]}
				)


def _operations(item: dict):
	return [v for k, v in item.items() if k in ("get", "put", "post", "delete", "patch")]


def build(
	doctypes: list[dict],
	translations: dict[str, str],
	app_dir: Path = APP_DIR,
	version: str = "",
	server_url: str = "/",
) -> dict:
	"""The document: ``doctypes`` are the module's DocType metadata as dicts (child tables included)."""
	methods, doc_methods = catalogue(app_dir)
	by_doctype = {}
	for m in doc_methods:
		by_doctype.setdefault(m.doctype, []).append(m.name)
	schemas, paths = components(), {}
	for meta in sorted(doctypes, key=lambda m: m["name"]):
		schemas[schema_name(meta["name"])] = doctype_schema(meta, translations)
		if not meta.get("istable") and not meta.get("issingle"):
			paths.update(resource_paths(meta, sorted(by_doctype.get(meta["name"], []))))
	for method in methods:
		paths[f"/api/method/{method.path}"] = method_operations(method)
		for published in method.published_as:
			if published.startswith("cluster_brand."):  # a path the app published before the code moved
				paths[f"/api/method/{published}"] = method_operations(method, published)
	_add_examples(paths)
	# every call with an API key counts against its key's limit, on every path (permissions/rate_limit.py)
	for item in paths.values():
		for operation in _operations(item):
			operation["responses"].setdefault("429", {"$ref": "#/components/responses/TooManyRequests"})
	operation_ids = {op["operationId"] for item in paths.values() for op in _operations(item)}
	return {
		"openapi": OPENAPI_VERSION,
		"info": {
			"title": "cluster_brand REST API",
			"version": version or "0",
			"description": DESCRIPTION,
		},
		"servers": [{"url": server_url}],
		"security": TOKEN_AUTH,
		"tags": [{"name": "Methods", "description": "the app's whitelisted methods"}]
		+ [{"name": m["name"]} for m in sorted(doctypes, key=lambda m: m["name"]) if not m.get("istable")],
		"paths": paths,
		"components": {
			"schemas": schemas,
			"responses": _responses(),
			"securitySchemes": {
				"tokenAuth": {
					"type": "apiKey",
					"in": "header",
					"name": "Authorization",
					"description": "token <api_key>:<api_secret> (User → Settings → API Access → Generate Keys)",
				}
			},
		},
		"x-readme-examples": [e for e in README_EXAMPLES if e[0] in operation_ids],
	}


def _responses() -> dict:
	refusal = {"application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}}
	return {
		"BadRequest": {
			"description": "bad input: the message names the field, its table and row",
			"content": refusal,
		},
		"Forbidden": {
			"description": "not permitted (PermissionError), or a method outside the allowlist",
			"content": refusal,
		},
		"NotFound": {"description": "no such document (DoesNotExistError)", "content": refusal},
		"Refused": {"description": "refused by a rule (ValidationError); nothing saved", "content": refusal},
		"TooManyRequests": {
			"description": "more calls by this API key in the window than the site allows (site_config "
			"cluster_brand_api_rate_limit; 300 a minute unless set); nothing done",
			"headers": {
				"Retry-After": {
					"description": "the seconds until the next window",
					"schema": {"type": "integer"},
				}
			},
			"content": refusal,
		},
	}


def build_from_files(app_dir: Path = APP_DIR, version: str = "") -> dict:
	"""The document from the checkout's JSON files (tier 1, the README generator)."""
	return build(read_doctype_files(app_dir), read_translations(app_dir), app_dir, version)


DESCRIPTION = """The REST API of cluster_brand, MIIT's 产业集群区域品牌建设试点 programme.

Authenticate with an API key: `Authorization: token <api_key>:<api_secret>`. Send `Accept-Language: zh`
for answers and messages in Chinese.

`/api/resource/{DocType}` is Frappe's own: Select values are the English keys listed in each schema's
`enum`. The app's own methods (`/api/method/cluster_brand.api.documents.*`) accept the official Chinese
names of every option, workflow action and DocType as well, and answer in the caller's language.

A user of the programme's roles may call only the methods of `cluster_brand/permissions/allowlist.py`
(any other answers 403), and reads and writes only what the row rules and field levels let them.
A refused call answers 417 (a rule), 403, 404 or 400 with Frappe's `exc_type` and `_server_messages`
and, where the app locates the problem, `errors`: a list of `Error` (item, table, row, field, value, message).
"""
