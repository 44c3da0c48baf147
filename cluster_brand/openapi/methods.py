"""The app's whitelisted methods, read from its Python source (ast, nothing imported): each function decorated
``@frappe.whitelist(...)`` with its parameters, docstring and HTTP methods, and the published paths that
hooks.py's override_whitelisted_methods points at it. Read without Frappe, so that tier 1 sees the same
catalogue as the served document."""

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

APP_PACKAGE = "cluster_brand"
# what Frappe answers a whitelisted method on when its decorator names none
ALL_METHODS = ("GET", "POST")

_ANNOTATION_TYPES = {
	"str": {"type": "string"},
	"int": {"type": "integer"},
	"float": {"type": "number"},
	"bool": {"type": "boolean"},
	"dict": {"type": "object"},
	"list": {"type": "array", "items": {}},
}


@dataclass
class Parameter:
	name: str
	schema: dict
	required: bool


@dataclass
class Method:
	"""One whitelisted function: ``path`` is its dotted name (/api/method/<path>)."""

	path: str
	parameters: list[Parameter]
	description: str
	http_methods: tuple[str, ...]
	allow_guest: bool = False
	rate_limited: bool = False
	free_arguments: bool = False  # **kwargs: any body
	published_as: list[str] = field(default_factory=list)  # override_whitelisted_methods keys naming it
	source: str = ""


@dataclass
class DocMethod:
	"""A whitelisted controller method, run on one document (run_method)."""

	doctype: str
	name: str
	description: str


def _dotted(node) -> str:
	if isinstance(node, ast.Attribute):
		return f"{_dotted(node.value)}.{node.attr}"
	if isinstance(node, ast.Name):
		return node.id
	return ""


def _whitelist_call(decorators) -> ast.Call | ast.Attribute | None:
	for d in decorators:
		target = d.func if isinstance(d, ast.Call) else d
		if _dotted(target) == "frappe.whitelist":
			return d
	return None


def _rate_limited(decorators) -> bool:
	return any(
		_dotted(d.func if isinstance(d, ast.Call) else d).split(".")[-1] == "rate_limit" for d in decorators
	)


def _keywords(decorator) -> dict:
	if not isinstance(decorator, ast.Call):
		return {}
	return {k.arg: ast.literal_eval(k.value) for k in decorator.keywords if k.arg}


def annotation_schema(annotation) -> dict:
	"""The JSON schema of a parameter's annotation: ``str | None`` is a nullable string; anything else
	(no annotation, a class) any value."""
	if annotation is None:
		return {}
	if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
		parts = [annotation.left, annotation.right]
		nullable = any(isinstance(p, ast.Constant) and p.value is None for p in parts)
		rest = [p for p in parts if not (isinstance(p, ast.Constant) and p.value is None)]
		schema = annotation_schema(rest[0]) if len(rest) == 1 else {}
		return {**schema, "nullable": True} if nullable and schema else schema
	if isinstance(annotation, ast.Subscript):
		annotation = annotation.value
	return dict(_ANNOTATION_TYPES.get(_dotted(annotation), {}))


def _parameters(fn: ast.FunctionDef) -> list[Parameter]:
	args = fn.args
	positional = [a for a in args.posonlyargs + args.args if a.arg not in ("self", "cls")]
	first_default = len(positional) - len(args.defaults)
	out = [
		Parameter(a.arg, annotation_schema(a.annotation), required=i < first_default)
		for i, a in enumerate(positional)
	]
	for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
		out.append(Parameter(a.arg, annotation_schema(a.annotation), required=default is None))
	return out


def _module_path(path: Path, app_dir: Path) -> str:
	parts = list(path.relative_to(app_dir.parent).with_suffix("").parts)
	if parts[-1] == "__init__":
		parts.pop()
	return ".".join(parts)


def _doctype_of(path: Path) -> str | None:
	"""The DocType whose folder holds this controller (its JSON beside it)."""
	for candidate in path.parent.glob("*.json"):
		data = json.loads(candidate.read_text(encoding="utf-8"))
		if isinstance(data, dict) and data.get("doctype") == "DocType":
			return data["name"]
	return None


def overrides(app_dir: Path) -> dict[str, str]:
	"""hooks.py's override_whitelisted_methods: the dict literal and the keys assigned to it later."""
	tree = ast.parse((app_dir / "hooks.py").read_text(encoding="utf-8"))
	out = {}
	for node in tree.body:
		if not isinstance(node, ast.Assign):
			continue
		target = node.targets[0]
		if isinstance(target, ast.Name) and target.id == "override_whitelisted_methods":
			out.update(ast.literal_eval(node.value))
		elif (
			isinstance(target, ast.Subscript)
			and _dotted(target.value) == "override_whitelisted_methods"
			and isinstance(node.value, ast.Constant)
		):
			out[ast.literal_eval(target.slice)] = node.value.value
	return out


def catalogue(app_dir: Path) -> tuple[list[Method], list[DocMethod]]:
	"""Every whitelisted function of the app (sorted by path) and every whitelisted controller method."""
	methods, doc_methods = {}, []
	for path in sorted(app_dir.rglob("*.py")):
		if "tests" in path.relative_to(app_dir).parts:
			continue
		source = path.read_text(encoding="utf-8")
		if "frappe.whitelist" not in source:
			continue
		tree = ast.parse(source)
		module = _module_path(path, app_dir)
		for node in tree.body:
			if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
				decorator = _whitelist_call(node.decorator_list)
				if decorator is None:
					continue
				options = _keywords(decorator)
				methods[f"{module}.{node.name}"] = Method(
					path=f"{module}.{node.name}",
					parameters=_parameters(node),
					description=ast.get_docstring(node) or "",
					http_methods=tuple(options.get("methods") or ALL_METHODS),
					allow_guest=bool(options.get("allow_guest")),
					rate_limited=_rate_limited(node.decorator_list),
					free_arguments=node.args.kwarg is not None,
					source=f"{path.relative_to(app_dir.parent)}:{node.lineno}",
				)
			elif isinstance(node, ast.ClassDef):
				for item in node.body:
					if isinstance(item, ast.FunctionDef) and _whitelist_call(item.decorator_list) is not None:
						doctype = _doctype_of(path)
						if doctype:
							doc_methods.append(DocMethod(doctype, item.name, ast.get_docstring(item) or ""))
	for published, target in overrides(app_dir).items():
		if target in methods:
			methods[target].published_as.append(published)
	return [methods[k] for k in sorted(methods)], doc_methods
