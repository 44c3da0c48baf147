"""The programme's copy of an application into a new batch (复制到新批次): the unit starts its next 申报书 from
the one it sent to an earlier batch.

What the copy carries is the unit's own content: the cover's choices and every part it wrote, its tables.
What belongs to the earlier submission stays behind: its batch, its 申报日期 and the stamped scan (the new one
is dated and stamped anew), its place in the process and every part of the review. What the save derives
(the batch's years and deadlines, the derived indicators, the totals) is derived anew for the new batch. The
indicators move with their years: a value of a year both batches cover stays in its year, the new year is
blank (2017 batch: 2014–2016; 2018 batch: 2015–2017, 2015 and 2016 kept, 2017 to be filled). The work
plan moves with the pilot cycle: its time nodes and target years as many years on as the batch is (the save
refuses a time node outside the new batch's cycle)."""

from dataclasses import dataclass
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.indicators import YEAR_FIELDS, indicator_years

OPEN_FOR_APPLICATION = "Open for Application"  # the Pilot Batch's status in which units apply

# Fields of the applicant's own part that the copy leaves behind: the new batch is chosen, the new 申报书 is
# dated and stamped anew.
LEFT_BLANK = ("application_date", "stamped_form_scan")  # blank in the copy, whatever a new form's default
NOT_CARRIED = frozenset({"pilot_batch", *LEFT_BLANK})
# The link back to the application it was copied from (复制自)
COPIED_FROM = "copied_from"
INDICATORS_TABLE = "indicators"
# the work plan's dates and years (table → its row field): they move with the batch
PLAN_DATES = (("tasks", "time_node"),)
PLAN_YEARS = (("quantitative_targets", "target_year"), ("qualitative_targets", "target_year"))


@dataclass(frozen=True)
class FieldInfo:
	"""What the copy needs to know of a field of the DocType (its meta)."""

	fieldname: str
	fieldtype: str
	permlevel: int = 0
	read_only: bool = False


ATTACHMENT_TYPES = frozenset({"Attach", "Attach Image"})


def carried_fields(fields: list[FieldInfo]) -> list[str]:
	"""The fields whose values the copy carries: the applicant's own part (level 0) that it edits, no
	attachment (a document of the earlier submission), nothing the save derives or the process sets."""
	return [
		f.fieldname
		for f in fields
		if f.permlevel == 0
		and not f.read_only
		and f.fieldtype not in ATTACHMENT_TYPES
		and f.fieldname not in NOT_CARRIED
		and f.fieldname != COPIED_FROM
	]


def shift_indicator_years(rows: list[dict], from_batch_year: int, to_batch_year: int) -> list[dict]:
	"""The main indicators of the ``from_batch_year`` batch, in the years of the ``to_batch_year`` batch: the
	value of a year that both cover moves to that year's column, a year that only the new batch covers is
	blank (None). Every other field of a row is kept."""
	old_years = indicator_years(from_batch_year)
	new_years = indicator_years(to_batch_year)
	shifted = []
	for row in rows:
		by_year = {year: row.get(field) for year, field in zip(old_years, YEAR_FIELDS, strict=True)}
		shifted.append(
			{**row, **{field: by_year.get(year) for year, field in zip(new_years, YEAR_FIELDS, strict=True)}}
		)
	return shifted


def years_later(day, years: int):
	"""``day`` (a date or its ISO text) ``years`` years on; 29 February becomes 28 February of a common year."""
	if not day:
		return day
	if isinstance(day, str):
		day = date.fromisoformat(day[:10])
	try:
		return day.replace(year=day.year + years)
	except ValueError:
		return day.replace(year=day.year + years, day=28)


def shift_plan_years(values: dict, years: int) -> dict:
	"""The work plan of ``values`` ``years`` years on: each task's time node, each target's year."""
	shifted = dict(values)
	for table, fieldname in PLAN_DATES:
		if table in shifted:
			shifted[table] = [
				{**row, fieldname: years_later(row.get(fieldname), years)} for row in shifted[table]
			]
	for table, fieldname in PLAN_YEARS:
		if table in shifted:
			shifted[table] = [
				{
					**row,
					fieldname: row[fieldname] + years
					if isinstance(row.get(fieldname), int) and row[fieldname]
					else row.get(fieldname),
				}
				for row in shifted[table]
			]
	return shifted


def copy_values(
	source: dict,
	fields: list[FieldInfo],
	table_fields: dict[str, list[str]],
	to_batch: str,
	to_batch_year: int,
) -> dict:
	"""The new application's values: the carried fields of ``source`` (a dict as the rules read it), each
	carried table's rows with the fields of ``table_fields`` (table → the row fields it carries), the main
	indicators shifted to ``to_batch_year``, in batch ``to_batch``, linked back to ``source``."""
	values = {}
	for fieldname in carried_fields(fields):
		if fieldname in table_fields:
			values[fieldname] = [
				{f: row.get(f) for f in table_fields[fieldname] if f in row}
				for row in source.get(fieldname) or []
			]
		elif fieldname in source:
			values[fieldname] = source[fieldname]
	if INDICATORS_TABLE in values:
		values[INDICATORS_TABLE] = shift_indicator_years(
			values[INDICATORS_TABLE], source.get("batch_year"), to_batch_year
		)
	if source.get("batch_year") and to_batch_year:
		values = shift_plan_years(values, to_batch_year - source["batch_year"])
	values.update({"pilot_batch": to_batch, COPIED_FROM: source.get("name")})
	return values


def check_copy(
	source: dict,
	user_units: list[str],
	to_batch: dict | None,
	existing: str | None,
) -> list[Violation]:
	"""Why ``source`` may not be copied into ``to_batch`` (a dict: name, batch_year, status) by a user of
	``user_units``: only a unit's own application, into a later batch that is open for application, and not
	for a cluster that already has its application there (``existing``: one application per cluster and
	batch)."""
	if source.get("organizing_unit") not in user_units:
		return [
			Violation(
				_("Only the applicant unit {unit} may copy its application {application}."),
				{"unit": source.get("organizing_unit"), "application": source.get("name")},
			)
		]
	if not to_batch:
		return [Violation(_("Choose the batch to copy the application into."), {}, "pilot_batch")]
	violations = []
	if to_batch.get("status") != OPEN_FOR_APPLICATION:
		violations.append(
			Violation(
				_("Batch {batch} is not open for application."),
				{"batch": to_batch.get("name")},
				"pilot_batch",
			)
		)
	if not (to_batch.get("batch_year") or 0) > (source.get("batch_year") or 0):
		violations.append(
			Violation(
				_("An application is copied into a later batch: {batch} is not later than {source_batch}."),
				{"batch": to_batch.get("name"), "source_batch": source.get("pilot_batch")},
				"pilot_batch",
			)
		)
	if existing:
		violations.append(
			Violation(
				_("Industrial Cluster {cluster} already has application {application} in batch {batch}."),
				{
					"cluster": source.get("industrial_cluster"),
					"application": existing,
					"batch": to_batch.get("name"),
				},
				"pilot_batch",
			)
		)
	return violations
