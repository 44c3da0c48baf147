"""The save of an expert's score sheet (专家评审表), as one pure function: the facts gathered once by the
controller (expert_review.py) in, what the sheet derives (each criterion's weighted score, the total, the
rubric's guidance) and every kind of problem out.

The problems come in the order in which the controller reports them, one kind at a time: the values their
columns cannot hold and the links to no record (the checks of every programme form, on the sheet as the
expert sent it), an expert not assigned to the application, a rubric other than the batch's, and the scores.
"""

from dataclasses import dataclass

from cluster_brand.rules import Violation, _
from cluster_brand.rules.capacity import ColumnSizes, check_document_capacity
from cluster_brand.rules.review import scoring


@dataclass
class SheetFacts:
	"""Everything the rules of a sheet's save read, gathered in one trip."""

	sheet: dict  # the document as plain data, its scores as a list of dicts
	expert_assigned: bool = True  # the expert is assigned to review the application
	rubric: tuple = ()  # the batch's review criteria, in order (criterion, weight, guidance)
	column_sizes: ColumnSizes = ColumnSizes()  # the form's limited columns (a value beyond one is refused)
	# their values as sent, not cast as ``sheet`` is (a score "九十" is refused, not read as 0); None: ``sheet``'s
	values_as_sent: dict | None = None
	missing_links: tuple = ()  # the links of the form to records that do not exist (Violations)


# The kinds of problem, in the order in which they are reported.
STORABLE = "storable"
LINKS = "links"
ASSIGNMENT = "assignment"
RUBRIC = "rubric"
SCORES = "scores"
PROBLEM_KINDS = (STORABLE, LINKS, ASSIGNMENT, RUBRIC, SCORES)


@dataclass
class SheetOutcome:
	derived: dict  # field → value (the total)
	row_values: dict  # table → the derived values of each of its rows, in order
	problems: dict  # kind → [Violation], for every kind of PROBLEM_KINDS, in that order


def check_save(facts: SheetFacts) -> SheetOutcome:
	"""What the save of a sheet derives and what it must refuse."""
	sheet = facts.sheet
	scores = sheet.get("scores") or []
	problems = dict.fromkeys(PROBLEM_KINDS, ())
	as_sent = sheet if facts.values_as_sent is None else facts.values_as_sent
	problems[STORABLE] = check_document_capacity(as_sent, facts.column_sizes)
	problems[LINKS] = list(facts.missing_links)
	if not facts.expert_assigned:
		problems[ASSIGNMENT] = [
			Violation(
				_("{expert} is not assigned to review {application}."),
				{
					"expert": sheet.get("expert_name") or sheet.get("expert"),
					"application": sheet.get("application"),
				},
			)
		]
	rubric = [dict(criterion) for criterion in facts.rubric]
	problems[RUBRIC] = scoring.check_sheet_rubric(scores, rubric)
	row_values = [{"score": scoring.score_value(row.get("score"))} for row in scores]
	if not problems[RUBRIC]:
		# the guidance (评分要点) as the ministry words it now
		for values, criterion in zip(row_values, rubric, strict=True):
			values["guidance"] = criterion.get("guidance")
	# None (stored NULL) for a criterion not scored yet, and for the total of a sheet not fully scored
	weighted, total = scoring.weighted_scores(row_values_with(scores, row_values))
	for values, weighted_score in zip(row_values, weighted, strict=True):
		values["weighted_score"] = weighted_score
	problems[SCORES] = scoring.check_scores(row_values_with(scores, row_values))
	return SheetOutcome({"total_score": total}, {"scores": row_values}, problems)


def row_values_with(rows: list[dict], row_values: list[dict]) -> list[dict]:
	return [{**row, **values} for row, values in zip(rows, row_values, strict=True)]
