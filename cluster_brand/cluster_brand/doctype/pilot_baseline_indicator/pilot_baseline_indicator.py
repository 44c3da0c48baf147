# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.nullable_numbers import NullableNumbers


class PilotBaselineIndicator(NullableNumbers):
	pass
