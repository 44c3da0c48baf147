"""What the desk shows in Chinese and how it shows numbers, read from the metadata (issue 19)."""

from tests.metadata import doctypes, translations

# frappe.utils.escape_html (frappe/public/js/frappe/utils/utils.js)
HTML_ESCAPES = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
	"'": "&#39;",
	"`": "&#x60;",
	"=": "&#x3D;",
}


def escape_html(text: str) -> str:
	return "".join(HTML_ESCAPES.get(char, char) for char in text)


def test_select_options_read_in_chinese_in_the_list_view_too():
	# Frappe's list view escapes a Select's value before it translates it (list_view.js, get_column_html):
	# "People's Government at or above County Level" is looked up as "People&#39;s Government …"
	missing = []
	for name, dt in doctypes().items():
		for field in dt["fields"]:
			if field["fieldtype"] != "Select":
				continue
			for option in (field.get("options") or "").split("\n"):
				escaped = escape_html(option)
				if escaped != option and translations().get(escaped) != translations().get(option):
					missing.append(f"{name}.{field['fieldname']}: {escaped}")
	assert not missing
