"""How each pilot ended, as the 试点进展 report and the workspaces' chart of the pilots' end show it (issue 21):
in pilot, completed (完成试点任务) or not (the ministry's acceptance of its final summary), then for a completed
pilot its demonstration application: applying (submitted, not yet decided), named a demonstration zone (示范区),
its experience recommended (典型经验), or not selected.

Plain data in (each pilot's status, its demonstration application's workflow state as the reader reads them),
labels and counts out."""

from cluster_brand.rules import _
from cluster_brand.rules.pilot_end import demonstration_workflow as demonstration
from cluster_brand.rules.pilot_end.final_summary import PILOT_COMPLETED, PILOT_NOT_COMPLETED

IN_PILOT = "In Pilot"
APPLYING = _("Applying for Demonstration")
# the stages of the pilots' end, in the order the chart shows them (the Brand Pilot's statuses, then the
# demonstration application's)
STAGES = (
	IN_PILOT,
	PILOT_COMPLETED,
	PILOT_NOT_COMPLETED,
	APPLYING,
	demonstration.DEMONSTRATION_ZONE_STATE,
	demonstration.TYPICAL_EXPERIENCE_STATE,
)


def is_applying(application_state: str | None) -> bool:
	"""Past the unit's draft and not yet decided (a returned application is still in the round)."""
	return bool(application_state) and application_state not in (
		demonstration.DRAFT,
		*demonstration.DECIDED,
	)


def demonstration_stage(application_state: str | None) -> str | None:
	"""What a completed pilot's demonstration application says of it: applying, or its end state; None without
	one, or with a draft."""
	if is_applying(application_state):
		return APPLYING
	if application_state in demonstration.DECIDED:
		return application_state
	return None


def pilot_end_counts(pilot_statuses: list[str | None], application_states: list[str | None]) -> dict:
	"""The chart of the pilots' end: the pilots by status, and the demonstration applications applying or ended
	as a demonstration zone or a typical experience; a stage with none is left out."""
	stages = [*pilot_statuses, *(demonstration_stage(state) for state in application_states)]
	counts = {stage: stages.count(stage) for stage in STAGES}
	present = [stage for stage in STAGES if counts[stage]]
	return {
		"labels": present,
		"datasets": [{"name": _("Pilots"), "values": [counts[stage] for stage in present]}],
	}


def pilot_end_columns(pilot_status: str | None, end: dict) -> dict:
	"""The 试点进展 report's columns of the pilot's end, for each row of the pilot: its status, its final summary
	and its state, its demonstration application and how far it went (demonstration_stage). ``end``: the
	pilot's final summary and application as the reader reads them (final_summary, final_summary_state,
	demonstration_application, application_state)."""
	return {
		"pilot_status": pilot_status,
		"final_summary": end.get("final_summary"),
		"final_summary_state": end.get("final_summary_state"),
		"demonstration_application": end.get("demonstration_application"),
		"demonstration_stage": demonstration_stage(end.get("application_state")),
	}
