"""examples/integration_client.py against the site: the demo application created in one call with its 30
enterprises inline and submitted, in Chinese names only; a refusal raised with its located errors. The client
is plain ``requests``; its session answers through the site's WSGI application (support/wsgi_transport.py)."""

import base64
import importlib.util
import io
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import frappe

from cluster_brand.demo.site import make_registers
from cluster_brand.demo.values import load_demo_data
from cluster_brand.doctype_names import APPLICATION
from cluster_brand.rules.application.workflow import PENDING_PROVINCIAL_REVIEW
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.http import make_api_user
from cluster_brand.tests.support.openapi import check_against, served_document
from cluster_brand.tests.support.records import IntegrationTestCase, credit_code, make_test_batch
from cluster_brand.tests.support.wsgi_transport import through_the_site

APPLICANT = "client.applicant@example.com"
ENTERPRISE = "Cluster Enterprise"
BASE_URL = "http://contract.test"
CLIENT = Path(frappe.get_app_path("cluster_brand")).parent / "examples" / "integration_client.py"

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 5, 11)


def client_module():
	spec = importlib.util.spec_from_file_location("integration_client", CLIENT)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


@frozen_day(DAY)
class TestIntegrationClient(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.example = client_module()
		unit, cluster = make_registers(
			load_demo_data(), unit_name="测试组织实施单位-client", cluster_name="测试产业集群-client"
		)
		cls.unit, cls.cluster, cls.batch = unit.name, cluster.name, make_test_batch()
		key, secret = make_api_user(APPLICANT, ["Cluster Applicant"], ("Organizing Unit", unit.name)).split(
			":"
		)
		cls.client = cls.example.Client(BASE_URL, key, secret)
		through_the_site(cls.client.session, BASE_URL)
		cls.remove_applications()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()  # a new snapshot, which sees what the requests committed
		cls.remove_applications()
		super().tearDownClass()

	@classmethod
	def remove_applications(cls):
		for name in frappe.get_all(APPLICATION, {"industrial_cluster": cls.cluster}, pluck="name"):
			frappe.delete_doc(APPLICATION, name, force=True)
		for name in frappe.get_all(ENTERPRISE, {"industrial_cluster": cls.cluster}, pluck="name"):
			frappe.delete_doc(ENTERPRISE, name, force=True)
		frappe.db.commit()  # the requests run on their own connections and see only committed data

	def application(self) -> dict:
		"""The client's demo application for the test's unit: its enterprises new to the register (the demo's
		belong to the demo's cluster, which another unit's application may not take)."""
		payload = self.example.demo_application(self.batch, self.unit, self.cluster)
		for row in payload["backbone_enterprises"]:
			row["unified_social_credit_code"] = credit_code()
		# a scan of its own: a File of the same content shares the other File's URL, which this unit may not
		# read (the save is refused 403 then; reported to the lead)
		scan = payload["stamped_form_scan"]
		content = base64.b64decode(scan["content"]) + f"\n% {frappe.generate_hash()}\n".encode()
		scan["content"] = base64.b64encode(content).decode()
		return payload

	def test_the_client_submits_the_demo_application_in_chinese(self):
		payload = self.application()
		self.assertEqual(len(payload["backbone_enterprises"]), 30)
		self.assertNotIn("enterprise", payload["backbone_enterprises"][0])
		self.assertEqual(payload["funding_plan"][0]["funding_source"], "中央财政资金")

		with redirect_stdout(io.StringIO()) as printed:
			answer = self.example.submit(self.client, payload)
		self.assertEqual(printed.getvalue(), f"{answer['name']}: 草稿\n")
		spec = served_document()  # the answers are what the contract says
		check_against(spec, "DocumentState", answer)
		self.assertEqual(answer["state"], "待省级推荐")
		self.assertTrue(answer["actions"])
		self.assertTrue(all(action["roles"] for action in answer["actions"]))

		frappe.db.rollback()
		doc = frappe.get_doc(APPLICATION, answer["name"])
		self.assertEqual(doc.workflow_state, PENDING_PROVINCIAL_REVIEW)
		self.assertEqual(len(doc.backbone_enterprises), 30)
		self.assertEqual(doc.funding_plan[0].funding_source, "Central Government Funds")  # stored as the key
		read = self.client.get(APPLICATION, answer["name"])
		self.assertEqual(read["state"], "待省级推荐")
		check_against(spec, "DocumentAnswer", read)

	def test_a_refusal_carries_its_located_errors(self):
		payload = self.application()
		payload["backbone_enterprises"][3]["sales_revenue"] = -5
		with self.assertRaises(self.example.Refused) as refused:
			self.client.save(self.example.APPLICATION, payload)
		self.assertEqual(refused.exception.status, 417)
		located = [(e["table"], e["row"], e["field"], e["value"]) for e in refused.exception.errors]
		self.assertIn(("backbone_enterprises", 4, "sales_revenue", -5), located)
		spec = served_document()
		for error in refused.exception.errors:
			check_against(spec, "Error", error)
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists(APPLICATION, {"industrial_cluster": self.cluster}))
