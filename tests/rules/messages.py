"""The messages of the violations a rule returns, as the rules' tests compare them."""


def messages(violations):
	return [v.message for v in violations]
