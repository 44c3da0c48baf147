"""Reads the app's metadata (DocType JSON, fixtures, translations, source strings) without Frappe."""

import ast
import csv
import json
import re
from functools import cache
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "cluster_brand"
DOCTYPE_DIR = APP / "cluster_brand" / "doctype"
# Frappe's own DocTypes the app links to.
FRAPPE_DOCTYPES = {"Workflow State", "User", "Role", "File", "Language", "ToDo"}
LAYOUT_FIELDTYPES = {"Section Break", "Column Break", "Tab Break", "HTML"}


@cache
def doctypes() -> dict[str, dict]:
	out = {}
	for path in sorted(DOCTYPE_DIR.glob("*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType":
			out[data["name"]] = data
	return out


def fields(doctype: str) -> dict[str, dict]:
	return {f["fieldname"]: f for f in doctypes()[doctype]["fields"]}


@cache
def translations(lang: str = "zh") -> dict[str, str]:
	"""source → translation; a row with a context (third column) is keyed "source:context", as Frappe does."""
	with open(APP / "translations" / f"{lang}.csv", encoding="utf-8", newline="") as fh:
		return {
			f"{row[0]}:{row[2]}" if len(row) > 2 and row[2] else row[0]: row[1]
			for row in csv.reader(fh)
			if row
		}


def fixtures(name: str) -> list[dict]:
	return json.loads((APP / "fixtures" / f"{name}.json").read_text(encoding="utf-8"))


def _string_args(node: ast.Call):
	if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
		yield node.args[0].value


def python_messages() -> dict[str, str]:
	"""Every literal passed to ``_()`` in the app's Python, with where it stands."""
	found = {}
	for path in APP.rglob("*.py"):
		tree = ast.parse(path.read_text(encoding="utf-8"))
		for node in ast.walk(tree):
			if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
				for s in _string_args(node):
					found.setdefault(s, f"{path.relative_to(APP)}:{node.lineno}")
	return found


_JS_MESSAGE = re.compile(r"""__\(\s*(["'`])((?:\\.|(?!\1).)*)\1""", re.S)


def js_messages() -> dict[str, str]:
	found = {}
	for path in APP.rglob("*.js"):
		for match in _JS_MESSAGE.finditer(path.read_text(encoding="utf-8")):
			found.setdefault(
				match.group(2).replace("\\'", "'").replace('\\"', '"'), str(path.relative_to(APP))
			)
	return found


def metadata_strings() -> dict[str, str]:
	"""Every user-facing string of the metadata: DocType names, labels, descriptions, options, roles, states."""
	found = {}
	for name, dt in doctypes().items():
		found.setdefault(name, f"DocType {name}")
		for f in dt["fields"]:
			where = f"{name}.{f['fieldname']}"
			for key in ("label", "description"):
				if f.get(key):
					found.setdefault(f[key], where)
			if f.get("fieldtype") == "Select":
				for option in (f.get("options") or "").split("\n"):
					if option.strip() and not option.strip().isdigit():
						found.setdefault(option, where)
	for role in fixtures("role"):
		found.setdefault(role["name"], "fixtures/role.json")
	for state in fixtures("workflow_state"):
		found.setdefault(state["name"], "fixtures/workflow_state.json")
	for path in sorted((APP / "cluster_brand" / "workspace").glob("*/*.json")):
		workspace = json.loads(path.read_text(encoding="utf-8"))
		found.setdefault(workspace["title"], str(path.name))
		for shortcut in workspace["shortcuts"]:
			found.setdefault(shortcut["label"], str(path.name))
	for path in sorted((APP / "cluster_brand" / "report").glob("*/*.json")):
		found.setdefault(json.loads(path.read_text(encoding="utf-8"))["name"], str(path.name))
	for action in fixtures("workflow_action_master"):
		found.setdefault(action["name"], "fixtures/workflow_action_master.json")
	return found
