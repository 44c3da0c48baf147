"""Where the tests of both tiers live and what they import (issue 20): each tier-1 test file is named after the
module it tests, in the folder that mirrors the module's (tests/rules/application/test_workflow.py tests
cluster_brand/rules/application/workflow.py), and no test module imports another: what tests share is in a
support module (cluster_brand/tests/support/ for the Frappe tier; metadata.py, print_env.py and the sample_*.py
documents here)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIER_1 = ROOT / "tests"
APP = ROOT / "cluster_brand"
SUPPORT = APP / "tests" / "support"

# The tier-1 files that test no one module but the app's parts together, and what they test
ACROSS_MODULES = {
	"test_metadata.py": "the DocTypes' JSON, the fixtures and the translations against each other",
	"test_desk_language.py": "what the desk shows in Chinese, across the DocTypes' JSON and the form scripts",
	"test_workspaces.py": "the workspaces' JSON (cluster_brand/cluster_brand/workspace/)",
	"test_screen_text.py": "the browser tier's screen rules (cluster_brand/tests/support/screen_text.py)",
	"test_dated_tests.py": "the tests of both tiers: the day each runs on",
	"test_test_layout.py": "the tests of both tiers: where each lives and what it imports",
	"test_package_layout.py": "the package as a whole: its layers, the way its imports run, no circle",
	"test_report_filters.py": "the reports' scripts against programme_report.FILTERS, the Excel export's filter names",
}


def tier_1_tests() -> list[Path]:
	return sorted(TIER_1.rglob("test_*.py"))


def frappe_tier_tests() -> list[Path]:
	return sorted(APP.rglob("test_*.py"))


def imported_modules(path: Path) -> set[str]:
	modules = set()
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.ImportFrom) and node.module:
			modules.add(node.module)
		elif isinstance(node, ast.Import):
			modules |= {alias.name for alias in node.names}
	return modules


def test_each_tier_1_test_is_named_after_the_module_it_tests():
	unmatched = []
	for path in tier_1_tests():
		relative = path.relative_to(TIER_1)
		if relative.parent == Path(".") and path.name in ACROSS_MODULES:
			continue
		module = APP / relative.parent / path.name.removeprefix("test_").removesuffix(".py")
		if not [found for found in module.parent.glob(f"{module.name}.*") if found.is_file()]:
			unmatched.append(str(relative))
	assert len(tier_1_tests()) > 30
	assert unmatched == [], "name each after the module it tests, or say in ACROSS_MODULES what it tests"


def test_no_test_module_imports_another():
	importers = {
		str(path.relative_to(ROOT)): sorted(
			module for module in imported_modules(path) if module.rsplit(".", 1)[-1].startswith("test_")
		)
		for path in [*tier_1_tests(), *frappe_tier_tests(), *SUPPORT.glob("*.py"), *TIER_1.rglob("*.py")]
	}
	assert {path: modules for path, modules in importers.items() if modules} == {}


def test_the_frappe_tiers_support_is_no_test_module():
	# bench run-tests --app collects every test_*.py of the app: a support module so named would run as tests
	assert (SUPPORT / "__init__.py").is_file()
	assert sorted(path.name for path in SUPPORT.rglob("test_*.py")) == []
	assert len(list(SUPPORT.glob("*.py"))) > 5
