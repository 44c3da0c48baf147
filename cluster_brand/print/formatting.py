"""The formatting helpers of the print formats: numbers, years, texts and dates as the forms print them
(plain text, not escaped: the templates escape every user value)."""

import html
import re
from datetime import date, datetime

BLANK = "_" * 6  # a blank to be filled in by hand


def format_number(value, decimals: int = 2) -> str:
	"""Counts as whole numbers, money and shares with at most ``decimals`` places: 409.80 → 409.8."""
	v = float_value(value)
	if v is None:
		return ""
	text = f"{v:,.{decimals}f}"
	if "." in text:
		text = text.rstrip("0").rstrip(".")
	return "0" if text in ("-0", "") else text


def float_value(value) -> float | None:
	if value in (None, ""):
		return None
	try:
		return float(value)
	except (TypeError, ValueError):
		return None


def int_value(value) -> int | None:
	v = float_value(value)
	return int(v) if v else None


def year_text(value) -> str:
	y = int_value(value)
	return f"{y}年" if y else ""


# An HTML character reference (&lt; &amp; &#60; …), as Frappe's sanitiser writes them.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def plain_text(value) -> str:
	"""A user value as it was typed, with Unix newlines (the template escapes it, so that it prints as text
	and never as markup, and turns newlines into <br>).

	Frappe's input sanitiser stores a value that holds anything like a tag as HTML (bleach): what it does not
	allow escaped (「<script>」 is stored as 「&lt;script&gt;」, 「《<GB/T 19001>》」 as 「《&lt;GB/T 19001&gt;》」),
	「&」 as 「&amp;」; tags it allows (<b>) stay. Its character references are read back here, so that the
	print shows the characters typed, escaped once by the template. (A value typed with a character
	reference of its own, such as 「&lt;」, prints as 「<」.)"""
	if value is None:
		return ""
	text = str(value)
	if "&" in text and _ENTITY.search(text):
		text = html.unescape(text)
	return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def date_value(value) -> date | None:
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, str) and value.strip():
		try:
			return date.fromisoformat(value.strip()[:10])
		except ValueError:
			return None
	return None


def date_text(value) -> str:
	day = date_value(value)
	if day:
		return f"{day.year}年{day.month}月{day.day}日"
	return plain_text(value)
