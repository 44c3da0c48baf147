"""The workspaces as issue 19 found them: the association's links to its reports, and the number cards and the
province's shortcut counting the same rows (the latest batch, recommended or later)."""

import json

from metadata import APP

from cluster_brand.rules.application import workflow as states

WORKSPACES = APP / "cluster_brand" / "workspace"
LATEST_BATCH = ["Cluster Brand Application", "pilot_batch", "=", "frappe.boot.cb_latest_batch || ''", False]


def workspace(folder: str) -> dict:
	return json.loads((WORKSPACES / folder / f"{folder}.json").read_text(encoding="utf-8"))


def report_roles(name: str) -> set[str]:
	folder = name.lower().replace(" ", "_")
	report = json.loads((APP / "cluster_brand" / "report" / folder / f"{folder}.json").read_text())
	return {row["role"] for row in report["roles"]}


def test_the_association_reaches_every_report_it_may_open():
	links = {
		link["link_to"] for link in workspace("industry_association_desk")["links"] if link["type"] == "Link"
	}
	may_open = {
		path.parent.name
		for path in (APP / "cluster_brand" / "report").glob("*/*.json")
		if "Industry Association" in {r["role"] for r in json.loads(path.read_text())["roles"]}
	}
	assert len(links) == len(may_open) == 3
	for report in links:
		assert "Industry Association" in report_roles(report), report
	content = json.loads(workspace("industry_association_desk")["content"])
	assert {"card_name": "Reports", "col": 4} in [
		block["data"] for block in content if block["type"] == "card"
	]


def test_every_number_card_counts_the_latest_batch():
	for path in (APP / "cluster_brand" / "number_card").glob("*/*.json"):
		card = json.loads(path.read_text())
		assert json.loads(card["dynamic_filters_json"]) == [LATEST_BATCH], path.name


def test_the_recommended_shortcut_counts_what_its_card_counts():
	(shortcut,) = [
		s for s in workspace("provincial_review")["shortcuts"] if s["label"] == "Recommended Applications"
	]
	card = json.loads(
		(
			APP / "cluster_brand" / "number_card" / "recommended_or_later" / "recommended_or_later.json"
		).read_text()
	)
	(card_states,) = [f[3] for f in json.loads(card["filters_json"]) if f[1] == "workflow_state"]
	assert set(card_states) == set(states.RECOMMENDED_OR_LATER)
	# the shortcut's filter is a JS expression (frappe.utils.process_filter_expression): its states and batch
	assert json.dumps(list(states.RECOMMENDED_OR_LATER)) in shortcut["stats_filter"]
	assert '"pilot_batch", "=", frappe.boot.cb_latest_batch' in shortcut["stats_filter"]
