"""Expert Review Score.score is a Float again, NULL until the expert enters it, like the weighted score and the
sheet's total (cluster_brand/controllers/blank_numbers.py). Run before the model sync ([pre_model_sync]), on each kind
of site that may be migrated:

- one that ran expert_scores_blank_until_entered holds the scores as text in a varchar column, NULL or ''
  where none was entered. Frappe's sync would change that column to ``decimal not null default 0``, which
  MariaDB's strict mode refuses for '' (no decimal) and for NULL (not null) alike. So blank or wrong text
  is made NULL first, and the column is changed here to the nullable decimal nullable_numbers keeps; the
  sync then finds its type and default as the Float field has them, and leaves it alone.
- one that never ran it (the score was a Float) holds a draft's unscored criteria as 0, the Float's
  default: they are made blank, to be scored before the sheet is submitted, as that patch did; a submitted
  sheet keeps the scores it was submitted with.
- one migrated already (nullable columns) is left as it is: a 0 there was typed.

Either way a criterion not scored has no weighted score and a sheet not fully scored no total (they were
stored 0). A new site creates nullable columns (after_install) and runs no patch.
"""

import frappe
from frappe.database.schema import get_definition

from cluster_brand.controllers.blank_numbers import make_columns_nullable

SCORES = "tabExpert Review Score"
SHEETS = "tabExpert Review"
# a number as Frappe's Float and MariaDB's decimal read it ("85.5", "0", "1e2"); other text is no score
NUMBER = r"^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$"


def execute():
	score = _column(SCORES, "score")
	if not score:
		return  # no sheets yet: the sync creates the table, migrate makes its columns nullable
	was_text = not score.column_type.startswith("decimal")
	was_float = not was_text and score.is_nullable != "YES"
	if was_text:
		blank_text_that_is_no_number()
		frappe.db.sql_ddl(
			f"alter table `{SCORES}` modify `score` {get_definition('Float')} null default null"
		)
	make_columns_nullable()  # the score (when it was a Float), the weighted score and the total
	if was_float:
		unscored_drafts_are_blank()
	no_weighted_score_or_total_without_scores()


def _column(table: str, column: str):
	rows = frappe.db.sql(
		"""select column_type, is_nullable from information_schema.columns
		where table_schema = database() and table_name = %s and column_name = %s""",
		(table, column),
		as_dict=True,
	)
	return rows[0] if rows else None


def blank_text_that_is_no_number():
	frappe.db.sql(f"update `{SCORES}` set score = trim(score) where score is not null")
	frappe.db.sql(f"update `{SCORES}` set score = null where score not regexp %s", (NUMBER,))


def unscored_drafts_are_blank():
	frappe.db.sql(
		f"""update `{SCORES}` score join `{SHEETS}` sheet on sheet.name = score.parent
		set score.score = null
		where score.parenttype = 'Expert Review' and sheet.docstatus = 0 and score.score = 0"""
	)


def no_weighted_score_or_total_without_scores():
	frappe.db.sql(f"update `{SCORES}` set weighted_score = null where score is null")
	frappe.db.sql(
		f"""update `{SHEETS}` sheet set total_score = null
		where exists (select 1 from `{SCORES}` score
			where score.parent = sheet.name and score.parenttype = 'Expert Review' and score.score is null)"""
	)
