"""The demo applications as plain data (no Frappe): read from cluster_brand/demo/data/ and shaped as a
Cluster Brand Application, for the demo command, the Frappe tests and the tier without Frappe alike."""

import json
from pathlib import Path

DEMO_DATA = Path(__file__).parent / "data"
APPLICATION_FILES = ("application_zhejiang.json", "application_shandong.json")

ENTERPRISE_FIELDS = (
	"enterprise_name",
	"unified_social_credit_code",
	"main_products",
	"own_brands",
	"contact_person",
	"contact_phone",
	"mobile",
	"email",
)
BACKBONE_FIGURES = ("assets", "sales_revenue", "own_brand_sales_revenue", "total_profit")


def application_values(data: dict, batch: str, unit: str, cluster: str) -> dict:
	"""A complete Cluster Brand Application as a dict for frappe.get_doc (or a REST body)."""
	return {
		"doctype": "Cluster Brand Application",
		"pilot_batch": batch,
		"organizing_unit": unit,
		"industrial_cluster": cluster,
		"conforms_to_industrial_policy": 1,
		"no_major_incident_in_three_years": 1,
		"commits_organisation_and_funding": 1,
		**data["application"],
		"indicators": [
			{"indicator": key, "year_1_value": v[0], "year_2_value": v[1], "year_3_value": v[2]}
			for key, v in data["indicators"].items()
		],
		"top_enterprises": [
			{
				"enterprise": t["unified_social_credit_code"],
				**{k: v for k, v in t.items() if k != "unified_social_credit_code"},
			}
			for t in data["top_enterprises"]
		],
		"backbone_enterprises": [
			{"enterprise": e["unified_social_credit_code"], **{f: e[f] for f in BACKBONE_FIGURES}}
			for e in data["enterprises"]
		],
		"quantitative_targets": data["quantitative_targets"],
		"qualitative_targets": data["qualitative_targets"],
		"funding_plan": data["funding_plan"],
		"work_items": data["work_items"],
		"tasks": data["tasks"],
	}


def load_demo_data(file_name: str = APPLICATION_FILES[0]) -> dict:
	return json.loads((DEMO_DATA / file_name).read_text(encoding="utf-8"))
