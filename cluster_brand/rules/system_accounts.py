"""System accounts (issue 24): another system (a province's own 申报管理系统, a statistics bureau's) that calls the
REST API with an API key, as a user of one programme role and the scope a person of that role has.

The account is marked by a Role of its own (SYSTEM_ACCOUNT_ROLE, no permission of its own: the mark the desk shows
on the User and that a list of users filters by) and by its full name (``account_full_name``), which is what the
document's timeline shows for each call. Its requests per minute are limited (``rate_limit``).
"""

from dataclasses import dataclass

from cluster_brand.rules import Violation, _

# The Role that marks a system account (fixtures/role.json; 接口系统账号). It grants nothing: the account's rights are
# those of its programme role.
SYSTEM_ACCOUNT_ROLE = "Programme System Account"

# What the account's full name ends with: the timeline then reads 「浙江省申报管理系统（接口）」, not a person's name.
# Part of the name, as stored (the programme's names are Chinese), not a message.
NAME_MARK = "（接口）"

# The programme roles a system account may have, and the DocType that scopes a person of that role (add_user_scope):
# a unit's account its Organizing Unit, a province's (or an association's) its Recommending Authority, the
# ministry's and the receiver's none. An expert is a person with a conflict-of-interest declaration: never a system.
ROLE_SCOPES = {
	"Cluster Applicant": "Organizing Unit",
	"Provincial Reviewer": "Recommending Authority",
	"Industry Association": "Recommending Authority",
	"Ministry Administrator": None,
	"Materials Receiver": None,
}
# The official (Chinese) names of the roles and of the scoping DocTypes, accepted as well (translations/zh.csv)
ROLE_NAMES_ZH = {
	"组织实施单位": "Cluster Applicant",
	"省级工业和信息化主管部门": "Provincial Reviewer",
	"全国性工业行业协会": "Industry Association",
	"工业和信息化部（科技司）": "Ministry Administrator",
	"纸质材料代收单位（中国航空综合技术研究所）": "Materials Receiver",
	"纸质材料代收单位": "Materials Receiver",
}
SCOPE_NAMES_ZH = {"组织实施单位": "Organizing Unit", "推荐单位": "Recommending Authority"}


def account_role(text: str) -> str | Violation:
	"""The programme role named by ``text`` (its English or official Chinese name)."""
	role = ROLE_NAMES_ZH.get(text.strip(), text.strip())
	if role not in ROLE_SCOPES:
		return Violation(
			_("A system account has one of the roles {roles}, not {role}"),
			{"roles": ", ".join(ROLE_SCOPES), "role": text},
		)
	return role


def account_scope(role: str, scope: str | None) -> tuple[str, str] | None | Violation:
	"""(DocType, name) from ``scope`` ("<DocType>=<name>", the DocType in either language), as ``role`` needs it:
	required where a person of the role is scoped, refused where none is."""
	doctype = ROLE_SCOPES[role]
	if not scope:
		if doctype:
			return _needs_scope(role, doctype)
		return None
	given, separator, name = scope.partition("=")
	given = SCOPE_NAMES_ZH.get(given.strip(), given.strip())
	if not doctype:
		return Violation(
			_("A system account of the role {role} sees everything of its role and has no scope"),
			{"role": role},
			translate_args=("role",),
		)
	if not separator or not name.strip() or given != doctype:
		return _needs_scope(role, doctype)
	return doctype, name.strip()


def _needs_scope(role: str, doctype: str) -> Violation:
	return Violation(
		_("A system account of the role {role} needs its scope: {doctype}=<name>"),
		{"role": role, "doctype": doctype},
		translate_args=("role", "doctype"),
	)


def account_full_name(name: str) -> str:
	"""The account's full name, as the timeline shows it: the system's name with NAME_MARK (once)."""
	name = name.strip()
	return name if name.endswith(NAME_MARK) else name + NAME_MARK


# --- the rate limit -------------------------------------------------------------------------------------------
# site_config: {"cluster_brand_api_rate_limit": {"limit": 300, "seconds": 60}}; 0 or false turns it off
RATE_LIMIT_KEY = "cluster_brand_api_rate_limit"


@dataclass(frozen=True)
class RateLimit:
	limit: int  # requests per window and user
	seconds: int  # the window's length: fixed windows, counted from the epoch

	def window(self, now: float) -> int:
		"""The number of the window that ``now`` (seconds since the epoch) falls in."""
		return int(now) // self.seconds

	def retry_after(self, now: float) -> int:
		"""Seconds until the next window opens (at least 1): what Retry-After says."""
		return max(self.seconds - int(now) % self.seconds, 1)


# 300 requests a minute: five a second, far above what a province's system sends in its daily exchange, far below
# what would slow the site down for everyone else
DEFAULT_RATE_LIMIT = RateLimit(limit=300, seconds=60)


def rate_limit(configured) -> RateLimit | None:
	"""The limit of a site_config value: a dict of limit and seconds (either left out takes the default's); None
	(not configured) the default; 0 / false / {"limit": 0} none at all."""
	if configured is None:
		return DEFAULT_RATE_LIMIT
	if not configured:
		return None
	if not isinstance(configured, dict):
		raise ValueError(f"{RATE_LIMIT_KEY}: a dict of limit and seconds, not {configured!r}")
	limit = int(configured.get("limit", DEFAULT_RATE_LIMIT.limit))
	seconds = int(configured.get("seconds", DEFAULT_RATE_LIMIT.seconds))
	if limit <= 0:
		return None
	if seconds <= 0:
		raise ValueError(f"{RATE_LIMIT_KEY}: seconds must be positive, not {seconds}")
	return RateLimit(limit=limit, seconds=seconds)
