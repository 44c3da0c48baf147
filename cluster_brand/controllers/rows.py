"""The rows of a programme form's tables as a save sets them: the values a save derives are written into
the rows in place, so that the rows keep their names and a save updates them rather than deleting and adding
every row (the set-wise save writes only the rows that changed; the timeline records only real changes)."""


def update_rows_in_place(doc, table: str, key: str, values: list[dict]) -> None:
	"""The rows of ``table`` become ``values`` (matched on ``key``, in the order of ``values``) without losing
	their names."""
	existing = {row.get(key): row for row in doc.get(table) or []}
	rows = []
	for value in values:
		row = existing.pop(value[key], None)
		if row is not None:
			row.update(value)
		rows.append(row if row is not None else value)
	doc.set(table, rows)


def set_row_values(doc, table: str, values: list[dict]) -> None:
	"""Each row of ``table``, in its order, takes the values of its place in ``values``."""
	for row, row_values in zip(doc.get(table) or [], values, strict=True):
		row.update(row_values)


def apply_derived(doc, derived: dict, row_values: dict | None = None, keyed: dict | None = None) -> None:
	"""A save's derived values, in one place: ``derived`` the fields' values (a table named in ``keyed``
	as its rows, matched on that key), ``row_values`` by table the values of each row in its order."""
	keyed = keyed or {}
	for table, key in keyed.items():
		if table in derived:
			update_rows_in_place(doc, table, key, derived[table])
	doc.update({field: value for field, value in derived.items() if field not in keyed})
	for table, values in (row_values or {}).items():
		set_row_values(doc, table, values)
