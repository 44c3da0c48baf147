# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document


class DemonstrationApplication(Document):
	pass
