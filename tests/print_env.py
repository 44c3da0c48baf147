"""Frappe's print environment for the app's templates, with plain Jinja2 (the tier without Frappe)."""

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
