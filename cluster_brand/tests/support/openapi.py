"""The OpenAPI document as the site serves it (api/openapi.py), and answers checked against its schemas: the
contract's tests (test_openapi.py) and the client's (test_integration_client.py)."""

import json

from cluster_brand.tests.support.http import frappe_application, in_thread

PATH = "/api/method/cluster_brand.api.openapi.document"


def served_document() -> dict:
	"""The document as a guest reads it: the raw JSON, not wrapped in {"message": …}."""
	from werkzeug.test import Client

	response = in_thread(lambda: Client(frappe_application()).open(PATH, method="GET"))
	assert response.status_code == 200, response.get_data(as_text=True)[:600]
	assert response.mimetype == "application/json", response.mimetype
	return json.loads(response.get_data(as_text=True))


def check_against(spec: dict, schema: str, instance):
	"""Raises jsonschema's ValidationError when ``instance`` is not a ``schema`` of the document (OpenAPI 3.0's
	dialect: nullable, readOnly)."""
	from openapi_schema_validator import OAS30Validator

	root = {"$ref": f"#/components/schemas/{schema}", "components": spec["components"]}
	OAS30Validator(root).validate(instance)
