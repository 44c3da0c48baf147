"""Who of the cast (support/process.py make_cast) sees which record: the expectations that the isolation tests
hold in process (test_isolation.py) and over HTTP (test_http_process.py, test_http_pilot_years.py,
test_side_paths.py, test_print_annual_summary.py; test_system_accounts.py for a system account of each role and
scope)."""

# Who sees the Zhejiang machinery application of the test unit while it is under expert review,
# assigned to "expert".
SEES = {
	"applicant": True,
	"other_applicant": False,
	"province": True,
	"other_province": False,
	"association": True,
	"other_association": False,
	"ministry": True,
	"receiver": True,
	"expert": True,
	"other_expert": False,
	"zhejiang_expert": False,
}
# Who sees the test unit's Annual Work Summary once submitted to Zhejiang (its draft of the next year: the
# unit and the ministry only).
SEES_SUMMARY = {
	"applicant": True,
	"other_applicant": False,
	"province": True,
	"other_province": False,
	"association": False,
	"other_association": False,
	"ministry": True,
	"receiver": False,
	"expert": False,
	"other_expert": False,
	"zhejiang_expert": False,
}
SEES_DRAFT_SUMMARY = {key: key in ("applicant", "ministry") for key in SEES_SUMMARY}
# Who reads the evaluation round of the test unit's pilot's batch (the ministry's notice: every province,
# association and expert as for Pilot Batch; a unit for its own pilots' batch only; the materials receiver not).
SEES_EVALUATION_ROUND = {
	"applicant": True,
	"other_applicant": False,
	"province": True,
	"other_province": True,
	"association": True,
	"other_association": True,
	"ministry": True,
	"receiver": False,
	"expert": True,
	"other_expert": True,
	"zhejiang_expert": True,
}
# Who sees the test unit's Pilot Final Summary once submitted to Zhejiang: as its annual summaries (a draft: the
# unit and the ministry only).
SEES_FINAL_SUMMARY = dict(SEES_SUMMARY)
# Who sees the test unit's Demonstration Application under expert review, assigned to "expert": its unit, its
# province, the ministry and the expert assigned; no association, receiver or other expert.
SEES_DEMONSTRATION = {
	**{key: False for key in SEES_SUMMARY},
	"applicant": True,
	"province": True,
	"ministry": True,
	"expert": True,
}
# Who sees the Demonstration Review sheet of "expert" on a Zhejiang demonstration application (issue 21): the
# expert it is assigned to and the ministry; no other expert, nor any unit, province, association or receiver.
SEES_DEMONSTRATION_REVIEW = {key: key in ("expert", "ministry") for key in SEES}
# Who reads an objection to a candidate in public notice (公示异议, issue 22), and the File of its evidence: the
# ministry alone — not the candidate's unit, its province, an association, an expert nor the receiver.
SEES_OBJECTION = {key: key == "ministry" for key in SEES}
# Who reads a Zhejiang unit's registration (issue 22): the province that verifies it and the ministry; no unit,
# other province, association, expert or receiver (the account itself reads it on /registration-status only).
SEES_REGISTRATION = {key: key in ("province", "ministry") for key in SEES}
