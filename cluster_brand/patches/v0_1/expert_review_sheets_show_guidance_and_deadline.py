import frappe

from cluster_brand.rules.review.scoring import DEFAULT_RUBRIC


def execute():
	# The default rubric's seven work contents had no guidance (评分要点): a batch that kept them gets it, and its
	# draft sheets with it.
	guidance = {criterion: text for criterion, _weight, text in DEFAULT_RUBRIC if text}
	for criterion, text in guidance.items():
		frappe.db.sql(
			"""update `tabReview Criterion` set guidance = %s
			where parenttype = 'Pilot Batch' and criterion = %s and coalesce(guidance, '') = ''""",
			(text, criterion),
		)
	for row in frappe.db.sql(
		"""select score.name, criterion.guidance
		from `tabExpert Review Score` score
		join `tabExpert Review` sheet on sheet.name = score.parent
		join `tabReview Criterion` criterion on criterion.parent = sheet.pilot_batch
			and criterion.parenttype = 'Pilot Batch' and criterion.criterion = score.criterion
		where sheet.docstatus = 0""",
		as_dict=True,
	):
		frappe.db.set_value("Expert Review Score", row.name, "guidance", row.guidance, update_modified=False)

	# The sheets show the batch's expert review deadline (fetched when saved); the ones made before have none.
	frappe.db.sql(
		"""update `tabExpert Review` sheet join `tabPilot Batch` batch on batch.name = sheet.pilot_batch
		set sheet.expert_review_deadline = batch.expert_review_deadline
		where sheet.docstatus < 2"""
	)
