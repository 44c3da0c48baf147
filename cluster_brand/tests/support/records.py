"""The records the Frappe tier's tests make: the test batch, a complete application of a test unit and cluster
of its own, a valid credit code; the test case class (Frappe v15's or v16's) and the reader's language."""

from contextlib import contextmanager

import frappe
from frappe.utils import add_days, today

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as IntegrationTestCase

from cluster_brand.demo.site import make_registers
from cluster_brand.demo.values import application_values, load_demo_data
from cluster_brand.doctype_names import PILOT_BATCH
from cluster_brand.rules.formats import credit_code_check_character

TEST_BATCH = "测试批次（2017）"


def test_batch_values() -> dict:
	# The 2017 batch's years and papers, with deadlines still ahead so that the process can run.
	return {
		"batch_title": TEST_BATCH,
		"batch_year": 2017,
		"notice_number": "工信厅科函〔2017〕433号",
		"status": "Open for Application",
		"online_submission_deadline": add_days(today(), 30),
		"provincial_recommendation_deadline": add_days(today(), 60),
		"expert_review_deadline": add_days(today(), 90),
		"paper_copies_required": 2,
		"receiving_agent": "中国航空综合技术研究所",
	}


__all__ = ["IntegrationTestCase"]


def make_test_batch() -> str:
	if frappe.db.exists(PILOT_BATCH, TEST_BATCH):
		batch = frappe.get_doc(PILOT_BATCH, TEST_BATCH)
		batch.update(test_batch_values())
		batch.save()
	else:
		frappe.get_doc({"doctype": PILOT_BATCH, **test_batch_values()}).insert()
	return TEST_BATCH


def make_test_application_values(
	suffix: str, demo_file: str = "application_zhejiang.json", cluster_suffix: str | None = None
) -> dict:
	"""A complete application of a test unit and cluster of its own (the demo's enterprises are reused)."""
	data = load_demo_data(demo_file)
	unit, cluster = make_registers(
		data, unit_name=f"测试组织实施单位{suffix}", cluster_name=f"测试产业集群{cluster_suffix or suffix}"
	)
	values = application_values(data, make_test_batch(), unit.name, cluster.name)
	values["stamped_form_scan"] = "/private/files/stamped-form.pdf"
	return values


def make_test_application(suffix: str, **overrides):
	return frappe.get_doc({**make_test_application_values(suffix), **overrides}).insert()


@contextmanager
def language(lang: str):
	previous = frappe.local.lang
	frappe.local.lang = lang
	try:
		yield
	finally:
		frappe.local.lang = previous


def credit_code() -> str:
	"""A valid unified social credit code of an enterprise no other test registers."""
	first = "91330100" + "".join(str(int(c, 16) % 10) for c in frappe.generate_hash(length=9))
	return first + credit_code_check_character(first)
