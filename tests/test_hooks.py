"""Every dotted path of hooks.py names a function or value that exists, read without importing Frappe."""

import ast
import re
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
