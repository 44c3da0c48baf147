"""bench commands of the app: ``bench --site <site> cluster-brand-demo``."""

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
	finally:
		frappe.destroy()
	click.echo(f"Demo applications: {', '.join(names)}")
	click.echo(f"Demo pilots at their end: {', '.join(pilots.values())}")
	click.echo(
		f"Current batch (live today): {live['batch']}: draft {live['draft']}, in public notice {live['notice']}"
	)
	click.echo(f"Demo users (password {DEMO_PASSWORD}): " + ", ".join(user[0] for user in DEMO_USERS))


commands = [cluster_brand_demo]
