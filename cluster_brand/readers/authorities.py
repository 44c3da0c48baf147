"""The recommending authorities' official names (浙江省经济和信息化委员会), as the notifications, the print
formats and the 申报书汇编 name a province: one authority's, or those of a set of authorities in one query.
An authority without an official name is named by its record's name."""

import frappe

AUTHORITY = "Recommending Authority"


def official_name(authority: str | None) -> str:
	"""The Recommending Authority's official name, else its record's name; "" for none."""
	if not authority:
		return ""
	return frappe.db.get_value(AUTHORITY, authority, "official_name") or authority


def official_names(authorities) -> dict[str, str]:
	"""official_name of each of ``authorities``, by authority, in one query."""
	names = sorted({a for a in authorities if a})
	if not names:
		return {}
	found = dict(
		frappe.get_all(
			AUTHORITY, filters={"name": ("in", names)}, fields=["name", "official_name"], as_list=True
		)
	)
	return {name: found.get(name) or name for name in names}
