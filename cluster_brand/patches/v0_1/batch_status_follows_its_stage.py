"""A batch's status follows its stage (issue 19): the batches of an existing site are brought to theirs."""

from cluster_brand.cluster_brand.doctype.pilot_batch.pilot_batch import refresh_batch_statuses


def execute():
	refresh_batch_statuses()
