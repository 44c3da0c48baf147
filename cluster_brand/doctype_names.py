"""The names of the programme's DocTypes that several modules query, each spelled once (plain Python, so that
the rules and the tests read them too)."""

APPLICATION = "Cluster Brand Application"
EXPERT_REVIEW = "Expert Review"
PILOT_BATCH = "Pilot Batch"
BRAND_PILOT = "Brand Pilot"
ANNUAL_WORK_SUMMARY = "Annual Work Summary"

# The module of the programme's DocTypes (their JSON's "module")
PROGRAMME_MODULE = "Cluster Brand"
