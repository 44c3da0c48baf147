"""/public-notice: the ministry's public notice (公示), no login. While a notice runs, its candidates (province,
cluster, organizing unit, leading industry), the notice period, how to object (the ministry's contact from
the batch) and the objection form; the designated pilots of each batch; the evaluation rounds' lists of
demonstration zones and typical experiences. Read by cluster_brand/readers/public_notice.py, field by field."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from cluster_brand.print.demonstration_list import demonstration_list_context
from cluster_brand.readers import public_notice as reader
from cluster_brand.rules.public_notice import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES

no_cache = 1


def get_context(context):
	reader.use_site_language()
	day = getdate(today())
	candidates = reader.candidates_in_notice(day)
	pilots = reader.designated_pilots()
	batches = reader.batches([row.pilot_batch for row in [*candidates, *pilots]])
	context.title = _("Public Notice")
	context.no_breadcrumbs = 1
	# the site's own brand and footer if its Website Settings have them; else the programme's name, not Frappe's
	# 「家」 (Home) and its English footer
	programme = _("Industrial Cluster Regional Brand Building Pilots")
	context.brand_html = context.brand_html or programme
	context.footer_powered = context.footer_powered or programme
	context.today = day
	context.notices = _by_batch(candidates, batches)
	context.pilot_lists = _by_batch(pilots, batches)
	context.demonstration_lists = [
		demonstration_list_context(entry["round"], entry["decided"]) for entry in reader.decided_rounds()
	]
	context.evidence_types = ", ".join(f".{e}" for e in EVIDENCE_EXTENSIONS)
	context.evidence_accept = ",".join(f".{e}" for e in EVIDENCE_EXTENSIONS)
	context.evidence_mb = EVIDENCE_MAX_BYTES // (1024 * 1024)
	return context


def _by_batch(rows, batches) -> list[dict]:
	"""The rows grouped by their batch, the newest batch first."""
	groups = {}
	for row in rows:
		groups.setdefault(row.pilot_batch, []).append(row)
	ordered = sorted(groups, key=lambda name: -(batches.get(name, {}).get("batch_year") or 0))
	return [{"batch": batches.get(name) or frappe._dict(name=name), "rows": groups[name]} for name in ordered]
