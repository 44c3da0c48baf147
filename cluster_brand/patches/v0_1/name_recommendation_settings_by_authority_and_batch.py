import frappe
from frappe.model.naming import _format_autoname

SETTING = "Recommendation Setting"


def execute():
	# Settings made while Recommendation Setting was named by a hash keep that hash; they are renamed as new ones
	# are named, 「浙江省工业和信息化主管部门（2017年…）」. One whose name is taken (a second setting of the
	# same authority and batch, made before the check) keeps its hash for the ministry to resolve.
	autoname = frappe.get_meta(SETTING).autoname
	for setting in frappe.get_all(SETTING, fields=["name", "recommending_authority", "pilot_batch"]):
		if not (setting.recommending_authority and setting.pilot_batch):
			continue
		new = _format_autoname(autoname, setting)
		if new == setting.name or frappe.db.exists(SETTING, new):
			continue
		frappe.rename_doc(SETTING, setting.name, new, force=True, show_alert=False, rebuild_search=False)
