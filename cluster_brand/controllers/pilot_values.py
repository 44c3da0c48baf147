"""The forms of the pilot years and the pilot's end (Annual Work Summary, Pilot Final Summary) belong to one
Brand Pilot: they read it once per save and copy its unit, cluster, province and batch, by which they are
scoped (permissions/pilot_stage.py)."""

import frappe

from cluster_brand.doctype_names import BRAND_PILOT


class OfItsPilot:
	"""Mixed into a controller with a ``brand_pilot`` link; ``PILOT_FIELDS`` names what it copies."""

	PILOT_FIELDS: tuple[str, ...] = ()

	def pilot(self):
		if not hasattr(self, "_pilot"):
			self._pilot = frappe.get_doc(BRAND_PILOT, self.brand_pilot) if self.brand_pilot else None
		return self._pilot

	def set_pilot_values(self):
		pilot = self.pilot()
		if pilot is None:
			return
		for fieldname in self.PILOT_FIELDS:
			self.set(fieldname, pilot.get(fieldname))
