"""What the desk shows in Chinese and how it shows numbers, read from the metadata (issue 19)."""

import ast
import math
import re

from cluster_brand.rules.application.indicators import COUNT, INDICATORS
from cluster_brand.rules.views.programme_reports import HEADER_PADDING, header_width, text_width
from tests.metadata import APP, doctypes, translations

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


# Numbers: money (亿元, 万元), ratios and scores with two decimals, counts as whole numbers (issue 19: the desk
# showed 426.300 and 2,860.000 while editing, 2,860.00 for a count, 85.500). Frappe's default is the site's
# float precision (3) for a Float without one.
NUMBER_TYPES = ("Float", "Percent", "Currency")
# fields of things counted or numbered: Int, never Float
COUNTED = re.compile(r"copies|rank|_year$|_no$|quota|count")


def test_every_number_with_decimals_has_precision_2():
	found = [
		f"{name}.{field['fieldname']}: {field.get('precision')!r}"
		for name, dt in doctypes().items()
		for field in dt["fields"]
		if field["fieldtype"] in NUMBER_TYPES and str(field.get("precision")) != "2"
	]
	assert not found


def test_every_count_is_an_int():
	found = [
		f"{name}.{field['fieldname']} ({field['fieldtype']})"
		for name, dt in doctypes().items()
		for field in dt["fields"]
		if field["fieldtype"] in NUMBER_TYPES and COUNTED.search(field["fieldname"])
	]
	counts = [
		field
		for dt in doctypes().values()
		for field in dt["fields"]
		if field["fieldtype"] == "Int" and COUNTED.search(field["fieldname"])
	]
	assert not found
	assert len(counts) >= 10  # the pattern still finds the counts it is about


def test_count_indicators_show_whole_numbers_in_their_rows():
	# the indicator tables hold counts and money in the same Float columns: desk_forms.js gives a row whose
	# unit is a count's precision 0
	script = (APP / "public" / "js" / "desk_forms.js").read_text(encoding="utf-8")
	units = set(re.findall(r'"([^"]+)"', re.search(r"COUNT_UNITS = \[([^\]]*)\]", script).group(1)))
	assert {i.unit for i in INDICATORS if i.kind == COUNT} <= units
	assert not {i.unit for i in INDICATORS if i.kind != COUNT} & units


def _report_columns():
	for path in sorted((APP / "cluster_brand" / "report").glob("*/*.py")):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if (
				isinstance(node, ast.Call)
				and getattr(node.func, "id", getattr(node.func, "attr", "")) == "column"
			):
				types = [a.value for a in node.args[2:3] if isinstance(a, ast.Constant)]
				yield path.parent.name, types[0] if types else "Data", {k.arg: k.value for k in node.keywords}


def test_report_numbers_with_decimals_have_precision_2():
	found = [
		report
		for report, fieldtype, keywords in _report_columns()
		if fieldtype == "Float" and getattr(keywords.get("precision"), "value", None) != 2
	]
	assert not found
	assert any(fieldtype == "Float" for _r, fieldtype, _k in _report_columns())


# Reports at 1440 px: a column is wide enough for its header on up to three lines (programme_report.js wraps
# them; cluster_brand/cluster_brand/report/programme_report.py widens a column for its header), measured in Chromium
def test_a_header_has_room_for_its_lines():
	text = header_width("已逾期") - HEADER_PADDING
	assert text >= 2 * 15  # two characters a line, not one above the other
	for label in ("自主品牌销售收入占比较基期变化（百分点）", "产业集群区域品牌建设试点申报书", "报告年度"):
		lines = math.ceil(text_width(label) / (header_width(label) - HEADER_PADDING - 15))
		assert lines <= 3, label
	# a Latin word is not broken
	assert header_width("Recommending Authority") - HEADER_PADDING >= text_width("Recommending")
