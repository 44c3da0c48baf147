# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname
from frappe.utils import getdate, today

from cluster_brand.doctype_names import BRAND_PILOT, PILOT_BATCH
from cluster_brand.rules.workflow import planned_end
from cluster_brand.violations import validate_links, validate_storable


class BrandPilot(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		application: DF.Link
		designation_notice_number: DF.Data | None
		industrial_cluster: DF.Link
		organizing_unit: DF.Link
		pilot_batch: DF.Link
		planned_end_date: DF.Date
		recommending_authority: DF.Link | None
		start_date: DF.Date
		status: DF.Literal["In Pilot", "Pilot Completed", "Pilot Revoked"]

	# end: auto-generated types
	def autoname(self):
		year = frappe.db.get_value(PILOT_BATCH, self.pilot_batch, "batch_year")
		self.name = make_autoname(f"BP-{year}-.###", doc=self)

	def validate(self):
		validate_storable(self)
		validate_links(self)


def create_brand_pilot(application):
	"""The pilot of an application approved as a pilot (called by the application's on_update); the decision
	date, if the ministry left it blank, is the day of approval."""
	if frappe.db.exists(BRAND_PILOT, {"application": application.name}):
		return
	start = getdate(application.decision_date or today())
	pilot = frappe.get_doc(
		{
			"doctype": BRAND_PILOT,
			"application": application.name,
			"industrial_cluster": application.industrial_cluster,
			"organizing_unit": application.organizing_unit,
			"recommending_authority": application.recommending_authority,
			"pilot_batch": application.pilot_batch,
			"designation_notice_number": application.designation_notice_number,
			"start_date": start,
			"planned_end_date": planned_end(start),
		}
	).insert(ignore_permissions=True)
	application.db_set({"brand_pilot": pilot.name, "decision_date": start})
