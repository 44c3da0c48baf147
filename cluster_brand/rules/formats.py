"""Identifier and contact formats: 统一社会信用代码 (GB 32100-2015), phone, mobile, email."""

import re

from cluster_brand.rules import Violation, _
from cluster_brand.rules.values import as_text

# GB 32100-2015: 18 characters from this 31-character set (no I, O, Z, S, V).
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Fixed lines: area code 0xx/0xxx, 7-8 digits, optional extension; also 400/800 service numbers.
# The ministry's own notice writes "010—68205252", so the long dash is accepted as a separator.
_PHONE = re.compile(r"^(0\d{2,3}[-—–\s]?\d{7,8}([-—–转#]\d{1,6})?|[48]00[-\s]?\d{3}[-\s]?\d{4})$")
_MOBILE = re.compile(r"^(\+?86[-\s]?)?1[3-9]\d{9}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def credit_code_check_character(first17: str) -> str:
	"""The check character (18th) for the first 17 characters of a 统一社会信用代码."""
	total = sum(CREDIT_CODE_CHARSET.index(ch) * w for ch, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
	return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
	code = as_text(code).strip().upper()
	if len(code) != 18 or any(ch not in CREDIT_CODE_CHARSET for ch in code):
		return False
	if not code[2:8].isdigit():  # 登记管理机关行政区划码
		return False
	return credit_code_check_character(code[:17]) == code[17]


def normalize_credit_code(code: str | None) -> str:
	return as_text(code).strip().upper()


def is_valid_phone(value: str) -> bool:
	return bool(_PHONE.match(as_text(value).strip()))


def is_valid_mobile(value: str) -> bool:
	return bool(_MOBILE.match(as_text(value).strip()))


def is_valid_email(value: str) -> bool:
	return bool(_EMAIL.match(as_text(value).strip()))


def is_valid_contact(value: str) -> bool:
	"""联系方式 may be a fixed line, a mobile number or an email address."""
	return is_valid_phone(value) or is_valid_mobile(value) or is_valid_email(value)


FORMAT_CHECKS = {
	"credit_code": (
		is_valid_credit_code,
		_('{item} "{value}" is not a valid Unified Social Credit Code (GB 32100-2015).'),
	),
	"phone": (is_valid_phone, _('{item} "{value}" is not a valid telephone number, e.g. 010-68205252.')),
	"mobile": (is_valid_mobile, _('{item} "{value}" is not a valid mobile number, e.g. 13812345678.')),
	"email": (is_valid_email, _('{item} "{value}" is not a valid email address.')),
	"contact": (
		is_valid_contact,
		_('{item} "{value}" is neither a telephone number, a mobile number nor an email address.'),
	),
}


def check_format(kind: str, value, item: str, fieldname: str | None = None, row: int | None = None):
	"""Returns a Violation when ``value`` is filled and not of ``kind``; empty values are completeness's job."""
	text = as_text(value).strip()
	if text == "":
		return None
	is_valid, message = FORMAT_CHECKS[kind]
	if is_valid(text):
		return None
	return Violation(message, {"item": item, "value": text}, fieldname, row, ("item",))
