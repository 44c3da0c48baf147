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
