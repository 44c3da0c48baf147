"""示范区申报书 (the demonstration-zone application, optional, by a completed pilot's unit): the typical-experience
narrative and the four demonstration conditions (示范区条件), the third computed from the data
(demonstration.py), the others declared with their evidence.

Who may apply: the unit of a pilot that completed its tasks (完成试点任务), while the round takes applications."""

from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.completeness import is_blank, missing_item
from cluster_brand.rules.values import finite_number

PILOT_COMPLETED = "Pilot Completed"  # Brand Pilot.status once the ministry accepts its final summary

NARRATIVE = ("typical_experience", "Typical Experience")
# the declared conditions: (number, official text (English key, zh the notice's words), the fields that
# declare it, each (fieldname, English label, kind)); condition 3 is computed (demonstration.py)
DECLARED_CONDITIONS = (
	(
		1,
		"Condition 1: Regional Brand Strategy Published, Policies and Funds Delivered as Planned",
		(
			("strategy_document", "Published Strategy Document", "attachment"),
			("strategy_published_on", "Date of Publication", "date"),
			("strategy_positioning", "Brand Positioning", "text"),
			("funds_delivered", "Funds Delivered (10,000 yuan)", "amount"),
		),
	),
	(
		2,
		"Condition 2: Evaluation and Public-Opinion Monitoring in Place, Improvements Made from Their Results",
		(
			("evaluation_mechanism", "Evaluation and Monitoring Mechanism", "text"),
			("monitoring_evidence", "Evaluation or Monitoring Report", "attachment"),
			("improvement_measures", "Improvement Measures Taken", "text"),
		),
	),
	(
		4,
		"Condition 4: Quality, Brand-Promotion or Marketing Activities with Industry Bodies and Backbone Enterprises",
		(("promotion_activities", "Activities Organised", "table"),),
	),
)
ACTIVITY_COLUMNS = (
	("activity_date", "Activity Date"),
	("activity", "Activity"),
	("organisers", "Organisers"),
	("effect", "Effect"),
)


def may_apply(pilot_status: str | None, deadline: date | None, today: date) -> list[Violation]:
	"""A completed pilot, before the round's demonstration-application deadline (the day itself counts)."""
	if pilot_status != PILOT_COMPLETED:
		return [
			Violation(
				_("Only a pilot that has completed its tasks may apply to be a demonstration zone."), {}
			)
		]
	if deadline and today > deadline:
		return [
			Violation(
				_("The deadline for demonstration applications ({deadline}) has passed."),
				{"deadline": deadline.isoformat()},
			)
		]
	return []


def _declared(value, kind: str) -> bool:
	if kind == "amount":
		return finite_number(value) is not None
	if kind == "table":
		return bool(value)
	return not is_blank(value)


def missing_items(doc: dict) -> list[Violation]:
	"""Before the province receives it: the narrative, every declared condition's fields, and every column of
	each activity row (the date, what, with whom, its effect)."""
	missing = [missing_item(NARRATIVE[1], NARRATIVE[0])] if is_blank(doc.get(NARRATIVE[0])) else []
	for _number, condition, fields in DECLARED_CONDITIONS:
		for fieldname, label, kind in fields:
			if not _declared(doc.get(fieldname), kind):
				missing.append(
					Violation(
						_("{condition}: {item}"),
						{"condition": condition, "item": label},
						fieldname,
						translate_args=("condition", "item"),
					)
				)
	for idx, row in enumerate(doc.get("promotion_activities") or [], start=1):
		for column, label in ACTIVITY_COLUMNS:
			if is_blank(row.get(column)):
				missing.append(
					Violation(
						_("{table}, row {row}: fill in {item}."),
						{"table": "Activities Organised", "row": idx, "item": label},
						"promotion_activities",
						idx,
						("table", "item"),
						column,
					)
				)
	return missing
