"""The shapes a request may send for each field type (rules/input_values.py): every field type of the
programme's DocTypes has a value that is refused and one that is taken."""

from datetime import date

import pytest
from metadata import doctypes, translations

from cluster_brand.rules import input_values as iv

GOOD = {
	"Data": ["浙江", 310000, None, ""],
	"Small Text": ["一段文字", None],
	"Text": ["一段文字", ""],
	"Select": ["Yes", None],
	"Link": ["Pilot Batch", None],
	"Attach": ["/private/files/a.pdf", None],
	"Int": [2017, "2017", 0, None, ""],
	"Float": [1.5, "1,234.5", -3, None],
	"Percent": [84.4, "84.4"],
	"Check": [0, 1, True, False, "0", "1", None],
	"Date": ["2016-02-29", "2017-06-30 00:00:00", date(2017, 6, 30), None, ""],
}
BAD = {
	"Data": [{"a": 1}, ["x"]],
	"Small Text": [{"a": 1}],
	"Text": [[1, 2]],
	"Select": [{"a": 1}],
	"Link": [["Pilot Batch"]],
	"Attach": [{"file": 1}],
	"Int": ["abc", "1e400", True, [1]],
	"Float": ["not a number", {"a": 1}, "nan"],
	"Percent": ["84%%"],
	"Check": [2, "true", "yes", -1, [1]],
	"Date": ["2017-02-30", "not a date", "2017-13-01", "0000-01-01", "10000-01-01", "30.06.2017", 20170630],
}


def test_every_field_type_of_the_programme_is_covered():
	used = {f["fieldtype"] for d in doctypes().values() for f in d["fields"]}
	layout = {"Section Break", "Column Break", "Tab Break", "Table"}
	assert used - layout <= set(GOOD) and used - layout <= set(BAD)


@pytest.mark.parametrize(("fieldtype", "value"), [(t, v) for t, values in GOOD.items() for v in values])
def test_taken(fieldtype, value):
	assert iv.value_problem(fieldtype, value) is None


@pytest.mark.parametrize(("fieldtype", "value"), [(t, v) for t, values in BAD.items() for v in values])
def test_refused(fieldtype, value):
	assert iv.value_problem(fieldtype, value)


def test_impossible_dates_and_years():
	assert iv.calendar_date("2016-02-29") == date(2016, 2, 29)
	for value in ("2017-02-29", "2017-02-30", "0000-12-31", "99999-01-01", " ", "2017-6-30"):
		assert iv.calendar_date(value) is None, value


def test_a_table_is_a_list_of_objects():
	assert iv.table_problem([]) is None
	assert iv.table_problem([{"indicator": "x"}]) is None
	for value in ("x", 5, {"indicator": "x"}, None):
		assert iv.table_problem(value) == iv.NOT_A_TABLE
	assert iv.row_problem({"a": 1}) is None
	assert iv.row_problem("x") == iv.NOT_A_ROW


def test_values_are_quoted_short():
	assert iv.shown({"a": "浙江"}) == '{"a": "浙江"}'
	assert len(iv.shown("x" * 500)) == 60


def test_messages_are_translated():
	for message in (
		iv.NOT_TEXT,
		iv.NOT_A_NUMBER,
		iv.NOT_A_CHECK,
		iv.NOT_A_DATE,
		iv.NOT_A_TABLE,
		iv.NOT_A_ROW,
		iv.IN_ROW,
	):
		assert translations().get(message), message
