"""Consistency of the app's metadata: links resolve, fetches point at real fields, everything is translated."""

import json

import pytest
from metadata import (
	APP,
	FRAPPE_DOCTYPES,
	doctypes,
	fields,
	fixtures,
	js_messages,
	metadata_strings,
	python_messages,
	translations,
)
from sample_application import invalid_application_violations

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	EXPERT_REVIEW,
	FINAL_SUMMARY,
	PILOT_BATCH,
)
from cluster_brand.print.format_names import (
	ANNUAL_SUMMARY_FORMAT,
	APPLICATION_FORMAT,
	DEMONSTRATION_APPLICATION_FORMAT,
	DEMONSTRATION_LIST_FORMAT,
	DESIGNATION_LIST_FORMAT,
	EXPERT_REVIEW_FORMAT,
	FINAL_SUMMARY_FORMAT,
	RECOMMENDATION_FORMAT,
)
from cluster_brand.tests.support.frappe_strings import FRAPPE_STRINGS_CORRECTED

ALL_STRINGS = {**metadata_strings(), **python_messages(), **js_messages()}
# Frappe's own labels, translated by Frappe's zh translation: the app must not override them.
LEFT_TO_FRAPPE = {"Amended From", "Disabled", "Workflow State"}
# The exception: Frappe's desk strings whose zh translation Frappe lacks or gets wrong, which the app's zh.csv
# corrects (cluster_brand/tests/support/frappe_strings.py; test_desk.py checks that Frappe then uses them).


def link_fields():
	for name, dt in doctypes().items():
		for f in dt["fields"]:
			if f["fieldtype"] in ("Link", "Table", "Table MultiSelect"):
				yield name, f


@pytest.mark.parametrize(
	"doctype,field", list(link_fields()), ids=lambda x: x if isinstance(x, str) else x["fieldname"]
)
def test_link_and_table_targets_exist(doctype, field):
	target = field["options"]
	assert target in doctypes() or target in FRAPPE_DOCTYPES, f"{doctype}.{field['fieldname']} → {target}"
	if field["fieldtype"] == "Table":
		assert doctypes()[target].get("istable") == 1


def test_fetch_from_points_at_existing_fields():
	for name, dt in doctypes().items():
		for f in dt["fields"]:
			if not f.get("fetch_from"):
				continue
			link_field, target_field = f["fetch_from"].split(".")
			link = fields(name)[link_field]
			assert link["fieldtype"] == "Link"
			assert target_field in fields(link["options"]), (
				f"{name}.{f['fieldname']} fetches {f['fetch_from']}"
			)


def test_field_order_matches_fields_and_names_are_unique():
	for name, dt in doctypes().items():
		names = [f["fieldname"] for f in dt["fields"]]
		assert len(names) == len(set(names)), name
		assert dt["field_order"] == names, name


def test_every_doctype_is_in_the_module_and_has_a_controller():
	for name, dt in doctypes().items():
		assert dt["module"] == "Cluster Brand"
		folder = name.lower().replace(" ", "_")
		assert (APP / "cluster_brand" / "doctype" / folder / f"{folder}.py").exists()


def test_permissions_only_name_shipped_roles():
	roles = {r["name"] for r in fixtures("role")} | {"System Manager"}
	for name, dt in doctypes().items():
		for perm in dt.get("permissions", []):
			assert perm["role"] in roles, f"{name}: {perm['role']}"


def test_authorities_fixture_has_37_provincial_authorities_and_7_associations():
	authorities = fixtures("recommending_authority")
	provincial = [
		a
		for a in authorities
		if a["authority_type"] == "Provincial Industry and Information Technology Authority"
	]
	associations = [a for a in authorities if a["authority_type"] == "National Industry Association"]
	assert len(provincial) == 37 and len({a["region"] for a in provincial}) == 37
	assert sum(a["region_type"] == "Separately Planned City" for a in provincial) == 5
	assert any(a["region"] == "新疆生产建设兵团" for a in provincial)
	assert len(associations) == 7 and all(a["industry_sector"] for a in associations)
	options = fields("Recommending Authority")["industry_sector"]["options"].split("\n")
	assert all(a["industry_sector"] in options for a in associations)


@pytest.mark.parametrize("string", sorted(ALL_STRINGS), ids=lambda s: s[:60])
def test_every_user_facing_string_is_translated_to_chinese(string):
	if string in LEFT_TO_FRAPPE:
		assert string not in translations()
		return
	zh = translations().get(string)
	assert zh, f"no zh translation for {string!r} ({ALL_STRINGS[string]})"
	assert zh != string or not any(c.isalpha() and c.isascii() for c in string)


def test_frappe_strings_are_overridden_only_where_frappe_is_wrong_or_missing():
	for (source, context), zh in FRAPPE_STRINGS_CORRECTED.items():
		key = f"{source}:{context}" if context else source
		assert translations().get(key) == zh, key
		assert source not in ALL_STRINGS, f"{source!r} is the app's own string, not a correction of Frappe's"
		assert source not in LEFT_TO_FRAPPE
		assert any("\u4e00" <= c <= "\u9fff" for c in zh), key


def test_each_string_has_one_translation():
	# Frappe keeps the last of two rows with the same source and context: the other is silently unused
	import csv
	from collections import Counter

	with open(APP / "translations" / "zh.csv", encoding="utf-8", newline="") as fh:
		keys = Counter((row[0], row[2] if len(row) > 2 else "") for row in csv.reader(fh) if row)
	assert not [key for key, count in keys.items() if count > 1]


def test_translations_keep_the_placeholders():
	import re

	for source, target in translations().items():
		assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", target)), source


def test_official_names_used_in_messages_are_translated():
	for violation in invalid_application_violations():
		for key in violation.translate_args:
			assert violation.args[key] in translations(), violation.args[key]


def workspaces() -> list[dict]:
	return [json.loads(p.read_text()) for p in sorted((APP / "cluster_brand" / "workspace").glob("*/*.json"))]


def test_workspace_links_resolve():
	reports = {json.loads(p.read_text())["name"] for p in (APP / "cluster_brand" / "report").glob("*/*.json")}
	for workspace in workspaces():
		targets = [s["link_to"] for s in workspace["shortcuts"]] + [
			link["link_to"] for link in workspace["links"] if link["type"] == "Link"
		]
		assert targets, workspace["name"]
		for target in targets:
			assert target in doctypes() or target in reports or target in FRAPPE_DOCTYPES, (
				workspace["name"],
				target,
			)


def test_every_role_has_a_workspace_of_its_own():
	# of the desk's roles: the mark of a system account (issue 24) has no desk
	roles = {r["name"] for r in fixtures("role") if r["desk_access"]}
	covered = {role["role"] for workspace in workspaces() for role in workspace["roles"]}
	assert roles <= covered
	assert all(workspace["roles"] for workspace in workspaces())


def test_industry_sectors_are_the_same_everywhere():
	def options(doctype):
		return [o for o in fields(doctype)["industry_sector"]["options"].split("\n") if o]

	assert options("Industrial Cluster") == options("Recommending Authority") == options(APPLICATION)


def test_records_are_named_and_titled_by_what_people_look_for():
	# an expert's list of sheets reads by cluster, not by the expert's own name on every row;
	# a province's setting is named by the province and the batch, not by a hash
	assert doctypes()[EXPERT_REVIEW]["title_field"] == "industrial_cluster"
	setting = doctypes()["Recommendation Setting"]
	assert setting["autoname"] == "format:{recommending_authority}（{pilot_batch}）"


def test_the_one_application_per_cluster_check_reads_an_index():
	# every save looks for another application of the cluster in the batch: without an index that is a scan of
	# the whole table (0.47 s of a 0.72 s save with 10,000 applications, benchmarks/application_save_scale.py)
	fields = {f["fieldname"]: f for f in doctypes()["Cluster Brand Application"]["fields"]}
	assert fields["industrial_cluster"].get("search_index") == 1


def test_the_names_the_code_spells_once_are_the_shipped_ones():
	# doctype_names and format_names stand for the DocType and Print Format JSON: a rename must reach both
	assert {APPLICATION, EXPERT_REVIEW, PILOT_BATCH, BRAND_PILOT, ANNUAL_WORK_SUMMARY, FINAL_SUMMARY} <= set(
		doctypes()
	)
	shipped = {
		json.loads(p.read_text(encoding="utf-8"))["name"]
		for p in (APP / "cluster_brand" / "print_format").glob("*/*.json")
	}
	assert {
		APPLICATION_FORMAT,
		RECOMMENDATION_FORMAT,
		EXPERT_REVIEW_FORMAT,
		DESIGNATION_LIST_FORMAT,
		ANNUAL_SUMMARY_FORMAT,
		FINAL_SUMMARY_FORMAT,
		DEMONSTRATION_APPLICATION_FORMAT,
		DEMONSTRATION_LIST_FORMAT,
	} == shipped


def test_attachments_are_not_printed_as_images():
	"""Frappe's Standard print shows an Attach field as an image: a stamped scan (a private PDF) made the
	Standard PDF of every application fail (wkhtmltopdf may not load a private file)."""
	for doctype, data in doctypes().items():
		for f in data["fields"]:
			if f["fieldtype"] in ("Attach", "Attach Image"):
				assert f.get("print_hide"), f"{doctype}.{f['fieldname']}"
