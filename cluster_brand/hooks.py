# hooks.py reads the names it lists from where they are defined: plain modules, light to import
from cluster_brand.doctype_names import CHILD_TABLE_PARENTS, DESK_FORMS
from cluster_brand.rules import MODULE_PROFILE, PROGRAMME_ROLES
from cluster_brand.rules.application import workflow as application_workflow
from cluster_brand.rules.application.workflow import APPLICATION_ACTIONS
from cluster_brand.rules.pilot_end import demonstration_workflow, final_summary_workflow
from cluster_brand.rules.pilot_end.final_summary_workflow import FINAL_SUMMARY_ACTIONS
from cluster_brand.rules.pilot_years import workflow as summary_workflow
from cluster_brand.rules.pilot_years.workflow import SUMMARY_ACTIONS
from cluster_brand.rules.registration import workflow as registration_workflow
from cluster_brand.rules.system_accounts import SYSTEM_ACCOUNT_ROLE
from cluster_brand.rules.views.desk_status import STATUS_BLOCKS

app_name = "cluster_brand"
app_title = "Cluster Brand"
app_publisher = "cluster_brand contributors"
app_description = "MIIT industrial-cluster regional-brand pilot programme (产业集群区域品牌建设试点)"
app_email = "maintainers@example.com"
app_license = "mit"
required_apps = []
# DocType saves in developer mode keep the DF type annotations of the controllers current
export_python_type_annotations = True

# Roles, the provincial authorities and industry associations, and workflow states ship as fixtures;
# they are synced on install and on every migrate. Each list is the one its rules define (tests/test_hooks.py
# holds them to the fixture files).
fixtures = [
	{"dt": "Role", "filters": [["role_name", "in", [*PROGRAMME_ROLES, SYSTEM_ACCOUNT_ROLE]]]},
	{"dt": "Recommending Authority"},
	# the actions of the application's workflow and of the Annual Work Summary Review
	{
		"dt": "Workflow Action Master",
		"filters": [
			[
				"name",
				"in",
				list(
					dict.fromkeys(
						[
							*APPLICATION_ACTIONS,
							*SUMMARY_ACTIONS,
							*FINAL_SUMMARY_ACTIONS,
							*demonstration_workflow.ACTIONS,
							*registration_workflow.ACTIONS,
						]
					)
				),
			]
		],
	},
	{
		"dt": "Workflow",
		"filters": [
			[
				"name",
				"in",
				[
					application_workflow.WORKFLOW,
					summary_workflow.WORKFLOW,
					final_summary_workflow.WORKFLOW,
					demonstration_workflow.WORKFLOW,
					registration_workflow.WORKFLOW,
				],
			]
		],
	},
	# The programme's users see this app's workspaces only: the profile blocks Frappe's modules (landing.py).
	{"dt": "Module Profile", "filters": [["name", "=", MODULE_PROFILE]]},
	# The status block at the top of each role's workspace (desk/status_block.py)
	{"dt": "Custom HTML Block", "filters": [["name", "in", list(STATUS_BLOCKS)]]},
	{
		"dt": "Workflow State",
		"filters": [
			[
				"name",
				"in",
				list(
					dict.fromkeys(
						[
							*application_workflow.STATES,
							*summary_workflow.STATES,
							*final_summary_workflow.STATES,
							*demonstration_workflow.STATES,
							*registration_workflow.STATES,
						]
					)
				),
			]
		],
	},
]

# The print formats (templates/print/) get their data from these helpers; cluster_brand.print.readers reads
# lists from the database with the reader's permissions.
# What every form shares (the refused cell opened, the timeline in Chinese), read from the package as each form
# loads: no asset build, so a checkout under test serves its own copy
doctype_js = {doctype: "public/js/desk_forms.js" for doctype in DESK_FORMS}
# What every list and report view shares (the workflow states in the reader's language)
doctype_list_js = {doctype: "public/js/desk_lists.js" for doctype in DESK_FORMS}
# Frappe's print preview, as the programme's users use it (no language choice: the forms are Chinese)
page_js = {"print": "public/js/print_view.js"}

jinja = {
	"methods": [
		"cluster_brand.print.application.application_print_context",
		"cluster_brand.print.review_forms.recommendation_print_context",
		"cluster_brand.print.review_forms.expert_review_print_context",
		"cluster_brand.print.review_forms.designation_print_context",
		"cluster_brand.print.annual_summary.annual_summary_print_context",
		"cluster_brand.print.final_summary.final_summary_print_context",
		"cluster_brand.print.demonstration.demonstration_print_context",
		"cluster_brand.print.readers.readable",
		"cluster_brand.print.readers.recommended_applications",
		"cluster_brand.print.readers.batch_pilots",
		"cluster_brand.readers.authorities.official_name",
		# the evaluation round's list of demonstration zones and typical experiences
		"cluster_brand.print.demonstration_list.demonstration_list_context",
		"cluster_brand.readers.demonstration_reviews.decided_demonstration_applications",
	]
}

# The desk's PDF button and REST: Frappe's download, with page numbers stamped on the app's print formats
# when wkhtmltopdf cannot draw their footer.
override_whitelisted_methods = {
	"frappe.utils.print_format.download_pdf": "cluster_brand.print.pdf.download_pdf",
	# Frappe's methods that skip row or field rules for the programme's roles, wrapped: one module of
	# cluster_brand/overrides/ per Frappe area, named after it
	"frappe.desk.search.search_link": "cluster_brand.overrides.search.search_link",
	"frappe.client.validate_link": "cluster_brand.overrides.client.validate_link",
	"frappe.client.get_value": "cluster_brand.overrides.client.get_value",
	"frappe.desk.listview.get_group_by_count": "cluster_brand.overrides.listview.get_group_by_count",
	"frappe.desk.form.load.getdoc": "cluster_brand.overrides.form_load.getdoc",
	"frappe.desk.form.load.get_docinfo": "cluster_brand.overrides.form_load.get_docinfo",
	# a refused report is named in the reader's language
	"frappe.desk.query_report.get_script": "cluster_brand.overrides.query_report.get_script",
	"frappe.desk.query_report.run": "cluster_brand.overrides.query_report.run",
	# the workspaces' charts and cards: no field counted that the user may not read, no cache shared across users
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "cluster_brand.overrides.dashboards.get_chart",
	"frappe.desk.doctype.number_card.number_card.get_result": "cluster_brand.overrides.dashboards.get_number_card_result",
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.create_dashboard_settings": "cluster_brand.overrides.dashboards.create_dashboard_settings",
	# the print preview and the bell: a printable document only, the user's own notifications
	"frappe.printing.page.print.print.get_print_settings_to_show": "cluster_brand.overrides.print_settings.get_print_settings_to_show",
	"frappe.desk.doctype.notification_settings.notification_settings.set_seen_value": "cluster_brand.overrides.notification_settings.set_seen_value",
	# the published paths of the batch's one PDF, moved to cluster_brand/api/batch_print.py
	"cluster_brand.batch_print.make_batch_pdf": "cluster_brand.api.batch_print.make_batch_pdf",
	"cluster_brand.batch_print.batch_pdf_status": "cluster_brand.api.batch_print.batch_pdf_status",
	# the published path of a year's summary started from its pilot, moved to the Brand Pilot's folder
	"cluster_brand.pilot_years.start_annual_summary": "cluster_brand.cluster_brand.doctype.brand_pilot.brand_pilot.start_annual_summary",
	# the programme's reports exported as their reader reads them, whoever may read them (issue 23)
	"frappe.desk.query_report.export_query": "cluster_brand.api.report_export.export_query",
}

# Default deny: the programme's roles call only the whitelisted methods of cluster_brand/permissions/allowlist.py.
auth_hooks = [
	# each API key's requests per minute, refused ones too: first (permissions/rate_limit.py; issue 24)
	"cluster_brand.permissions.rate_limit.limit_api_requests",
	"cluster_brand.permissions.allowlist.refuse_unlisted_methods",
	# a combined PDF of a batch's applications is downloaded by its requester only (cluster_brand/print/batch_pdf.py)
	"cluster_brand.permissions.files.refuse_others_batch_pdfs",
	# bad input is the client's error (400 naming the field), never a 500 nor a partial save (request_input.py)
	"cluster_brand.permissions.request_input.refuse_bad_input",
]
# a JSON body that is no JSON fails in Frappe's parsing, before any hook: answered as the client's error
after_request = [
	"cluster_brand.permissions.request_input.answer_malformed_body",
	"cluster_brand.permissions.rate_limit.answer_retry_after",
]
# a system account calls the API with its key and never logs in (accounts/system_accounts.py; issue 24)
on_login = "cluster_brand.accounts.system_accounts.refuse_password_login"

# Row-level isolation: see the package cluster_brand/permissions/.
permission_query_conditions = {
	"Cluster Brand Application": "cluster_brand.permissions.applications.application_query",
	"Expert Review": "cluster_brand.permissions.applications.expert_review_query",
	"Brand Pilot": "cluster_brand.permissions.applications.brand_pilot_query",
	"Organizing Unit": "cluster_brand.permissions.registers.organizing_unit_query",
	"Industrial Cluster": "cluster_brand.permissions.registers.industrial_cluster_query",
	"Workflow Action": "cluster_brand.permissions.frappe_records.workflow_action_query",
	"Recommendation Setting": "cluster_brand.permissions.registers.recommendation_setting_query",
	"Cluster Enterprise": "cluster_brand.permissions.registers.cluster_enterprise_query",
	"Review Expert": "cluster_brand.permissions.registers.review_expert_query",
	"File": "cluster_brand.permissions.files.own_file_query",
	"User": "cluster_brand.permissions.frappe_records.own_user_query",
	# the pilot stage (cluster_brand/permissions/pilot_stage.py)
	"Annual Work Summary": "cluster_brand.permissions.pilot_stage.annual_summary_query",
	"Evaluation Round": "cluster_brand.permissions.registers.evaluation_round_query",
	"Pilot Final Summary": "cluster_brand.permissions.pilot_stage.final_summary_query",
	# the demonstration applications (cluster_brand/permissions/demonstration.py)
	"Demonstration Application": "cluster_brand.permissions.demonstration.demonstration_query",
	# the demonstration applications' review sheets: each expert its own (permissions/demonstration_reviews.py)
	"Demonstration Review": "cluster_brand.permissions.demonstration_reviews.demonstration_review_query",
	# each child table: its rows are visible when its parent is (doctype_names.CHILD_TABLE_PARENTS)
	**{child: "cluster_brand.permissions.child_tables.child_table_query" for child in CHILD_TABLE_PARENTS},
	# the registrations of organizing units: each province its own, the ministry all (issue 22)
	"Unit Registration": "cluster_brand.permissions.registrations.registration_query",
}
has_permission = {
	"Cluster Brand Application": "cluster_brand.permissions.applications.application_has_permission",
	"Expert Review": "cluster_brand.permissions.applications.expert_review_has_permission",
	"Brand Pilot": "cluster_brand.permissions.applications.brand_pilot_has_permission",
	"Organizing Unit": "cluster_brand.permissions.registers.organizing_unit_has_permission",
	"Industrial Cluster": "cluster_brand.permissions.registers.industrial_cluster_has_permission",
	"Workflow Action": "cluster_brand.permissions.frappe_records.workflow_action_has_permission",
	"Recommendation Setting": "cluster_brand.permissions.registers.recommendation_setting_has_permission",
	"Cluster Enterprise": "cluster_brand.permissions.registers.cluster_enterprise_has_permission",
	"Review Expert": "cluster_brand.permissions.registers.review_expert_has_permission",
	"Notification Log": "cluster_brand.permissions.frappe_records.notification_log_has_permission",
	"File": "cluster_brand.permissions.files.file_has_permission",
	"Annual Work Summary": "cluster_brand.permissions.pilot_stage.annual_summary_has_permission",
	"Evaluation Round": "cluster_brand.permissions.registers.evaluation_round_has_permission",
	"Pilot Final Summary": "cluster_brand.permissions.pilot_stage.final_summary_has_permission",
	"Demonstration Application": "cluster_brand.permissions.demonstration.demonstration_has_permission",
	"Demonstration Review": "cluster_brand.permissions.demonstration_reviews.demonstration_review_has_permission",
	"Unit Registration": "cluster_brand.permissions.registrations.registration_has_permission",
}

scheduler_events = {
	"daily": [
		"cluster_brand.notifications.application.send_deadline_reminders",
		# the pilots' annual work summaries, in the week before they are due
		"cluster_brand.notifications.annual_summary.send_summary_reminders",
		# a batch's status follows its stage: its submission deadline passes (issue 19)
		"cluster_brand.cluster_brand.doctype.pilot_batch.pilot_batch.refresh_batch_statuses",
		# the evaluation round's deadlines: final summaries, demonstration applications, recommendations (issue 21)
		"cluster_brand.notifications.deadlines.send_pilot_end_reminders",
	],
}

# --- The desk of a new site and of each role (issue 8) ---------------------------------------------------
# On install, Frappe's setup is completed in the programme's conventions (cluster_brand/install.py), so that no
# user is sent to the setup wizard. A user given a programme role lands on its role's workspace, with the module
# profile that hides Frappe's workspaces; nobody is made System Manager without being given the role (Frappe's
# "at least one System Manager" rule applies once the setup is complete) (cluster_brand/desk/landing.py).
after_install = "cluster_brand.install.after_install"
before_uninstall = "cluster_brand.install.before_uninstall"
# the main indicators and the experts' scores stay blank until typed: their columns accept NULL, and Frappe's
# schema sync keeps them so (cluster_brand/controllers/blank_numbers.py)
before_migrate = [
	"cluster_brand.controllers.blank_numbers.keep_columns_nullable",
	# accounts that hold (issue 22): the roles a site gave a second factor outlive the role fixture's sync
	"cluster_brand.account_security.remember_two_factor_roles",
]
after_migrate = [
	"cluster_brand.controllers.blank_numbers.make_columns_nullable",
	# accounts that hold (issue 22): the programme's System Settings, a site's stricter ones kept
	# (cluster_brand/rules/accounts.py, cluster_brand/account_security.py)
	"cluster_brand.account_security.apply_account_settings",
	# the login page's sign-up opens the registration of organizing units (desk/front_door.py)
	"cluster_brand.desk.front_door.open_front_door",
]
doc_events = {
	"*": {
		"before_validate": [
			# a row sent with the name of a row the document does not have is refused, not lost; impossible
			# dates are refused on every path (request_input.py)
			"cluster_brand.permissions.request_input.check_saved_document",
			# read-only fields keep their saved values on every write path (permissions/read_only.py)
			"cluster_brand.permissions.read_only.keep_read_only_values",
		]
	},
	# the workspace's status comes with its block (cluster_brand/desk/status_block.py)
	"Custom HTML Block": {"onload": "cluster_brand.desk.status_block.prerender_status"},
	"User": {
		"before_validate": [
			"cluster_brand.desk.landing.set_programme_desk",
			# before User.validate, which takes the new password out of the document
			"cluster_brand.accounts.system_accounts.refuse_password",
		],
		"validate": "cluster_brand.desk.landing.no_automatic_system_manager",
	},
	# attachments follow the edit locks of their document (cluster_brand/permissions/files.py)
	"File": {
		"before_insert": "cluster_brand.permissions.files.check_attachment_change",
		"on_trash": "cluster_brand.permissions.files.check_attachment_change",
	},
	# a field added to a programme DocType syncs its table with the blank numbers' columns kept nullable
	# (blank_numbers.py; otherwise MariaDB refuses the sync while a row holds a blank number)
	**{
		doctype: {"before_save": "cluster_brand.controllers.blank_numbers.keep_columns_nullable_hook"}
		for doctype in ("Custom Field", "Property Setter", "DocType")
	},
	# the second factor stays per role: saving System Settings turns it on for every user (account_security.py)
	"System Settings": {"on_update": "cluster_brand.account_security.keep_two_factor_per_role"},
}

# --- What the desk says around each action (issue 19) ----------------------------------------------------------
# the confirmations and the what-happened texts of the workflow actions, translated once per session
# (cluster_brand/desk/workflow_messages.py; shown by public/js/desk_forms.js)
boot_session = [
	"cluster_brand.desk.workflow_messages.boot_session",
	# the batch the workspaces' number cards count (their dynamic filter), named by the status block
	"cluster_brand.desk.status_block.boot_session",
]

# --- The front door: units register and their province verifies them (issue 22) ------------------------------
# The login page's sign-up links to the programme's registration (/register, www/register.py); Frappe's own
# sign-up makes no account (overrides/user.py); an account not yet verified lands on its registration's status.
signup_form_template = "cluster_brand/templates/includes/signup.html"
get_website_user_home_page = "cluster_brand.desk.front_door.website_user_home_page"
override_whitelisted_methods["frappe.core.doctype.user.user.sign_up"] = "cluster_brand.overrides.user.sign_up"
