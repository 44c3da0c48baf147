from cluster_brand.install import complete_setup


def execute():
	# Sites installed before the app completed Frappe's setup on install still send every user to the setup
	# wizard, which only the Administrator may open.
	complete_setup()
