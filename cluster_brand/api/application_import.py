"""The 申报书's tables from Excel and back, for the desk and REST alike: download_template (the .xlsx to fill,
with the table's current rows) and import_table (a filled one back: every row checked, all saved or nothing).

/api/method/cluster_brand.api.application_import.download_template?application=CBA-…&table=backbone_enterprises
/api/method/cluster_brand.api.application_import.import_table  (POST: application, table and a multipart
``file``, or the ``file_url`` of a File the caller may read)

A table is one entry of TABLES: its plain-Python sheet module (office/<table>_sheet.py: template, read) and the
function that puts the rows read into the application. The answer to a refused sheet is the complete list of its
problems, ``errors`` ([{row, name, column, message}]; ``name``: the row's enterprise, indicator or work item)
beside Frappe's message, and nothing is saved.
"""

import html
import re

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument

from cluster_brand.api.downloads import send_file
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.office import backbone_sheet, indicator_sheet, task_plan_sheet
from cluster_brand.office.sheet_import import SheetError, SheetImport, message_of
from cluster_brand.print.readers import readable
from cluster_brand.rules.application import edit_locks
from cluster_brand.rules.application.indicators import INDICATORS, YEAR_FIELDS

CLUSTER_ENTERPRISE = "Cluster Enterprise"
FILE_FIELD = "file"
MAX_BYTES = 5 * 1024 * 1024  # a table of a few hundred rows is well under 1 MB
CONTENT_LEVEL = 0  # the 申报书 itself (rules/application/edit_locks.py)
ANOTHER_UNITS_ENTERPRISE = _(
	"The register holds {code} for the cluster of another unit: check the code, or ask the Ministry to correct "
	"the register."
)


def apply_backbone_rows(doc, result: SheetImport) -> dict:
	"""The summary table replaced by the sheet's rows: an enterprise whose code the register lacks is registered
	first (through its DocType, as the caller: the register's own rules and permissions), then the application
	saved (its own validate()). Returns the counts the desk reports."""
	codes = list(dict.fromkeys(row[backbone_sheet.CODE_FIELD] for row in result.rows))
	known = set(frappe.get_all(CLUSTER_ENTERPRISE, filters={"name": ("in", codes)}, pluck="name"))
	errors, registered, linked = [], 0, set()
	for index, row in enumerate(result.rows):
		code = row[backbone_sheet.CODE_FIELD]
		if code in linked:
			continue
		if code in known:
			linked.add(code)
			# another unit's enterprise: the unit may not read its record, so the sheet may not link it (the row
			# would show the register's name of it); said without naming what the register holds
			if not frappe.has_permission(CLUSTER_ENTERPRISE, "read", code):
				errors.append(
					SheetError(
						ANOTHER_UNITS_ENTERPRISE,
						{"code": code},
						result.row_numbers[index],
						row.get("enterprise_name") or "",
						backbone_sheet.BY_FIELD[backbone_sheet.CODE_FIELD].head,
					)
				)
			continue
		linked.add(code)
		record = backbone_sheet.register_record(row, doc.industrial_cluster)
		try:
			frappe.get_doc({"doctype": CLUSTER_ENTERPRISE, **record}).insert()
			registered += 1
		except frappe.ValidationError as error:
			# the register's refusal, for this row; the other rows are still tried, to answer them all
			errors += [
				_told(m, result.row_numbers[index], row.get("enterprise_name") or "")
				for m in _messages(error)
			]
	if errors:
		raise SheetRefused(errors)
	doc.set(backbone_sheet.TABLE, [])
	for row in result.rows:
		doc.append(backbone_sheet.TABLE, row)
	doc.save()
	return {"rows": len(result.rows), "registered": registered}


def apply_indicator_rows(doc, result: SheetImport) -> dict:
	"""The values of the indicators the sheet names replaced by the sheet's (a blank cell clears its value),
	the others kept; the eleven rows in the form's order; the application saved."""
	current = {row.indicator: row.as_dict() for row in doc.get(indicator_sheet.TABLE)}
	named = {row["indicator"]: row for row in result.rows}
	rows = []
	for indicator in INDICATORS:
		row = current.get(indicator.key) or {"indicator": indicator.key}
		if indicator.key in named:
			row = {**row, **named[indicator.key]}
		rows.append({field: row.get(field) for field in ("indicator", *YEAR_FIELDS)})
	doc.set(indicator_sheet.TABLE, rows)
	doc.save()
	return {"rows": len(result.rows)}


def apply_task_plan(doc, result: SheetImport) -> dict:
	"""The work task plan replaced by the sheet's: its work items and their measures, the application saved
	(which numbers the measures as the form does)."""
	doc.set(task_plan_sheet.ITEM_TABLE, result.related[task_plan_sheet.ITEM_TABLE])
	doc.set(task_plan_sheet.TABLE, result.rows)
	doc.save()
	return {"rows": len(result.rows)}


# table (the application's child table field) → (its sheet module, how its rows are put into the application)
TABLES = {
	backbone_sheet.TABLE: (backbone_sheet, apply_backbone_rows),
	indicator_sheet.TABLE: (indicator_sheet, apply_indicator_rows),
	task_plan_sheet.TABLE: (task_plan_sheet, apply_task_plan),
}
# the file's name for each table, in the user's words
FILE_NAMES = {
	backbone_sheet.TABLE: "骨干企业汇总表",
	indicator_sheet.TABLE: indicator_sheet.SHEET_NAME,
	task_plan_sheet.TABLE: task_plan_sheet.SHEET_NAME,
}
# what names the row of a problem in each table: the enterprise, the indicator, the work item
NAME_HEADS = {
	backbone_sheet.TABLE: "Enterprise Name",
	indicator_sheet.TABLE: "Indicator Name",
	task_plan_sheet.TABLE: "Work Item",
}


class SheetRefused(Exception):
	def __init__(self, errors: list[SheetError]):
		super().__init__(len(errors))
		self.errors = errors


@frappe.whitelist()
def download_template(application: str, table: str):
	"""The table's .xlsx with the application's current rows, for a reader who may read the application."""
	sheet, _apply = _table(table)
	doc = frappe.get_doc(APPLICATION, application)
	doc.check_permission("read")
	content = sheet.template(_context(doc, with_rows=True))
	send_file(content, f"{FILE_NAMES[table]}-{doc.name}.xlsx", f"{table}-{doc.name}.xlsx")


@frappe.whitelist(methods=["POST"])
def import_table(application: str, table: str, file_url: str | None = None) -> dict:
	"""The filled sheet into the application's ``table``, all rows or none: the refused answer lists every
	problem (``errors`` in the response) and saves nothing."""
	sheet, apply = _table(table)
	doc = frappe.get_doc(APPLICATION, application)
	doc.check_permission("write")
	if CONTENT_LEVEL not in doc.editable_levels():
		frappe.throw(
			_("{part} cannot be changed while the application is {state}.").format(
				part=_(edit_locks.LEVEL_NAMES[CONTENT_LEVEL]), state=_(doc.workflow_state)
			),
			frappe.PermissionError,
		)
	content = _sheet_content(file_url)
	result = sheet.read(content, _context(doc))
	if result.errors:
		_refuse(result.errors, table)
	frappe.db.savepoint("import_table")
	try:
		counts = apply(doc, result)
	except SheetRefused as refused:
		frappe.db.rollback(save_point="import_table")
		_refuse(refused.errors, table)
	except frappe.ValidationError as error:
		# the application's own validate(): what is wrong with the table as a whole (or a row it names)
		frappe.db.rollback(save_point="import_table")
		_refuse([_told(m) for m in _messages(error)], table)
	return counts


def _table(table: str):
	if table not in TABLES:
		frappe.throw(_("{0} cannot be imported from Excel.").format(table))
	return TABLES[table]


def _context(doc, with_rows: bool = False) -> dict:
	"""What a sheet module knows of the application (plain data): its batch year and pilot cycle, and for a
	template its child tables by fieldname as the reader may read them (print's readable(): what a field level
	or the state withholds is left out): the template holds the current rows, so that download → edit →
	import round-trips."""
	context = {
		"application": doc.name,
		"batch_year": doc.batch_year,
		"pilot_cycle_years": doc.pilot_cycle_years,
	}
	if with_rows:
		values = readable(doc)
		for df in doc.meta.get_table_fields():
			rows = values.get(df.fieldname) or []
			# the document's rows, or their dicts where readable() has copied the document
			context[df.fieldname] = [row.as_dict() if isinstance(row, BaseDocument) else row for row in rows]
	return context


def _sheet_content(file_url: str | None) -> bytes:
	"""The sheet: a multipart ``file`` of the request, or a File the caller may read (``file_url``)."""
	request = getattr(frappe.local, "request", None)
	upload = request.files.get(FILE_FIELD) if request is not None and request.files else None
	if upload and upload.filename:
		name = upload.filename
		# one byte beyond the limit: a larger file is refused without reading it whole
		content = upload.stream.read(MAX_BYTES + 1)
	elif file_url:
		# Files of the same content share their url: the caller's is one it may read
		files = [
			frappe.get_doc("File", f) for f in frappe.get_all("File", {"file_url": file_url}, pluck="name")
		]
		file = next((f for f in files if f.is_downloadable()), None)
		if file is None:
			raise frappe.PermissionError(_("You may not read the file {0}.").format(file_url))
		name, content = file.file_name or file_url, file.get_content()
	else:
		frappe.throw(_("Choose the filled Excel file (.xlsx) to import."))
	if not (name or "").lower().endswith(".xlsx"):
		frappe.throw(_("Only an Excel workbook (.xlsx) can be imported, not {0}.").format(name))
	if isinstance(content, str):
		content = content.encode()
	if len(content) > MAX_BYTES:
		frappe.throw(_("The file is larger than {0} MB.").format(MAX_BYTES // (1024 * 1024)))
	return content


def _messages(error: Exception) -> list[str]:
	"""The plain messages of a refused save: each item of its list, or its one message."""
	text = str(error)
	items = re.findall(r"<li>(.*?)</li>", text, flags=re.S) or [text]
	return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items if item.strip()]


def _told(message: str, row: int | None = None, name: str = "") -> SheetError:
	"""A message Frappe has already translated, as a problem of the sheet (its braces kept as they are)."""
	return SheetError(message.replace("{", "{{").replace("}", "}}"), {}, row, name)


def _refuse(errors: list[SheetError], table: str):
	"""Nothing saved; the answer lists every problem: ``errors`` for a REST client, a table for the desk.
	Each names its row by the sheet's row number and by what the row is (``name``: the enterprise, the
	indicator, the work item)."""
	answer = [
		{
			"row": error.row,
			"name": error.name,
			"column": error.column,
			"message": message_of(error, _),
		}
		for error in errors
	]
	frappe.local.response["errors"] = answer
	escape = frappe.utils.escape_html
	heads = (_("Sheet Row"), _(NAME_HEADS[table]), _("Sheet Column"), _("Problem Found"))
	body = "".join(
		"<tr>"
		+ "".join(f"<td>{escape(str(value))}</td>" for value in (e["row"] or "", e["name"], e["column"]))
		+ f"<td>{escape(e['message'])}</td></tr>"
		for e in answer
	)
	table = (
		'<table class="table table-bordered table-sm sheet-errors"><thead><tr>'
		+ "".join(f"<th>{escape(h)}</th>" for h in heads)
		+ f"</tr></thead><tbody>{body}</tbody></table>"
	)
	intro = _("The sheet has {0} problem(s); nothing was imported.").format(len(answer))
	frappe.throw(f"<p>{escape(intro)}</p>{table}", title=_("Import from Excel"))
