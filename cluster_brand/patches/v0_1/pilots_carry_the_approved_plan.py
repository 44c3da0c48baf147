import frappe

from cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot import approved_plan
from cluster_brand.doctype_names import APPLICATION, BRAND_PILOT
from cluster_brand.rules.application.indicators import indicator_years


def execute():
	# Pilots made before the pilot years carried nothing of their application: they get its approved work
	# plan, baseline and targets (what their annual work summaries start from), and their designation date.
	for name in frappe.get_all(BRAND_PILOT, pluck="name"):
		pilot = frappe.get_doc(BRAND_PILOT, name)
		if pilot.work_plan or not frappe.db.exists(APPLICATION, pilot.application):
			continue
		application = frappe.get_doc(APPLICATION, pilot.application)
		years = indicator_years(application.get_batch_year())
		pilot.update(approved_plan(application))
		pilot.designation_date = pilot.designation_date or application.decision_date or pilot.start_date
		pilot.baseline_year = years[-1] if years else None
		pilot.flags.ignore_links = True
		pilot.save(ignore_permissions=True)
