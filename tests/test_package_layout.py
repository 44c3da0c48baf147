"""The package's layout (README, Layout): imports run one way, no circle, no module reaching into another's
private names. Read from the sources with ast, without importing Frappe.

The layers, from the bottom: ``rules`` (and ``doctype_names``), plain Python that imports nothing else of the
app; the shared machinery (``controllers``, ``permissions``, ``readers``), which imports the rules and each
other but nothing above it; everything Frappe calls (the DocTypes, reports and chart sources, ``api``,
``overrides``, ``notifications``, ``print``, ``desk``, ``demo``, ``install``, ``hooks``, patches, benchmarks).
"""

import ast
from functools import cache
from pathlib import Path

import pytest

APP = "cluster_brand"
PACKAGE = Path(__file__).resolve().parents[1] / APP
BOTTOM = ("rules", "doctype_names")
MACHINERY = ("controllers", "permissions", "readers")


def module_name(path: Path) -> str:
	parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
	return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
	return {
		module_name(path): path
		for path in PACKAGE.rglob("*.py")
		if "tests" not in path.relative_to(PACKAGE).parts[:1] and not path.name.startswith("test_")
	}


def layer(module: str) -> int:
	top = module.split(".")[1] if "." in module else ""
	if top in BOTTOM:
		return 0
	if top in MACHINERY:
		return 1
	return 2


def resolve(name: str) -> str | None:
	"""The app's module that an imported dotted name is (or is defined in)."""
	while name:
		if name in modules():
			return name
		name = name.rpartition(".")[0]
	return None


@cache
def imports(module: str) -> tuple[tuple[str, str | None, int], ...]:
	"""(imported module, the name taken from it or None, line) for every import of the app, at any depth (an
	import inside a function is a dependency too)."""
	found = []
	for node in ast.walk(ast.parse(modules()[module].read_text(encoding="utf-8"))):
		if isinstance(node, ast.Import):
			found += [(alias.name, None, node.lineno) for alias in node.names if alias.name.startswith(APP)]
		elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith(APP):
			for alias in node.names:
				submodule = f"{node.module}.{alias.name}"
				if submodule in modules():
					found.append((submodule, None, node.lineno))
				else:
					found.append((node.module, alias.name, node.lineno))
	return tuple((resolve(target), name, line) for target, name, line in found if resolve(target))


def test_the_package_has_its_layers():
	assert {layer(module) for module in modules()} == {0, 1, 2}
	assert "cluster_brand.rules.application.workflow" in modules()


@pytest.mark.parametrize("module", sorted(m for m in modules() if layer(m) < 2))
def test_imports_run_one_way(module):
	upward = [
		f"{module}:{line} imports {target}"
		for target, _name, line in imports(module)
		if layer(target) > layer(module)
	]
	assert not upward


def test_rules_import_no_frappe():
	frappe_imports = [
		f"{module}:{node.lineno}"
		for module, path in modules().items()
		if layer(module) == 0
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
		if (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "frappe" for a in node.names))
		or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "frappe")
	]
	assert not frappe_imports


def test_no_import_circle():
	graph = {
		module: {target for target, _name, _line in imports(module) if target != module}
		for module in modules()
	}
	# a package's __init__ importing its own submodules is how a package publishes them, not a circle
	for module in graph:
		graph[module] = {
			t
			for t in graph[module]
			if not (t.startswith(module + ".") and modules()[module].name == "__init__.py")
		}
	circles, state = [], {}

	def visit(module, path):
		state[module] = "open"
		for target in sorted(graph[module]):
			if state.get(target) == "open":
				circles.append(" → ".join([*path[path.index(target) :], target]))
			elif target not in state:
				visit(target, [*path, target])
		state[module] = "done"

	for module in sorted(graph):
		if module not in state:
			visit(module, [module])
	assert not circles


def test_no_module_takes_another_modules_private_names():
	private = [
		f"{module}:{line} takes {name} from {target}"
		for module in modules()
		for target, name, line in imports(module)
		if name and name.startswith("_") and not name.startswith("__") and name != "_" and target != module
	]
	assert not private


def private_attributes(source: str) -> list[tuple[str, str, int]]:
	"""(module, private name, line) for each ``alias._name`` read of an app module imported as ``alias``."""
	tree = ast.parse(source)
	aliases = {}
	for node in ast.walk(tree):
		if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith(APP):
			for alias in node.names:
				if f"{node.module}.{alias.name}" in modules():
					aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
		elif isinstance(node, ast.Import):
			for alias in node.names:
				if alias.asname and alias.name in modules():
					aliases[alias.asname] = alias.name
	return [
		(aliases[node.value.id], node.attr, node.lineno)
		for node in ast.walk(tree)
		if isinstance(node, ast.Attribute)
		and isinstance(node.value, ast.Name)
		and node.value.id in aliases
		and node.attr.startswith("_")
		and not node.attr.startswith("__")
	]


def test_no_module_reads_another_modules_private_attributes():
	private = [
		f"{module}:{line} reads {target}.{name}"
		for module, path in modules().items()
		for target, name, line in private_attributes(path.read_text(encoding="utf-8"))
	]
	assert not private


def test_the_private_checks_see_what_they_look_for():
	node = ast.parse("from cluster_brand.rules.values import _hidden\n").body[0]
	assert node.names[0].name.startswith("_") and resolve(node.module) == "cluster_brand.rules.values"
	source = "from cluster_brand.rules import values as v\nv._hidden()\n"
	assert private_attributes(source) == [("cluster_brand.rules.values", "_hidden", 2)]
