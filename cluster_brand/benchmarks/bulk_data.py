"""National-scale data for the scale benchmarks: thousands of full applications in a minute or two.

	populate(10_000)   # then run what you measure; cleanup() takes everything out again

How: one full application is made the ordinary way (``make_test_application``: validated, every child
table filled — 30 backbone enterprises, 11 × 3 indicators, 25 tasks …). Its rows are then read back as
plain column values and copied with ``frappe.db.bulk_insert`` (multi-row INSERTs of 10,000 rows, no
controllers, no validation), each copy with a name, cluster, unit and authority of its own and a workflow
state drawn from the process's mix (the same on every run); the recommended ones get a rank per authority,
the reviewed ones three submitted Expert Review sheets (the sheets' totals only, not their score rows) and
the mean of these; each copy's attachment has its File record, as an upload leaves it.
Every row made here has a name starting with PREFIX, on the benchmark's site only; cleanup() deletes them
by that prefix (the template application stays, for the next run). 10,000 applications (~970,000 child rows)
take about two minutes on two cores. Nothing here runs in a test or a request.
"""

import random
import statistics

import frappe
from frappe.utils import now

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application import workflow as states
from cluster_brand.tests.support.records import make_test_application

PREFIX = "BENCH"
TEMPLATE_SUFFIX = "-bench-template"
EXPERTS = 12
SHEETS_PER_APPLICATION = 3
# the process's mix over a batch, out of 20 applications
STATE_MIX = (
	(states.DRAFT, 3),
	(states.PENDING_PROVINCIAL_REVIEW, 4),
	(states.RECOMMENDED, 3),
	(states.UNDER_EXPERT_REVIEW, 3),
	(states.IN_PUBLIC_NOTICE, 2),
	(states.APPROVED_AS_PILOT, 2),
	(states.NOT_RECOMMENDED, 2),
	(states.NOT_SELECTED, 1),
)
STATES = [state for state, share in STATE_MIX for _i in range(share)]
REVIEWED = {
	states.UNDER_EXPERT_REVIEW,
	states.IN_PUBLIC_NOTICE,
	states.APPROVED_AS_PILOT,
	states.NOT_SELECTED,
}
CHUNK = 10_000
CHUNK_BYTES = 4_000_000


def provincial_authorities() -> list[str]:
	return frappe.get_all(
		"Recommending Authority",
		{"authority_type": "Provincial Industry and Information Technology Authority", "disabled": 0},
		pluck="name",
		order_by="name asc",
	)


def template_application() -> str:
	"""The full application every copy is made from (made once, committed)."""
	name = frappe.db.get_value(APPLICATION, {"industrial_cluster": f"测试产业集群{TEMPLATE_SUFFIX}"})
	if not name:
		name = make_test_application(TEMPLATE_SUFFIX).name
		frappe.db.commit()
	return name


def _rows(doctype: str, filters: dict) -> list[dict]:
	return frappe.db.get_all(doctype, filters=filters, fields=["*"], order_by="idx asc")


def _insert(doctype: str, rows: list[dict]):
	"""Multi-row INSERTs of at most CHUNK rows and about CHUNK_BYTES (MariaDB's max_allowed_packet is 16 MB
	by default; an application's parent row holds tens of kB of text)."""
	if not rows:
		return
	fields = list(rows[0])
	per_chunk = max(1, min(CHUNK, CHUNK_BYTES // max(1, len(str(rows[0]).encode()))))
	for start in range(0, len(rows), per_chunk):
		frappe.db.bulk_insert(
			doctype,
			fields,
			[tuple(r[f] for f in fields) for r in rows[start : start + per_chunk]],
			chunk_size=per_chunk,
		)


def _attachment_fields(application: dict) -> list[tuple[str, str]]:
	"""The template's attached files (its Attach fields with a value), as (field, file URL)."""
	return [
		(df.fieldname, application[df.fieldname])
		for df in frappe.get_meta(APPLICATION).fields
		if df.fieldtype in ("Attach", "Attach Image") and application.get(df.fieldname)
	]


def _attached_file(application: str, fieldname: str, url: str, stamp: str) -> dict:
	"""The File record of one attachment of a copy, as the desk's upload leaves it: without it, every save of
	the copy would try to attach the file again (and log an error for a file that is not on disk)."""
	return {
		"name": f"{application}-{fieldname}",
		"creation": stamp,
		"modified": stamp,
		"owner": "Administrator",
		"modified_by": "Administrator",
		"file_name": url.rsplit("/", 1)[-1],
		"file_url": url,
		"is_private": 1 if url.startswith("/private/") else 0,
		"folder": "Home/Attachments",
		"attached_to_doctype": APPLICATION,
		"attached_to_name": application,
		"attached_to_field": fieldname,
	}


def populate(count: int, units: int | None = None) -> dict:
	"""Adds ``count`` full applications to the template's batch, ``units`` organizing units (count / 5 by
	default) spread over the provincial authorities; returns the batch, the template and the names."""
	frappe.set_user("Administrator")
	template = template_application()
	parent = _rows(APPLICATION, {"name": template})[0]
	tables = {
		df.fieldname: (df.options, _rows(df.options, {"parent": template, "parentfield": df.fieldname}))
		for df in frappe.get_meta(APPLICATION).get_table_fields()
		if df.fieldname != "expert_assignments"
	}
	cluster = _rows("Industrial Cluster", {"name": parent.industrial_cluster})[0]
	unit = _rows("Organizing Unit", {"name": parent.organizing_unit})[0]
	authorities = provincial_authorities()
	units = units or max(1, count // 5)
	stamp = now()

	def copy(row: dict, **values) -> dict:
		return {**row, "creation": stamp, "modified": stamp, **values}

	unit_rows = [
		copy(unit, name=f"{PREFIX}单位{u:05d}", unit_name=f"{PREFIX}单位{u:05d}", recommending_authority=a)
		for u in range(units)
		for a in [authorities[u % len(authorities)]]
	]
	experts = [
		{
			"name": f"{PREFIX}-expert{e:02d}@example.com",
			"creation": stamp,
			"modified": stamp,
			"owner": "Administrator",
			"modified_by": "Administrator",
			"user": f"{PREFIX}-expert{e:02d}@example.com",
			"expert_name": f"{PREFIX}专家{e:02d}",
			"recommending_authority": authorities[e % len(authorities)],
		}
		for e in range(EXPERTS)
	]
	attachments = _attachment_fields(parent)
	applications, clusters, children, assignments, sheets, files = [], [], {}, [], [], []
	ranks: dict[str, int] = {}
	mix = random.Random(2017)  # the same states on every run
	for i in range(count):
		name = f"{PREFIX}-{i:05d}"
		u = i % units
		authority = authorities[u % len(authorities)]
		state = mix.choice(STATES)
		cluster_name = f"{PREFIX}集群{i:05d}"
		clusters.append(
			copy(cluster, name=cluster_name, cluster_name=cluster_name, organizing_unit=unit_rows[u]["name"])
		)
		values = {
			"name": name,
			"industrial_cluster": cluster_name,
			"organizing_unit": unit_rows[u]["name"],
			"recommending_authority": authority,
			"workflow_state": state,
			"recommendation_rank": 0,
			"mean_score": 0,
		}
		if state in states.RECOMMENDED_OR_LATER:
			ranks[authority] = ranks.get(authority, 0) + 1
			values["recommendation_rank"] = ranks[authority]
		if state in REVIEWED:
			totals = [60 + (i * 7 + k * 13) % 40 for k in range(SHEETS_PER_APPLICATION)]
			values["mean_score"] = round(statistics.mean(totals), 2)
			for k, total in enumerate(totals):
				expert = experts[(i + k) % EXPERTS]
				sheet = f"{PREFIX}-ER-{i:05d}-{k}"
				sheets.append(
					{
						"name": sheet,
						"creation": stamp,
						"modified": stamp,
						"owner": "Administrator",
						"modified_by": "Administrator",
						"docstatus": 1,
						"application": name,
						"industrial_cluster": cluster_name,
						"pilot_batch": parent.pilot_batch,
						"expert": expert["name"],
						"expert_name": expert["expert_name"],
						"total_score": total,
						"recommendation": "Recommend as Pilot",
						"no_conflict_of_interest": 1,
					}
				)
				assignments.append(
					{
						"name": f"{sheet}-a",
						"creation": stamp,
						"modified": stamp,
						"parent": name,
						"parenttype": APPLICATION,
						"parentfield": "expert_assignments",
						"idx": k + 1,
						"expert": expert["name"],
						"expert_name": expert["expert_name"],
						"expert_review": sheet,
						"review_submitted": 1,
					}
				)
		applications.append(copy(parent, **values))
		files += [_attached_file(name, fieldname, url, stamp) for fieldname, url in attachments]
		for fieldname, (doctype, rows) in tables.items():
			children.setdefault(doctype, []).extend(
				copy(row, name=f"{name}-{fieldname[:4]}{row['idx']}", parent=name) for row in rows
			)
	_insert("Organizing Unit", unit_rows)
	_insert("Review Expert", experts)
	_insert("Industrial Cluster", clusters)
	_insert(APPLICATION, applications)
	for doctype, rows in children.items():
		_insert(doctype, rows)
	_insert("Expert Assignment", assignments)
	_insert("Expert Review", sheets)
	_insert("File", files)
	frappe.db.commit()
	return {
		"batch": parent.pilot_batch,
		"template": template,
		"names": [a["name"] for a in applications],
		"child_rows": sum(len(rows) for rows in children.values()),
		"sheets": len(sheets),
	}


def cleanup():
	"""Deletes every row populate() made (by PREFIX) and the template application."""
	frappe.set_user("Administrator")
	like = ("like", f"{PREFIX}-%")
	for df in frappe.get_meta(APPLICATION).get_table_fields():
		frappe.db.delete(df.options, {"parenttype": APPLICATION, "parent": like})
	frappe.db.delete("Expert Review", {"name": like})
	frappe.db.delete("File", {"attached_to_doctype": APPLICATION, "attached_to_name": like})
	frappe.db.delete(APPLICATION, {"name": like})
	frappe.db.delete("Industrial Cluster", {"name": ("like", f"{PREFIX}集群%")})
	frappe.db.delete("Organizing Unit", {"name": ("like", f"{PREFIX}单位%")})
	frappe.db.delete("Review Expert", {"name": like})
	frappe.db.commit()
