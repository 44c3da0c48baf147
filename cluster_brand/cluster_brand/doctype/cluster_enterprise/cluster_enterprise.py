# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from cluster_brand.rules.formats import normalize_credit_code
from cluster_brand.rules.registry import check_cluster_enterprise
from cluster_brand.validation import doc_as_rule_input, throw_violations, validate_links, validate_storable


class ClusterEnterprise(Document):
	def before_naming(self):
		# The code is the record's name, so it is normalised before naming as well as on every save.
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code)

	def validate(self):
		validate_storable(self)
		validate_links(self)
		self.unified_social_credit_code = normalize_credit_code(self.unified_social_credit_code)
		self.validate_enterprise_rules()

	def validate_enterprise_rules(self):
		throw_violations(check_cluster_enterprise(doc_as_rule_input(self)), _("Cluster Enterprise"))
