import frappe
from frappe.core.doctype.data_import.data_import import import_doc

from cluster_brand.desk.landing import update_programme_users


def execute():
	# The module profile now blocks Frappe's Core and Desk workspaces (Users, Build) too; fixtures are synced
	# after the patches, so this one imports it first. Users then land on their role's workspace.
	import_doc(frappe.get_app_path("cluster_brand", "fixtures", "module_profile.json"))
	update_programme_users()
