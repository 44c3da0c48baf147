"""Each Recommending Authority's official name (the fixture) and its use in notifications; the print's use is in
test_print_review_formats.

	bench --site <site> run-tests --module cluster_brand.tests.test_authority_names
"""

import frappe

from cluster_brand.cluster_brand.doctype.recommending_authority.recommending_authority import PROVINCIAL
from cluster_brand.notifications import application as notifications
from cluster_brand.rules.application import workflow as rules
from cluster_brand.tests.support.records import IntegrationTestCase


class TestAuthorityNames(IntegrationTestCase):
	def test_every_authority_has_its_own_official_name(self):
		authorities = frappe.get_all(
			"Recommending Authority", fields=["name", "official_name", "authority_type", "region"]
		)
		self.assertEqual(len(authorities), 44)
		self.assertTrue(all(a.official_name for a in authorities))
		self.assertEqual(len({a.official_name for a in authorities}), 44)
		for a in authorities:
			if a.authority_type == PROVINCIAL:
				# the agency's name (…经济和信息化委员会, …工业和信息化厅), not the notice's generic wording
				self.assertNotIn("主管部门", a.official_name)
				self.assertTrue(a.official_name.startswith(a.region), a.official_name)
			else:
				self.assertEqual(a.official_name, a.name)
		names = {a.region: a.official_name for a in authorities if a.region}
		self.assertEqual(names["浙江省"], "浙江省经济和信息化委员会")
		self.assertEqual(names["山东省"], "山东省经济和信息化委员会")
		self.assertEqual(names["河北省"], "河北省工业和信息化厅")
		self.assertEqual(names["深圳市"], "深圳市经济贸易和信息化委员会")

	def test_notifications_name_the_provinces_agency(self):
		doc = frappe._dict(
			name="CBA-2017-09999",
			industrial_cluster="青溪县五金工具产业集群",
			recommending_authority="浙江省工业和信息化主管部门",
			workflow_state=rules.PENDING_PROVINCIAL_REVIEW,
		)
		frappe.local.lang = "zh"
		subject = notifications.transition_subject(doc, "待省级推荐")
		self.assertIn("（浙江省经济和信息化委员会）", subject)
		self.assertNotIn("主管部门", subject)
		doc.workflow_state = rules.UNDER_EXPERT_REVIEW  # not the province's stage: no authority
		self.assertNotIn("浙江省", notifications.transition_subject(doc, "专家评审中"))
