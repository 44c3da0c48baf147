# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ApplicationTopEnterprise(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		awards: DF.Text | None
		contact_person: DF.Data | None
		contact_phone: DF.Data | None
		email: DF.Data | None
		enterprise: DF.Link
		enterprise_name: DF.Data | None
		enterprise_profile: DF.Text | None
		influence: DF.Text | None
		mobile: DF.Data | None
		own_brands: DF.Text | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		product_technology_level: DF.Text | None
		regional_brand_participation: DF.Text | None
	# end: auto-generated types
	pass
