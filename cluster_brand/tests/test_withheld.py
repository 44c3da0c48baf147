"""What a state withholds, tried on every read path, and read-only fields, tried on every write path: the
cases are generated from the declarations (rules/views/withheld.py; the DocTypes' read-only fields), over HTTP as
each reader or writer would send them (token authentication, Frappe's WSGI application, the app's hooks).

A DocType added to the declaration with withheld fields, or with read-only fields, is tried here once it has
a record maker below (a test fails while it has none)."""

import json
import subprocess
import tempfile
from datetime import date
from urllib.parse import quote, urlencode

import frappe

from cluster_brand.doctype_names import (
	ANNUAL_WORK_SUMMARY,
	APPLICATION,
	BRAND_PILOT,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	EXPERT_REVIEW,
	FINAL_SUMMARY,
	PILOT_BATCH,
	PROGRAMME_MODULE,
)
from cluster_brand.permissions.read_only import read_only_fields
from cluster_brand.rules.application import workflow
from cluster_brand.rules.pilot_end import demonstration_workflow, final_summary_workflow
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.views.withheld import READS_EVERY_STATE, WITHHELD
from cluster_brand.tests.support.dates import frozen_day
from cluster_brand.tests.support.demonstration import (
	act_on_demonstration,
	completed_pilot,
	demonstration_in,
	open_round,
	start_demonstration,
	submitted_sheet,
)
from cluster_brand.tests.support.http import make_api_user, rest
from cluster_brand.tests.support.pilot_stage import (
	FINAL_CHECK,
	act_on_final_summary,
	act_on_summary,
	final_acceptance,
	final_summary_in,
	inspection_values,
	make_pilot,
	start_summary,
	summary_in,
)
from cluster_brand.tests.support.process import (
	CAST,
	OWN_UNIT,
	act,
	drive_to,
	make_cast,
	new_application,
	next_free_rank,
	submit_review,
)
from cluster_brand.tests.support.records import (
	IntegrationTestCase,
	make_test_application_values,
	make_test_batch,
)

# A day when the test batch is open and a pilot designated today has its first year to report on ahead.
DAY = date(2026, 6, 15)
MARK = "WITHHELD-MARK"
DECIDED = "DECIDED-"
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor")
REFUSED = (403, 417)


def _pdf_text(pdf: bytes) -> str:
	with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
		fh.write(pdf)
		fh.flush()
		out = subprocess.run(["pdftotext", "-enc", "UTF-8", fh.name, "-"], capture_output=True, check=True)
	return out.stdout.decode("utf-8", errors="replace")


def _marked_values(doctype: str, fields: tuple[str, ...], tag: str) -> dict:
	"""A recognisable value for each withheld field (the rank a free one, dates today)."""
	meta = frappe.get_meta(doctype)
	values = {}
	for fieldname in fields:
		fieldtype = meta.get_field(fieldname).fieldtype
		if fieldtype in TEXT_TYPES:
			values[fieldname] = f"{MARK}-{tag}-{fieldname}"
		elif fieldtype == "Date":
			values[fieldname] = frappe.utils.today()
		elif fieldtype == "Int":
			values[fieldname] = 97
	return values


def _edit(user: str, doctype: str, name: str, values: dict):
	"""As ``user`` saves it in the desk, with the version the timeline shows (Frappe keeps none in tests)."""
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(doctype, name)
		doc.update(values)
		doc.save(ignore_version=False)
	finally:
		frappe.set_user("Administrator")


def _decided(doctype: str, values: dict) -> dict:
	"""The decided text of every marked field: what every reader reads once the state has passed."""
	return {f: f"{DECIDED}{f}" for f, value in values.items() if isinstance(value, str) and MARK in value}


# --- records in a withholding state, by DocType: (name, the values written, move it past the state) --------


def _draft_recommendation(cast, tag: str):
	name = drive_to(cast, workflow.PENDING_PROVINCIAL_REVIEW, tag)
	values = _marked_values(APPLICATION, WITHHELD[APPLICATION][0].fields, tag)
	values["recommendation_rank"] = next_free_rank(name)  # within the province's quota, to recommend it
	_edit(cast.province, APPLICATION, name, values)

	def decide():
		_edit(cast.province, APPLICATION, name, _decided(APPLICATION, values))
		act(cast.province, name, "Recommend")

	return name, values, decide


def _inspection_in_progress(cast, tag: str):
	pilot = make_pilot(cast, tag)
	name = summary_in(cast, pilot, summary_workflow.PENDING_PROVINCIAL_INSPECTION)
	values = {
		**inspection_values(),
		**_marked_values(ANNUAL_WORK_SUMMARY, WITHHELD[ANNUAL_WORK_SUMMARY][0].fields, tag),
	}
	_edit(cast.province, ANNUAL_WORK_SUMMARY, name, values)

	def decide():
		_edit(cast.province, ANNUAL_WORK_SUMMARY, name, _decided(ANNUAL_WORK_SUMMARY, values))
		act_on_summary(cast.province, name, "Forward to Ministry")

	return name, values, decide


def _final_summary_pilot(cast, tag: str) -> str:
	"""A pilot whose last reporting year has come (its planned end in the year of DAY): its final summary."""
	pilot = make_pilot(cast, tag)
	frappe.db.set_value(BRAND_PILOT, pilot, "planned_end_date", date(DAY.year, 12, 31))
	return pilot


def _final_check_in_progress(cast, tag: str):
	name = final_summary_in(
		cast, _final_summary_pilot(cast, tag), final_summary_workflow.PENDING_PROVINCIAL_CHECK
	)
	values = {**FINAL_CHECK, **_marked_values(FINAL_SUMMARY, WITHHELD[FINAL_SUMMARY][0].fields, tag)}
	_edit(cast.province, FINAL_SUMMARY, name, values)

	def decide():
		_edit(cast.province, FINAL_SUMMARY, name, _decided(FINAL_SUMMARY, values))
		act_on_final_summary(cast.province, name, "Forward to Ministry")

	return name, values, decide


def _final_acceptance_in_progress(cast, tag: str):
	name = final_summary_in(
		cast, _final_summary_pilot(cast, tag), final_summary_workflow.FORWARDED_TO_MINISTRY
	)
	values = {**final_acceptance(), **_marked_values(FINAL_SUMMARY, WITHHELD[FINAL_SUMMARY][1].fields, tag)}
	_edit(cast.ministry, FINAL_SUMMARY, name, values)

	def decide():
		_edit(cast.ministry, FINAL_SUMMARY, name, _decided(FINAL_SUMMARY, values))
		act_on_final_summary(cast.ministry, name, "Accept Final Summary")

	return name, values, decide


def _demonstration_pilot(cast, tag: str) -> str:
	"""A completed pilot whose batch's evaluation round takes demonstration applications."""
	pilot = completed_pilot(cast, tag)
	open_round(pilot)
	return pilot


def _demonstration_recommendation_draft(cast, tag: str):
	name = demonstration_in(
		cast, _demonstration_pilot(cast, tag), demonstration_workflow.PENDING_PROVINCIAL_RECOMMENDATION
	)
	fields = WITHHELD[DEMONSTRATION_APPLICATION][0].fields
	values = _marked_values(DEMONSTRATION_APPLICATION, fields, tag)
	_edit(cast.province, DEMONSTRATION_APPLICATION, name, values)

	def decide():
		_edit(cast.province, DEMONSTRATION_APPLICATION, name, _decided(DEMONSTRATION_APPLICATION, values))
		act_on_demonstration(cast.province, name, demonstration_workflow.RECOMMEND)

	return name, values, decide


def _demonstration_decision_draft(cast, tag: str):
	name = demonstration_in(cast, _demonstration_pilot(cast, tag), demonstration_workflow.UNDER_EXPERT_REVIEW)
	submitted_sheet(name, cast.expert)  # the document review the typical experience needs
	fields = WITHHELD[DEMONSTRATION_APPLICATION][1].fields
	values = {
		**_marked_values(DEMONSTRATION_APPLICATION, fields, tag),
		"decision": demonstration_workflow.TYPICAL_EXPERIENCE,
	}
	_edit(cast.ministry, DEMONSTRATION_APPLICATION, name, values)

	def decide():
		_edit(cast.ministry, DEMONSTRATION_APPLICATION, name, _decided(DEMONSTRATION_APPLICATION, values))
		act_on_demonstration(cast.ministry, name, demonstration_workflow.PUBLISH)

	return name, values, decide


# a DocType with several withholding states: a maker per declaration (rules/views/withheld.py), in its order
IN_WITHHOLDING_STATE = {
	APPLICATION: _draft_recommendation,
	ANNUAL_WORK_SUMMARY: _inspection_in_progress,
	FINAL_SUMMARY: (_final_check_in_progress, _final_acceptance_in_progress),
	DEMONSTRATION_APPLICATION: (_demonstration_recommendation_draft, _demonstration_decision_draft),
}


def _in_withholding_state(doctype: str, index: int):
	maker = IN_WITHHOLDING_STATE[doctype]
	return maker[index] if isinstance(maker, tuple) else maker


# --- records that their writer may save, by DocType: (name, the writer's cast key) --------------------------


def _draft_application(cast, tag):
	return new_application(tag).name, "applicant"


def _draft_summary(cast, tag):
	return start_summary(cast, make_pilot(cast, tag)), "applicant"


def _pilot(cast, tag):
	return make_pilot(cast, tag), "ministry"


def _draft_sheet(cast, tag):
	application = drive_to(cast, workflow.UNDER_EXPERT_REVIEW, tag)
	return frappe.db.get_value(EXPERT_REVIEW, {"application": application, "expert": cast.expert}), "expert"


def _batch(cast, tag):
	return make_test_batch(), "ministry"


def _cluster(cast, tag):
	return make_test_application_values(OWN_UNIT, cluster_suffix=f"{OWN_UNIT}-{tag}")[
		"industrial_cluster"
	], "applicant"


def _draft_final_summary(cast, tag):
	return final_summary_in(cast, _final_summary_pilot(cast, tag), workflow.DRAFT), "applicant"


def _draft_demonstration(cast, tag):
	return start_demonstration(cast, _demonstration_pilot(cast, tag)), "applicant"


def _draft_demonstration_sheet(cast, tag):
	from cluster_brand.tests.support.demonstration_review import (
		assign,
		expert_of,
		make_application,
		make_round,
	)

	application = make_application(make_round(tag), tag, workflow.UNDER_EXPERT_REVIEW)
	return assign(application, expert_of(cast.expert)), "expert"


def _objection(cast, tag):
	"""An objection to the public notice (issue 22): the ministry writes its handling."""
	application = drive_to(cast, workflow.IN_PUBLIC_NOTICE, tag)
	objection = frappe.get_doc(
		{
			"doctype": "Public Notice Objection",
			"application": application,
			"objector_name": "王五",
			"objector_unit": "某五金制品有限公司",
			"objector_phone": "13812345678",
			"grounds": "申报书所列骨干企业销售收入与统计数据不符。",
		}
	).insert()
	return objection.name, "ministry"


def _pending_registration(cast, tag):
	from cluster_brand.tests.support.registration import make_registration

	return make_registration(tag), "province"


WRITTEN_BY = {
	DEMONSTRATION_APPLICATION: _draft_demonstration,
	FINAL_SUMMARY: _draft_final_summary,
	APPLICATION: _draft_application,
	ANNUAL_WORK_SUMMARY: _draft_summary,
	BRAND_PILOT: _pilot,
	EXPERT_REVIEW: _draft_sheet,
	PILOT_BATCH: _batch,
	"Industrial Cluster": _cluster,
	DEMONSTRATION_REVIEW: _draft_demonstration_sheet,
	"Public Notice Objection": _objection,
	# the registration the province verifies (issue 22): what the unit registered stays as registered
	"Unit Registration": _pending_registration,
}


def _fetched_fields(doctype: str) -> list:
	return [df for df in frappe.get_meta(doctype).fields if df.fetch_from and df.fieldtype not in ("Table",)]


def _other_value(df, current):
	"""A valid value other than ``current`` for a field of ``df``'s type."""
	if df.fieldtype in ("Link", "Dynamic Link"):
		others = frappe.get_all(df.options, {"name": ("!=", current or "")}, pluck="name", limit=1)
		return others[0] if others else None
	if df.fieldtype == "Date":
		return "2001-01-01"
	if df.fieldtype == "Int":
		return (frappe.utils.cint(current) or 0) + 7
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return (frappe.utils.flt(current) or 0) + 12.5 if df.fieldtype != "Percent" else 42.5
	if df.fieldtype == "Check":
		return 0 if frappe.utils.cint(current) else 1
	if df.fieldtype == "Select":
		options = [o for o in (df.options or "").split("\n") if o and o != current]
		return options[0] if options else None
	return f"改写-{df.fieldname}"


def _short(doctype: str) -> str:
	return "".join(word[0] for word in doctype.split()).lower()


def _programme_doctypes(withholding: bool) -> list[str]:
	names = frappe.get_all("DocType", {"module": PROGRAMME_MODULE, "istable": 0}, pluck="name")
	if withholding:
		return [d for d in names if WITHHELD.get(d)]
	return [d for d in names if read_only_fields(d) or _fetched_fields(d)]


@frozen_day(DAY)
class TestWithheld(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cast = make_cast()
		cls.tokens = {key: make_api_user(email, []) for key, email in cls.cast.items()}
		cls.tag = frappe.generate_hash(length=6)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		super().tearDownClass()

	def request(self, who: str, method: str, path: str, body: dict | None = None):
		return rest(method, path, self.tokens[who], body)

	def get(self, who: str, path: str, **params):
		query = urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()})
		return self.request(who, "GET", f"{path}?{query}" if params else path)

	# --- what a state withholds ------------------------------------------------------------------------

	def test_every_withholding_doctype_has_a_record_maker(self):
		self.assertTrue(_programme_doctypes(withholding=True))
		for doctype in _programme_doctypes(withholding=True):
			self.assertIn(doctype, IN_WITHHOLDING_STATE, f"{doctype} withholds fields: add its record maker")

	def readers_of(self, doctype: str, name: str, item) -> list[str]:
		"""The cast's users who read the record although the state withholds the fields from them."""
		readers = []
		for key, (_email, role, _scope) in CAST.items():
			if role in item.shown_to or role in READS_EVERY_STATE:
				continue
			if self.get(key, f"/api/resource/{quote(doctype)}/{quote(name)}").status_code == 200:
				readers.append(key)
		return readers

	def test_what_a_state_withholds_is_withheld_on_every_read_path(self):
		for doctype in _programme_doctypes(withholding=True):
			for index, item in enumerate(WITHHELD[doctype]):
				name, values, _decide = _in_withholding_state(doctype, index)(
					self.cast, f"wh-{self.tag}-{_short(doctype)}{index}"
				)
				frappe.db.commit()
				readers = self.readers_of(doctype, name, item)
				self.assertTrue(
					readers, f"nobody reads {doctype} {name} in {item.states}: the test proves nothing"
				)
				for who in readers:
					for fieldname in item.fields:
						with self.subTest(doctype=doctype, reader=who, field=fieldname):
							self.assert_field_withheld(who, doctype, name, fieldname, values[fieldname])
					with self.subTest(doctype=doctype, reader=who, path="print"):
						self.assert_not_printed(who, doctype, name)
					with self.subTest(doctype=doctype, reader=who, path="reports"):
						self.assert_not_reported(who, doctype, name, item.fields)
				# the reader of every state reads them
				shown = next(k for k, (_e, role, _s) in CAST.items() if role in item.shown_to)
				data = self.get(shown, f"/api/resource/{quote(doctype)}/{quote(name)}").json["data"]
				for fieldname in item.fields:
					self.assertEqual(str(data[fieldname]), str(values[fieldname]))

	def assert_field_withheld(self, who: str, doctype: str, name: str, fieldname: str, value):
		resource = f"/api/resource/{quote(doctype)}"
		by_name = [[doctype, "name", "=", name]]
		# the REST read and the form (with its timeline and versions)
		data = self.get(who, f"{resource}/{quote(name)}").json["data"]
		self.assertFalse(data.get(fieldname), "REST read")
		form = self.get(who, "/api/method/frappe.desk.form.load.getdoc", doctype=doctype, name=name)
		self.assertEqual(form.status_code, 200)
		self.assertFalse(form.json["docs"][0].get(fieldname), "form")
		self.assertNotIn(MARK, form.get_data(as_text=True), "form or timeline")
		# lists: every column, the field named, and counts, groups and sidebar stats by its value
		every = self.get(who, resource, fields=["*"], filters=by_name)
		self.assertEqual(every.status_code, 200)
		self.assertEqual(len(every.json["data"]), 1)
		self.assertFalse(every.json["data"][0].get(fieldname), "REST list of every column")
		self.assertNotIn(MARK, every.get_data(as_text=True))
		named = [
			self.get(who, resource, fields=[fieldname], filters=by_name),
			self.get(who, resource, filters=[[doctype, fieldname, "=", value]]),
			self.get(who, "/api/method/frappe.client.get_list", doctype=doctype, fields=[fieldname]),
			self.get(
				who,
				"/api/method/frappe.desk.reportview.get",
				doctype=doctype,
				fields=[f"`tab{doctype}`.`{fieldname}`"],
				filters=by_name,
			),
			self.get(
				who,
				"/api/method/frappe.desk.reportview.get_count",
				doctype=doctype,
				filters={fieldname: value},
			),
			self.get(
				who,
				"/api/method/frappe.desk.listview.get_group_by_count",
				doctype=doctype,
				current_filters=[],
				field=fieldname,
			),
			self.get(
				who,
				"/api/method/frappe.desk.reportview.get_sidebar_stats",
				doctype=doctype,
				stats=[fieldname],
				filters=[],
			),
			self.get(
				who,
				"/api/method/frappe.desk.reportview.export_query",
				doctype=doctype,
				fields=[fieldname],
				file_format_type="CSV",
			),
			# a number card and a chart defined in the request
			self.get(
				who,
				"/api/method/frappe.desk.doctype.number_card.number_card.get_result",
				doc={
					"document_type": doctype,
					"function": "Count",
					"filters_json": json.dumps([[doctype, fieldname, "=", value]]),
				},
				filters=[],
			),
			self.get(
				who,
				"/api/method/frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
				chart={
					"chart_type": "Group By",
					"document_type": doctype,
					"group_by_type": "Count",
					"group_by_based_on": fieldname,
					"filters_json": "[]",
				},
			),
		]
		for response in named:
			with self.subTest(path=response.request.path if hasattr(response, "request") else ""):
				self.assertIn(response.status_code, REFUSED, response.get_data(as_text=True)[:300])

	def assert_not_printed(self, who: str, doctype: str, name: str):
		"""Every print format: Frappe's Standard, the DocType's own (its default), the page and the PDF."""
		formats = [
			"Standard",
			*frappe.get_all("Print Format", {"doc_type": doctype, "disabled": 0}, pluck="name"),
		]
		for print_format in formats:
			html = self.get(
				who,
				"/api/method/frappe.www.printview.get_html_and_style",
				doc=doctype,
				name=name,
				print_format=print_format,
			)
			self.assertEqual(html.status_code, 200, f"{print_format}: {html.get_data(as_text=True)[-600:]}")
			self.assertNotIn(MARK, html.get_data(as_text=True), print_format)
			page = self.get(who, "/printview", doctype=doctype, name=name, format=print_format)
			self.assertNotIn(MARK, page.get_data(as_text=True), print_format)
		pdf = self.get(
			who,
			"/api/method/frappe.utils.print_format.download_pdf",
			doctype=doctype,
			name=name,
			format="Standard",
		)
		self.assertEqual(pdf.status_code, 200, pdf.get_data()[-600:])
		self.assertEqual(pdf.get_data()[:4], b"%PDF")
		self.assertNotIn(MARK, _pdf_text(pdf.get_data()))

	def assert_not_reported(self, who: str, doctype: str, name: str, fields: tuple[str, ...]):
		"""The programme's reports on the DocType, as the reader runs them on the record's batch."""
		batch = frappe.db.get_value(doctype, name, "pilot_batch")
		reports = frappe.get_all(
			"Report", {"ref_doctype": doctype, "module": PROGRAMME_MODULE, "disabled": 0}, pluck="name"
		)
		for report in reports:
			response = self.get(
				who,
				"/api/method/frappe.desk.query_report.run",
				report_name=report,
				filters={"pilot_batch": batch},
			)
			if response.status_code in REFUSED:
				continue  # the reader may not run it
			self.assertEqual(response.status_code, 200, f"{report}: {response.get_data(as_text=True)[-400:]}")
			self.assertNotIn(MARK, response.get_data(as_text=True), report)
			rows = [
				r for r in response.json["message"]["result"] if isinstance(r, dict) and name in r.values()
			]
			for row in rows:
				for fieldname in set(fields) & set(row):
					self.assertFalse(row[fieldname], f"{report}: {fieldname}")

	def test_what_a_state_withheld_stays_withheld_in_the_history(self):
		for doctype in _programme_doctypes(withholding=True):
			for index, item in enumerate(WITHHELD[doctype]):
				name, _values, decide = _in_withholding_state(doctype, index)(
					self.cast, f"wh-h-{self.tag}-{_short(doctype)}{index}"
				)
				readers = [
					k for k, (_e, role, _s) in CAST.items() if role not in item.shown_to | READS_EVERY_STATE
				]
				decide()
				self.assertNotIn(frappe.db.get_value(doctype, name, "workflow_state"), item.states)
				frappe.db.commit()
				seen, decided = 0, 0
				for who in readers:
					form = self.get(
						who, "/api/method/frappe.desk.form.load.getdoc", doctype=doctype, name=name
					)
					if form.status_code != 200:
						continue
					seen += 1
					with self.subTest(doctype=doctype, reader=who):
						text = form.get_data(as_text=True)
						self.assertNotIn(MARK, text, "a draft in the timeline or versions")
						decided += DECIDED in text
						for record in ("Version", "Comment"):
							listed = self.get(
								who,
								f"/api/resource/{record}",
								fields=["*"],
								filters={
									"ref_doctype" if record == "Version" else "reference_doctype": doctype
								},
								limit_page_length=0,
							)
							self.assertNotIn(MARK, listed.get_data(as_text=True), record)
				self.assertTrue(seen, f"nobody reads {doctype} {name} after {item.states}")
				self.assertTrue(decided, "the decided values are read once the state has passed")

	def test_who_reviews_is_not_who_last_changed_the_application(self):
		name = drive_to(self.cast, workflow.UNDER_EXPERT_REVIEW, f"wh-e-{self.tag}")
		submit_review(self.cast, name)
		self.assertNotIn(
			frappe.db.get_value(APPLICATION, name, "modified_by"), {self.cast.expert, *self.expert_users()}
		)
		frappe.db.commit()
		for who in ("applicant", "province", "association"):
			form = self.get(who, "/api/method/frappe.desk.form.load.getdoc", doctype=APPLICATION, name=name)
			self.assertEqual(form.status_code, 200)
			text = form.get_data(as_text=True)
			for expert in self.expert_users():
				self.assertNotIn(expert, text, who)

	def expert_users(self) -> set[str]:
		return {email for email, role, _scope in CAST.values() if role == "Review Expert"}

	# --- read-only fields ----------------------------------------------------------------------------

	def test_every_doctype_with_read_only_fields_has_a_record_maker(self):
		for doctype in _programme_doctypes(withholding=False):
			self.assertIn(doctype, WRITTEN_BY, f"{doctype} has read-only fields: add its record maker")

	def test_read_only_fields_are_kept_on_every_write_path(self):
		for doctype in _programme_doctypes(withholding=False):
			name, writer = WRITTEN_BY[doctype](self.cast, f"ro-{self.tag}-{_short(doctype)}")
			frappe.db.commit()
			fields = read_only_fields(doctype) + _fetched_fields(doctype)
			for path in ("REST", "desk"):
				saved = frappe.get_doc(doctype, name)
				changed = {}
				for df in fields:
					value = _other_value(df, saved.get(df.fieldname))
					if value is not None and str(value) != str(saved.get(df.fieldname)):
						changed[df.fieldname] = value
				self.assertTrue(changed, doctype)
				response = self.write(writer, doctype, name, changed, path)
				# kept (200), or refused where the new value would take the record from its writer (403)
				self.assertIn(
					response.status_code,
					(200, 403),
					f"{doctype} {path}: {response.get_data(as_text=True)[:500]}",
				)
				frappe.db.rollback()  # read what the request committed
				stored = frappe.get_doc(doctype, name)
				for fieldname in changed:
					with self.subTest(doctype=doctype, path=path, field=fieldname):
						self.assertEqual(str(stored.get(fieldname)), str(saved.get(fieldname)))

	def write(self, who: str, doctype: str, name: str, values: dict, path: str):
		resource = f"/api/resource/{quote(doctype)}/{quote(name)}"
		if path == "REST":
			return self.request(who, "PUT", resource, values)
		doc = self.get(who, resource).json["data"]
		doc.update(values)
		return self.request(
			who,
			"POST",
			"/api/method/frappe.desk.form.save.savedocs",
			{"doc": json.dumps(doc), "action": "Save"},
		)

	def test_a_unit_cannot_date_its_own_submission(self):
		"""The printed summary shows the day it went to the province: the unit cannot write it."""
		name = start_summary(self.cast, make_pilot(self.cast, f"ro-s-{self.tag}"))
		frappe.db.commit()
		response = self.request(
			"applicant",
			"PUT",
			f"/api/resource/{quote(ANNUAL_WORK_SUMMARY)}/{quote(name)}",
			{"submitted_on": "2018-01-02"},
		)
		self.assertEqual(response.status_code, 200)
		self.assertIsNone(frappe.db.get_value(ANNUAL_WORK_SUMMARY, name, "submitted_on"))
