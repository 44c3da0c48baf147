"""No test depends on the day it runs: every test class of the Frappe tier runs on a day of its own
(cluster_brand/tests/support/dates.py: ``@frozen_day(DAY)``, or a class per day by ``each_day``), and no test of
this tier reads the clock."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAPPE_TESTS = sorted(
	[
		*(ROOT / "cluster_brand" / "tests").glob("test_*.py"),
		*(ROOT / "cluster_brand").rglob("doctype/*/test_*.py"),
	]
)

# The test classes that run on the day they are run, and why that is safe.
UNDATED = {
	# the browser tier: the desk is served by a process of its own, where a frozen clock does not reach; its
	# data are dated relative to the real today, which both processes share, so any day passes
	"test_desk_walk.TestDeskWalk",
	"test_desk_form.TestDeskForm",
	"test_desk_screens.TestDeskScreens",
	"test_desk_pilot_end.TestDeskPilotEnd",
	"test_desk_public_notice.TestDeskPublicNotice",
	"test_desk_registration.TestDeskRegistration",
	# read no date: the installed fixtures, the authorities' names, the desk's setup and translations, and
	# the registers' and the batch's own rules
	"test_install.TestInstall",
	# a site of its own, installed and uninstalled by Frappe's commands in processes of their own
	"test_uninstall.TestUninstall",
	"test_authority_names.TestAuthorityNames",
	"test_desk.TestSiteSetup",
	"test_desk.TestLanding",
	"test_desk.TestFrappeStringsInChinese",
	"test_industrial_cluster.TestIndustrialCluster",
	"test_cluster_enterprise.TestClusterEnterprise",
	"test_organizing_unit.TestOrganizingUnit",
	"test_pilot_batch.TestPilotBatch",
}

# The support that reads the clock, and why: a login's second factor is a code of the current 30 seconds
# (issue 22; support/logins.py)
CLOCK_READERS = {"logins.py"}

CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|time\.time)\(\)")


def classes_of(path: Path) -> dict[str, ast.ClassDef]:
	tree = ast.parse(path.read_text())
	return {
		node.name: node
		for node in tree.body
		if isinstance(node, ast.ClassDef) and node.name.startswith("Test")
	}


def dated(path: Path, cls: ast.ClassDef) -> bool:
	decorators = {ast.unparse(d) for d in cls.decorator_list}
	return any(d.startswith("frozen_day(") for d in decorators) or f"each_day({cls.name})" in path.read_text()


def test_every_frappe_test_class_runs_on_a_day_of_its_own():
	undated = [
		f"{path.stem}.{name}"
		for path in FRAPPE_TESTS
		for name, cls in classes_of(path).items()
		if not dated(path, cls)
	]
	assert sorted(set(undated) - UNDATED) == []
	assert sorted(UNDATED - set(undated)) == []  # a class dated since: out of the list


def test_the_pilot_year_tests_run_on_each_turning_day():
	for module in ("test_pilot_years", "test_pilot_progress", "test_http_pilot_years"):
		assert re.search(r"each_day\(\w+\)", (ROOT / "cluster_brand" / "tests" / f"{module}.py").read_text())


def test_no_test_of_either_tier_reads_the_clock():
	paths = [
		*FRAPPE_TESTS,
		*(ROOT / "tests").rglob("*.py"),
		*(ROOT / "cluster_brand" / "tests" / "support").glob("*.py"),
	]
	readers = [path.name for path in paths if CLOCK.search(path.read_text())]
	assert sorted(set(readers) - CLOCK_READERS) == []
