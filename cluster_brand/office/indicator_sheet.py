"""第一部分 主要指标情况 from Excel: the 11 main indicators of the leading industry over the batch's three years.

The template lists the indicators by their official names (unit included) in the form's order, one column per
indicator year of the batch (2017 → 2014年, 2015年, 2016年). A filled sheet is read tolerantly (office/cells.py):
an indicator's name without 主导产业 or with another unit of money in its brackets (主导产业总产值（万元）: the
values are converted to 亿元), numbers as text; and checked with the 申报书's own rule
(rules/application/indicators.py check_indicator_rows).
"""

import re

from cluster_brand.office import cells
from cluster_brand.office.sheet_import import (
	NO_HEADS,
	NO_ROWS,
	NOT_A_NUMBER,
	SheetError,
	SheetImport,
	unreadable,
)
from cluster_brand.office.sheet_layout import as_bytes, fill_row, new_sheet
from cluster_brand.rules import _
from cluster_brand.rules.application import indicators
from cluster_brand.rules.application.annex2 import MAIN_INDICATORS
from cluster_brand.rules.values import INVALID

TABLE = "indicators"  # the application's child table the sheet fills
SHEET_NAME = MAIN_INDICATORS[1]  # 主要指标情况
NAME_HEAD = "指标名称"
UNIT_HEAD = "单位"
NOTES = (
	"注：按申报批次前三年填写主导产业的主要指标；企业数填整数，金额单位为亿元（表头或指标名称中注明万元的，"
	"导入时按万元换算），国内市场占有率填百分数（0–100）。请勿增删指标行。",
)
NO_YEARS = _("The application has no batch year: the years of its main indicators are not known.")
MISSING_YEAR = _("The sheet has no column for {year}: the main indicators of this batch are for {years}.")
UNKNOWN_INDICATOR = _("{value} is not one of the eleven main indicators of the form.")
_PREFIX = "主导产业"
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_YEAR_HEAD = re.compile(r"^(\d{4})\s*年?")


def _plain_name(value) -> str:
	"""An indicator's name as names are matched: without spaces, its unit in brackets and 主导产业."""
	return re.sub(r"\s", "", _BRACKETS.sub("", cells.text(value))).removeprefix(_PREFIX)


_BY_NAME = {_plain_name(i.official_name): i for i in indicators.INDICATORS}


def template(context: dict) -> bytes:
	"""The sheet to fill: the indicators in the form's order, prefilled with ``context["indicators"]`` (the
	application's rows) where given."""
	years = indicators.indicator_years(context.get("batch_year"))
	year_heads = [indicators.year_heading(y) for y in years] or [f"第{n}年" for n in (1, 2, 3)]
	book, sheet, _head_row = new_sheet(
		MAIN_INDICATORS[1], SHEET_NAME, [NAME_HEAD, *year_heads], [40, 16, 16, 16], NOTES
	)
	current = {row.get("indicator"): row for row in context.get("indicators") or []}
	for indicator in indicators.INDICATORS:
		row = current.get(indicator.key) or {}
		values = [row.get(field) for field in indicators.YEAR_FIELDS]
		if indicator.zero_is_missing:  # Frappe stores an unfilled number as 0
			values = [value or None for value in values]
		number_format = "0" if indicator.kind == indicators.COUNT else "0.00"
		fill_row(
			sheet, [indicator.official_name, *values], {2: number_format, 3: number_format, 4: number_format}
		)
	return as_bytes(book)


def read(content: bytes, context: dict) -> SheetImport:
	"""The rows of the indicators the sheet names, in the form's order (an indicator it leaves out is not
	among them: the application keeps its values), or every problem of the sheet."""
	result = SheetImport()
	years = indicators.indicator_years(context.get("batch_year"))
	if not years:
		result.errors.append(SheetError(NO_YEARS))
		return result
	try:
		rows = cells.sheet_rows(content)
	except cells.UnreadableWorkbook as error:
		return unreadable(error)
	found = cells.find_heads(rows, {"name": NAME_HEAD, "unit": UNIT_HEAD}, ("name",))
	if found is None:
		result.errors.append(SheetError(NO_HEADS, {"heads": NAME_HEAD}))
		return result
	head_index, columns, _units = found
	year_columns = {}
	for column, value in enumerate(rows[head_index].cells):
		match = _YEAR_HEAD.match(cells.text(value))
		if match:
			year_columns.setdefault(int(match.group(1)), column)
	headings = [indicators.year_heading(year) for year in years]
	for year in years:
		if year not in year_columns:
			result.errors.append(
				SheetError(
					MISSING_YEAR, {"year": indicators.year_heading(year), "years": "、".join(headings)}
				)
			)
	if result.errors:
		return result

	filled, sheet_rows, names = [], [], []
	for row in rows[head_index + 1 :]:
		if row.is_blank() or row.is_total():
			continue
		name = cells.text(row.cell(columns["name"]))
		indicator = _BY_NAME.get(_plain_name(name))
		if indicator is None:
			result.errors.append(SheetError(UNKNOWN_INDICATOR, {"value": name}, row.number, name, NAME_HEAD))
			continue
		unit = cells.head_unit(name) or cells.head_unit(f"（{cells.text(row.cell(columns.get('unit')))}）")
		values = {"indicator": indicator.key}
		for fieldname, year, heading in zip(indicators.YEAR_FIELDS, years, headings, strict=True):
			value = cells.number(row.cell(year_columns[year]))
			if value is INVALID:
				written = cells.text(row.cell(year_columns[year]))
				result.errors.append(
					SheetError(NOT_A_NUMBER, {"value": written}, row.number, indicator.official_name, heading)
				)
				value = None
			elif indicator.kind in (indicators.MONEY, indicators.SIGNED_MONEY):
				value = cells.in_yi(value, unit)
			values[fieldname] = value
		filled.append(values)
		sheet_rows.append(row.number)
		names.append(indicator.official_name)
	if not filled and not result.errors:
		result.errors.append(SheetError(NO_ROWS))
		return result
	for violation in indicators.check_indicator_rows(filled, years):
		index = (violation.row or 1) - 1
		column = headings[indicators.YEAR_FIELDS.index(violation.column)] if violation.column else NAME_HEAD
		result.errors.append(SheetError.of(violation, sheet_rows[index], names[index], column))
	if result.errors:
		return result
	order = {i.key: n for n, i in enumerate(indicators.INDICATORS)}
	result.rows = sorted(filled, key=lambda row: order[row["indicator"]])
	return result
