"""The ministry's public notice (公示) of the candidates (复审核定 → 公示 → 试点名单): who may object and when,
what an objection (异议) must say, what evidence it may carry, and how the ministry records its handling. An
application is not approved while an objection to it is unhandled (workflow.py _approval)."""

from dataclasses import dataclass
from datetime import date

from cluster_brand.rules import Violation, _
from cluster_brand.rules.formats import is_valid_mobile, is_valid_phone
from cluster_brand.rules.values import as_text

# Public Notice Objection.status
UNHANDLED = "Unhandled"
HANDLED = "Handled"
STATUSES = (UNHANDLED, HANDLED)
# Public Notice Objection.result: the ministry's finding
UPHELD = "Objection Upheld"
NOT_UPHELD = "Objection Not Upheld"
RESULTS = (UPHELD, NOT_UPHELD)

# What the objector writes, by fieldname: its label (the official name a refusal names) and its longest length
OBJECTION_ENTRIES = {
	"objector_name": ("Objector's Name", 60),
	"objector_unit": ("Objector's Unit", 140),
	"objector_phone": ("Objector's Telephone", 30),
	"grounds": ("Grounds for Objection", 5000),
}
# The evidence: documents and scans only (no executables, no archives), at most 10 MB
EVIDENCE_FIELD = "evidence"
EVIDENCE_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx")
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Candidate:
	"""What the public reads of an application in public notice: its province, cluster, organizing unit and
	leading industry, and its notice period. Nothing else of the application is public."""

	application: str
	province: str
	industrial_cluster: str
	organizing_unit: str
	leading_industry: str
	public_notice_start: date
	public_notice_end: date


def notice_runs(start: date | None, end: date | None, today: date) -> bool:
	return bool(start and end and start <= today <= end)


def check_objection_window(start: date | None, end: date | None, today: date) -> list[Violation]:
	"""An objection is received during the candidate's notice period only (both days included)."""
	if not (start and end):
		return [Violation(_("This application is not in public notice; no objection can be made to it."))]
	if today < start:
		return [
			Violation(
				_(
					"The public notice of this application starts on {start}; objections are received from then."
				),
				{"start": start.isoformat()},
			)
		]
	if today > end:
		return [
			Violation(
				_("The public notice of this application ended on {end}; objections are no longer received."),
				{"end": end.isoformat()},
			)
		]
	return []


def check_objection(entries: dict) -> list[Violation]:
	"""What the objector writes: every entry given, within its length, the telephone a number."""
	violations = []
	for fieldname, (item, longest) in OBJECTION_ENTRIES.items():
		text = as_text(entries.get(fieldname)).strip()
		if not text:
			violations.append(
				Violation(_("Enter the {item}."), {"item": item}, fieldname, translate_args=("item",))
			)
		elif len(text) > longest:
			violations.append(
				Violation(
					_("The {item} is longer than {longest} characters."),
					{"item": item, "longest": longest},
					fieldname,
					translate_args=("item",),
				)
			)
	phone = as_text(entries.get("objector_phone")).strip()
	if phone and not (is_valid_phone(phone) or is_valid_mobile(phone)):
		violations.append(
			Violation(
				_('{item} "{value}" is not a valid telephone number, e.g. 010-68205252.'),
				{"item": "Objector's Telephone", "value": phone},
				"objector_phone",
				translate_args=("item",),
			)
		)
	return violations


def check_evidence(file_name: str | None, size: int) -> list[Violation]:
	"""An attached evidence file: one of the programme's document types, not empty, at most 10 MB."""
	item = "Evidence"
	name = as_text(file_name).strip()
	extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
	if extension not in EVIDENCE_EXTENSIONS:
		return [
			Violation(
				_("The {item} must be a file of type {types}."),
				{"item": item, "types": ", ".join(EVIDENCE_EXTENSIONS)},
				EVIDENCE_FIELD,
				translate_args=("item",),
			)
		]
	if size <= 0:
		return [
			Violation(
				_("The {item} file is empty."), {"item": item}, EVIDENCE_FIELD, translate_args=("item",)
			)
		]
	if size > EVIDENCE_MAX_BYTES:
		return [
			Violation(
				_("The {item} file is larger than {mb} MB."),
				{"item": item, "mb": EVIDENCE_MAX_BYTES // (1024 * 1024)},
				EVIDENCE_FIELD,
				translate_args=("item",),
			)
		]
	return []


def check_handling(status: str | None, result: str | None, handling: str | None) -> list[Violation]:
	"""A handled objection says what the ministry found and how it handled it."""
	if status != HANDLED:
		return []
	violations = []
	if result not in RESULTS:
		violations.append(
			Violation(_("Enter the {item}."), {"item": "Handling Result"}, "result", translate_args=("item",))
		)
	if not as_text(handling).strip():
		violations.append(
			Violation(
				_("Enter the {item}."), {"item": "How It Was Handled"}, "handling", translate_args=("item",)
			)
		)
	return violations


def check_reopening(previous_status: str | None, status: str | None) -> list[Violation]:
	"""A handled objection stays handled: its result is part of the record of the decision."""
	if previous_status == HANDLED and status != HANDLED:
		return [Violation(_("A handled objection cannot be set back to unhandled."), {}, "status")]
	return []
