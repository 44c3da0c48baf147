"""The README's REST examples rendered from the OpenAPI document: one curl command per example the document
lists in ``x-readme-examples``, written between the README's markers (scripts/openapi_examples.py), so that
the README cannot drift from the contract (tests/openapi/test_readme_examples.py)."""

import json
import re
from pathlib import Path
from urllib.parse import quote

START, END = "<!-- openapi-examples:start -->", "<!-- openapi-examples:end -->"
README = Path(__file__).resolve().parent.parent.parent / "README.md"
WIDTH = 110
HEADER = (
	"SITE=http://cluster-brand.localhost:8000",
	'AUTH="Authorization: token <api_key>:<api_secret>"',
)


def find_operation(spec: dict, operation_id: str) -> tuple[str, str, dict, dict]:
	"""(path, HTTP method, path item, operation) of an operationId."""
	for path, item in spec["paths"].items():
		for verb, operation in item.items():
			if isinstance(operation, dict) and operation.get("operationId") == operation_id:
				return path, verb, item, operation
	raise KeyError(operation_id)


def _wrap(parts: list[str]) -> list[str]:
	"""The command's parts on lines of at most WIDTH, continued with a backslash."""
	lines = [parts[0]]
	for part in parts[1:]:
		if len(lines[-1]) + 1 + len(part) + 2 > WIDTH:
			lines[-1] += " \\"
			lines.append("  " + part)
		else:
			lines[-1] += " " + part
	return lines


def curl(spec: dict, operation_id: str, example: str) -> list[str]:
	"""The comment line and the curl command of one named example."""
	path, verb, item, operation = find_operation(spec, operation_id)
	about = operation["x-examples"][example]
	parameters = item.get("parameters", []) + operation.get("parameters", [])
	values = {
		p["name"]: (p, p["examples"][example]["value"])
		for p in parameters
		if example in p.get("examples", {})
	}
	for name, (parameter, value) in values.items():
		if parameter["in"] == "path":
			path = path.replace(f"{{{name}}}", quote(str(value)))
	parts = ["curl", "-s"]
	query = [(n, v) for n, (p, v) in values.items() if p["in"] == "query"]
	if verb == "get" and query:
		parts.append("-G")
	elif verb != "get":
		parts.append(f"-X {verb.upper()}")
	parts.append(f'"$SITE{path}"')
	if {} not in operation.get("security", spec.get("security", [])):
		parts.append('-H "$AUTH"')
	if about.get("language"):
		parts.append(f'-H "Accept-Language: {about["language"]}"')
	body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
	sent = body.get("examples", {}).get(example)
	if sent is not None:
		parts.append('-H "Content-Type: application/json"')
		if "externalValue" in sent:
			parts.append(f"-d @{sent['externalValue']}")
		else:
			parts.append("-d '" + json.dumps(sent["value"], ensure_ascii=False) + "'")
	parts += [f"--data-urlencode '{n}={v if isinstance(v, str) else json.dumps(v)}'" for n, v in query]
	return [f"# {about['summary']}", *_wrap(parts)]


def render(spec: dict) -> str:
	"""The block between the markers: a bash fence with the header lines and every example."""
	lines = ["```bash", *HEADER]
	for operation_id, example in spec.get("x-readme-examples", []):
		lines += ["", *curl(spec, operation_id, example)]
	return "\n".join([*lines, "```"])


def with_examples(readme: str, spec: dict) -> str:
	"""The README's text with the block between the markers replaced by what ``render`` writes."""
	pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
	if not pattern.search(readme):
		raise ValueError(f"README has no {START} … {END} block")
	return pattern.sub(lambda _m: f"{START}\n{render(spec)}\n{END}", readme, count=1)
