"""The README's REST examples are what the OpenAPI document renders (scripts/openapi_examples.py)."""

import copy

from cluster_brand.openapi.build import build_from_files
from cluster_brand.openapi.readme import END, README, START, curl, render, with_examples


def test_the_readme_shows_the_generated_examples():
	readme = README.read_text(encoding="utf-8")
	assert readme.count(START) == readme.count(END) == 1
	assert with_examples(readme, build_from_files()) == readme, "run scripts/openapi_examples.py"


def test_a_changed_example_changes_the_readme():
	spec = build_from_files()
	changed = copy.deepcopy(spec)
	read = changed["paths"]["/api/resource/Cluster%20Brand%20Application/{name}"]
	read["parameters"][0]["examples"]["read"]["value"] = "CBA-2017-00002"
	assert "CBA-2017-00002" in render(changed)
	assert render(changed) != render(spec)


def test_each_example_is_one_curl_command():
	spec = build_from_files()
	assert len(spec["x-readme-examples"]) >= 5
	for operation_id, example in spec["x-readme-examples"]:
		comment, command, *continued = curl(spec, operation_id, example)
		assert comment.startswith("# ") and command.startswith("curl -s")
		assert all(line.startswith("  ") for line in continued)
	listed = curl(spec, "Cluster Brand Application.list", "list")
	assert '--data-urlencode \'filters=[["pilot_batch","=","2017年产业集群区域品牌建设试点"]]\'' in "".join(
		listed
	)
	guest = curl(spec, "cluster_brand.api.openapi.document", "document")
	assert guest[1] == 'curl -s "$SITE/api/method/cluster_brand.api.openapi.document"'


def test_a_body_example_is_sent_as_json_in_chinese():
	spec = build_from_files()
	operation = spec["paths"]["/api/method/cluster_brand.api.application_import.import_table"]["post"]
	operation["x-examples"] = {"import": {"summary": "the sheet back", "language": "zh"}}
	body = operation["requestBody"]["content"]["application/json"]
	body["examples"] = {"import": {"value": {"application": "CBA-2017-00001", "table": "骨干企业汇总表"}}}
	comment, *command = curl(spec, "cluster_brand.api.application_import.import_table", "import")
	assert comment == "# the sheet back"
	assert " ".join(command).replace(" \\   ", " ") == (
		'curl -s -X POST "$SITE/api/method/cluster_brand.api.application_import.import_table" -H "$AUTH" '
		'-H "Accept-Language: zh" -H "Content-Type: application/json" '
		'-d \'{"application": "CBA-2017-00001", "table": "骨干企业汇总表"}\''
	)
