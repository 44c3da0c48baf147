"""The form's 复制到新批次 (cluster_brand/rules/application/batch_copy.py decides what is carried and when it is
refused): a unit's application of an earlier batch becomes a new draft of the open batch, inserted with the
user's own permissions. Frappe's raw duplicate is not offered for the 申报书 (its DocType's allow_copy, 「隐藏复制」):
it would carry the earlier batch's years, date, scan and review."""

import frappe
from frappe import _
from frappe.model import child_table_fields, default_fields, display_fieldtypes, no_value_fields

from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.doctype_names import APPLICATION, PILOT_BATCH
from cluster_brand.permissions.scope import user_scope
from cluster_brand.rules.application import batch_copy as application_copy

# Frappe's own fields of a child row, and the row's link to its parent
ROW_FIELDS_NOT_CARRIED = frozenset(default_fields) | frozenset(child_table_fields)


@frappe.whitelist(methods=["POST"])
def copy_to_batch(application: str, pilot_batch: str) -> str:
	"""Copies the caller's unit's ``application`` into ``pilot_batch`` as a new draft; returns its name."""
	source = frappe.get_doc(APPLICATION, application)
	source.check_permission("read")
	units = user_scope(frappe.session.user).units
	batch = frappe.db.get_value(PILOT_BATCH, pilot_batch, ["name", "batch_year", "status"], as_dict=True)
	# one application per cluster and batch (the save refuses a second): said before anything is copied
	existing = batch and frappe.db.exists(
		APPLICATION, {"industrial_cluster": source.industrial_cluster, "pilot_batch": batch.name}
	)
	throw_violations(
		application_copy.check_copy(doc_as_rule_input(source), units, batch, existing),
		_("Copy to a New Batch"),
		# another unit's application is no business of the caller's
		exc=frappe.PermissionError if source.organizing_unit not in units else frappe.ValidationError,
	)
	meta = frappe.get_meta(APPLICATION)
	fields = [
		application_copy.FieldInfo(df.fieldname, df.fieldtype, df.permlevel or 0, bool(df.read_only))
		for df in meta.fields
		if df.fieldtype not in display_fieldtypes
	]
	rows = {
		df.fieldname: [
			row_df.fieldname
			for row_df in frappe.get_meta(df.options).fields
			if row_df.fieldtype not in no_value_fields and row_df.fieldname not in ROW_FIELDS_NOT_CARRIED
		]
		for df in meta.get_table_fields()
	}
	values = application_copy.copy_values(
		source.as_dict(no_default_fields=True), fields, rows, batch.name, batch.batch_year
	)
	copy = frappe.get_doc({"doctype": APPLICATION, **values})
	copy.insert()
	# the link back is read-only: a request gives a new record none (permissions/read_only.py), the copy does;
	# the 申报日期 is blank (not the new form's default of today) until the unit dates its new 申报书
	copy.db_set(
		{application_copy.COPIED_FROM: source.name, **dict.fromkeys(application_copy.LEFT_BLANK)},
		update_modified=False,
	)
	return copy.name
