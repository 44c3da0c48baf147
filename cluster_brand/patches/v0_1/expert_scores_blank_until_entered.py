import frappe

from cluster_brand.rules.review import score_text


def execute():
	# Expert Review Score.score became Data (Frappe 15 stores a Float as 0 when nothing is entered): the
	# migrated column reads "80.000000000". A draft sheet's 0 is the Float's default, not a score: blank, to be
	# entered before the sheet can be submitted; a submitted sheet keeps what it was submitted with.
	rows = frappe.db.sql(
		"""select score.name, score.score, sheet.docstatus
		from `tabExpert Review Score` score join `tabExpert Review` sheet on sheet.name = score.parent
		where score.parenttype = 'Expert Review'""",
		as_dict=True,
	)
	for row in rows:
		value = score_text(row.score)
		if row.docstatus == 0 and value == "0":
			value = None
		if value != row.score:
			frappe.db.set_value("Expert Review Score", row.name, "score", value, update_modified=False)
