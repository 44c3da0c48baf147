"""A small client of cluster_brand's REST API, as a province's or a unit's own system would write it.

It submits the demo application end to end with the official Chinese names only: one call creates the
申报书 with its 30 backbone enterprises inline (registered, or matched by 统一社会信用代码, in the same
transaction), a second takes the workflow action 提交申报; it prints the new state and who acts next.

    pip install requests
    python examples/integration_client.py http://cluster-brand.localhost:8000 <api_key> <api_secret> \\
        --batch <a batch open for application> --unit 青溪县人民政府 --cluster 青溪县五金工具产业集群

    CBA-2017-00008: 草稿
    CBA-2017-00008: 待省级推荐
      next: 撤回 → 已撤回 (组织实施单位)
      next: 推荐 → 已推荐 (省级工业和信息化主管部门)
      …

The key is that of a user of the role Cluster Applicant (组织实施单位) of the unit (on the demo site,
applicant.zhejiang@example.com), the cluster one without an application in that batch yet; the demo's
enterprises are the unit's. The API's contract: /api/method/cluster_brand.api.openapi.document (OpenAPI 3).
"""

import argparse
import base64
import csv
import json
import sys
from pathlib import Path

import requests

CHECKOUT = Path(__file__).resolve().parent.parent
DEMO_DATA = CHECKOUT / "cluster_brand" / "demo" / "data"
APPLICATION = "产业集群区域品牌建设试点申报书"
SUBMIT = "提交申报"
BATCH = "申报批次"
DEMO_YEAR = 2017  # the year of the demo's batch (cluster_brand/demo/data): its plan runs from 2018
# what a top enterprise's profile names beside the backbone row's contact (一、重点骨干企业情况)
TOP_CONTACTS = ("enterprise_name", "contact_person", "contact_phone", "mobile", "email")


class Refused(Exception):
	"""A refused call: ``errors`` lists each problem as {item, table, row, field, value, message}."""

	def __init__(self, status: int, errors: list[dict], messages: list[str]):
		super().__init__(f"HTTP {status}: " + " ".join(messages or [e["message"] for e in errors]))
		self.status, self.errors, self.messages = status, errors, messages


class Client:
	def __init__(self, base_url: str, key: str, secret: str, language: str = "zh"):
		self.base_url = base_url.rstrip("/")
		self.session = requests.Session()
		self.session.headers.update(
			{
				"Authorization": f"token {key}:{secret}",
				"Accept-Language": language,
				"Accept": "application/json",
			}
		)

	def save(self, doctype: str, doc: dict, name: str | None = None) -> dict:
		"""Creates the document (no name) or updates it, all or nothing: {doctype, name, state, actions, doc}."""
		return self._call("POST", "save", json={"doctype": doctype, "doc": doc, "name": name})

	def act(self, doctype: str, name: str, action: str) -> dict:
		"""Takes a workflow action: {doctype, name, state, actions} (the actions now possible, and by whom)."""
		return self._call("POST", "act", json={"doctype": doctype, "name": name, "action": action})

	def get(self, doctype: str, name: str) -> dict:
		return self._call("GET", "get", params={"doctype": doctype, "name": name})

	def _call(self, http_method: str, method: str, **kwargs) -> dict:
		url = f"{self.base_url}/api/method/cluster_brand.api.documents.{method}"
		response = self.session.request(http_method, url, timeout=60, **kwargs)
		try:
			body = response.json()
		except ValueError:
			body = {}
		if not response.ok:
			raise Refused(response.status_code, body.get("errors") or [], server_messages(body))
		return body["message"]


def server_messages(body: dict) -> list[str]:
	"""Frappe's messages of an answer: a JSON list of JSON objects, as a string."""
	messages = []
	for message in json.loads(body.get("_server_messages") or "[]"):
		message = json.loads(message)
		messages.append(message.get("message", "") if isinstance(message, dict) else str(message))
	return messages


def chinese_names() -> dict[str, str]:
	"""English key → official Chinese name of every option (the app's translations)."""
	with open(CHECKOUT / "cluster_brand" / "translations" / "zh.csv", encoding="utf-8", newline="") as fh:
		return {row[0]: row[1] for row in csv.reader(fh) if len(row) > 1 and not (len(row) > 2 and row[2])}


def demo_application(
	batch: str,
	unit: str,
	cluster: str,
	file_name: str = "application_zhejiang.json",
	batch_year: int = DEMO_YEAR,
) -> dict:
	"""The demo's 申报书 as an integrator sends it: Chinese option names, the enterprises inline, the stamped
	form's scan inline; its plan moved from the demo's year to the batch's (time nodes, target years)."""
	data = json.loads((DEMO_DATA / file_name).read_text(encoding="utf-8"))
	data = years_later(data, batch_year - DEMO_YEAR)
	zh = chinese_names()
	enterprises = {e["unified_social_credit_code"]: e for e in data["enterprises"]}
	return {
		"pilot_batch": batch,
		"organizing_unit": unit,
		"industrial_cluster": cluster,
		"conforms_to_industrial_policy": 1,
		"no_major_incident_in_three_years": 1,
		"commits_organisation_and_funding": 1,
		**data["application"],
		"stamped_form_scan": {
			"file_name": "stamped-form.pdf",
			"content": base64.b64encode((DEMO_DATA / "stamped_form_sample.pdf").read_bytes()).decode(),
		},
		"indicators": [
			{"indicator": zh[key], "year_1_value": v[0], "year_2_value": v[1], "year_3_value": v[2]}
			for key, v in data["indicators"].items()
		],
		"backbone_enterprises": [
			{
				"unified_social_credit_code": e["unified_social_credit_code"],
				"enterprise_name": e["enterprise_name"],
				"main_products": e["main_products"],
				"own_brand": e["own_brands"],
				"contact_person": e["contact_person"],
				"contact_details": e["contact_phone"],
				**{
					figure: e[figure]
					for figure in ("assets", "sales_revenue", "own_brand_sales_revenue", "total_profit")
				},
			}
			for e in data["enterprises"]
		],
		# a profiled enterprise named alone (the app finds it among the backbone rows), with its contacts
		"top_enterprises": [
			{
				**{k: enterprises[t["unified_social_credit_code"]][k] for k in TOP_CONTACTS},
				**{k: v for k, v in t.items() if k != "unified_social_credit_code"},
			}
			for t in data["top_enterprises"]
		],
		"quantitative_targets": data["quantitative_targets"],
		"qualitative_targets": data["qualitative_targets"],
		"funding_plan": [{**f, "funding_source": zh[f["funding_source"]]} for f in data["funding_plan"]],
		"work_items": [{**w, "work_item": zh[w["work_item"]]} for w in data["work_items"]],
		"tasks": [{**t, "work_item": zh[t["work_item"]]} for t in data["tasks"]],
	}


def years_later(data: dict, years: int) -> dict:
	"""The demo's dates and years ``years`` years on: the application date, each measure's time node and each
	target's year (a 29 February becomes the 28th)."""

	def later(day: str | None) -> str | None:
		if not day:
			return day
		year, month, date = day.split("-")
		date = "28" if (month, date) == ("02", "29") else date
		return f"{int(year) + years}-{month}-{date}"

	shifted = {**data, "application": {**data["application"]}}
	shifted["application"]["application_date"] = later(data["application"].get("application_date"))
	shifted["tasks"] = [{**t, "time_node": later(t.get("time_node"))} for t in data["tasks"]]
	for table in ("quantitative_targets", "qualitative_targets"):
		shifted[table] = [{**t, "target_year": t["target_year"] + years} for t in data[table]]
	return shifted


def submit(client: Client, application: dict) -> dict:
	"""Creates the application in one call and submits it: the answer of the action."""
	saved = client.save(APPLICATION, application)
	print(f"{saved['name']}: {saved['state']}")
	return client.act(APPLICATION, saved["name"], SUBMIT)


def main(argv: list[str] | None = None) -> int:
	parser = argparse.ArgumentParser(description="Submit the demo application over cluster_brand's REST API.")
	parser.add_argument("base_url")
	parser.add_argument("key")
	parser.add_argument("secret")
	parser.add_argument("--batch", required=True, help="申报批次")
	parser.add_argument("--unit", required=True, help="组织实施单位")
	parser.add_argument("--cluster", required=True, help="产业集群")
	args = parser.parse_args(argv)
	try:
		client = Client(args.base_url, args.key, args.secret)
		batch_year = client.get(BATCH, args.batch)["doc"]["batch_year"]
		answer = submit(client, demo_application(args.batch, args.unit, args.cluster, batch_year=batch_year))
	except Refused as refused:
		print(refused, file=sys.stderr)
		for e in refused.errors:
			where = " ".join(
				str(p) for p in (e.get("item"), e.get("table"), e.get("row"), e.get("field")) if p
			)
			print(f"  {where}: {e['message']}", file=sys.stderr)
		return 1
	print(f"{answer['name']}: {answer['state']}")
	for action in answer["actions"]:
		print(f"  next: {action['action']} → {action['next_state']} ({'、'.join(action['roles'])})")
	return 0


if __name__ == "__main__":
	sys.exit(main())
