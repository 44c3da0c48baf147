"""bench commands of the app: ``bench --site <site> cluster-brand-demo``, ``cluster-brand-login-code``,
``cluster-brand-system-account``."""

import click
from frappe.commands import get_site, pass_context


@click.command("cluster-brand-demo")
@pass_context
def cluster_brand_demo(context):
	"""Create the 2017 pilot batch, two complete demo applications and one demo user per role; then take the
	2017 pilots to the end of their period (demo/pilot_end.py); then open the current batch, live today
	(demo/live.py)."""
	import frappe

	from cluster_brand.demo.live import make_live
	from cluster_brand.demo.pilot_end import make_pilot_end
	from cluster_brand.demo.site import BATCH_2017, DEMO_PASSWORD, DEMO_USERS, make_demo

	frappe.init(get_site(context))
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		names = make_demo()
		# the 2017 pilots at the end of their period (issue 21)
		pilots = make_pilot_end(frappe.get_doc("Pilot Batch", BATCH_2017["batch_title"]))
		# the demo live today (issue 22): a current batch, its draft, its candidate in public notice and an
		# objection (demo/live.py takes its steps with demo/site.py's and pilot_end.py's helpers: called here)
		live = make_live()
		frappe.db.commit()
		# the demo's users with a second factor ask for the code at once, not for Frappe's QR mail, which a
		# demo without a mail server cannot send (issue 22; the code: cluster-brand-login-code)
		hand_over_demo_keys([user[0] for user in DEMO_USERS])
	finally:
		frappe.destroy()
	click.echo(f"Demo applications: {', '.join(names)}")
	click.echo(f"Demo pilots at their end: {', '.join(pilots.values())}")
	click.echo(
		f"Current batch (live today): {live['batch']}: draft {live['draft']}, in public notice {live['notice']}"
	)
	click.echo(f"Demo users (password {DEMO_PASSWORD}): " + ", ".join(user[0] for user in DEMO_USERS))
	click.echo(
		"The ministry, the provinces and the experts also give a code at login (issue 22): "
		"bench --site <site> cluster-brand-login-code <user>"
	)


# --- accounts that hold (issue 22) ---------------------------------------------------------------------------
def hand_over_demo_keys(users: list[str]):
	from frappe.twofactor import two_factor_is_enabled

	from cluster_brand.account_security import hand_over_second_factor

	for user in users:
		if two_factor_is_enabled(user):
			hand_over_second_factor(user)


@click.command("cluster-brand-login-code")
@click.argument("user")
@pass_context
def cluster_brand_login_code(context, user):
	"""Print USER's authenticator-app key (otpauth:// URI, to add in any TOTP app) and the code it shows now,
	for a site without a mail server, which cannot send Frappe's QR mail of the first login."""
	import frappe

	from cluster_brand.account_security import hand_over_second_factor

	frappe.init(get_site(context))
	frappe.connect()
	try:
		if not frappe.db.exists("User", user):
			raise click.ClickException(f"no user {user}")
		uri, code = hand_over_second_factor(user)
	finally:
		frappe.destroy()
	click.echo(f"Key for an authenticator app: {uri}")
	click.echo(f"Code now (valid for 30 seconds): {code}")


# --- system accounts (issue 24) ------------------------------------------------------------------------------
@click.command("cluster-brand-system-account")
@click.option("--email", required=True, help="The account's e-mail address (its user name)")
@click.option("--name", "full_name", required=True, help="The system's name, e.g. 浙江省申报管理系统")
@click.option(
	"--role",
	required=True,
	help="Its programme role, in English or Chinese: Cluster Applicant, Provincial Reviewer, Industry "
	"Association, Ministry Administrator, Materials Receiver",
)
@click.option(
	"--scope",
	help='Where it belongs, as a person of its role: "Organizing Unit=<name>" for a unit, '
	'"Recommending Authority=<name>" for a province or an association; none for the ministry',
)
@pass_context
def cluster_brand_system_account(context, email, full_name, role, scope):
	"""Create the system account EMAIL (or give the one there is a new key): a user of ROLE scoped by SCOPE that
	calls the REST API with an API key and never logs in; print its key:secret, shown this once."""
	import html

	import frappe

	from cluster_brand.accounts.system_accounts import make_system_account

	frappe.init(get_site(context))
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		try:
			token = make_system_account(email, full_name, role, scope)
		except frappe.ValidationError as error:
			raise click.ClickException(html.unescape(frappe.utils.strip_html(str(error)))) from error
	finally:
		frappe.destroy()
	click.echo(f"API key of {email} (shown once; Authorization: token <key:secret>):")
	click.echo(token)


commands = [cluster_brand_demo, cluster_brand_login_code, cluster_brand_system_account]
