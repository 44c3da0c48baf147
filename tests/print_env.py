"""Frappe's print environment for the app's templates, with plain Jinja2 (the tier without Frappe), and the
rendered page read back (Page): its text and its tables' cells."""

import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

APP = Path(__file__).resolve().parent.parent / "cluster_brand"


def print_environment(**methods) -> SandboxedEnvironment:
	"""A sandbox without autoescape, as Frappe renders a print format; its loader finds a template as
	"cluster_brand/templates/…" like Frappe's does, so that the templates' includes resolve. ``methods``
	stand for the jinja hook methods. StrictUndefined catches a missing key."""
	app = FileSystemLoader(APP)
	env = SandboxedEnvironment(
		loader=ChoiceLoader([PrefixLoader({"cluster_brand": app}), app]),
		autoescape=False,
		undefined=StrictUndefined,
	)
	# the reader's field levels (cluster_brand.print.readers.readable) need a site; here the reader reads all
	env.globals.update({"readable": lambda doc: doc, **methods})
	return env


class Page(HTMLParser):
	"""The printed text and the tables (rows of cells with their attributes) of a rendered page."""

	def __init__(self, html: str):
		super().__init__(convert_charrefs=True)
		self.parts, self.tables, self._skip, self._cell = [], [], 0, None
		self.feed(html)
		self.text = "".join(self.parts)

	def handle_starttag(self, tag, attrs):
		attrs = dict(attrs)
		if tag in ("style", "script"):
			self._skip += 1
		elif tag == "br":
			self._data("\n")
		elif tag == "table":
			self.tables.append({"class": attrs.get("class", "").split(), "rows": []})
		elif tag == "tr" and self.tables:
			self.tables[-1]["rows"].append([])
		elif tag in ("td", "th") and self.tables:
			self._cell = {"tag": tag, "attrs": attrs, "text": ""}
			self.tables[-1]["rows"][-1].append(self._cell)
		elif tag in ("div", "p", "h1", "h2", "h3", "h4"):
			self._data("\n")

	def handle_endtag(self, tag):
		if tag in ("style", "script"):
			self._skip -= 1
		elif tag in ("td", "th"):
			self._cell = None

	def handle_data(self, data):
		if not self._skip:
			self._data(data)

	def _data(self, data):
		self.parts.append(data)
		if self._cell is not None:
			self._cell["text"] += data

	def tables_of(self, css_class: str) -> list[dict]:
		return [t for t in self.tables if css_class in t["class"]]


def flat(text: str) -> str:
	return re.sub(r"\s+", "", text)


def cells(row) -> list[str]:
	return [flat(c["text"]) for c in row]
