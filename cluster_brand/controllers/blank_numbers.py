"""Numbers that stay blank until someone types them: the main indicators of the 申报书 and their ratios, the
backbone enterprises' figures and the funding amounts, the experts' scores (专家评审表: a criterion's score and
weighted score, the sheet's total), and the 申报书's 推荐排序 and 专家平均分 (no rank, no mean before the
province ranks it and an expert submits).

Frappe 15 makes every Float column ``NOT NULL DEFAULT 0`` and writes a Float that holds no value as 0, so a
saved form shows 0.00 in every cell nobody filled in, and 0 can no longer be told from "not filled" (a
cluster may well export nothing, or make no profit). Frappe 16 has nullable numbers (a number column is
nullable unless the field is "not nullable"); this module does the same for the fields listed here:

- their columns accept NULL (``make_columns_nullable``, run after install and after every migrate), and
  Frappe's schema sync keeps them so (``keep_columns_nullable``, run before every migrate: when a DocType's
  JSON changes, the sync would write each Float column back as ``not null default 0``, which MariaDB in
  strict mode refuses while a row holds NULL), and
- their rows write no value as NULL (``NullableNumbers``, the rows' controller base; Frappe's own
  ``get_valid_dict`` turns None into 0 for every Float).

The fields stay Floats: numbers over REST (null when blank), right-aligned and formatted in the desk (a
read-only field without a value is hidden, a grid cell blank). The rules read None as "not filled"
(completeness names it; a sheet is submitted with every score, and 0 is one), the print leaves its cell blank.
"""

import re

import frappe
from frappe.database.schema import DbColumn
from frappe.model.document import Document

from cluster_brand.rules.application.enterprises import MONEY_FIELDS, SIGNED_MONEY_FIELDS
from cluster_brand.rules.application.indicators import YEAR_FIELDS

BACKBONE_FIGURES = (*MONEY_FIELDS, *SIGNED_MONEY_FIELDS)  # 资产, 销售收入, 自主品牌产品销售收入, 利润总额

NULLABLE_NUMBERS = {
	"Application Indicator": YEAR_FIELDS,
	"Application Derived Indicator": YEAR_FIELDS,
	# typed by the expert; computed on save, once the criterion, or every criterion, is scored
	"Expert Review Score": ("score", "weighted_score"),
	"Expert Review": ("total_score",),
	# the pilot years: the baseline, what the year reports and what is computed from it
	"Pilot Baseline Indicator": ("baseline_value",),
	"Annual Summary Indicator": ("baseline_value", "reporting_value", "change_percent"),
	"Annual Summary Derived Indicator": ("baseline_value", "reporting_value", "change"),
	"Annual Summary Target Progress": ("achieved_value", "percent_of_target"),
	# the province's rank (0 is no rank) and the experts' mean, blank until given; the backbone enterprises'
	# share of the industry's sales, blank until both are entered
	"Cluster Brand Application": ("recommendation_rank", "mean_score", "backbone_sales_coverage"),
	# the own-brand share of the year's backbone enterprises, blank until their sales are entered
	"Annual Work Summary": ("own_brand_sales_share",),
	# the backbone enterprises' figures and the funding amounts, in the 申报书 and in each year's summary
	"Application Backbone Enterprise": BACKBONE_FIGURES,
	"Annual Summary Backbone Enterprise": BACKBONE_FIGURES,
	"Application Funding": ("amount",),
	"Annual Summary Funding": ("amount",),
	# the final summary's figures: a year not reported, a target without an achieved value
	"Final Summary Indicator": (
		"baseline_value",
		"year_1_value",
		"year_2_value",
		"year_3_value",
		"change_percent",
	),
	"Final Summary Target Outcome": ("baseline_value", "achieved_value", "gap", "percent_of_target"),
	# the demonstration application: funds not declared, no rank yet; a ratio the data cannot give
	"Demonstration Application": ("funds_delivered", "recommendation_rank"),
	"Demonstration Ratio Change": ("baseline_year", "baseline_value", "last_year", "last_value", "change"),
	# the demonstration application's review sheets: as the experts' sheets of the application
	"Demonstration Review Score": ("score", "weighted_score"),
	"Demonstration Review": ("total_score",),
}


class NullableNumbers(Document):
	"""A row whose NULLABLE_NUMBERS[doctype] are stored as NULL when they hold no value (as 0, Frappe's way, on
	a site whose columns are not nullable yet: until its next migrate)."""

	def get_valid_dict(self, *args, **kwargs):
		values = super().get_valid_dict(*args, **kwargs)
		for fieldname in nullable_columns(self.doctype):
			if fieldname in values and self.get(fieldname) in (None, ""):
				values[fieldname] = None
		return values


_nullable = {}  # (site, doctype): the NULLABLE_NUMBERS of the doctype whose columns accept NULL


def nullable_columns(doctype: str) -> tuple[str, ...]:
	key = (frappe.local.site, doctype)
	if key not in _nullable:
		fieldnames = NULLABLE_NUMBERS.get(doctype, ())
		found = {name for name, _type, is_nullable in _columns(doctype, fieldnames) if is_nullable == "YES"}
		# a column that does not accept NULL yet may after a migrate: only a complete answer is kept
		if len(found) == len(fieldnames):
			_nullable[key] = fieldnames
		return tuple(f for f in fieldnames if f in found)
	return _nullable[key]


def _columns(doctype: str, fieldnames) -> tuple:
	if not fieldnames:
		return ()
	return frappe.db.sql(
		"""select column_name, column_type, is_nullable from information_schema.columns
		where table_schema = database() and table_name = %s and column_name in %s""",
		(f"tab{doctype}", tuple(fieldnames)),
	)


def make_columns_nullable():
	"""The columns of NULLABLE_NUMBERS accept NULL, with no default (hooks: after_install, after_migrate).
	A value stored as 0 before stays 0: it may have been typed."""
	for doctype, fieldnames in NULLABLE_NUMBERS.items():
		changes = [
			f"modify `{name}` {column_type} null default null"
			for name, column_type, is_nullable in _columns(doctype, fieldnames)
			if is_nullable != "YES"
		]
		if changes:
			frappe.db.sql_ddl(f"alter table `tab{doctype}` {', '.join(changes)}")
		_nullable.pop((frappe.local.site, doctype), None)


def _listed(column: DbColumn) -> bool:
	return column.fieldname in NULLABLE_NUMBERS.get(getattr(column.table, "doctype", None), ())


def keep_columns_nullable_hook(doc, method=None):
	"""Custom Field, Property Setter and DocType before_save: their sync of the table runs in this process."""
	keep_columns_nullable()


def keep_columns_nullable():
	"""Frappe's schema sync defines the columns of NULLABLE_NUMBERS as ``null default null`` (hook:
	before_migrate).

	Frappe 15 defines every Float column as ``not null default 0``, and takes such a column's default
	(information_schema reads it as 'NULL') for one changed from none: a migrate that syncs the DocType
	would modify the column back to ``not null``, and fail on its first NULL."""
	if getattr(DbColumn.get_definition, "nullable_numbers", False):
		return
	get_definition, default_changed = DbColumn.get_definition, DbColumn.default_changed

	def definition(column, for_modification=False):
		text = get_definition(column, for_modification)
		if text and _listed(column):
			text = re.sub(r" not null default \S+", " null default null", text)
		return text

	def changed(column, current_def):
		if _listed(column) and current_def.get("default") in (None, "", "NULL") and not column.default:
			return False
		return default_changed(column, current_def)

	definition.nullable_numbers = True
	DbColumn.get_definition, DbColumn.default_changed = definition, changed
