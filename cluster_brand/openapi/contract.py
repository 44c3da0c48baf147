"""The hand-written parts of the OpenAPI document: the shapes of an answer and of a refusal, the request and
answer schemas of the methods whose arguments are JSON objects (cluster_brand.api.documents), which override
the introspected ones, and the named examples the README's curl lines are rendered from."""

APPLICATION = "Cluster Brand Application"
APPLICATION_ZH = "产业集群区域品牌建设试点申报书"
DEMO_NAME = "CBA-2017-00001"


def components() -> dict:
	"""The schemas every document shares: a refusal and the answer of the app's document methods."""
	nullable_string = {"type": "string", "nullable": True}
	return {
		"Error": {
			"type": "object",
			"description": "One problem of a refused call, located (the desk opens the same cell).",
			"properties": {
				"item": {
					**nullable_string,
					"description": "the form item's official name, in the caller's language",
				},
				"table": {**nullable_string, "description": "the child table's fieldname, or null"},
				"row": {"type": "integer", "nullable": True, "description": "the row's idx, or null"},
				"field": {**nullable_string, "description": "the fieldname, or null"},
				"value": {"nullable": True, "description": "the value sent, or null"},
				"message": {"type": "string"},
			},
			"required": ["message"],
		},
		"Refusal": {
			"type": "object",
			"description": "The body of a refused call (HTTP 400, 403, 404, 417, 429).",
			"properties": {
				"exc_type": {"type": "string", "description": "ValidationError, PermissionError, …"},
				"errors": {"type": "array", "items": {"$ref": "#/components/schemas/Error"}},
				"_server_messages": {
					"type": "string",
					"description": "Frappe's messages: a JSON list as a string",
				},
			},
		},
		"Action": {
			"type": "object",
			"description": "A workflow action possible from the document's state, and who takes it.",
			"properties": {
				"action": {"type": "string", "description": "in the caller's language (提交申报)"},
				"key": {"type": "string", "description": "the English name (Submit Application)"},
				"next_state": {"type": "string"},
				"roles": {"type": "array", "items": {"type": "string"}},
			},
			"required": ["action", "key", "next_state", "roles"],
		},
		"DocumentState": {
			"type": "object",
			"properties": {
				"doctype": {"type": "string"},
				"name": {"type": "string"},
				"state": {
					"type": "string",
					"nullable": True,
					"description": "the workflow state, caller's language",
				},
				"actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}},
			},
			"required": ["doctype", "name", "state", "actions"],
		},
		"Completeness": {
			"type": "object",
			"properties": {
				"complete": {"type": "boolean"},
				"missing": {
					"type": "array",
					"items": {"type": "string"},
					"description": "every missing or inconsistent item, by its official name",
				},
			},
			"required": ["complete", "missing"],
		},
		"DocumentAnswer": {
			"allOf": [
				{"$ref": "#/components/schemas/DocumentState"},
				{
					"type": "object",
					"properties": {
						"doc": {
							"type": "object",
							"description": "the document with its child tables, option values in the caller's language",
						}
					},
					"required": ["doc"],
				},
			]
		},
	}


def _answer(schema: str, description: str) -> dict:
	return {
		"description": description,
		"content": {
			"application/json": {
				"schema": {
					"type": "object",
					"properties": {"message": {"$ref": f"#/components/schemas/{schema}"}},
				}
			}
		},
	}


def _body(properties: dict, required: list[str]) -> dict:
	schema = {"type": "object", "properties": properties, "required": required}
	return {"required": True, "content": {"application/json": {"schema": schema}}}


_REFUSED = {
	"400": {"$ref": "#/components/responses/BadRequest"},
	"403": {"$ref": "#/components/responses/Forbidden"},
	"404": {"$ref": "#/components/responses/NotFound"},
	"417": {"$ref": "#/components/responses/Refused"},
}
_DOCTYPE = {"type": "string", "description": "the DocType, by its English or Chinese name"}

# method path -> what replaces the introspected parameters, body or answers
CONTRACTS = {
	"cluster_brand.api.documents.save": {
		"requestBody": _body(
			{
				"doctype": _DOCTYPE,
				"doc": {
					"type": "object",
					"description": "The document's fields (option values in either language). In the application "
					"and the annual work summary a backbone or top-enterprise row may carry the enterprise "
					"inline instead of `enterprise` (unified_social_credit_code, enterprise_name, main_products, "
					"own_brand, contact_person, contact_details and the row's numbers): matched by 统一社会信用代码 "
					"or registered in the same transaction; a top-enterprise row may name it by enterprise_name "
					'alone. An Attach field may be sent inline as {"file_name": …, "content": <base64>}. A table '
					"sent replaces the rows; a row with the `name` of one changes only the fields it sends. "
					"Frappe's own fields (name, owner, modified …) and the workflow state are ignored: a document "
					"read with documents.get may be sent back as it is; the state changes by documents.act.",
					"additionalProperties": True,
				},
				"name": {
					"type": "string",
					"nullable": True,
					"description": "the document to update; none: create",
				},
			},
			["doctype", "doc"],
		),
		"responses": {"200": _answer("DocumentAnswer", "the document as saved, all or nothing"), **_REFUSED},
	},
	"cluster_brand.api.documents.act": {
		"requestBody": _body(
			{
				"doctype": _DOCTYPE,
				"name": {"type": "string"},
				"action": {
					"type": "string",
					"description": "the workflow action, by its English or Chinese name",
				},
			},
			["doctype", "name", "action"],
		),
		"responses": {"200": _answer("DocumentState", "the new state and who acts next"), **_REFUSED},
	},
	"cluster_brand.api.documents.get": {
		"parameters": [
			{"name": "doctype", "in": "query", "required": True, "schema": _DOCTYPE},
			{"name": "name", "in": "query", "required": True, "schema": {"type": "string"}},
		],
		"responses": {
			"200": _answer("DocumentAnswer", "the document, its state and who acts next"),
			**_REFUSED,
		},
	},
	"cluster_brand.api.check_completeness": {
		"responses": {"200": _answer("Completeness", "what the application still lacks"), **_REFUSED},
	},
	"cluster_brand.api.openapi.document": {
		"responses": {
			"200": {
				"description": "this OpenAPI document, built from the site's live metadata (not wrapped in message)",
				"content": {"application/json": {"schema": {"type": "object"}}},
			}
		},
	},
}

# operationId -> named examples: path and query values, a body or a file sent as the body; "summary" is the
# README's comment line, "language" adds Accept-Language
RESOURCE_EXAMPLES = {
	"cluster_brand.api.openapi.document": {
		"document": {"summary": "this API's OpenAPI 3 document (no key needed)"},
	},
	f"{APPLICATION}.create": {
		"create": {
			"summary": "create an application with its child tables (a complete body: cluster_brand/demo/values.py, "
			"application_values)",
			"externalValue": "application.json",
			"language": "zh",
		},
	},
	f"{APPLICATION}.read": {
		"read": {"summary": "read it back, with every child table", "path": {"name": DEMO_NAME}},
	},
	f"{APPLICATION}.list": {
		"list": {
			"summary": "list applications of a batch",
			"query": {
				"filters": '[["pilot_batch","=","2017年产业集群区域品牌建设试点"]]',
				"fields": '["name","organizing_unit","industrial_cluster","backbone_sales_coverage","workflow_state"]',
			},
		},
	},
	"cluster_brand.api.check_completeness.get": {
		"completeness": {
			"summary": 'completeness check: {"complete": false, "missing": ["一、主导产业简介", …]}',
			"query": {"name": DEMO_NAME},
			"language": "zh",
		},
	},
	"cluster_brand.api.documents.save": {
		"save": {
			"summary": "create or update in one call, the enterprises inline, Chinese names accepted "
			"(examples/integration_client.py builds this body from the demo)",
			"externalValue": "application-zh.json",
			"language": "zh",
		},
	},
	"cluster_brand.api.documents.act": {
		"act": {
			"summary": "a workflow action by its Chinese name: answers the new state and who acts next",
			"body": {"doctype": APPLICATION_ZH, "name": DEMO_NAME, "action": "提交申报"},
			"language": "zh",
		},
	},
	"cluster_brand.api.documents.get.get": {
		"get": {
			"summary": "the document, its state and its possible actions, in the caller's language",
			"query": {"doctype": APPLICATION_ZH, "name": DEMO_NAME},
			"language": "zh",
		},
	},
}

# the README's REST API section, in this order: [operationId, example name]
README_EXAMPLES = [
	[operation, name] for operation, examples in RESOURCE_EXAMPLES.items() for name in examples
]
