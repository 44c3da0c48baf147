"""The workflow of a Unit Registration (组织实施单位注册, issue 22): registered online, it waits for the unit's
province, which verifies it (the unit, its cluster, the applicant's role and scope are made in that one step) or
rejects it with a reason the unit reads. The ministry may act for any province.

The states and actions are the Workflow record's (fixtures/workflow.json), each spelled once here."""

from cluster_brand.rules import Violation, _
from cluster_brand.rules.application.workflow import ActionText
from cluster_brand.rules.values import as_text

WORKFLOW = "Unit Registration"
PENDING_VERIFICATION = "Pending Verification"
VERIFIED = "Verified"
REJECTED = (
	"Not Verified"  # not Frappe's own 「Rejected」, which its install makes and the uninstall must keep
)
STATES = (PENDING_VERIFICATION, VERIFIED, REJECTED)

VERIFY, REJECT = "Verify Registration", "Reject Registration"
ACTIONS = (VERIFY, REJECT)
# who verifies: the province of the registration (its row rule), or the ministry
VERIFIERS = ("Provincial Reviewer", "Ministry Administrator")

REGISTRATION_ACTIONS = {
	VERIFY: ActionText(
		_(
			"Verify the registration? The organizing unit and its cluster are registered and the account may apply."
		),
		_("The registration has been verified."),
	),
	REJECT: ActionText(
		_("Reject the registration? The unit reads the reason you give."),
		_("The registration has been rejected."),
	),
}
REGISTRATION_NEXT_STEP = {
	VERIFIED: _("Next: the organizing unit logs in and fills in its application."),
	REJECTED: _("The registration has been rejected; the unit may register again."),
}


def check_decision(action: str, rejection_reason) -> list[Violation]:
	"""A rejection states its reason: the unit reads it."""
	if action == REJECT and not as_text(rejection_reason).strip():
		return [
			Violation(
				_("{item} is required to reject a registration."),
				{"item": "Rejection Reason"},
				"rejection_reason",
				translate_args=("item",),
			)
		]
	return []
