def execute():
	"""Superseded; its entry stays in patches.txt so that it is not run under this name with new code.

	It turned Expert Review Score.score into text (a Data field: Frappe 15 stores a Float as 0 when nothing is
	entered) and blanked a draft's 0, the Float's default. The score is a Float again, stored NULL until
	entered (cluster_brand/controllers/blank_numbers.py). expert_scores_as_nullable_numbers, run before the model
	sync, turns the text back into numbers on the sites where this ran, and on a site where it has not run
	yet has already blanked a draft's 0 in numbers when this comes: nothing is left to do. A new site marks
	it as run without running it.
	"""
