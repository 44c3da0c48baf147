"""The front door's test support (issue 22): the outgoing e-mail account that Frappe's welcome e-mail needs."""

import frappe


def make_outbox():
	"""A default outgoing e-mail account (never connected to in the tests): Frappe's welcome e-mail needs one."""
	if not frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "Cluster Brand Test Outbox",
				"email_id": "noreply.test@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)


def make_registration(tag: str, authority: str = "浙江省工业和信息化主管部门") -> str:
	"""A registration of a new unit waiting for ``authority``'s verification, made as the public page makes it
	(without its account): its name."""
	from cluster_brand.tests.support.records import credit_code

	return (
		frappe.get_doc(
			{
				"doctype": "Unit Registration",
				"unit_name": f"测试注册单位{tag}",
				"unit_type": "Government Management Agency of the Locality",
				"unified_social_credit_code": credit_code(),
				"recommending_authority": authority,
				"cluster_name": f"测试注册集群{tag}",
				"leading_industry": "纺织",
				"industry_sector": "Textiles",
				"contact_person": "测试",
				"mobile": "13812345678",
				"email": f"t.reg.record.{tag}@example.com".lower(),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
