"""Frappe's query report methods, refusing a reader with the report's name in the reader's language.

Frappe's own refusal names the report by its English document name (「您没有权限访问报表：Expert Review
Ranking」); the same check, made first, names it as the desk's title and breadcrumbs do (专家评审排名).
Registered in hooks.py override_whitelisted_methods; the allowlist keeps Frappe's method names.
"""

import frappe
from frappe import _
from frappe.desk import query_report


def check_report_access(report_name: str):
	"""Frappe's first check of get_report_doc (Report.is_permitted), with the name translated."""
	if not report_name or not frappe.db.exists("Report", report_name):
		return  # Frappe's own answer
	if not frappe.get_cached_doc("Report", report_name).is_permitted():
		frappe.throw(
			_("You don't have access to Report: {0}").format(_(report_name)),
			frappe.PermissionError,
		)


@frappe.whitelist()
def get_script(report_name):
	check_report_access(report_name)
	return query_report.get_script(report_name)


@frappe.whitelist()
def run(
	report_name,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	check_report_access(report_name)
	return query_report.run(
		report_name,
		filters=filters,
		user=user,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=custom_columns,
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)
