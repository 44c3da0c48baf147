"""Accounts that hold (issue 22): the System Settings the programme requires, each with the programme's value
and the direction in which a value is stricter. Install and every migrate apply them
(cluster_brand/account_security.py): a site's own stricter value stays, a looser one is raised to the
programme's. A site that must keep a looser value names the setting in its site_config
(``cluster_brand_own_settings``, README: Security)."""

from dataclasses import dataclass

# How a value compares with the programme's
AT_LEAST = "at least"  # a higher number is stricter (the password score, the lockout's length)
AT_MOST = "at most"  # a lower number is stricter; blank or 0 means no limit at all, the loosest
ON = "on"  # a Check that is stricter on
OFF = "off"  # a Check that is stricter off
HOURS_AT_MOST = "hours at most"  # "HH:MM", a shorter time is stricter (the session's expiry)
FEWER = "fewer"  # lines of a list: a part of the programme's list is stricter (the file types)
RANKED = "ranked"  # one of ``ranking``, from the loosest to the strictest
NAMED = "named"  # not stricter either way: the programme's replaces a blank or Frappe's default (``ranking``)

# The site_config key that lists the settings a site keeps as it has them, looser or not
OWN_SETTINGS_KEY = "cluster_brand_own_settings"


@dataclass(frozen=True)
class AccountSetting:
	fieldname: str  # of System Settings
	value: object  # the programme's, stored as Frappe stores it
	stricter: str  # AT_LEAST, AT_MOST …
	ranking: tuple = ()  # for RANKED; for NAMED, the names it replaces


# Files the programme asks for: the stamped forms and reports (PDF, and OFD, China's format for official
# documents), scans and photos, Office and WPS documents. CSV for Frappe's Data Import of the administrator.
FILE_TYPES = (
	"PDF",
	"OFD",
	"JPG",
	"JPEG",
	"PNG",
	"GIF",
	"BMP",
	"WEBP",
	"DOC",
	"DOCX",
	"XLS",
	"XLSX",
	"PPT",
	"PPTX",
	"WPS",
	"ET",
	"DPS",
	"CSV",
)

ACCOUNT_SETTINGS = (
	AccountSetting("enable_password_policy", 1, ON),
	AccountSetting("minimum_password_score", "3", AT_LEAST),  # zxcvbn's score: 3 is "safely unguessable"
	# five wrong passwords in a row are allowed; the next locks the account (and the address it came from) for
	# ten minutes
	AccountSetting("allow_consecutive_login_attempts", 5, AT_MOST),
	AccountSetting("allow_login_after_fail", 600, AT_LEAST),
	# a session left idle for four hours ends (Frappe's default: a week)
	AccountSetting("session_expiry", "04:00", HOURS_AT_MOST),
	# the second factor: the roles of two_factor_roles below
	AccountSetting("enable_two_factor_auth", 1, ON),
	# a code from an authenticator app needs neither a mail server nor a mobile operator at each login, and is
	# not lost with the mailbox (README: Security)
	AccountSetting("two_factor_method", "OTP App", RANKED, ranking=("SMS", "Email", "OTP App")),
	# the name the authenticator app shows beside the account
	AccountSetting("otp_issuer_name", "产业集群区域品牌建设试点", NAMED, ranking=("Frappe Framework",)),
	AccountSetting("bypass_2fa_for_retricted_ip_users", 0, OFF),
	AccountSetting("bypass_restrict_ip_check_if_2fa_enabled", 0, OFF),
	# the e-mailed login link logs in without the password and without the second factor
	AccountSetting("login_with_email_link", 0, OFF),
	# a reset link lasts twenty minutes (in seconds), three resets an hour, and a reset ends the sessions
	AccountSetting("reset_password_link_expiry_duration", 1200, AT_MOST),
	AccountSetting("password_reset_limit", 3, AT_MOST),
	AccountSetting("logout_on_password_reset", 1, ON),
	AccountSetting("allowed_file_extensions", "\n".join(FILE_TYPES), FEWER),
	AccountSetting("max_file_size", 20, AT_MOST),  # MB: a scanned 申报书 of a hundred pages
	AccountSetting("strip_exif_metadata_from_uploaded_images", 1, ON),
	# experts' scores and the ministry's decisions are read by role and scope, never handed on by a share
	AccountSetting("disable_document_sharing", 1, ON),
	# a server error shows its message, not Frappe's stack (the stack stays in the Error Log)
	AccountSetting("allow_error_traceback", 0, OFF),
)

# The roles whose users give a second factor after the password (Role.two_factor_auth; also in the role
# fixture): those who decide and score.
TWO_FACTOR_ROLES = ("Ministry Administrator", "Provincial Reviewer", "Review Expert")


def _number(value) -> float | None:
	try:
		return float(value)
	except (TypeError, ValueError):
		return None


def _minutes(value) -> int | None:
	"""Minutes of "HH:MM" (Frappe's session expiry), None if it is none."""
	hours, _colon, minutes = str(value or "").strip().partition(":")
	try:
		return int(hours) * 60 + int(minutes or 0)
	except ValueError:
		return None


def _lines(value) -> set[str]:
	return {line.strip().upper() for line in str(value or "").splitlines() if line.strip()}


def holds(setting: AccountSetting, current) -> bool:
	"""Whether the site's ``current`` value is at least as strict as the programme's."""
	if setting.stricter == ON:
		return bool(_number(current))
	if setting.stricter == OFF:
		return not _number(current)
	if setting.stricter == AT_LEAST:
		number = _number(current)
		return number is not None and number >= _number(setting.value)
	if setting.stricter == AT_MOST:
		number = _number(current)
		return bool(number) and 0 < number <= _number(setting.value)
	if setting.stricter == HOURS_AT_MOST:
		minutes = _minutes(current)
		return bool(minutes) and 0 < minutes <= _minutes(setting.value)
	if setting.stricter == FEWER:
		lines = _lines(current)
		return bool(lines) and lines <= _lines(setting.value)
	if setting.stricter == RANKED:
		ranking = setting.ranking
		return current in ranking and ranking.index(current) >= ranking.index(setting.value)
	if setting.stricter == NAMED:
		return bool(current) and current not in setting.ranking
	raise ValueError(f"unknown direction {setting.stricter!r} of {setting.fieldname}")


def changes(current: dict, own: set | frozenset = frozenset()) -> dict:
	"""The settings to write: {fieldname: the programme's value} for each setting whose ``current`` value is
	looser, except those in ``own`` (the site keeps its own)."""
	return {
		setting.fieldname: setting.value
		for setting in ACCOUNT_SETTINGS
		if setting.fieldname not in own and not holds(setting, current.get(setting.fieldname))
	}
