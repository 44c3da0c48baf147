"""cluster_brand/hooks.py: every dotted path names a function or value that exists (read without importing
Frappe), and every list of names it holds is the one its source defines."""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[1] / "cluster_brand"
DOTTED = re.compile(r"^cluster_brand(?:\.\w+)+$")


def hook_paths() -> set[str]:
	tree = ast.parse((APP_DIR / "hooks.py").read_text(encoding="utf-8"))
	return {
		node.value
		for node in ast.walk(tree)
		if isinstance(node, ast.Constant) and isinstance(node.value, str) and DOTTED.match(node.value)
	} - published_paths(tree)


def published_paths(tree) -> set[str]:
	"""The app's own paths that override_whitelisted_methods maps to where their functions moved: callers
	name them, no module defines them (cluster_brand.batch_print.*)."""
	for node in tree.body:
		if isinstance(node, ast.Assign) and any(
			isinstance(t, ast.Name) and t.id == "override_whitelisted_methods" for t in node.targets
		):
			return {k.value for k in node.value.keys if isinstance(k, ast.Constant) and DOTTED.match(k.value)}
	return set()


def defined_names(module_file: Path) -> set[str]:
	tree = ast.parse(module_file.read_text(encoding="utf-8"))
	names = set()
	for node in tree.body:
		if isinstance(node, ast.FunctionDef | ast.ClassDef):
			names.add(node.name)
		elif isinstance(node, ast.Assign):
			names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
		elif isinstance(node, ast.ImportFrom):
			names |= {alias.asname or alias.name for alias in node.names}
	return names


def resolve(path: str) -> bool:
	parts = path.split(".")[1:]
	for split in range(len(parts), 0, -1):
		module = APP_DIR.joinpath(*parts[:split])
		attributes = parts[split:]
		if module.with_suffix(".py").is_file():
			return len(attributes) == 1 and attributes[0] in defined_names(module.with_suffix(".py"))
		if module.is_dir() and not attributes:
			return True
	return False


def test_hooks_name_many_paths():
	# the permission hooks alone name more than twenty: an empty set would mean the parse went wrong
	assert len(hook_paths()) > 20


def test_a_published_path_is_served_where_its_function_moved():
	tree = ast.parse((APP_DIR / "hooks.py").read_text(encoding="utf-8"))
	published = published_paths(tree)
	assert {
		"cluster_brand.batch_print.make_batch_pdf",
		"cluster_brand.batch_print.batch_pdf_status",
	} <= published
	# no module answers at the old path any more: the override alone serves it
	assert not any(resolve(path) for path in published)


def test_every_hook_path_exists():
	missing = sorted(path for path in hook_paths() if not resolve(path))
	assert not missing, f"hooks.py names what does not exist: {missing}"


def test_every_form_of_the_programme_loads_the_shared_form_script():
	# a DocType left out opens a form without the refused-cell handler and the Chinese timeline
	from cluster_brand.doctype_names import DESK_FORMS
	from tests.metadata import doctypes

	forms = {
		name for name, meta in doctypes().items() if not meta.get("istable") and not meta.get("issingle")
	}
	assert set(DESK_FORMS) == forms
	assert (APP_DIR / "public" / "js" / "desk_forms.js").is_file()


# --- Each name once: hooks.py lists what the rules and doctype_names define (issue 20) -------------------------
FIXTURES_DIR = APP_DIR / "fixtures"


def fixture_records(doctype: str) -> set[str]:
	path = FIXTURES_DIR / f"{doctype.lower().replace(' ', '_')}.json"
	return {record["name"] for record in json.loads(path.read_text(encoding="utf-8"))}


def test_hooks_import_no_frappe():
	# hooks.py is read on every request and by this tier: it imports plain modules only
	code = "import sys, cluster_brand.hooks; print('frappe' in sys.modules)"
	result = subprocess.run(
		[sys.executable, "-c", code], cwd=APP_DIR.parent, capture_output=True, text=True, check=True
	)
	assert result.stdout.strip() == "False"


def test_each_fixture_filter_names_the_shipped_records():
	# a name added to its rules but not exported (or exported but not named) would be skipped or left behind
	from cluster_brand import hooks

	filtered = [fixture for fixture in hooks.fixtures if fixture.get("filters")]
	assert len(filtered) == 6
	for fixture in filtered:
		[[_field, operator, names]] = fixture["filters"]
		names = [names] if operator == "=" else names
		assert len(names) == len(set(names)), fixture["dt"]
		assert set(names) == fixture_records(fixture["dt"]), fixture["dt"]


def test_the_fixture_lists_are_the_rules_lists():
	from cluster_brand import hooks
	from cluster_brand.rules import PROGRAMME_ROLES
	from cluster_brand.rules.application import workflow
	from cluster_brand.rules.pilot_end import demonstration_workflow, final_summary_workflow
	from cluster_brand.rules.pilot_years import workflow as summary_workflow
	from cluster_brand.rules.registration import workflow as registration_workflow
	from cluster_brand.rules.system_accounts import SYSTEM_ACCOUNT_ROLE

	names = {
		fixture["dt"]: set(fixture["filters"][0][2]) for fixture in hooks.fixtures if fixture.get("filters")
	}
	assert names["Role"] == {*PROGRAMME_ROLES, SYSTEM_ACCOUNT_ROLE}
	assert names["Workflow"] == {
		workflow.WORKFLOW,
		summary_workflow.WORKFLOW,
		final_summary_workflow.WORKFLOW,
		demonstration_workflow.WORKFLOW,
		registration_workflow.WORKFLOW,
	}
	assert names["Workflow State"] == {
		*workflow.STATES,
		*summary_workflow.STATES,
		*final_summary_workflow.STATES,
		*demonstration_workflow.STATES,
		*registration_workflow.STATES,
	}
	assert names["Workflow Action Master"] == {
		*workflow.APPLICATION_ACTIONS,
		*summary_workflow.SUMMARY_ACTIONS,
		*final_summary_workflow.FINAL_SUMMARY_ACTIONS,
		*demonstration_workflow.ACTIONS,
		*registration_workflow.ACTIONS,
	}
	# each workflow ships with its own states and actions
	for name, module, actions in (
		(workflow.WORKFLOW, workflow, workflow.APPLICATION_ACTIONS),
		(summary_workflow.WORKFLOW, summary_workflow, summary_workflow.SUMMARY_ACTIONS),
		(registration_workflow.WORKFLOW, registration_workflow, registration_workflow.ACTIONS),
	):
		[shipped] = [
			record
			for record in json.loads((FIXTURES_DIR / "workflow.json").read_text(encoding="utf-8"))
			if record["name"] == name
		]
		assert {row["state"] for row in shipped["states"]} == set(module.STATES)
		assert {row["action"] for row in shipped["transitions"]} == set(actions)


def parent_condition_keys() -> set[str]:
	"""The parents whose row rules permissions/child_tables.py applies (PARENT_CONDITIONS), read without
	importing Frappe: each key is a name of doctype_names or a string."""
	from cluster_brand import doctype_names

	tree = ast.parse((APP_DIR / "permissions" / "child_tables.py").read_text(encoding="utf-8"))
	[mapping] = [
		node.value
		for node in tree.body
		if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["PARENT_CONDITIONS"]
	]
	return {
		key.value if isinstance(key, ast.Constant) else getattr(doctype_names, key.id) for key in mapping.keys
	}


def test_every_child_table_is_tied_to_its_parents_rule():
	# a child table without its entry would list every row to anyone with its parent's DocType permission
	# (no hook), or raise KeyError in child_table_query (no parent)
	from cluster_brand import hooks
	from cluster_brand.doctype_names import CHILD_TABLE_PARENTS, PARENTS_WITHOUT_ROW_RULES
	from tests.metadata import doctypes

	metas = doctypes()
	child_tables = {name for name, meta in metas.items() if meta.get("istable")}
	assert len(child_tables) > 20
	assert not set(CHILD_TABLE_PARENTS) & set(PARENTS_WITHOUT_ROW_RULES)
	assert set(CHILD_TABLE_PARENTS) | set(PARENTS_WITHOUT_ROW_RULES) == child_tables
	for child, parent in {**CHILD_TABLE_PARENTS, **PARENTS_WITHOUT_ROW_RULES}.items():
		# the parent named is the DocType that holds the table
		tables = {df.get("options") for df in metas[parent]["fields"] if df["fieldtype"] == "Table"}
		assert child in tables, child
	assert set(CHILD_TABLE_PARENTS.values()) <= parent_condition_keys()
	query = "cluster_brand.permissions.child_tables.child_table_query"
	queried = {child for child, path in hooks.permission_query_conditions.items() if path == query}
	assert queried == set(CHILD_TABLE_PARENTS)
	# a parent given row rules since: its tables' rows follow them (move them to CHILD_TABLE_PARENTS)
	assert not set(PARENTS_WITHOUT_ROW_RULES.values()) & set(hooks.permission_query_conditions)
