"""The programme's rules (工信厅科函〔2017〕433号 and its annexes) as plain Python.

Nothing here imports Frappe, so every rule is testable on its own. A rule returns
``Violation`` objects; the DocType controllers translate and raise them.
"""

from dataclasses import dataclass, field

# The programme's roles (Frappe Roles, shipped as fixtures): who does what is in design.md.
PROGRAMME_ROLES = (
	"Cluster Applicant",
	"Provincial Reviewer",
	"Industry Association",
	"Ministry Administrator",
	"Review Expert",
	"Materials Receiver",
)
# The module profile that shows the programme's users this app's workspaces only (cluster_brand/desk/landing.py;
# a fixture: hooks.py)
MODULE_PROFILE = "Cluster Brand User"


def _(message: str) -> str:
	"""Marks a message for translation; the controller translates it with ``frappe._``."""
	return message


@dataclass(frozen=True)
class Violation:
	"""One broken rule: an English message template, its arguments, and where it happened.

	``item`` and ``args`` values that are official names are translated by the caller too. In a row of a
	child table, ``fieldname`` is the table's, ``row`` the row (1, 2 …) and ``column`` the row's field: the
	form points at that cell.
	"""

	message: str
	args: dict = field(default_factory=dict)
	fieldname: str | None = None
	row: int | None = None
	translate_args: tuple = ()
	column: str | None = None
