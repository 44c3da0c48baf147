"""The method catalogue read from the source: every whitelisted function of the app, with its HTTP methods,
parameters and published paths, in the OpenAPI document."""

import re

import pytest
from metadata import APP

from cluster_brand.openapi.build import build_from_files
from cluster_brand.openapi.methods import catalogue

DECORATOR = re.compile(r"^\s*@frappe\.whitelist\b", re.M)


@pytest.fixture(scope="module")
def spec():
	return build_from_files()


def whitelisted_in_source() -> int:
	return sum(
		len(DECORATOR.findall(path.read_text(encoding="utf-8")))
		for path in APP.rglob("*.py")
		if "tests" not in path.relative_to(APP).parts
	)


def test_every_whitelisted_function_is_catalogued():
	methods, doc_methods = catalogue(APP)
	assert len(methods) + len(doc_methods) == whitelisted_in_source() > 30
	assert {(m.doctype, m.name) for m in doc_methods} == {
		("Cluster Brand Application", "check_completeness"),
		("Annual Work Summary", "check_completeness"),
	}


def test_every_whitelisted_function_has_its_path(spec):
	methods, doc_methods = catalogue(APP)
	for method in methods:
		item = spec["paths"][f"/api/method/{method.path}"]
		assert {verb.upper() for verb in item} == set(method.http_methods), method.path
	for doc_method in doc_methods:
		read = spec["paths"][f"/api/resource/{doc_method.doctype.replace(' ', '%20')}/{{name}}"]["get"]
		run_method = next(p for p in read["parameters"] if p["name"] == "run_method")
		assert doc_method.name in run_method["schema"]["enum"]


def test_http_methods_guests_and_rate_limits(spec):
	register = spec["paths"]["/api/method/cluster_brand.api.registration.register"]
	assert list(register) == ["post"]
	assert {} in register["post"]["security"]
	assert register["post"]["responses"]["429"] == {"$ref": "#/components/responses/TooManyRequests"}
	assert register["post"]["requestBody"]["content"]["application/json"]["schema"]["additionalProperties"]
	completeness = spec["paths"]["/api/method/cluster_brand.api.check_completeness"]
	assert set(completeness) == {"get", "post"}
	assert "security" not in completeness["get"]  # the document's token authentication


def test_parameters_from_the_annotations(spec):
	imported = spec["paths"]["/api/method/cluster_brand.api.application_import.import_table"]["post"]
	schema = imported["requestBody"]["content"]["application/json"]["schema"]
	assert schema["properties"]["file_url"] == {"type": "string", "nullable": True}
	assert schema["required"] == ["application", "table"]
	template = spec["paths"]["/api/method/cluster_brand.api.application_import.download_template"]["get"]
	assert [(p["name"], p["in"], p["required"]) for p in template["parameters"]] == [
		("application", "query", True),
		("table", "query", True),
	]
	assert template["description"].startswith("The table's .xlsx")


def test_published_paths_answer_as_the_function(spec):
	published = spec["paths"]["/api/method/cluster_brand.pilot_years.start_annual_summary"]["post"]
	moved = spec["paths"][
		"/api/method/cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary"
	]["post"]
	assert published["requestBody"] == moved["requestBody"]
	assert published["operationId"] != moved["operationId"]
	assert (
		"frappe.client.get_value"
		in spec["paths"]["/api/method/cluster_brand.overrides.client.get_value"]["get"]["x-published-as"]
	)


def test_the_document_itself_is_served_to_anyone(spec):
	document = spec["paths"]["/api/method/cluster_brand.api.openapi.document"]
	assert list(document) == ["get"]
	assert {} in document["get"]["security"]


def test_every_call_may_meet_the_api_keys_limit(spec):
	# the limit counts every call of an API key on every path (permissions/rate_limit.py), not only the
	# functions with Frappe's rate_limit decorator
	for path, item in spec["paths"].items():
		for verb, operation in item.items():
			if verb in ("get", "post", "put", "delete", "patch"):
				assert operation["responses"]["429"] == {"$ref": "#/components/responses/TooManyRequests"}, (
					path
				)
	assert "Retry-After" in spec["components"]["responses"]["TooManyRequests"]["headers"]
