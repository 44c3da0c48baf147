"""The OpenAPI document built from the DocTypes' JSON files: valid for a maintained validator
(openapi-spec-validator), and the same as the metadata it is built from."""

import copy

import pytest
from metadata import doctypes, translations
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from cluster_brand.openapi.build import (
	ROW_STANDARD_FIELDS,
	STANDARD_FIELDS,
	build,
	build_from_files,
	is_data_field,
	read_doctype_files,
	read_translations,
	resource_path,
	schema_name,
	select_options,
)
from cluster_brand.openapi.contract import RESOURCE_EXAMPLES

APPLICATION = "Cluster Brand Application"


@pytest.fixture(scope="module")
def spec():
	return build_from_files(version="0.1.0")


def data_fields(doctype: str) -> list[dict]:
	return [f for f in doctypes()[doctype]["fields"] if is_data_field(f)]


def test_the_document_validates(spec):
	validate(spec)
	assert spec["openapi"] == "3.0.3"


def test_a_broken_document_is_caught_by_the_validator(spec):
	broken = copy.deepcopy(spec)
	broken["paths"][resource_path(APPLICATION)]["post"]["responses"]["200"] = {
		"content": {}
	}  # no description
	with pytest.raises(OpenAPIValidationError, match="is not valid"):
		validate(broken)


def test_every_doctype_has_its_schema_and_every_document_its_paths(spec):
	schemas = spec["components"]["schemas"]
	assert len(doctypes()) > 40
	for name, meta in doctypes().items():
		assert schemas[schema_name(name)]["x-doctype"] == name
		has_paths = resource_path(name) in spec["paths"]
		assert has_paths == (not meta.get("istable") and not meta.get("issingle")), name
		if has_paths:
			assert set(spec["paths"][resource_path(name)]) == {"get", "post"}
			assert set(spec["paths"][resource_path(name) + "/{name}"]) >= {"get", "put"}


def test_properties_are_the_data_fields_with_their_types(spec):
	for name, meta in doctypes().items():
		schema = spec["components"]["schemas"][schema_name(name)]
		standard = ROW_STANDARD_FIELDS if meta.get("istable") else STANDARD_FIELDS
		assert set(schema["properties"]) - set(standard) == {f["fieldname"] for f in data_fields(name)}, name
		for field in data_fields(name):
			prop = schema["properties"][field["fieldname"]]
			if field["fieldtype"] == "Table":
				assert prop["items"] == {"$ref": f"#/components/schemas/{schema_name(field['options'])}"}
			elif field["fieldtype"] in ("Int", "Check"):
				assert prop["type"] == "integer"
			elif field["fieldtype"] in ("Float", "Percent", "Currency"):
				assert prop["type"] == "number"
			elif field["fieldtype"] == "Date":
				assert (prop["type"], prop["format"]) == ("string", "date")
			else:
				assert prop["type"] == "string", (name, field["fieldname"])
			assert prop.get("readOnly", False) == bool(field.get("read_only")), (name, field["fieldname"])


def test_enums_are_the_select_options(spec):
	selects = [(n, f) for n in doctypes() for f in data_fields(n) if f["fieldtype"] == "Select"]
	assert len(selects) > 30
	for name, field in selects:
		prop = spec["components"]["schemas"][schema_name(name)]["properties"][field["fieldname"]]
		assert prop["enum"] == select_options(field)
		assert "" not in prop["enum"]
	funding = spec["components"]["schemas"]["ApplicationFunding"]["properties"]["funding_source"]
	assert funding["enum"][0] == "Central Government Funds"


def test_required_is_reqd(spec):
	for name in doctypes():
		schema = spec["components"]["schemas"][schema_name(name)]
		assert schema.get("required", []) == [f["fieldname"] for f in data_fields(name) if f.get("reqd")], (
			name
		)
	assert "pilot_batch" in spec["components"]["schemas"]["ClusterBrandApplication"]["required"]


def test_descriptions_carry_the_label_and_its_chinese_name(spec):
	properties = spec["components"]["schemas"]["ClusterBrandApplication"]["properties"]
	described = [p.get("description") for p in properties.values()]
	assert "1. Profile of the Leading Industry / 一、主导产业简介" in described
	zh = translations()
	for field in data_fields(APPLICATION):
		if field.get("label") in zh:
			assert properties[field["fieldname"]]["description"].startswith(
				f"{field['label']} / {zh[field['label']]}"
			)


def test_the_builder_takes_live_metadata_a_custom_field_included():
	metas = read_doctype_files()
	application = next(m for m in metas if m["name"] == APPLICATION)
	application["fields"].append(
		{
			"fieldname": "custom_provincial_code",
			"fieldtype": "Select",
			"label": "Provincial Code",
			"options": "\nA\nB",
			"reqd": 1,
		}
	)
	spec = build(metas, {**read_translations(), "Provincial Code": "省级编码"})
	prop = spec["components"]["schemas"]["ClusterBrandApplication"]["properties"]["custom_provincial_code"]
	assert (prop["enum"], prop["description"].split(" (")[0]) == (["A", "B"], "Provincial Code / 省级编码")
	assert "custom_provincial_code" in spec["components"]["schemas"]["ClusterBrandApplication"]["required"]
	validate(spec)


def test_a_refusal_has_its_shape(spec):
	create = spec["paths"][resource_path(APPLICATION)]["post"]
	assert create["responses"]["417"] == {"$ref": "#/components/responses/Refused"}
	refused = spec["components"]["responses"]["Refused"]["content"]["application/json"]["schema"]
	assert refused == {"$ref": "#/components/schemas/Refusal"}
	refusal = spec["components"]["schemas"]["Refusal"]["properties"]
	assert set(refusal) == {"exc_type", "errors", "_server_messages"}
	assert set(spec["components"]["schemas"]["Error"]["properties"]) == {
		"item",
		"table",
		"row",
		"field",
		"value",
		"message",
	}


def test_token_authentication(spec):
	scheme = spec["components"]["securitySchemes"]["tokenAuth"]
	assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
	assert spec["security"] == [{"tokenAuth": []}]


def test_every_example_names_parameters_its_operation_has(spec):
	operations = {
		op["operationId"]: (item, op)
		for item in spec["paths"].values()
		for op in item.values()
		if isinstance(op, dict) and "operationId" in op
	}
	for operation_id, examples in RESOURCE_EXAMPLES.items():
		item, op = operations[operation_id]
		names = {p["name"] for p in item.get("parameters", []) + op.get("parameters", [])}
		for example in examples.values():
			assert set(example.get("query", {})) | set(example.get("path", {})) <= names, operation_id
			if "body" in example or "externalValue" in example:
				assert "requestBody" in op, operation_id
