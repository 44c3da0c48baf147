"""What an import of a table of the 申报书 from Excel gives back: the rows to save, or every problem found.

Each importable table has a module here (office/<table>_sheet.py) with the same two functions:
``template(context) -> bytes`` (the .xlsx people fill: the official column heads, the form's notes above them)
and ``read(content, context) -> SheetImport`` (the filled sheet, read with office/cells.py and checked with the
申报书's own rules). ``context`` is plain data about the application (its batch year, …). The Frappe glue that
serves them (cluster_brand/api/application_import.py) saves the rows only when ``errors`` is empty.
"""

from dataclasses import dataclass, field

from cluster_brand.rules import Violation, _


@dataclass(frozen=True)
class SheetError:
	"""One problem of a filled sheet: where (the sheet's row number as Excel shows it, the enterprise or item
	the row names, the official column head) and what (an English template with ``{}`` arguments, translated
	by the caller: ``message.format(**args)`` after translating, the args named in ``translate_args`` too,
	as a rule's Violation)."""

	message: str
	args: dict = field(default_factory=dict)
	row: int | None = None
	name: str = ""
	column: str = ""
	translate_args: tuple = ()

	@classmethod
	def of(cls, violation: Violation, row: int | None, name: str = "", column: str = "") -> "SheetError":
		"""A rule's Violation, found in the sheet's ``row``."""
		return cls(violation.message, violation.args, row, name, column, violation.translate_args)


@dataclass
class SheetImport:
	rows: list[dict] = field(default_factory=list)
	errors: list[SheetError] = field(default_factory=list)
	# other child tables the same sheet fills, by fieldname (the work plan's work items beside its measures)
	related: dict[str, list[dict]] = field(default_factory=dict)
	# the sheet's row number of each of ``rows`` (what a save's problem in the table's row n refers to)
	row_numbers: list[int] = field(default_factory=list)


NOT_A_WORKBOOK = _("The file is no Excel workbook (.xlsx): {detail}")
NO_HEADS = _("No row of the sheet carries the column heads {heads}: download the template and fill it.")
NO_ROWS = _("The sheet has no filled row below its column heads.")
NOT_A_NUMBER = _("{value} is not a number.")


def unreadable(error: Exception) -> SheetImport:
	"""The answer to a file that is no workbook (office/cells.py UnreadableWorkbook): a 4xx with the reason,
	never an error of the server."""
	return SheetImport(errors=[SheetError(NOT_A_WORKBOOK, {"detail": str(error)[:200]})])


def message_of(error: SheetError, translate=lambda message: message) -> str:
	"""What is wrong, translated: the message and the args it names in ``translate_args``."""
	args = {k: translate(str(v)) if k in error.translate_args else v for k, v in error.args.items()}
	return translate(error.message).format(**args)
