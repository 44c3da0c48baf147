"""Demo data: the 2017 batch, two complete fictional applications from two provinces, one user per role.

Run with ``bench --site <site> cluster-brand-demo``. Running it again changes nothing that exists.
"""

import frappe

from cluster_brand.demo_values import (
	APPLICATION_FILES,
	DEMO_DATA,
	ENTERPRISE_FIELDS,
	application_values,
	load_demo_data,
)
from cluster_brand.permissions.scope import add_user_scope

DEMO_PASSWORD = "Demo@2017"

BATCH_2017 = {
	"doctype": "Pilot Batch",
	"batch_title": "2017年产业集群区域品牌建设试点",
	"batch_year": 2017,
	"notice_number": "工信厅科函〔2017〕433号",
	"notice_date": "2017-07-17",
	"status": "Open for Application",
	"provincial_recommendation_deadline": "2017-08-31",
	"online_submission_deadline": "2017-08-31",
	"expert_review_deadline": "2017-10-31",
	"paper_copies_required": 2,
	"receiving_agent": "中国航空综合技术研究所",
	"receiving_address": "北京市朝阳区京顺路7号政研室，100028",
	"ministry_contact": "工业和信息化部科技司 曹金龙 010-68205252",
	"receiving_agent_contact": "中国航空综合技术研究所 刘婧 010-84380347/18210235862",
}

# (email, first name, roles, where the user belongs) — one user per role of the design, the applicant
# and the province once per demo application.
DEMO_USERS = (
	(
		"applicant.zhejiang@example.com",
		"青溪县申报员",
		["Cluster Applicant"],
		("Organizing Unit", "青溪县人民政府"),
	),
	(
		"applicant.shandong@example.com",
		"临河县申报员",
		["Cluster Applicant"],
		("Organizing Unit", "山东临河经济开发区管理委员会"),
	),
	(
		"province.zhejiang@example.com",
		"浙江省审核员",
		["Provincial Reviewer"],
		("Recommending Authority", "浙江省工业和信息化主管部门"),
	),
	(
		"province.shandong@example.com",
		"山东省审核员",
		["Provincial Reviewer"],
		("Recommending Authority", "山东省工业和信息化主管部门"),
	),
	(
		"association.machinery@example.com",
		"机械联合会联络员",
		["Industry Association"],
		("Recommending Authority", "中国机械工业联合会"),
	),
	("ministry.admin@example.com", "科技司管理员", ["Ministry Administrator"], None),
	("expert.one@example.com", "评审专家甲", ["Review Expert"], None),
	("receiver@example.com", "代收单位收件员", ["Materials Receiver"], None),
)
DEMO_EXPERT = {
	"user": "expert.one@example.com",
	"expert_name": "评审专家甲",
	"work_unit": "北京某质量品牌研究机构（演示）",
	"recommending_authority": "北京市工业和信息化主管部门",
}


def make_demo():
	use_chinese_conventions()
	batch = get_or_insert("Pilot Batch", BATCH_2017["batch_title"], BATCH_2017)
	if not batch.expert_review_deadline:
		# a demo batch made before the batch had this deadline gets it; nothing it has is changed
		batch.db_set("expert_review_deadline", BATCH_2017["expert_review_deadline"])
	created = [make_application(load_demo_data(f), batch) for f in APPLICATION_FILES]
	for email, first_name, roles, scope in DEMO_USERS:
		make_user(email, first_name, roles)
		if scope:
			add_user_scope(email, *scope)
	get_or_insert("Review Expert", DEMO_EXPERT["user"], DEMO_EXPERT)
	frappe.db.commit()
	return created


def use_chinese_conventions():
	# The programme's users read Chinese and write dates as 2017-08-31.
	settings = frappe.get_single("System Settings")
	# A site that skipped the setup wizard has no time zone yet, which System Settings requires.
	settings.update(
		{"language": "zh", "date_format": "yyyy-mm-dd", "time_zone": settings.time_zone or "Asia/Shanghai"}
	)
	settings.save()  # through on_update, which sets the site defaults that the desk reads


def get_or_insert(doctype: str, name: str, values: dict):
	if frappe.db.exists(doctype, name):
		return frappe.get_doc(doctype, name)
	return frappe.get_doc({"doctype": doctype, **values}).insert()


def make_application(data: dict, batch) -> str:
	unit, cluster = make_registers(data)
	existing = frappe.db.exists(
		"Cluster Brand Application", {"industrial_cluster": cluster.name, "pilot_batch": batch.name}
	)
	if existing:
		return existing
	application = frappe.get_doc(application_values(data, batch.name, unit.name, cluster.name)).insert()
	attach_stamped_form_scan(application)
	return application.name


def make_registers(data: dict, unit_name: str | None = None, cluster_name: str | None = None):
	"""The organizing unit, its cluster and the cluster's enterprises of one demo application."""
	unit_values = {**data["organizing_unit"], "unit_name": unit_name or data["organizing_unit"]["unit_name"]}
	unit = get_or_insert("Organizing Unit", unit_values["unit_name"], unit_values)
	cluster_values = {
		**data["industrial_cluster"],
		"cluster_name": cluster_name or data["industrial_cluster"]["cluster_name"],
		"organizing_unit": unit.name,
	}
	cluster = get_or_insert("Industrial Cluster", cluster_values["cluster_name"], cluster_values)
	for e in data["enterprises"]:
		values = {f: e[f] for f in ENTERPRISE_FIELDS}
		get_or_insert(
			"Cluster Enterprise",
			e["unified_social_credit_code"],
			{**values, "industrial_cluster": cluster.name},
		)
	return unit, cluster


def attach_stamped_form_scan(application):
	# A stand-in for the scan of the stamped paper form, so that the demo application is complete.
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{application.name}-stamped-form.pdf",
			"attached_to_doctype": application.doctype,
			"attached_to_name": application.name,
			"attached_to_field": "stamped_form_scan",
			"is_private": 1,
			"content": (DEMO_DATA / "stamped_form_sample.pdf").read_bytes(),
		}
	).insert()
	application.db_set("stamped_form_scan", file.file_url)


def make_user(email: str, first_name: str, roles: list[str]):
	if frappe.db.exists("User", email):
		return
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first_name,
			"language": "zh",
			"module_profile": "Cluster Brand User",
			"send_welcome_email": 0,
			"new_password": DEMO_PASSWORD,
		}
	)
	user.flags.no_welcome_mail = True
	user.insert()
	user.add_roles(*roles)
