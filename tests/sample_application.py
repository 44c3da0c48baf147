"""A complete, valid application as the plain dict the rules read, built from the demo data."""

import copy
import json
from datetime import date
from functools import cache
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "cluster_brand" / "demo_data" / "application_zhejiang.json"
BATCH_YEAR = 2017


@cache
def _demo() -> dict:
	return json.loads(DEMO.read_text(encoding="utf-8"))


def complete_application() -> dict:
	data = copy.deepcopy(_demo())
	doc = {
		"pilot_batch": "2017年产业集群区域品牌建设试点",
		"organizing_unit": data["organizing_unit"]["unit_name"],
		"industrial_cluster": data["industrial_cluster"]["cluster_name"],
		"stamped_form_scan": "/private/files/scan.pdf",
		"conforms_to_industrial_policy": 1,
		"no_major_incident_in_three_years": 1,
		"commits_organisation_and_funding": 1,
		**data["application"],
		"indicators": [
			{"indicator": k, "year_1_value": v[0], "year_2_value": v[1], "year_3_value": v[2]}
			for k, v in data["indicators"].items()
		],
		"top_enterprises": [],
		"backbone_enterprises": [],
		"quantitative_targets": data["quantitative_targets"],
		"qualitative_targets": data["qualitative_targets"],
		"funding_plan": data["funding_plan"],
		"work_items": data["work_items"],
		"tasks": [{**t, "time_node": date.fromisoformat(t["time_node"])} for t in data["tasks"]],
	}
	enterprises = {e["unified_social_credit_code"]: e for e in data["enterprises"]}
	for e in data["enterprises"]:
		doc["backbone_enterprises"].append(
			{
				"enterprise": e["unified_social_credit_code"],
				"enterprise_name": e["enterprise_name"],
				"main_products": e["main_products"],
				"own_brand": e["own_brands"],
				"assets": e["assets"],
				"sales_revenue": e["sales_revenue"],
				"own_brand_sales_revenue": e["own_brand_sales_revenue"],
				"total_profit": e["total_profit"],
				"contact_person": e["contact_person"],
				"contact_details": e["contact_phone"],
			}
		)
	for t in data["top_enterprises"]:
		e = enterprises[t["unified_social_credit_code"]]
		doc["top_enterprises"].append(
			{
				"enterprise": e["unified_social_credit_code"],
				"enterprise_name": e["enterprise_name"],
				"contact_person": e["contact_person"],
				"contact_phone": e["contact_phone"],
				"mobile": e["mobile"],
				"email": e["email"],
				**{k: v for k, v in t.items() if k != "unified_social_credit_code"},
			}
		)
	return doc


def invalid_application_violations():
	"""Violations of every kind, from an application that is empty or wrong everywhere."""
	from cluster_brand.rules.application import check_entries, check_ready_to_leave_draft

	doc = complete_application()
	doc["indicators"][0]["year_1_value"] = -1
	doc["indicators"][9]["year_1_value"] = 120
	doc["backbone_enterprises"][0]["assets"] = -1
	doc["backbone_enterprises"][0]["contact_details"] = "not a number"
	doc["top_enterprises"][0]["mobile"] = "123"
	doc["top_enterprises"][0]["email"] = "x@"
	doc["funding_plan"][0]["amount"] = -1
	doc["tasks"][0]["time_node"] = date(2030, 1, 1)
	doc["pilot_cycle_years"] = "5"
	empty = {
		"backbone_enterprises": [{"enterprise": "X", "sales_revenue": 1}],
		"top_enterprises": [{}],
		"funding_plan": [{}],
		"tasks": [{}],
	}
	return (
		check_entries(doc, BATCH_YEAR)
		+ check_ready_to_leave_draft(empty, BATCH_YEAR)
		+ check_ready_to_leave_draft(doc, BATCH_YEAR)
	)
