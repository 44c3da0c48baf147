"""产业集群区域品牌建设示范区名单 / 典型经验推荐名单: an evaluation round's outcome as the ministry publishes it, as
plain data for its template (templates/print/demonstration_list.html): two tables, the demonstration zones and
the typical experiences recommended, each of the applications decided so (their end state), by province in the
notice's order. The applications are read by cluster_brand.readers.demonstration_reviews with the reader's
permissions and passed in as plain rows."""

from cluster_brand.print.formatting import plain_text
from cluster_brand.print.review_forms import authority_order
from cluster_brand.rules.pilot_end.demonstration_review import DEMONSTRATION_ZONE, TYPICAL_EXPERIENCE

PROGRAMME = "产业集群区域品牌建设"
ZONE_TITLE = f"{PROGRAMME}示范区名单"
EXPERIENCE_TITLE = "典型经验推荐名单"
LIST_COLUMNS = ("序号", "省份/推荐单位", "产业集群（园区）", "组织实施单位")
# each list: the end state of its applications and its heading
LISTS = ((DEMONSTRATION_ZONE, ZONE_TITLE), (TYPICAL_EXPERIENCE, EXPERIENCE_TITLE))


def demonstration_list_context(doc, decided=None) -> dict:
	"""The round (``doc``: an Evaluation Round) and its two lists of ``decided`` (rows of Demonstration
	Application in their end state, with recommending_authority_name)."""
	doc = doc if doc is not None else {}
	order = authority_order()
	rows = sorted(
		decided or [],
		key=lambda r: (
			order.get(r.get("recommending_authority"), len(order)),
			plain_text(r.get("recommending_authority")),
			plain_text(r.get("industrial_cluster")),
		),
	)
	return {
		"title": f"{ZONE_TITLE}及{EXPERIENCE_TITLE}",
		"round": plain_text(doc.get("title")) or plain_text(doc.get("name")),
		"notice_number": plain_text(doc.get("notice_number")),
		"columns": LIST_COLUMNS,
		"lists": [
			{
				"heading": f"{number}、{heading}",
				"rows": [
					{
						"no": n,
						"authority": plain_text(r.get("recommending_authority_name"))
						or plain_text(r.get("recommending_authority")),
						"cluster": plain_text(r.get("industrial_cluster")),
						"unit": plain_text(r.get("organizing_unit")),
					}
					for n, r in enumerate((r for r in rows if r.get("workflow_state") == state), start=1)
				],
			}
			for number, (state, heading) in zip(("一", "二"), LISTS, strict=True)
		],
	}
