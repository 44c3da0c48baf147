"""What a registration must hold, checked before anything is saved: every required item by its official name,
the formats (统一社会信用代码 by GB 32100-2015, mobile, e-mail), and a credit code not registered twice."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.formats import check_format, normalize_credit_code
from cluster_brand.rules.values import as_text

NEW_UNIT, JOIN_UNIT = "New Organizing Unit", "Join a Registered Unit"
KINDS = (NEW_UNIT, JOIN_UNIT)

# The unit's type as the Organizing Unit records it: the notice says 县级以上, Annex 1 县级以下 (design.md):
# both are accepted, none is rejected.
UNIT_TYPES = (
	"Government Management Agency of the Locality",
	"People's Government at or above County Level",
	"People's Government below County Level",
	"Other",
)

# (fieldname, official label) of what a new unit states, in the page's order
REQUIRED_FOR_NEW_UNIT = (
	("unit_name", "Unit Name"),
	("unit_type", "Unit Type"),
	("recommending_authority", "Recommending Authority"),
	("cluster_name", "Cluster Name"),
	("leading_industry", "Leading Industry"),
	("industry_sector", "Industry Sector"),
)
# what every registration states: a person joining a unit names it by its credit code (its name, type and
# province are the registered unit's)
REQUIRED = (
	("unified_social_credit_code", "Unified Social Credit Code"),
	("contact_person", "Contact Person"),
	("mobile", "Mobile"),
	("email", "Contact Mailbox"),
)
FORMATS = (
	("unified_social_credit_code", "credit_code", "Unified Social Credit Code"),
	("mobile", "mobile", "Mobile"),
	("email", "email", "Contact Mailbox"),
)


def _missing(fieldname: str, label: str) -> Violation:
	return Violation(_("{item} is required."), {"item": label}, fieldname, translate_args=("item",))


def check_registration(registration: dict, sectors: tuple[str, ...] = ()) -> list[Violation]:
	"""The items of one registration (``sectors``: the industry sectors one may choose)."""
	kind = as_text(registration.get("registration_kind")).strip() or NEW_UNIT
	if kind not in KINDS:
		return [
			Violation(
				_('{item} "{value}" is not one of the choices.'),
				{"item": "Registration Kind", "value": kind},
				"registration_kind",
				translate_args=("item",),
			)
		]
	required = (REQUIRED_FOR_NEW_UNIT if kind == NEW_UNIT else ()) + REQUIRED
	violations = [
		_missing(fieldname, label)
		for fieldname, label in required
		if not as_text(registration.get(fieldname)).strip()
	]
	violations += [
		v for v in (check_format(kind_, registration.get(f), label, f) for f, kind_, label in FORMATS) if v
	]
	unit_type = as_text(registration.get("unit_type")).strip()
	if unit_type and unit_type not in UNIT_TYPES:
		violations.append(_not_a_choice("unit_type", "Unit Type", unit_type))
	sector = as_text(registration.get("industry_sector")).strip()
	if sector and sectors and sector not in sectors:
		violations.append(_not_a_choice("industry_sector", "Industry Sector", sector))
	return violations


def _not_a_choice(fieldname: str, label: str, value: str) -> Violation:
	return Violation(
		_('{item} "{value}" is not one of the choices.'),
		{"item": label, "value": value},
		fieldname,
		translate_args=("item",),
	)


def check_credit_code_free(kind: str, code: str, registered_with: str | None, pending_with: str | None):
	"""A new unit's credit code is registered once: ``registered_with`` is the province of an Organizing Unit
	that has it, ``pending_with`` the province of a registration of it still waiting; the message names the
	province to contact. A person joining a unit names a code that is registered (its unit exists)."""
	code = normalize_credit_code(code)
	if kind == JOIN_UNIT:
		if registered_with:
			return None
		return Violation(
			_(
				"No organizing unit is registered with the {item} {code}: register the unit itself, or check the code."
			),
			{"item": "Unified Social Credit Code", "code": code},
			"unified_social_credit_code",
			translate_args=("item",),
		)
	taken_by = registered_with or pending_with
	if not taken_by:
		return None
	return Violation(
		_(
			"An organizing unit with the {item} {code} is already registered. Contact {province}, or apply to join the registered unit."
		),
		{"item": "Unified Social Credit Code", "code": code, "province": taken_by},
		"unified_social_credit_code",
		translate_args=("item",),
	)


def check_names_free(unit_name_taken: bool, cluster_name_taken: bool) -> list[Violation]:
	"""A new unit and its cluster are registered under their names: a name already registered is refused
	before the province verifies (the register would refuse it then)."""
	taken = (
		("unit_name", "Unit Name", unit_name_taken),
		("cluster_name", "Cluster Name", cluster_name_taken),
	)
	return [
		Violation(
			_("{item} is already registered: contact your province, or apply to join the registered unit."),
			{"item": label},
			fieldname,
			translate_args=("item",),
		)
		for fieldname, label, is_taken in taken
		if is_taken
	]


def check_account_free(email: str, has_account: bool) -> list[Violation]:
	"""The e-mail address names the registration's account: an address that has one already logs in instead."""
	if not has_account:
		return []
	return [
		Violation(
			_("An account with the {item} {value} exists already: log in, or reset its password."),
			{"item": "Contact Mailbox", "value": email},
			"email",
			translate_args=("item",),
		)
	]
