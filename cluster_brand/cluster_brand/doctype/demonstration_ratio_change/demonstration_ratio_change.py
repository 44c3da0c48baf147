# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.controllers.blank_numbers import NullableNumbers


class DemonstrationRatioChange(NullableNumbers):
	pass
