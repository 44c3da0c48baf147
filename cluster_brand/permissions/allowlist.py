"""Default deny: the whitelisted methods that the programme's roles may call.

Frappe serves hundreds of whitelisted methods, and several of them skip row-level rules (link search
with ``ignore_user_permissions``, counts, existence checks, likes, mentions, file copies). Rather than
chase them one by one, a user of the programme's roles may call only the methods below: the ones the
desk and the documented REST API need. Every other method is refused before it runs (an ``auth_hooks``
entry, so that it sees the user of a session cookie and of an API token alike). System Managers and
Administrator keep Frappe's whole desk (who is held to the list: ``scope.is_restricted``).

Each method names the test that proves it keeps to the row and field rules; test_allowlist.py enumerates every
whitelisted method of the installed Frappe and fails for one that is neither refused nor proven here.
``scripts/record_desk_methods.py`` lists what the desk calls per role, to keep this list current.
"""

import frappe
from frappe import _

from cluster_brand.permissions.query_fields import QUERY_ARGUMENTS, check_request_query_fields
from cluster_brand.permissions.scope import is_restricted

# method -> the test (cluster_brand/tests/<module>.<Class>.<test>) that proves it keeps to the rules
ALLOWED_METHODS = {
	# session and boot: the user's own data
	# Frappe logs the user in before the auth hooks run, so the login request is the user's already
	"login": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"logout": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.auth.get_logged_user": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.realtime.get_user_info": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.realtime.can_subscribe_doc": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.realtime.can_subscribe_doctype": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.desk.doctype.notification_log.notification_log.get_notification_logs": "test_side_paths.TestSidePaths.test_notification_logs_open_for_their_user_only",
	"frappe.desk.doctype.notification_log.notification_log.mark_as_read": "test_side_paths.TestSidePaths.test_notification_logs_open_for_their_user_only",
	"frappe.desk.doctype.notification_log.notification_log.mark_all_as_read": "test_side_paths.TestSidePaths.test_notification_logs_open_for_their_user_only",
	"frappe.desk.doctype.event.event.get_events": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.desk.listview.get_list_settings": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.model.utils.user_settings.save": "test_side_paths.TestSidePaths.test_own_session_data_only",
	"frappe.model.utils.user_settings.get": "test_side_paths.TestSidePaths.test_own_session_data_only",
	# the desk posts the routes a user visited 10 s after a page opens; refused, every programme user saw an error
	"frappe.desk.doctype.route_history.route_history.deferred_insert": "test_side_paths.TestSidePaths.test_route_history_is_the_users_own",
	# workspaces: their number cards count through the row rules
	"frappe.desk.desktop.get_workspace_sidebar_items": "test_isolation.TestIsolation.test_number_card",
	"frappe.desk.desktop.get_desktop_page": "test_isolation.TestIsolation.test_number_card",
	"frappe.desk.desk_page.getpage": "test_isolation.TestIsolation.test_number_card",
	# lists and reports: the row rules of permissions/, the field levels of query_fields.py
	"frappe.desk.reportview.get": "test_side_paths.TestSidePaths.test_field_levels_in_report_view",
	"frappe.desk.reportview.get_list": "test_isolation.TestIsolation.test_report_view",
	"frappe.client.get_list": "test_isolation.TestIsolation.test_client_get_list_and_value",
	"frappe.desk.reportview.get_count": "test_side_paths.TestSidePaths.test_counts_and_sidebar_stats_follow_the_rules",
	"frappe.desk.reportview.get_sidebar_stats": "test_side_paths.TestSidePaths.test_counts_and_sidebar_stats_follow_the_rules",
	"frappe.desk.reportview.export_query": "test_isolation.TestIsolation.test_export",
	"frappe.desk.listview.get_group_by_count": "test_side_paths.TestSidePaths.test_docinfo_and_group_by_count_name_no_other_user",
	"frappe.desk.query_report.get_script": "test_isolation.TestIsolation.test_ranking_report",
	"frappe.desk.query_report.run": "test_isolation.TestIsolation.test_ranking_report",
	# forms: has_permission, field levels and the edit locks
	"frappe.desk.form.load.getdoctype": "test_isolation.TestIsolation.test_form",
	"frappe.desk.form.load.getdoc": "test_isolation.TestIsolation.test_form",
	"frappe.desk.form.load.get_docinfo": "test_side_paths.TestSidePaths.test_docinfo_and_group_by_count_name_no_other_user",
	"frappe.desk.form.save.savedocs": "test_review_process.TestReviewProcess.test_content_is_locked_once_it_leaves_the_applicant",
	"frappe.desk.form.save.cancel": "test_review_process.TestReviewProcess.test_every_transition_by_its_role_only",
	"frappe.model.workflow.get_transitions": "test_review_process.TestReviewProcess.test_every_transition_by_its_role_only",
	"frappe.model.workflow.apply_workflow": "test_review_process.TestReviewProcess.test_every_transition_by_its_role_only",
	"frappe.client.submit": "test_review_process.TestReviewProcess.test_a_review_is_submitted_with_a_declaration_and_scored_on_the_rubric",
	"frappe.desk.form.utils.add_comment": "test_isolation.TestIsolation.test_form",
	"frappe.desk.search.search_link": "test_side_paths.TestSidePaths.test_link_search_over_http",
	"frappe.client.validate_link": "test_side_paths.TestSidePaths.test_validate_link_answers_only_for_readable_documents",
	"frappe.handler.run_doc_method": "test_allowlist.TestAllowlist.test_listed_methods_are_allowed_and_controller_methods_are_checked",
	"run_doc_method": "test_allowlist.TestAllowlist.test_listed_methods_are_allowed_and_controller_methods_are_checked",
	"cluster_brand.api.check_completeness": "test_isolation.TestIsolation.test_form",
	# the workspaces' charts and number cards (overrides/dashboards.py, the chart sources' get): through the row
	# and field rules, never cached
	"frappe.desk.doctype.number_card.number_card.get_result": "test_isolation.TestIsolation.test_workspace_number_cards",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "test_isolation.TestIsolation.test_workspace_charts",
	"frappe.desk.doctype.dashboard_chart_source.dashboard_chart_source.get_config": "test_isolation.TestIsolation.test_workspace_charts",
	"cluster_brand.cluster_brand.dashboard_chart_source.applications_by_state.applications_by_state.get": "test_isolation.TestIsolation.test_workspace_charts",
	"cluster_brand.cluster_brand.dashboard_chart_source.deadlines_ahead.deadlines_ahead.get": "test_isolation.TestIsolation.test_workspace_charts",
	"cluster_brand.cluster_brand.dashboard_chart_source.score_distribution.score_distribution.get": "test_isolation.TestIsolation.test_score_distribution_is_the_ministrys",
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.create_dashboard_settings": "test_isolation.TestIsolation.test_dashboard_settings_are_the_users_own",
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.save_chart_config": "test_isolation.TestIsolation.test_dashboard_settings_are_the_users_own",
	# the pilot years: a unit starts its summary from its own pilot (brand_pilot.py)
	"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary": "test_pilot_years.TestPilotYears.test_a_unit_starts_its_own_pilots_summary_only",
	# a new evaluation round's rubrics, for the ministry who creates the rounds
	"cluster_brand.cluster_brand.doctype.evaluation_round.evaluation_round.default_rubrics": "test_evaluation_round.TestEvaluationRound.test_a_new_round_starts_from_the_programmes_rubrics",
	"cluster_brand.pilot_years.start_annual_summary": "test_http_pilot_years.TestPilotYearsOverHTTPOn.test_the_pilot_years",
	# the pilot's end: a unit starts its pilot's final summary from its own pilot (brand_pilot.py; issue 21)
	"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_final_summary": "test_final_summary.TestFinalSummary.test_no_one_but_the_unit_starts_it",
	# a completed pilot's unit applies to be a demonstration zone from its own pilot (brand_pilot.py; issue 21)
	"cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_demonstration_application": "test_demonstration_application.TestDemonstrationApplication.test_no_one_but_the_unit_starts_it",
	# a unit copies its own application into a later open batch (application_copy.py; issue 19)
	"cluster_brand.cluster_brand.doctype.cluster_brand_application.application_copy.copy_to_batch": "test_application_copy.TestApplicationCopy.test_refused_across_units",
	# the receiver records several applications' paper copies at once (paper_copies.py; issue 19)
	"cluster_brand.cluster_brand.doctype.cluster_brand_application.paper_copies.record_paper_copies": "test_receiver_and_batch.TestReceiverAndBatch.test_paper_copies_of_several_applications_at_once",
	# a list's selected rows: the workflow actions they have in common, each row read under its permission
	"frappe.model.workflow.get_common_transition_actions": "test_receiver_and_batch.TestReceiverAndBatch.test_common_actions_of_selected_rows_are_read_under_their_permission",
	# the status block of each role's workspace
	"cluster_brand.desk.status_block.get_desk_status": "test_desk_status.TestDeskStatus.test_each_role_sees_only_its_own_work",
	# attachments: File permissions and the edit locks
	"upload_file": "test_side_paths.TestSidePaths.test_attachments_are_locked_with_the_application",
	"frappe.handler.upload_file": "test_side_paths.TestSidePaths.test_attachments_are_locked_with_the_application",
	"frappe.desk.form.utils.remove_attach": "test_side_paths.TestSidePaths.test_attachments_are_locked_with_the_application",
	# print
	"frappe.utils.print_format.download_pdf": "test_isolation.TestIsolation.test_print_and_pdf",
	"frappe.www.printview.get_html_and_style": "test_isolation.TestIsolation.test_print_and_pdf",
	# the batch's applications as one PDF (api/batch_print.py): what the caller may print, its own file only;
	# at their published paths too (override_whitelisted_methods in hooks.py)
	"cluster_brand.api.batch_print.make_batch_pdf": "test_batch_print.TestBatchPrint.test_a_province_prints_its_own_and_reads_no_other_file",
	"cluster_brand.api.batch_print.batch_pdf_status": "test_batch_print.TestBatchPrint.test_progress_is_the_requesters_own",
	"cluster_brand.batch_print.make_batch_pdf": "test_batch_print.TestBatchPrint.test_the_published_paths_answer_as_the_new_ones",
	"cluster_brand.batch_print.batch_pdf_status": "test_batch_print.TestBatchPrint.test_the_published_paths_answer_as_the_new_ones",
	# the desk's print preview, bell and quick entry (overrides/print_settings.py, client.py,
	# notification_settings.py; issue 19)
	"frappe.printing.page.print.print.get_print_settings_to_show": "test_desk_features.TestDeskFeatures.test_print_settings_for_a_printable_document_only",
	"frappe.client.get_value": "test_desk_features.TestDeskFeatures.test_get_value_keeps_to_the_row_and_field_rules",
	"frappe.desk.doctype.notification_log.notification_log.trigger_indicator_hide": "test_desk_features.TestDeskFeatures.test_the_bell_marks_the_users_own_notifications_seen",
	"frappe.desk.doctype.notification_settings.notification_settings.set_seen_value": "test_desk_features.TestDeskFeatures.test_the_bell_marks_the_users_own_notifications_seen",
	# the pilots' end chart of the ministry's and the provinces' workspaces (issue 21): through the row rules
	"cluster_brand.cluster_brand.dashboard_chart_source.end_of_the_pilots.end_of_the_pilots.get": "test_pilot_end_views.TestPilotEndViews.test_the_chart_of_the_pilots_end",
	# the integrators' REST (api/documents.py; issue 24): one call per document, as the desk's save and workflow
	"cluster_brand.api.documents.get": "test_http_documents.TestDocumentsOverHTTP.test_each_reads_only_its_own",
	"cluster_brand.api.documents.save": "test_http_documents.TestDocumentsOverHTTP.test_the_whole_process_in_chinese_names",
	"cluster_brand.api.documents.act": "test_http_documents.TestDocumentsOverHTTP.test_the_whole_process_in_chinese_names",
	# Word export (issue 23, api/word_export.py): the 申报书 and the annual work summary as .docx, read as in print
	"cluster_brand.api.word_export.application_docx": "test_word_export.TestWordExport.test_the_application_for_its_readers_only",
	"cluster_brand.api.word_export.annual_summary_docx": "test_word_export.TestWordExport.test_the_summary_for_its_readers_only",
	# the reports' Excel export (api/report_export.py; issue 23): what the reader reads on screen, the
	# programme's reports by Frappe's export path too (override_whitelisted_methods)
	"cluster_brand.api.report_export.export_report": "test_report_export.TestReportExport.test_each_reader_exports_the_rows_the_screen_shows",
	"frappe.desk.query_report.export_query": "test_report_export.TestReportExport.test_frappes_export_of_a_programme_report_is_the_readers_sheet",
	# the 申报书's tables from Excel (issue 23, api/application_import.py): the application's readers and writers
	# only, in the states the unit edits it
	"cluster_brand.api.application_import.download_template": "test_application_import.TestApplicationImport.test_another_units_application_is_refused",
	"cluster_brand.api.application_import.import_table": "test_application_import.TestApplicationImport.test_a_submitted_application_is_refused",
	# the API's OpenAPI document (api/openapi.py; issue 24): a contract, no data; guests read it too
	"cluster_brand.api.openapi.document": "test_openapi.TestOpenAPI.test_a_programme_user_reads_it_too",
}

# The workspace's chart widget reads its chart's definition with frappe.client.get (to show when it was last
# synced): that method for these DocTypes only, under Frappe's own permission of the document.
CLIENT_GET = "frappe.client.get"
CLIENT_GET_DOCTYPES = frozenset({"Dashboard Chart"})

# The quick entry (「添加 集群企业」) inserts with frappe.client.save: a new document of these DocTypes only, under
# its controller's permission (test_desk_features ...test_quick_entry_inserts_only).
CLIENT_SAVE = "frappe.client.save"
QUICK_ENTRY_DOCTYPES = frozenset({"Cluster Enterprise"})

# Controller methods that run_doc_method may run for these roles: (DocType, method)
ALLOWED_DOC_METHODS = frozenset(
	{("Cluster Brand Application", "check_completeness"), ("Annual Work Summary", "check_completeness")}
)

RUN_DOC_METHOD = ("run_doc_method", "frappe.handler.run_doc_method")
# upload_file's own ``method`` argument calls any whitelisted method after the upload: not for these users
UPLOAD_FILE = ("upload_file", "frappe.handler.upload_file")


def is_allowed(method: str, doctype: str | None = None, doc_method: str | None = None) -> bool:
	if method in RUN_DOC_METHOD:
		return (doctype, doc_method) in ALLOWED_DOC_METHODS
	if method in UPLOAD_FILE and doc_method:
		return False
	return method in ALLOWED_METHODS


def api_route() -> tuple | None:
	"""(endpoint, arguments) of this request in Frappe's /api/ URL map, matched once per request (the
	allowlist and the input guard both read it); None for another path, or one Frappe answers 404/405."""
	request = getattr(frappe.local, "request", None)
	if request is None or not request.path.startswith("/api/"):
		return None
	key = "cluster_brand.api_route"
	if key not in request.environ:
		from frappe.api import API_URL_MAP
		from werkzeug.exceptions import HTTPException

		try:
			request.environ[key] = API_URL_MAP.bind_to_environ(request.environ).match()
		except HTTPException:
			request.environ[key] = None
	return request.environ[key]


def requested_call() -> tuple[str, str | None, str | None] | None:
	"""(method, DocType, controller method) that this request calls: the method is "document_list" for a
	list read through /api/resource; None for any other document read or write (the document permissions
	apply), a page or a file. Reads the request, never changes it."""
	form = frappe.form_dict
	if form.get("cmd"):
		return form.cmd, _doc_method_doctype(form), form.get("method")
	route = api_route()
	if route is None:
		return None
	endpoint, arguments = route
	name = getattr(endpoint, "__name__", "")
	if name == "handle_rpc_call":
		method = arguments["method"].split("/")[0]
		if arguments.get("doctype"):  # /api/v2/method/<doctype>/<method>: a DocType module's function
			return f"{arguments['doctype']}:{method}", None, None
		return method, _doc_method_doctype(form), form.get("method")
	if name == "execute_doc_method":
		return "run_doc_method", arguments.get("doctype"), arguments.get("method") or form.get("run_method")
	if name == "document_list":
		return "document_list", arguments.get("doctype"), None
	if name in ("create_doc", "read_doc", "update_doc", "delete_doc", "ping"):
		return None
	if name == "<lambda>":  # /api/v2/method/run_doc_method
		return "run_doc_method", _doc_method_doctype(form), form.get("method")
	return f"frappe.api.v2.{name}", None, None  # login, logout, upload_file, meta, count of /api/v2


def is_quick_entry_insert(doc) -> bool:
	"""A new document (Document.save inserts it) of a quick entry's DocType, saved as a draft."""
	try:
		doc = frappe.parse_json(doc) if isinstance(doc, str) else doc
	except Exception:
		return False
	return (
		isinstance(doc, dict)
		and doc.get("doctype") in QUICK_ENTRY_DOCTYPES
		and bool(doc.get("__islocal") or not doc.get("name"))
		and not doc.get("docstatus")
	)


def _doc_method_doctype(form) -> str | None:
	if form.get("dt"):
		return form.dt
	docs = form.get("docs")
	if docs:
		try:
			return frappe.parse_json(docs).get("doctype")
		except Exception:
			return None
	return None


def refuse_unlisted_methods():
	"""auth_hooks entry: runs once the request's user is known, before any method runs."""
	call = requested_call()
	if call is None or not is_restricted():
		return
	method, doctype, doc_method = call
	if method == "document_list" or method in QUERY_ARGUMENTS:
		check_request_query_fields(method, doctype if method == "document_list" else None)
		if method == "document_list":
			return
	if method == CLIENT_GET and frappe.form_dict.get("doctype") in CLIENT_GET_DOCTYPES:
		return
	if method == CLIENT_SAVE and is_quick_entry_insert(frappe.form_dict.get("doc")):
		return
	if not is_allowed(method, doctype, doc_method):
		frappe.throw(
			_("This function is not available to the users of the programme: {0}").format(
				f"{method}:{doc_method}" if method in RUN_DOC_METHOD else method
			),
			frappe.PermissionError,
		)
