"""The Excel export names a report's filters as its page does: programme_report.FILTERS (read by the export,
cluster_brand/api/report_export.py) holds each filter of the reports' scripts with the same label and type."""

import ast
import re
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "cluster_brand" / "cluster_brand" / "report"
# a filter of a report's script: its fieldname, label and fieldtype, in this order
FILTER = re.compile(
	r'fieldname:\s*"(?P<fieldname>\w+)",\s*label:\s*__\("(?P<label>[^"]+)"\),\s*fieldtype:\s*"(?P<fieldtype>\w+)"'
)


def declared_filters() -> dict:
	tree = ast.parse((REPORTS / "programme_report.py").read_text(encoding="utf-8"))
	for node in tree.body:
		if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "FILTERS" for t in node.targets):
			return ast.literal_eval(node.value)
	raise AssertionError("programme_report.py has no FILTERS")


def script_filters() -> dict:
	found = {}
	for script in [REPORTS / "programme_report.js", *REPORTS.glob("*/*.js")]:
		for match in FILTER.finditer(script.read_text(encoding="utf-8")):
			found[match["fieldname"]] = (match["label"], match["fieldtype"])
	return found


def test_every_filter_of_the_scripts_is_named_for_the_export():
	scripts = script_filters()
	# the batch (shared), the ranking's key, the round, the day, the year, the authority, the pilot's status
	assert len(scripts) == 7, scripts
	assert declared_filters() == scripts


def test_every_report_uses_the_shared_page_setup_that_adds_the_export_button():
	for script in REPORTS.glob("*/*.js"):
		text = script.read_text(encoding="utf-8")
		assert (
			"cluster_brand.reports.fit_page" in text or "cluster_brand.reports.preset_latest_batch" in text
		), script.name
	shared = (REPORTS / "programme_report.js").read_text(encoding="utf-8")
	assert "cluster_brand.api.report_export.export_report" in shared
	assert 'add_inner_button(__("Export Excel")' in shared
