app_name = "cluster_brand"
app_title = "Cluster Brand"
app_publisher = "cluster_brand contributors"
app_description = "MIIT industrial-cluster regional-brand pilot programme (产业集群区域品牌建设试点)"
app_email = "maintainers@example.com"
app_license = "mit"
required_apps = []

# Roles, the provincial authorities and industry associations, and workflow states ship as fixtures;
# they are synced on install and on every migrate.
fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"role_name",
				"in",
				[
					"Cluster Applicant",
					"Provincial Reviewer",
					"Industry Association",
					"Ministry Administrator",
					"Review Expert",
					"Materials Receiver",
				],
			]
		],
	},
	{"dt": "Recommending Authority"},
	{
		"dt": "Workflow Action Master",
		"filters": [
			[
				"name",
				"in",
				[
					"Submit Application",
					"Resubmit Application",
					"Withdraw",
					"Return for Revision",
					"Recommend",
					"Do Not Recommend",
					"Start Expert Review",
					"Publish for Public Notice",
					"Do Not Select",
					"Approve as Pilot",
				],
			]
		],
	},
	{"dt": "Workflow", "filters": [["name", "=", "Cluster Brand Application Review"]]},
	# The programme's users need the desk's own modules (Core, Desk) and this app's, not the rest.
	{"dt": "Module Profile", "filters": [["name", "=", "Cluster Brand User"]]},
	{
		"dt": "Workflow State",
		"filters": [
			[
				"name",
				"in",
				[
					"Draft",
					"Pending Provincial Review",
					"Returned",
					"Withdrawn",
					"Recommended",
					"Not Recommended",
					"Under Expert Review",
					"In Public Notice",
					"Approved as Pilot",
					"Not Selected",
				],
			]
		],
	},
]

# The print formats (templates/print/) get their data from these helpers; cluster_brand.printing reads
# lists from the database with the reader's permissions.
jinja = {
	"methods": [
		"cluster_brand.print_context.application_print_context",
		"cluster_brand.print_context.recommendation_print_context",
		"cluster_brand.print_context.expert_review_print_context",
		"cluster_brand.print_context.designation_print_context",
		"cluster_brand.printing.recommended_applications",
		"cluster_brand.printing.batch_pilots",
	]
}

# The desk's PDF button and REST: Frappe's download, with page numbers stamped on the app's print formats
# when wkhtmltopdf cannot draw their footer.
override_whitelisted_methods = {
	"frappe.utils.print_format.download_pdf": "cluster_brand.printing.download_pdf"
}

# Row-level isolation: see cluster_brand/permissions.py.
permission_query_conditions = {
	"Cluster Brand Application": "cluster_brand.permissions.application_query",
	"Expert Review": "cluster_brand.permissions.expert_review_query",
	"Brand Pilot": "cluster_brand.permissions.brand_pilot_query",
	"Organizing Unit": "cluster_brand.permissions.organizing_unit_query",
	"Industrial Cluster": "cluster_brand.permissions.industrial_cluster_query",
	"Workflow Action": "cluster_brand.permissions.workflow_action_query",
	"Recommendation Setting": "cluster_brand.permissions.recommendation_setting_query",
}
has_permission = {
	"Cluster Brand Application": "cluster_brand.permissions.application_has_permission",
	"Expert Review": "cluster_brand.permissions.expert_review_has_permission",
	"Brand Pilot": "cluster_brand.permissions.brand_pilot_has_permission",
	"Organizing Unit": "cluster_brand.permissions.organizing_unit_has_permission",
	"Industrial Cluster": "cluster_brand.permissions.industrial_cluster_has_permission",
	"Workflow Action": "cluster_brand.permissions.workflow_action_has_permission",
	"Recommendation Setting": "cluster_brand.permissions.recommendation_setting_has_permission",
}

scheduler_events = {
	"daily": ["cluster_brand.notifications.send_deadline_reminders"],
}
