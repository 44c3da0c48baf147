# Copyright (c) 2026, cluster_brand contributors
# For license information, please see license.txt

"""示范申报评审表: one expert's sheet of one demonstration application, in the document review (材料评审) or the
central hearing (集中答辩), scored on the evaluation round's rubric of that stage."""

from frappe.model.document import Document


class DemonstrationReview(Document):
	pass


def sync_demonstration_reviews(application) -> None:
	"""Called by the Demonstration Application's on_update: the sheets its expert assignments ask for.
	(Skeleton: the review's branch builds it.)"""
