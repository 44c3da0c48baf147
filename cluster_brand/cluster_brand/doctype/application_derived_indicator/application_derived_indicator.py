# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

from cluster_brand.nullable_numbers import NullableNumbers


class ApplicationDerivedIndicator(NullableNumbers):
	"""Its year values stay blank (NULL) until filled in: cluster_brand/nullable_numbers.py."""
