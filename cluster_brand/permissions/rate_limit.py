"""The REST API's rate limit per API key (issue 24): each user who calls /api/ with an API key (a system account,
and any other key) has so many requests per fixed window (site_config ``cluster_brand_api_rate_limit``, default
300 a minute: rules/system_accounts.py); the next is refused with 429, a translated message and Retry-After.

Frappe's own limits do not fit: its site-wide ``rate_limit`` counts the seconds spent by every request of the
site together, and its ``rate_limit`` decorator counts one method per address or argument. Here the requests of
one user are counted across all /api/ paths, in Redis as Frappe's limits are, in an auth hook, where the request's
user is known (before the allowlist, so that refused calls count too).
"""

import frappe
from frappe import _

from cluster_brand.rules.system_accounts import DEFAULT_RATE_LIMIT, RATE_LIMIT_KEY, RateLimit, rate_limit

KEY_SCHEMES = ("token", "basic")
RETRY_AFTER = "cluster_brand_retry_after"


def configured_limit() -> RateLimit | None:
	try:
		return rate_limit(frappe.conf.get(RATE_LIMIT_KEY))
	except ValueError as error:
		# a mistyped site_config must not fail every call of the API: the default holds, and the log says why
		frappe.logger("cluster_brand").warning(str(error))
		return DEFAULT_RATE_LIMIT


def called_with_api_key() -> bool:
	"""Whether this request is an /api/ call that Frappe authenticated by an API key (token or basic)."""
	request = getattr(frappe.local, "request", None)
	if request is None or not request.path.startswith("/api/"):
		return False
	scheme = (frappe.get_request_header("Authorization") or "").split(" ")[0].lower()
	return scheme in KEY_SCHEMES and frappe.session.user not in ("", "Guest")


def now() -> float:
	"""Redis's clock, in seconds since the epoch: the one clock of every web worker that counts the windows."""
	seconds, microseconds = frappe.cache.time()
	return seconds + microseconds / 1_000_000


def request_count_key(user: str, limit: RateLimit, at: float | None = None) -> str:
	"""The Redis key that counts ``user``'s requests in the window of ``at`` (now by default)."""
	window = limit.window(now() if at is None else at)
	return frappe.cache.make_key(f"cluster_brand_api_rate:{user}:{limit.seconds}:{window}")


def limit_api_requests():
	"""auth_hooks entry: counts this request against its user's window; refuses it past the limit."""
	if not called_with_api_key():
		return
	limit = configured_limit()
	if not limit:
		return
	at = now()
	key = request_count_key(frappe.session.user, limit, at)
	pipeline = frappe.cache.pipeline(transaction=False)
	pipeline.incr(key)
	pipeline.expire(key, limit.seconds)
	count = pipeline.execute()[0]
	if count > limit.limit:
		retry_after = limit.retry_after(at)
		frappe.local.flags[RETRY_AFTER] = retry_after
		frappe.throw(
			_(
				"Too many requests: an API key may send {0} requests in {1} seconds. Please try again in {2} seconds."
			).format(limit.limit, limit.seconds, retry_after),
			frappe.RateLimitExceededError,
			title=_("Too many requests"),
		)


def answer_retry_after(response=None, request=None):
	"""after_request entry: a request refused by the limit says when the next window opens."""
	retry_after = frappe.local.flags.get(RETRY_AFTER) if getattr(frappe.local, "flags", None) else None
	if response is not None and retry_after:
		response.headers["Retry-After"] = str(retry_after)
