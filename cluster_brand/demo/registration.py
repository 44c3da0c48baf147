"""The demo's front door (issue 22): one Zhejiang unit registered and waiting for province.zhejiang@example.com's
verification, so that the province finds work on its workspace at once and the unit's account (it logs in with
the demo password) sees its registration's status."""

import frappe

from cluster_brand.doctype_names import UNIT_REGISTRATION
from cluster_brand.rules.registration import workflow

DEMO_REGISTRATION = {
	"registration_kind": "New Organizing Unit",
	"unit_name": "义乌市经济开发区管理委员会",
	"unit_type": "Government Management Agency of the Locality",
	"unified_social_credit_code": "11330782MB12345676",
	"recommending_authority": "浙江省工业和信息化主管部门",
	"cluster_name": "义乌小商品产业集群",
	"leading_industry": "日用小商品",
	"industry_sector": "Light Industry",
	"contact_person": "骆登记",
	"mobile": "13957912345",
	"email": "register.yiwu@example.com",
}


def make_pending_registration(password: str | None = None) -> str:
	"""The waiting registration and its account (a Website User without roles, logging in with ``password``, the
	demo's; without one it sets its own by "forgot password"); changes nothing that exists."""
	values = DEMO_REGISTRATION
	existing = frappe.db.get_value(
		UNIT_REGISTRATION, {"unified_social_credit_code": values["unified_social_credit_code"]}, "name"
	)
	if existing:
		return existing
	if not frappe.db.exists("User", values["email"]):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": values["email"],
				"first_name": values["contact_person"],
				"user_type": "Website User",
				"language": "zh",
				"send_welcome_email": 0,
				"new_password": password,
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	registration = frappe.get_doc(
		{
			"doctype": UNIT_REGISTRATION,
			**values,
			"user": values["email"],
			"workflow_state": workflow.PENDING_VERIFICATION,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	return registration.name
