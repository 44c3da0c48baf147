# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from cluster_brand.controllers.column_sizes import validate_storable
from cluster_brand.controllers.links import validate_links
from cluster_brand.controllers.messages import throw_violations
from cluster_brand.controllers.rule_input import doc_as_rule_input
from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.registry import check_cluster_enterprise


class ClusterEnterprise(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact_person: DF.Data | None
		contact_phone: DF.Data | None
		email: DF.Data | None
		enterprise_name: DF.Data
		industrial_cluster: DF.Link
		main_products: DF.SmallText | None
		mobile: DF.Data | None
		own_brands: DF.SmallText | None
		unified_social_credit_code: DF.Data

	# end: auto-generated types
	def before_naming(self):
		# The code is the record's name, so it is normalised before naming as well as on every save.
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code)

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code)
		self.validate_enterprise_rules()

	def validate_enterprise_rules(self):
		# with the document: the answer locates the failing field, which the form opens (InvalidCellError)
		throw_violations(check_cluster_enterprise(doc_as_rule_input(self)), _("Cluster Enterprise"), doc=self)
