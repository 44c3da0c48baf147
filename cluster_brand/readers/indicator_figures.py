"""The last indicator year's figures of the applications (the 11 main indicators and the derived ratios, as
rules/views/programme_reports.py computes them from the indicator table) that the programme's reports show:
申报汇总表 and 主要指标对比. Read set-wise and cached by application, so that a report over a national batch
costs the same number of queries for 2,000 applications as for 200."""

import json

import frappe

from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.indicators import INDICATORS, YEAR_FIELDS
from cluster_brand.rules.values import finite_number
from cluster_brand.rules.views import programme_reports as computed

# An application's indicators change with a save of the application only, and each save changes its
# ``modified``: what the reports show of them is kept in Redis by application with the ``modified`` it was
# computed at, so that a report over a national batch reads from the database and computes only the
# applications saved since it last ran (a few, against 22,000 indicator rows for 2,000 applications).
FIGURES_CACHE = "cluster_brand:last_year_figures"


def last_year_figures(applications: list[dict]) -> dict[str, dict[str, float | None]]:
	"""By application (each with its name and modified_at, as batch_applications reads them):
	rules.views.programme_reports.last_year_figures of its indicator table, from the cache where the application
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
		values = read_indicator_values([a.name for a in stale])
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


def read_indicator_values(names: list[str]) -> dict[str, dict[str, tuple]]:
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
