"""rules/views/withheld.py: what each state withholds from each reader, and the declaration against the DocTypes."""

import ast

import pytest
from metadata import DOCTYPE_DIR, doctypes, fields, fixtures

from cluster_brand.doctype_names import ANNUAL_WORK_SUMMARY, APPLICATION
from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.rules.application import workflow as r
from cluster_brand.rules.pilot_years import workflow as summary
from cluster_brand.rules.views.withheld import (
	DRAFT_RECOMMENDATION,
	INSPECTION_IN_PROGRESS,
	READS_EVERY_STATE,
	WITHHELD,
	ever_withheld_fields,
	withheld_fields,
)

UNIT = {"Cluster Applicant"}
PROVINCE = {"Provincial Reviewer"}
MINISTRY = {"Ministry Administrator"}
OTHER_READERS = ({"Cluster Applicant"}, {"Industry Association"}, {"Review Expert"}, {"Materials Receiver"})


def test_the_province_alone_reads_its_draft_recommendation_while_it_decides():
	for reader in OTHER_READERS:
		assert (
			withheld_fields(APPLICATION, r.PENDING_PROVINCIAL_REVIEW, reader) == DRAFT_RECOMMENDATION.fields
		)
	for reader in (PROVINCE, MINISTRY, {"System Manager"}, UNIT | PROVINCE):
		assert withheld_fields(APPLICATION, r.PENDING_PROVINCIAL_REVIEW, reader) == ()


def test_the_decided_recommendation_is_read_by_every_reader_of_the_application():
	for state in (r.DRAFT, r.RETURNED, r.RECOMMENDED, r.NOT_RECOMMENDED, r.UNDER_EXPERT_REVIEW):
		for reader in OTHER_READERS:
			assert withheld_fields(APPLICATION, state, reader) == ()


def test_the_unit_reads_the_inspection_once_the_province_has_forwarded_or_returned_it():
	assert withheld_fields(ANNUAL_WORK_SUMMARY, summary.PENDING_PROVINCIAL_INSPECTION, UNIT) == tuple(
		f for f, _label in summary.INSPECTION
	)
	for state in (r.RETURNED, summary.FORWARDED_TO_MINISTRY, summary.ACCEPTED):
		assert withheld_fields(ANNUAL_WORK_SUMMARY, state, UNIT) == ()
	assert withheld_fields(ANNUAL_WORK_SUMMARY, summary.PENDING_PROVINCIAL_INSPECTION, PROVINCE) == ()


def test_queries_and_the_history_withhold_in_every_state():
	# a query cannot tell each row's state; a version written while the province decided outlives that state
	assert ever_withheld_fields(APPLICATION, UNIT) == set(DRAFT_RECOMMENDATION.fields)
	assert ever_withheld_fields(APPLICATION, PROVINCE) == set()
	assert ever_withheld_fields(ANNUAL_WORK_SUMMARY, UNIT) == set(INSPECTION_IN_PROGRESS.fields)
	assert ever_withheld_fields("Pilot Batch", UNIT) == set()
	# a DocType nobody declared withholds nothing: the test below makes sure there is none
	assert ever_withheld_fields("Unknown DocType", UNIT) == set()


# --- the declaration against the DocTypes -------------------------------------------------------------


def _records() -> list[str]:
	return sorted(name for name, data in doctypes().items() if not data.get("istable"))


def test_every_doctype_of_the_programme_is_declared():
	"""A new DocType says what its states withhold (an empty entry when nothing): a decision, not an
	omission."""
	assert sorted(WITHHELD) == _records()


@pytest.mark.parametrize("doctype", sorted(d for d, items in WITHHELD.items() if items))
def test_the_declared_fields_states_and_roles_exist(doctype):
	states = {
		state["state"]
		for flow in fixtures("workflow")
		if flow["document_type"] == doctype
		for state in flow["states"]
	}
	readers = {p["role"] for p in doctypes()[doctype]["permissions"] if p.get("read")}
	for item in WITHHELD[doctype]:
		assert set(item.fields) <= set(fields(doctype)), item
		assert set(item.states) <= states, item
		assert item.shown_to <= set(PROGRAMME_ROLES), item
		# somebody reads the record and not the fields, or the declaration says nothing
		assert readers - item.shown_to - READS_EVERY_STATE, item
		assert item.why


@pytest.mark.parametrize("doctype", sorted(d for d, items in WITHHELD.items() if items))
def test_a_doctype_that_withholds_applies_it_on_its_own_reads(doctype):
	"""Its controller takes the mechanism (permissions.fields.WithholdsFromReader: form, REST, every print)."""
	folder = doctype.lower().replace(" ", "_")
	tree = ast.parse((DOCTYPE_DIR / folder / f"{folder}.py").read_text(encoding="utf-8"))
	[controller] = [
		n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == doctype.replace(" ", "")
	]
	assert "WithholdsFromReader" in {getattr(b, "id", None) for b in controller.bases}
