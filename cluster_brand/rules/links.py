"""Links: how a link to a record that does not exist is named to the user."""

from cluster_brand.rules import Violation, _

# By the item's label alone when it is the name of the DocType it points to (申报批次), else with that
# DocType too (企业 … 在集群企业中); in a row of a table or not.
_MISSING = (
	_('{item} "{value}" does not exist.'),
	_('{item} "{value}" does not exist in {target}.'),
	_('{table}, row {row}: {item} "{value}" does not exist.'),
	_('{table}, row {row}: {item} "{value}" does not exist in {target}.'),
)


def missing_link(
	item: str,
	value: str,
	target: str,
	fieldname: str | None = None,
	row: int | None = None,
	table_item: str | None = None,
) -> Violation:
	"""The Violation of a link whose record does not exist. ``item`` is the field's English label,
	``target`` the DocType it points to; a row of a child table gives its ``row`` (1, 2 …) and the table's
	label ``table_item``, and ``fieldname`` is then the table's (as in the other rules)."""
	args, translate = {"item": item, "value": value}, ("item",)
	with_target = item != target
	if with_target:
		args["target"], translate = target, (*translate, "target")
	in_row = table_item is not None and row is not None
	if in_row:
		args.update(table=table_item, row=row)
		translate = (*translate, "table")
	return Violation(_MISSING[2 * in_row + with_target], args, fieldname, row, translate)
