"""The names of the programme's DocTypes that several modules query, each spelled once (plain Python, so that
the rules and the tests read them too)."""

APPLICATION = "Cluster Brand Application"
EXPERT_REVIEW = "Expert Review"
PILOT_BATCH = "Pilot Batch"
BRAND_PILOT = "Brand Pilot"
ANNUAL_WORK_SUMMARY = "Annual Work Summary"

# The module of the programme's DocTypes (their JSON's "module")
PROGRAMME_MODULE = "Cluster Brand"

# Every DocType of the programme that opens as a form of its own (not a child table): each loads the shared
# form script (public/js/desk_forms.js, through hooks.py); tests/test_doctype_names.py ties it to the JSONs.
DESK_FORMS = (
	ANNUAL_WORK_SUMMARY,
	BRAND_PILOT,
	APPLICATION,
	"Cluster Enterprise",
	EXPERT_REVIEW,
	"Industrial Cluster",
	"Organizing Unit",
	PILOT_BATCH,
	"Recommendation Setting",
	"Recommending Authority",
	"Review Expert",
)
