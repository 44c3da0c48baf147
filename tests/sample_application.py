"""A complete, valid application as the plain dict the rules read, built from the demo data."""

from datetime import date

from cluster_brand.demo.values import application_values, load_demo_data
from cluster_brand.rules.application.form import derived_values
from cluster_brand.rules.application.work_plan import number_measures, sort_tasks

BATCH_YEAR = 2017


def complete_application() -> dict:
	"""The Zhejiang demo application as the demo command files it, plus what Frappe would fill in on save:
	the fields fetched from the enterprise register, the scan, and dates as dates."""
	data = load_demo_data("application_zhejiang.json")
	doc = application_values(
		data,
		"2017年产业集群区域品牌建设试点",
		data["organizing_unit"]["unit_name"],
		data["industrial_cluster"]["cluster_name"],
	)
	doc["stamped_form_scan"] = "/private/files/scan.pdf"
	doc["tasks"] = [{**t, "time_node": date.fromisoformat(t["time_node"])} for t in doc["tasks"]]
	register = {e["unified_social_credit_code"]: e for e in data["enterprises"]}
	for row in doc["backbone_enterprises"]:
		e = register[row["enterprise"]]
		row.update(
			enterprise_name=e["enterprise_name"],
			main_products=e["main_products"],
			own_brand=e["own_brands"],
			contact_person=e["contact_person"],
			contact_details=e["contact_phone"],
		)
	for row in doc["top_enterprises"]:
		e = register[row["enterprise"]]
		for fieldname in ("enterprise_name", "contact_person", "contact_phone", "mobile", "email"):
			row.setdefault(fieldname, e[fieldname])
	return doc


def invalid_application_violations():
	"""Violations of every kind, from an application that is empty or wrong everywhere."""
	from cluster_brand.rules.application.form import check_entries, check_ready_to_leave_draft

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


def saved_application() -> dict:
	"""The sample as Frappe saves it: batch year, totals and measure numbers set by the controller."""
	doc = complete_application()
	doc["batch_year"] = BATCH_YEAR
	derived = derived_values(doc, BATCH_YEAR)
	derived.pop("derived_indicators")
	doc.update(derived)
	doc["tasks"] = sort_tasks(doc["tasks"])
	for task, number in zip(doc["tasks"], number_measures(doc["tasks"]), strict=True):
		task["measure_no"] = number
	return doc
