"""The order in which a batch's applications are printed as one PDF for the review meeting (申报书汇编).

The ministry's PDF of a whole batch follows the experts' ranking (ranking.review_progress: the mean of the
submitted sheets, ties sharing a rank) for the applications already scored; the others follow, and ties
within a rank are broken the same way: by recommending authority, then by the authority's own
recommendation rank. A province's PDF of its recommended applications has no sheets to rank by: it is in its
recommendation rank order.
"""

from cluster_brand.rules.review import ranking
from cluster_brand.rules.values import as_text, finite_number

OUTLINE_SEPARATOR = " · "


def print_order(applications: list[dict], assignments=(), sheets=()) -> list[dict]:
	"""The applications (name, recommending_authority, recommendation_rank, industrial_cluster) in print
	order; ``assignments`` (parent, expert) and ``sheets`` (application, expert, total_score) as
	ranking.review_progress reads them."""
	expert_rank = {
		row["application"]: row["rank"] for row in ranking.review_progress(applications, assignments, sheets)
	}

	def key(application: dict):
		rank = expert_rank.get(application["name"])
		recommendation_rank = finite_number(application.get("recommendation_rank"))
		return (
			rank is None,
			rank or 0,
			as_text(application.get("recommending_authority")),
			recommendation_rank is None or recommendation_rank <= 0,
			recommendation_rank or 0,
			application["name"],
		)

	return sorted(applications, key=key)


def outline_title(authority: str | None, cluster: str | None) -> str:
	"""The PDF outline entry (bookmark) of one application: 「推荐单位 · 产业集群」."""
	return OUTLINE_SEPARATOR.join(part for part in (as_text(authority), as_text(cluster)) if part)
