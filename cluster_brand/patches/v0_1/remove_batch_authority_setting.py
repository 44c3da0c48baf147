import frappe


def execute():
	# Per-authority deadlines and quotas moved from a child table of Pilot Batch to Recommendation Setting,
	# which the provinces edit themselves.
	frappe.delete_doc("DocType", "Batch Authority Setting", ignore_missing=True, force=True)
