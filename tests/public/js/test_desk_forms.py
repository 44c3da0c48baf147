"""cluster_brand/public/js/desk_forms.js, loaded with every form of the programme (hooks.py doctype_js): what
several forms do alike is written there once (cluster_brand.desk.*), and the forms' own scripts call it rather
than copy it (issue 20: the edit locks, the fixed rows, the completeness dialog, the blank numbers)."""

import re
from pathlib import Path

APP = Path(__file__).resolve().parents[3] / "cluster_brand"
DESK_FORMS = APP / "public" / "js" / "desk_forms.js"
FORM_SCRIPTS = sorted(
	path for path in (APP / "cluster_brand" / "doctype").glob("*/*.js") if not path.stem.endswith("_list")
)

# What only desk_forms.js does, by a line that gives it away
SHARED = {
	"lock_other_parts": "editable_levels)",
	"fix_rows": '"cannot_add_rows"',
	"check_completeness": 'call("check_completeness")',
	"keep_blank_numbers": "=== undefined) doc[",
}


def desk_functions() -> set[str]:
	return set(re.findall(r"^cluster_brand\.desk\.(\w+) = ", DESK_FORMS.read_text(encoding="utf-8"), re.M))


def test_each_shared_behaviour_is_defined_once_in_the_shared_script():
	source = DESK_FORMS.read_text(encoding="utf-8")
	assert set(SHARED) <= desk_functions()
	for name, sign in SHARED.items():
		assert source.count(sign) == 1, name


def test_no_form_script_copies_a_shared_behaviour():
	assert len(FORM_SCRIPTS) > 5
	copies = [
		(path.name, name)
		for path in FORM_SCRIPTS
		for name, sign in SHARED.items()
		if sign in path.read_text()
	]
	assert copies == []


def test_the_forms_call_only_what_the_shared_script_defines():
	called = {
		name
		for path in FORM_SCRIPTS
		for name in re.findall(r"cluster_brand\.desk\.(\w+)\(", path.read_text(encoding="utf-8"))
	}
	assert {"lock_other_parts", "fix_rows", "check_completeness"} <= called
	assert called <= desk_functions()


def test_the_refused_cell_handler_is_installed_by_the_shared_script():
	# loaded with every form (tests/test_hooks.py), so whichever form opens first installs it
	assert 'frappe.request.on_error("InvalidCellError"' in DESK_FORMS.read_text(encoding="utf-8")
	assert not [path.name for path in FORM_SCRIPTS if "InvalidCellError" in path.read_text()]
