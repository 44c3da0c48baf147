# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.naming import make_autoname
from frappe.utils import cint, getdate, today

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	EVALUATION_ROUND,
	FINAL_SUMMARY,
	PILOT_BATCH,
)
from cluster_brand.readers.evaluation_rounds import batch_round
from cluster_brand.readers.pilot_years import province_due_date
from cluster_brand.rules.application.indicators import INDICATOR_BY_KEY, INDICATORS, indicator_years
from cluster_brand.rules.application.workflow import planned_end
from cluster_brand.rules.pilot_end.demonstration_application import may_apply
from cluster_brand.rules.pilot_end.evaluation_round import IN_PROGRESS
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, PILOT_NOT_COMPLETED
from cluster_brand.rules.pilot_end.final_summary import can_start as can_start_final_summary
from cluster_brand.rules.pilot_years.calendar import suggested_reporting_year
from cluster_brand.rules.pilot_years.indicators import baseline_of
from cluster_brand.rules.pilot_years.progress import target_rows


class BrandPilot(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from cluster_brand.cluster_brand.doctype.pilot_baseline_indicator.pilot_baseline_indicator import (
			PilotBaselineIndicator,
		)
		from cluster_brand.cluster_brand.doctype.pilot_measure.pilot_measure import PilotMeasure
		from cluster_brand.cluster_brand.doctype.pilot_quantitative_target.pilot_quantitative_target import (
			PilotQuantitativeTarget,
		)

		application: DF.Link
		baseline_indicators: DF.Table[PilotBaselineIndicator]
		baseline_year: DF.Int
		designation_date: DF.Date | None
		designation_notice_number: DF.Data | None
		industrial_cluster: DF.Link
		organizing_unit: DF.Link
		pilot_batch: DF.Link
		planned_end_date: DF.Date
		quantitative_targets: DF.Table[PilotQuantitativeTarget]
		recommending_authority: DF.Link | None
		start_date: DF.Date
		status: DF.Literal["In Pilot", "Pilot Completed", "Pilot Not Completed", "Pilot Revoked"]
		work_plan: DF.Table[PilotMeasure]

	# end: auto-generated types
	def autoname(self):
		year = frappe.db.get_value(PILOT_BATCH, self.pilot_batch, "batch_year")
		self.name = make_autoname(f"BP-{year}-.###", doc=self)

	def validate(self):
		validate_storable(self)
		validate_links(self)

	def onload(self):
		# the form's 「开始年度工作总结」 button proposes the year to report on
		self.set_onload("suggested_reporting_year", self.suggested_reporting_year())
		# the batch's 总结评价 sets when the final summary is due
		self.set_onload("evaluation_round", batch_round(self.pilot_batch))
		# and its 「开始试点工作总结报告」 button, once the last reporting year has come (or the round opens it)
		self.set_onload("final_summary", self.final_summary_to_start())
		# and its 「申报示范区」 button, once the pilot is completed and its round takes applications
		self.set_onload("demonstration_application", self.demonstration_application_to_start())

	def final_summary_to_start(self) -> dict | None:
		"""The final summary the reader starts or opens: its name if it exists, whether it may be started
		now; None for a reader who starts none."""
		if not frappe.has_permission(FINAL_SUMMARY, "create"):
			return None
		existing = frappe.get_list(FINAL_SUMMARY, {"brand_pilot": self.name}, pluck="name", limit=1)
		startable = can_start_final_summary(
			getdate(self.planned_end_date) if self.planned_end_date else None,
			getdate(today()),
			batch_round(self.pilot_batch),  # an open round of the batch opens it early
		)
		return {"name": existing[0] if existing else None, "can_start": startable}

	def demonstration_application_to_start(self) -> dict | None:
		"""The demonstration application the reader starts or opens: its name if it exists; None for a reader
		who starts none, or while no round of the batch takes the completed pilot's application."""
		if not frappe.has_permission(DEMONSTRATION_APPLICATION, "create"):
			return None
		existing = frappe.get_list(
			DEMONSTRATION_APPLICATION, {"brand_pilot": self.name}, pluck="name", limit=1
		)
		if existing:
			return {"name": existing[0]}
		round_ = open_round_of(self.pilot_batch)
		if not round_ or may_apply(self.status, round_.deadline, getdate(today())):
			return None
		return {"name": None, "evaluation_round": round_.name}

	def suggested_reporting_year(self) -> int | None:
		"""The year the unit starts its next summary for; None for a reader who starts none (the years
		reported on are read through the reader's permissions: whether a unit's draft exists is the unit's)."""
		if not (self.start_date and self.planned_end_date):
			return None
		if self.status in (PILOT_COMPLETED, PILOT_NOT_COMPLETED):
			return None  # the pilot has ended: its final summary closed its years
		if not frappe.has_permission(ANNUAL_WORK_SUMMARY, "create"):
			return None
		reported = set(
			frappe.get_list(
				ANNUAL_WORK_SUMMARY, {"brand_pilot": self.name}, pluck="reporting_year", limit_page_length=0
			)
		)
		return suggested_reporting_year(
			getdate(self.start_date),
			getdate(self.planned_end_date),
			reported,
			getdate(today()),
			province_due_date(self),
		)


@frappe.whitelist(methods=["POST"])
def start_annual_summary(brand_pilot: str, reporting_year: int | None = None) -> str:
	"""The Brand Pilot form's 「开始年度工作总结」: the summary of ``reporting_year`` (by default the pilot's next
	year to report on), made from the pilot's plan with the caller's permissions; its name."""
	pilot = frappe.get_doc(BRAND_PILOT, brand_pilot)
	pilot.check_permission("read")
	frappe.has_permission(ANNUAL_WORK_SUMMARY, "create", throw=True)  # the unit's to start, no one else's
	year = cint(reporting_year) or pilot.suggested_reporting_year()
	if not year:
		frappe.throw(_("{0} has reported on every year of its pilot period.").format(pilot.name))
	existing = frappe.db.get_value(ANNUAL_WORK_SUMMARY, {"brand_pilot": pilot.name, "reporting_year": year})
	if existing:
		return existing
	summary = frappe.get_doc(
		{"doctype": ANNUAL_WORK_SUMMARY, "brand_pilot": pilot.name, "reporting_year": year}
	)
	summary.insert()
	return summary.name


@frappe.whitelist(methods=["POST"])
def start_final_summary(brand_pilot: str) -> str:
	"""The Brand Pilot form's 「开始试点工作总结报告」: the pilot's final summary, assembled from the pilot and
	its accepted annual summaries with the caller's permissions; a second start opens the existing one."""
	pilot = frappe.get_doc(BRAND_PILOT, brand_pilot)
	pilot.check_permission("read")
	frappe.has_permission(FINAL_SUMMARY, "create", throw=True)  # the unit's to start, no one else's
	existing = frappe.db.get_value(FINAL_SUMMARY, {"brand_pilot": pilot.name})
	if existing:
		return existing
	summary = frappe.get_doc({"doctype": FINAL_SUMMARY, "brand_pilot": pilot.name})
	summary.insert()
	return summary.name


def open_round_of(pilot_batch: str | None) -> frappe._dict | None:
	"""The batch's evaluation round in progress (a batch has one), with its application deadline."""
	if not pilot_batch:
		return None
	return frappe.db.get_value(
		EVALUATION_ROUND,
		{"pilot_batch": pilot_batch, "status": IN_PROGRESS},
		["name", "demonstration_application_deadline as deadline"],
		as_dict=True,
	)


@frappe.whitelist(methods=["POST"])
def start_demonstration_application(brand_pilot: str) -> str:
	"""The Brand Pilot form's 「申报示范区」: the completed pilot's demonstration application in its batch's
	evaluation round, made with the caller's permissions; a second start opens the existing one."""
	pilot = frappe.get_doc(BRAND_PILOT, brand_pilot)
	pilot.check_permission("read")
	frappe.has_permission(DEMONSTRATION_APPLICATION, "create", throw=True)  # the unit's, no one else's
	existing = frappe.db.get_value(DEMONSTRATION_APPLICATION, {"brand_pilot": pilot.name})
	if existing:
		return existing
	round_ = open_round_of(pilot.pilot_batch)
	if not round_:
		frappe.throw(
			_("No evaluation round of {0} takes demonstration applications now.").format(pilot.pilot_batch)
		)
	application = frappe.get_doc(
		{"doctype": DEMONSTRATION_APPLICATION, "brand_pilot": pilot.name, "evaluation_round": round_.name}
	)
	application.insert()
	return application.name


def create_brand_pilot(application):
	"""The pilot of an application approved as a pilot (called by the application's on_update); the decision
	date, if the ministry left it blank, is the day of approval."""
	if frappe.db.exists(BRAND_PILOT, {"application": application.name}):
		return
	start = getdate(application.decision_date or today())
	years = indicator_years(application.get_batch_year())
	pilot = frappe.get_doc(
		{
			"doctype": BRAND_PILOT,
			"application": application.name,
			"industrial_cluster": application.industrial_cluster,
			"organizing_unit": application.organizing_unit,
			"recommending_authority": application.recommending_authority,
			"pilot_batch": application.pilot_batch,
			"designation_notice_number": application.designation_notice_number,
			"designation_date": start,
			"start_date": start,
			"planned_end_date": planned_end(start),
			**approved_plan(application),
			"baseline_year": years[-1] if years else None,
		}
	).insert(ignore_permissions=True)
	application.db_set({"brand_pilot": pilot.name, "decision_date": start})


def approved_plan(application) -> dict:
	"""What the pilot carries out and is measured against, as approved: the measures of the 工作任务计划表
	(n.m, with their 时间节点), the main indicators of the last indicator year of the 申报书 as the baseline,
	and the 定量指标 of 第四部分."""
	baseline = baseline_of([row.as_dict() for row in application.indicators])
	return {
		"work_plan": [
			{
				key: row.get(key)
				for key in ("work_item", "measure_no", "measure", "time_node", "responsible_party")
			}
			for row in application.tasks
		],
		"baseline_indicators": [
			{"indicator": i.key, "unit": INDICATOR_BY_KEY[i.key].unit, "baseline_value": baseline.get(i.key)}
			for i in INDICATORS
		],
		"quantitative_targets": target_rows([row.as_dict() for row in application.quantitative_targets]),
	}
