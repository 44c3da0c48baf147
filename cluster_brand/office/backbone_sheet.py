"""二、骨干企业汇总表 as an Excel sheet: the template a unit fills, and the filled sheet read back as the rows of
the application's backbone table (Application Backbone Enterprise), checked with the 申报书's own rules.

The sheet has the annex's columns plus 统一社会信用代码: the register (Cluster Enterprise) knows an enterprise
by that code, so a row without it could neither be linked nor registered.
"""

from dataclasses import dataclass, replace

from cluster_brand.office import cells
from cluster_brand.office.sheet_import import (
	NO_HEADS,
	NO_ROWS,
	NOT_A_NUMBER,
	SheetError,
	SheetImport,
	unreadable,
)
from cluster_brand.office.sheet_layout import CENTRE, as_bytes, fill_row, new_sheet
from cluster_brand.rules import Violation, _
from cluster_brand.rules.application import enterprises
from cluster_brand.rules.application.annex2 import BACKBONE_NOTE
from cluster_brand.rules.capacity import check_text
from cluster_brand.rules.formats import (
	check_format,
	is_valid_email,
	is_valid_mobile,
	is_valid_phone,
	normalize_credit_code,
)
from cluster_brand.rules.registry import check_cluster_enterprise
from cluster_brand.rules.values import INVALID

TABLE = "backbone_enterprises"
TITLE = "二、骨干企业汇总表"
SHEET_NAME = "骨干企业汇总表"
NUMBER_HEAD = "序号"
CODE_FIELD = "enterprise"  # the row's link to the register is the credit code (the register's name)


@dataclass(frozen=True)
class Column:
	fieldname: str
	head: str  # the official head, as the annex prints it
	width: int
	money: bool = False


# The annex's columns in its order, the credit code after the name (the system's addition).
COLUMNS = (
	Column(CODE_FIELD, "统一社会信用代码", 22),
	Column("enterprise_name", "企业名称", 30),
	Column("main_products", "主要产品", 20),
	Column("own_brand", "自主品牌", 14),
	Column("assets", "资产（万元）", 14, True),
	Column("sales_revenue", "销售收入（万元）", 15, True),
	Column("own_brand_sales_revenue", "自主品牌产品销售收入（万元）", 16, True),
	Column("total_profit", "利润总额（万元）", 15, True),
	Column("contact_person", "联系人", 10),
	Column("contact_details", "联系方式", 22),
)
# in the sheet's order: 序号, 企业名称, 统一社会信用代码, …
SHEET_ORDER = ("enterprise_name", CODE_FIELD) + tuple(
	c.fieldname for c in COLUMNS if c.fieldname not in ("enterprise_name", CODE_FIELD)
)
BY_FIELD = {c.fieldname: c for c in COLUMNS}
HEADS = (NUMBER_HEAD, *(BY_FIELD[f].head for f in SHEET_ORDER))
MONEY_FIELDS = tuple(c.fieldname for c in COLUMNS if c.money)
TEXT_FIELDS = ("enterprise_name", "main_products", "own_brand", "contact_person", "contact_details")
REQUIRED_FIELDS = ("enterprise_name", CODE_FIELD)
BLANK_ROWS = 5  # the annex's blank table has rows 1–5
MONEY_FORMAT = "#,##0.00"

# The English names the rules give the columns, as the sheet names them (its official Chinese heads).
HEAD_OF_RULE_LABEL = {
	**{label: BY_FIELD[f].head for f, label in enterprises.LABELS.items()},
	"Enterprise": BY_FIELD[CODE_FIELD].head,
	"Unified Social Credit Code": BY_FIELD[CODE_FIELD].head,
	"Phone or Email": BY_FIELD["contact_details"].head,
	"Telephone": BY_FIELD["contact_details"].head,
	"Mobile": BY_FIELD["contact_details"].head,
	"Contact Mailbox": BY_FIELD["contact_details"].head,
	enterprises.TABLE_ITEM: TITLE,
}
# The rules' English column of the register's fields (check_cluster_enterprise) as the sheet's column.
FIELD_OF_REGISTER = {
	"unified_social_credit_code": CODE_FIELD,
	"contact_phone": "contact_details",
	"mobile": "contact_details",
	"email": "contact_details",
}

MISSING = _("Fill in {item}.")  # the form's own wording
NOT_A_TEXT_LIMIT = 140  # the row's Data columns (varchar 140)


# --- the template ------------------------------------------------------------------------------------------


def template(context: dict | None = None) -> bytes:
	"""The .xlsx people fill: the title merged over the table, the form's note, the official heads, the
	application's current rows (``context["backbone_enterprises"]``, so that download → edit → import
	round-trips) and a few empty numbered rows; money columns formatted as numbers, the credit code as text."""
	context = context or {}
	rows = list(context.get(TABLE) or [])
	widths = [6, *(BY_FIELD[f].width for f in SHEET_ORDER)]
	book, sheet, head_row = new_sheet(TITLE, SHEET_NAME, list(HEADS), widths, (BACKBONE_NOTE,))
	sheet.row_dimensions[head_row].height = 36
	formats = {
		column: MONEY_FORMAT if fieldname in MONEY_FIELDS else "@"  # the code: 18 characters, never a number
		for column, fieldname in enumerate(SHEET_ORDER, start=2)
		if fieldname in MONEY_FIELDS or fieldname == CODE_FIELD
	}
	for number in range(1, len(rows) + BLANK_ROWS + 1):
		row = rows[number - 1] if number <= len(rows) else {}
		written = fill_row(sheet, [number, *(_template_value(row.get(f)) for f in SHEET_ORDER)], formats)
		sheet.cell(written, 1).alignment = CENTRE
	return as_bytes(book)


def _template_value(value):
	return None if value in (None, "") else value


# --- reading a filled sheet ----------------------------------------------------------------------------------


def read(content: bytes, context: dict | None = None) -> SheetImport:
	"""The filled sheet as the rows of the backbone table (amounts in 万元, converted from the unit each head
	states), or every problem found (never stopping at the first), each with its sheet row, enterprise and
	official column head."""
	try:
		rows = cells.sheet_rows(content, SHEET_NAME)
	except cells.UnreadableWorkbook as error:
		return unreadable(error)
	heads = {f: cells.head_key(BY_FIELD[f].head) for f in SHEET_ORDER}
	found = cells.find_heads(rows, heads, REQUIRED_FIELDS)
	if found is None:
		names = "、".join(BY_FIELD[f].head for f in REQUIRED_FIELDS)
		return SheetImport(errors=[SheetError(NO_HEADS, {"heads": names})])
	head_index, columns, units = found

	result = SheetImport()
	for sheet_row in rows[head_index + 1 :]:
		if _is_blank(sheet_row, columns) or sheet_row.is_total() or _is_note(sheet_row, columns):
			continue
		row, errors = _read_row(sheet_row, columns, units)
		result.rows.append(row)
		result.row_numbers.append(sheet_row.number)
		result.errors += errors
	if not result.rows:
		result.errors.append(SheetError(NO_ROWS))
		return result
	result.errors += check_rows(result.rows, result.row_numbers)
	result.errors.sort(key=lambda e: e.row or 0)
	return result


def _is_blank(row: cells.SheetRow, columns: dict) -> bool:
	"""No value but its 序号 (the template's numbered empty rows)."""
	return not any(cells.text(row.cell(column)) for column in columns.values())


def _is_note(row: cells.SheetRow, columns: dict) -> bool:
	"""A 注：… line under the table (copied from the form): one filled cell that starts with 注."""
	filled = [cells.text(value) for value in row.cells if cells.text(value)]
	return len(filled) == 1 and filled[0].startswith(("注", "说明", "备注"))


def _read_row(sheet_row: cells.SheetRow, columns: dict, units: dict) -> tuple[dict, list[SheetError]]:
	row, errors = {}, []
	name = cells.text(sheet_row.cell(columns.get("enterprise_name")))
	for fieldname in SHEET_ORDER:
		value = sheet_row.cell(columns.get(fieldname))
		if fieldname in MONEY_FIELDS:
			amount = cells.number(value)
			if amount is INVALID:
				errors.append(
					SheetError(
						NOT_A_NUMBER,
						{"value": cells.text(value)},
						sheet_row.number,
						name,
						BY_FIELD[fieldname].head,
					)
				)
				amount = None
			row[fieldname] = cells.in_wan(amount, units.get(fieldname))
		elif fieldname == CODE_FIELD:
			# people type codes with spaces and in lower case; full-width letters are half-width already
			row[fieldname] = normalize_credit_code(cells.text(value).replace(" ", "")) or None
		else:
			row[fieldname] = cells.text(value) or None
	return row, errors


def check_rows(rows: list[dict], row_numbers: list[int]) -> list[SheetError]:
	"""The rows checked with the 申报书's own rules (enterprises.py, formats.py, capacity.py) and the
	register's (registry.py) for the enterprises a row would register; each rule's problem named by the sheet's
	row number, the row's enterprise and the official column head."""
	errors = []
	for index, row in enumerate(rows):
		number, name = row_numbers[index], row.get("enterprise_name") or ""
		for fieldname in REQUIRED_FIELDS:
			if not row.get(fieldname):
				head = BY_FIELD[fieldname].head
				errors.append(SheetError(MISSING, {"item": head}, number, name, head))
		for fieldname in TEXT_FIELDS:
			problem = check_text(row.get(fieldname), "Data", BY_FIELD[fieldname].head)
			if problem:
				errors.append(as_sheet_error(problem, rows, row_numbers, index, fieldname))
		problem = check_format("contact", row.get("contact_details"), "Phone or Email", "contact_details")
		if problem:
			errors.append(as_sheet_error(problem, rows, row_numbers, index, "contact_details"))
	for violation in enterprises.check_enterprise_codes(rows, TABLE, enterprises.TABLE_ITEM):
		errors.append(as_sheet_error(violation, rows, row_numbers))
	for violation in enterprises.check_backbone_rows(rows):
		errors.append(as_sheet_error(violation, rows, row_numbers))
	errors += _same_name_twice(rows, row_numbers)
	for index, row in enumerate(rows):
		if not enterprises_code_is_valid(row):
			continue  # its code is reported above; the register's check would only repeat it
		for violation in check_cluster_enterprise(register_record(row)):
			column = FIELD_OF_REGISTER.get(violation.fieldname, violation.fieldname)
			errors.append(as_sheet_error(violation, rows, row_numbers, index, column))
	return _unique(errors)


def enterprises_code_is_valid(row: dict) -> bool:
	return not enterprises.check_enterprise_codes([row], TABLE, enterprises.TABLE_ITEM)


def _same_name_twice(rows: list[dict], row_numbers: list[int]) -> list[SheetError]:
	"""One enterprise under two codes is a slip the rules' code check cannot see (it compares codes)."""
	errors, first = [], {}
	for index, row in enumerate(rows):
		name = (row.get("enterprise_name") or "").replace(" ", "")
		if not name:
			continue
		if name in first and rows[first[name]].get(CODE_FIELD) != row.get(CODE_FIELD):
			errors.append(
				SheetError(
					DUPLICATE,
					{
						"enterprise": row["enterprise_name"],
						"first": row_numbers[first[name]],
						"row": row_numbers[index],
					},
					row_numbers[index],
					row["enterprise_name"],
					BY_FIELD["enterprise_name"].head,
				)
			)
		first.setdefault(name, index)
	return errors


# the rules' own wording of a row listed twice (check_backbone_rows), also for a name under two codes
DUPLICATE = _("Backbone enterprise summary table: {enterprise} is listed in rows {first} and {row}.")


def as_sheet_error(
	violation: Violation,
	rows: list[dict],
	row_numbers: list[int],
	index: int | None = None,
	column: str | None = None,
) -> SheetError:
	"""A rule's Violation as the sheet's problem: its row counted as the sheet counts them (the rules count
	the table's rows 1, 2 …), the official names it translates put as the sheet's Chinese heads."""
	if index is None:
		index = (violation.row or 1) - 1
	column = column or violation.column
	args = dict(violation.args)
	for key in ("row", "first"):
		if isinstance(args.get(key), int) and violation.row is not None and 0 < args[key] <= len(row_numbers):
			args[key] = row_numbers[args[key] - 1]
	for key in violation.translate_args:
		args[key] = HEAD_OF_RULE_LABEL.get(args[key], args[key])
	row = rows[index] if 0 <= index < len(rows) else {}
	error = SheetError.of(
		violation,
		row_numbers[index] if 0 <= index < len(row_numbers) else None,
		row.get("enterprise_name") or "",
		BY_FIELD[column].head if column in BY_FIELD else "",
	)
	return replace(error, args=args)


def _unique(errors: list[SheetError]) -> list[SheetError]:
	seen, unique = set(), []
	for error in errors:
		key = (
			error.message,
			tuple(sorted((k, str(v)) for k, v in error.args.items())),
			error.row,
			error.column,
		)
		if key not in seen:
			seen.add(key)
			unique.append(error)
	return unique


# --- the register --------------------------------------------------------------------------------------------


def register_record(row: dict, industrial_cluster: str | None = None) -> dict:
	"""The Cluster Enterprise a row registers when its code is not in the register yet: its 联系方式 goes to
	the register's field of its kind (a mobile number, an email address, else the telephone)."""
	contact = row.get("contact_details") or None
	kinds = (("mobile", is_valid_mobile), ("email", is_valid_email), ("contact_phone", is_valid_phone))
	kind = next((kind for kind, is_valid in kinds if contact and is_valid(contact)), None)
	record = {
		"enterprise_name": row.get("enterprise_name"),
		"unified_social_credit_code": row.get(CODE_FIELD),
		"industrial_cluster": industrial_cluster,
		"main_products": row.get("main_products"),
		"own_brands": row.get("own_brand"),
		"contact_person": row.get("contact_person"),
	}
	if kind:
		record[kind] = contact  # one that is none of them is the 联系方式 check's error already
	return record
