from datetime import date

import frappe

from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.process import SHANDONG
from cluster_brand.tests.support.records import IntegrationTestCase, make_test_batch

# The day these tests run on, whatever the day they are run (cluster_brand/tests/support/dates.py).
DAY = date(2026, 3, 2)


@frozen_day(DAY)
class TestRecommendationSetting(IntegrationTestCase):
	def test_one_setting_per_authority_and_batch(self):
		batch = make_test_batch()
		values = {
			"doctype": "Recommendation Setting",
			"pilot_batch": batch,
			"recommending_authority": SHANDONG,
		}
		existing = frappe.db.exists(
			"Recommendation Setting", {"pilot_batch": batch, "recommending_authority": SHANDONG}
		)
		first = (
			frappe.get_doc("Recommendation Setting", existing)
			if existing
			else frappe.get_doc(values).insert()
		)
		self.assertEqual(first.name, f"{SHANDONG}（{batch}）")
		with self.assertRaises(frappe.DuplicateEntryError):
			second = frappe.get_doc(values)
			second.name = "another name"  # past the naming, so that the app's own check answers
			second.flags.name_set = True
			second.insert()
		frappe.delete_doc("Recommendation Setting", first.name, force=True)
