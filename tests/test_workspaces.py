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


# --- the pilot's end (issue 21): every role's desk links its part, its content and links agreeing ----------
PILOT_END_LINKS = {
	"applicant_desk": {"Pilot Final Summary", "Demonstration Application"},
	"provincial_review": {"Pilot Final Summary", "Demonstration Application"},
	"cluster_brand": {
		"Evaluation Round",
		"Pilot Final Summary",
		"Demonstration Application",
		"Demonstration Review",
	},
	"expert_review_desk": {"Demonstration Review"},
}
# what waits for each role: (DocType, the state its shortcut counts)
WAITING = {
	"provincial_review": {
		("Pilot Final Summary", "Pending Provincial Check"),
		("Demonstration Application", "Pending Provincial Recommendation"),
		("Unit Registration", "Pending Verification"),
	},
	"cluster_brand": {
		("Pilot Final Summary", "Forwarded to Ministry"),
		("Unit Registration", "Pending Verification"),
	},
}


def card_links(desk: dict, card: str) -> set[str]:
	links, current = set(), None
	for link in desk["links"]:
		current = link["label"] if link["type"] == "Card Break" else current
		if link["type"] == "Link" and current == card:
			links.add(link["link_to"])
	return links


def test_each_desk_links_the_pilots_end_in_its_content_and_links():
	for folder, doctypes in PILOT_END_LINKS.items():
		desk = workspace(folder)
		content = json.loads(desk["content"])
		cards = {block["data"]["card_name"] for block in content if block["type"] == "card"}
		assert "Final Summary and Demonstration" in cards, folder
		assert card_links(desk, "Final Summary and Demonstration") == doctypes, folder
		# every card and shortcut the content places is defined, and every one defined is placed
		breaks = {link["label"] for link in desk["links"] if link["type"] == "Card Break"}
		assert cards == breaks, folder
		placed = {block["data"]["shortcut_name"] for block in content if block["type"] == "shortcut"}
		assert placed == {s["label"] for s in desk["shortcuts"]}, folder
		for doctype in doctypes - {"Evaluation Round"}:
			assert doctype in {s["link_to"] for s in desk["shortcuts"]}, (folder, doctype)


def test_what_waits_for_each_role_is_counted_by_its_state():
	for folder, waiting in WAITING.items():
		counted = {
			(s["link_to"], json.loads(s["stats_filter"])[0][3])
			for s in workspace(folder)["shortcuts"]
			if s["link_to"] in {doctype for doctype, _state in waiting} and s.get("stats_filter")
		}
		assert waiting <= counted, folder


def test_the_pilots_end_chart_is_on_the_ministrys_and_the_provinces_desks():
	for folder in ("cluster_brand", "provincial_review"):
		charts = [
			b["data"]["chart_name"] for b in json.loads(workspace(folder)["content"]) if b["type"] == "chart"
		]
		assert "End of the Pilots" in charts, folder
		assert "End of the Pilots" in {c["chart_name"] for c in workspace(folder)["charts"]}, folder


def test_each_chart_sources_files_are_named_as_frappe_finds_them():
	# Frappe loads a source's script from the folder of its name scrubbed (a name with an apostrophe has none)
	for path in (APP / "cluster_brand" / "dashboard_chart_source").glob("*/*.json"):
		name = json.loads(path.read_text())["name"]
		scrubbed = name.replace(" ", "_").replace("-", "_").lower()
		assert path.parent.name == path.stem == scrubbed, name
		assert (path.parent / f"{scrubbed}.js").exists(), name
