"""What the programme's script reports read (申报汇总表, 各地推荐情况, 主要指标对比; the ranking reads its own).

Rows are read set-wise — the batch, its applications, then each child table once for all of them — so that a
report costs the same number of queries for 200 applications as for 2,000. The applications come through
``frappe.get_list``, so through the reader's row-level permissions (cluster_brand/permissions/) and
field levels; the child rows are read for those applications only, and what the reports show of the
indicator tables is cached by application (last_year_figures). What the reports compute from the rows is in
cluster_brand/rules/views/programme_reports.py.
"""

import json

import frappe
from frappe import _

from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.permissions.fields import unreadable_fields
from cluster_brand.rules.application.indicators import INDICATORS, YEAR_FIELDS, indicator_years, year_heading
from cluster_brand.rules.values import finite_number
from cluster_brand.rules.views import programme_reports as computed


def batch_of(filters) -> frappe._dict | None:
	"""The report's batch: the one filtered on, else the latest (as the desk presets the filter)."""
	batches = frappe.get_list(
		PILOT_BATCH,
		filters={"name": filters.pilot_batch} if filters.get("pilot_batch") else None,
		fields=["name", "batch_year", "provincial_recommendation_deadline"],
		order_by="batch_year desc, creation desc",
		limit=1,
	)
	return batches[0] if batches else None


def last_indicator_year(batch) -> str:
	"""The heading of the indicator table's last year (2016年 for the 2017 batch), "" without a batch year."""
	years = indicator_years(batch.batch_year) if batch else ()
	return year_heading(years[-1]) if years else ""


def batch_applications(batch, fields: list[str]) -> list[dict]:
	"""The applications of ``batch`` the reader may see (name, modified_at: its modified as text), with
	those of ``fields`` it may read."""
	if not batch:
		return []
	return frappe.get_list(
		APPLICATION,
		filters={"pilot_batch": batch.name},
		# the modified as the database writes it: the figures' cache compares it, no need to parse 2,000 dates
		fields=["name", "cast(modified as char) as modified_at", *fields],
		order_by="name asc",
		limit_page_length=0,
	)


# An application's indicators change with a save of the application only, and each save changes its
# ``modified``: what the reports show of them is kept in Redis by application with the ``modified`` it was
# computed at, so that a report over a national batch reads from the database and computes only the
# applications saved since it last ran (a few, against 22,000 indicator rows for 2,000 applications).
FIGURES_CACHE = "cluster_brand:last_year_figures"


def last_year_figures(applications: list[dict]) -> dict[str, dict[str, float | None]]:
	"""By application (each with its name and modified_at, as batch_applications reads them):
	rules.programme_reports.last_year_figures of its indicator table, from the cache where the application
	has not been saved since."""
	if not applications:
		return {}
	key = frappe.cache.make_key(FIGURES_CACHE)
	figures, stale = {}, []
	for application, cached in zip(
		applications, frappe.cache.hmget(key, [a.name for a in applications]), strict=True
	):
		entry = json.loads(cached) if cached else None
		if entry and entry[0] == application.modified_at:
			figures[application.name] = dict(zip(computed.COMPARED_KEYS, entry[1], strict=True))
		else:
			stale.append(application)
	if stale:
		values = _read_indicator_values([a.name for a in stale])
		fresh = {a.name: computed.last_year_figures(values.get(a.name, {})) for a in stale}
		frappe.cache.pipeline().hset(
			key,
			mapping={
				a.name: json.dumps([a.modified_at, [fresh[a.name][k] for k in computed.COMPARED_KEYS]])
				for a in stale
			},
		).execute()
		figures.update(fresh)
	return figures


def _read_indicator_values(names: list[str]) -> dict[str, dict[str, tuple]]:
	"""The main indicators of the applications ``names`` as rules.indicators.values_by_indicator gives
	them (by application, by indicator, a value per indicator year, None where not filled): one query,
	pivoted by the database to one row per application (a tenth of the rows to transfer). SQL with
	parameters: frappe.qb writes the official names, "(%)" included, into the query unescaped; the
	applications were read through the permissions."""
	values = {"parents": tuple(names), "parenttype": APPLICATION}
	columns = []
	for n, indicator in enumerate(INDICATORS):
		values[f"indicator_{n}"] = indicator.key
		columns += [
			f"max(case when indicator = %(indicator_{n})s then `{field}` end) as `{field}_{n}`"
			for field in YEAR_FIELDS
		]
	pivoted = frappe.db.sql(
		f"""select parent, {", ".join(columns)} from `tabApplication Indicator`
		where parenttype = %(parenttype)s and parentfield = 'indicators' and parent in %(parents)s
		group by parent""",
		values,
		as_dict=True,
	)
	return {
		row.parent: {
			indicator.key: tuple(finite_number(row.get(f"{field}_{n}")) for field in YEAR_FIELDS)
			for n, indicator in enumerate(INDICATORS)
		}
		for row in pivoted
	}


def assignment_counts(applications: list[dict]) -> dict[str, tuple[int, int]]:
	"""By application: the experts assigned and the sheets they have submitted, in one query."""
	if not applications:
		return {}
	rows = frappe.db.sql(
		"""select parent, count(*), coalesce(sum(review_submitted), 0) from `tabExpert Assignment`
		where parenttype = %(parenttype)s and parentfield = 'expert_assignments' and parent in %(parents)s
		group by parent""",
		{"parenttype": APPLICATION, "parents": tuple(a.name for a in applications)},
	)
	return {parent: (int(assigned), int(submitted)) for parent, assigned, submitted in rows}


def readable_columns(columns: list[dict], source_field: dict[str, str]) -> list[dict]:
	"""``columns`` without those whose source field of the application the reader may not read
	(``source_field``: column fieldname → the application's field)."""
	hidden = unreadable_fields(APPLICATION)
	return [c for c in columns if source_field.get(c["fieldname"]) not in hidden]


def translated_states(rows: list[dict]):
	"""The workflow state as the desk names it (the report's cells and its Excel export)."""
	translated = {}
	for row in rows:
		if state := row.get("workflow_state"):
			if state not in translated:
				translated[state] = _(state)
			row["workflow_state"] = translated[state]


def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **more) -> dict:
	"""A report column ``width`` px wide for its values, or wider if its header needs it
	(rules.programme_reports.header_width)."""
	return {
		"fieldname": fieldname,
		"label": label,
		"fieldtype": fieldtype,
		"width": max(width, computed.header_width(label)),
		**more,
	}


def application_columns() -> list[dict]:
	"""The columns that name an application: its province, the application, its unit and cluster."""
	return [
		authority_column(),
		column("application", _("Cluster Brand Application"), "Link", 150, options=APPLICATION),
		# Data, not Link: as authority_column
		column("organizing_unit", _("Applicant Unit"), width=170),
		column("industrial_cluster", _("Industrial Cluster"), "Link", 160, options="Industrial Cluster"),
	]


def authority_column(width: int = 150) -> dict:
	# Data, not Link: Frappe filters a report's rows once more by the reader's User Permissions on the
	# DocTypes of its Link columns. The rows here come through the permission rules already; that filter
	# would drop every row of an industry association (its permission on its own authority is for the
	# authority list only) and query the database once per total row.
	return column("recommending_authority", _("Recommending Authority"), width=width)
