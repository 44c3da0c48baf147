"""Rules of the registers: pilot batches, organizing units and enterprises."""

import re

from cluster_brand.rules import Violation, _
from cluster_brand.rules.formats import check_format
from cluster_brand.rules.values import as_text, finite_number

_POSTCODE = re.compile(r"^\d{6}$")
EARLIEST_BATCH_YEAR = 2014  # the programme began with 工信部科函〔2014〕102号
LATEST_BATCH_YEAR = 2100


def check_pilot_batch(batch: dict) -> list[Violation]:
	violations = []
	year, number = batch.get("batch_year"), finite_number(batch.get("batch_year"))
	if as_text(year).strip() and (
		number is None or not EARLIEST_BATCH_YEAR <= int(number) <= LATEST_BATCH_YEAR
	):
		violations.append(
			Violation(
				_("{item} must be a year from {earliest} on, not {value}."),
				{"item": "Batch Year", "earliest": EARLIEST_BATCH_YEAR, "value": as_text(year)},
				"batch_year",
				translate_args=("item",),
			)
		)
	if (finite_number(batch.get("paper_copies_required")) or 0) < 1:
		violations.append(
			Violation(
				_("{item} must be at least 1."),
				{"item": "Paper Copies Required"},
				"paper_copies_required",
				translate_args=("item",),
			)
		)
	online, provincial = (
		batch.get("online_submission_deadline"),
		batch.get("provincial_recommendation_deadline"),
	)
	if online and provincial and online > provincial:
		violations.append(
			Violation(
				_(
					"The online submission deadline ({online}) may not be later than the provincial recommendation deadline ({provincial})."
				),
				{"online": online.isoformat(), "provincial": provincial.isoformat()},
				"online_submission_deadline",
			)
		)
	expert = batch.get("expert_review_deadline")
	if expert and provincial and expert < provincial:
		# the experts review what the provinces have recommended
		violations.append(
			Violation(
				_(
					"The expert review deadline ({expert}) may not be earlier than the provincial recommendation deadline ({provincial})."
				),
				{"expert": expert.isoformat(), "provincial": provincial.isoformat()},
				"expert_review_deadline",
			)
		)
	return violations


# (fieldname, format kind, English label) of the fields that the registers (units, enterprises) share.
REGISTER_FORMATS = (
	("contact_phone", "phone", "Telephone"),
	("mobile", "mobile", "Mobile"),
	("email", "email", "Contact Mailbox"),
	("unified_social_credit_code", "credit_code", "Unified Social Credit Code"),
)


def check_register_formats(record: dict) -> list[Violation]:
	return [
		v for v in (check_format(kind, record.get(f), label, f) for f, kind, label in REGISTER_FORMATS) if v
	]


def check_organizing_unit(unit: dict) -> list[Violation]:
	violations = check_register_formats(unit)
	postcode = as_text(unit.get("postcode")).strip()
	if postcode and not _POSTCODE.match(postcode):
		violations.append(
			Violation(
				_('{item} "{value}" must be six digits.'),
				{"item": "Postcode", "value": postcode},
				"postcode",
				translate_args=("item",),
			)
		)
	return violations


def check_cluster_enterprise(enterprise: dict) -> list[Violation]:
	return check_register_formats(enterprise)
