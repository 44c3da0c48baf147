"""The names of the programme's DocTypes that several modules query, each spelled once (plain Python, so that
the rules and the tests read them too)."""

APPLICATION = "Cluster Brand Application"
EXPERT_REVIEW = "Expert Review"
PILOT_BATCH = "Pilot Batch"
BRAND_PILOT = "Brand Pilot"
ANNUAL_WORK_SUMMARY = "Annual Work Summary"
EVALUATION_ROUND = "Evaluation Round"
FINAL_SUMMARY = "Pilot Final Summary"
DEMONSTRATION_APPLICATION = "Demonstration Application"
DEMONSTRATION_REVIEW = "Demonstration Review"
# an objection to a candidate in the ministry's public notice (公示异议, issue 22)
PUBLIC_NOTICE_OBJECTION = "Public Notice Objection"
# the front door: an organizing unit's registration, verified by its province (issue 22)
UNIT_REGISTRATION = "Unit Registration"

# The module of the programme's DocTypes (their JSON's "module")
PROGRAMME_MODULE = "Cluster Brand"

# Every DocType of the programme that opens as a form of its own (not a child table): each loads the shared
# form script (public/js/desk_forms.js, through hooks.py); tests/test_hooks.py ties it to the JSONs.
DESK_FORMS = (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	APPLICATION,
	EVALUATION_ROUND,
	"Cluster Enterprise",
	EXPERT_REVIEW,
	"Industrial Cluster",
	"Organizing Unit",
	PILOT_BATCH,
	FINAL_SUMMARY,
	DEMONSTRATION_APPLICATION,
	DEMONSTRATION_REVIEW,
	"Recommendation Setting",
	"Recommending Authority",
	"Review Expert",
	PUBLIC_NOTICE_OBJECTION,
	UNIT_REGISTRATION,
)

# Each child table of the programme and the DocType whose rows rules it: its rows are listed when their parent
# is visible (cluster_brand/permissions/child_tables.py, installed for each through hooks.py);
# tests/test_hooks.py ties it to the DocTypes' JSONs.
CHILD_TABLE_PARENTS = {
	"Application Indicator": APPLICATION,
	"Application Derived Indicator": APPLICATION,
	"Application Top Enterprise": APPLICATION,
	"Application Backbone Enterprise": APPLICATION,
	"Application Quantitative Target": APPLICATION,
	"Application Qualitative Target": APPLICATION,
	"Application Funding": APPLICATION,
	"Application Work Item": APPLICATION,
	"Application Task": APPLICATION,
	"Expert Assignment": APPLICATION,
	"Expert Review Score": EXPERT_REVIEW,
	# the pilot stage: the pilot's approved plan, baseline and targets; each year's summary
	"Pilot Measure": BRAND_PILOT,
	"Pilot Baseline Indicator": BRAND_PILOT,
	"Pilot Quantitative Target": BRAND_PILOT,
	"Annual Summary Measure Progress": ANNUAL_WORK_SUMMARY,
	"Annual Summary Indicator": ANNUAL_WORK_SUMMARY,
	"Annual Summary Derived Indicator": ANNUAL_WORK_SUMMARY,
	"Annual Summary Backbone Enterprise": ANNUAL_WORK_SUMMARY,
	"Annual Summary Target Progress": ANNUAL_WORK_SUMMARY,
	"Annual Summary Funding": ANNUAL_WORK_SUMMARY,
	"Annual Summary Self Evaluation": ANNUAL_WORK_SUMMARY,
	# the pilot's end: the ministry's evaluation round of a batch
	"Evaluation Round Quota": EVALUATION_ROUND,
	# the pilot's end: its final summary
	"Final Summary Measure Outcome": FINAL_SUMMARY,
	"Final Summary Indicator": FINAL_SUMMARY,
	"Final Summary Target Outcome": FINAL_SUMMARY,
	"Final Summary Self Evaluation": FINAL_SUMMARY,
	# the pilot's end: the demonstration application and its review sheets
	"Demonstration Ratio Change": DEMONSTRATION_APPLICATION,
	"Demonstration Promotion Activity": DEMONSTRATION_APPLICATION,
	"Demonstration Expert Assignment": DEMONSTRATION_APPLICATION,
	"Demonstration Review Score": DEMONSTRATION_REVIEW,
}
# The child tables of a DocType without row rules (every reader of the DocType reads each of its records): Frappe
# lists their rows with the parent's DocType permission, which is the whole rule; they need no query of their own.
# Review Criterion is also the rubric of an Evaluation Round (its document review and its hearing): the criteria
# of a published notice, read by every reader of the rubrics.
PARENTS_WITHOUT_ROW_RULES = {"Review Criterion": PILOT_BATCH}
