import pytest

from cluster_brand.rules.formats import (
	CREDIT_CODE_CHARSET,
	check_format,
	credit_code_check_character,
	is_valid_credit_code,
	is_valid_email,
	is_valid_mobile,
	is_valid_phone,
)


@pytest.mark.parametrize(
	"code",
	[
		"91350100M000100Y43",
		"91350100m000100y43",
		"11330000002482061F"[:17] + credit_code_check_character("11330000002482061F"[:17]),
	],
)
def test_valid_credit_codes(code):
	assert is_valid_credit_code(code)


@pytest.mark.parametrize(
	"code",
	[
		"91350100M000100Y44",  # wrong check character
		"91350100M000100Y4",  # 17 characters
		"91350100M000100Y433",  # 19 characters
		"91350100M0001O0Y43",  # letter O is not in the GB 32100 character set
		"91AB0100M000100Y43",  # region code must be digits
		"",
	],
)
def test_invalid_credit_codes(code):
	assert not is_valid_credit_code(code)


def test_every_single_character_change_is_detected():
	code = "91350100M000100Y43"
	for position in range(17):
		for ch in CREDIT_CODE_CHARSET:
			if ch != code[position]:
				changed = code[:position] + ch + code[position + 1 :]
				assert not is_valid_credit_code(changed), changed


@pytest.mark.parametrize(
	"phone",
	["010-68205252", "010—68205252", "0571-88886666", "057188886666", "010-84380347-123", "400-810-8888"],
)
def test_valid_phones(phone):
	assert is_valid_phone(phone)


@pytest.mark.parametrize("phone", ["68205252", "010-6820", "abc", "13812345678x"])
def test_invalid_phones(phone):
	assert not is_valid_phone(phone)


def test_mobiles_and_emails():
	assert is_valid_mobile("18210235862") and is_valid_mobile("+86 13812345678")
	assert not is_valid_mobile("12812345678") and not is_valid_mobile("1381234567")
	assert is_valid_email("liu.jing@cacs.example.cn")
	assert not is_valid_email("liu.jing@") and not is_valid_email("liu jing@example.cn")


def test_empty_values_are_left_to_the_completeness_check():
	assert check_format("mobile", "", "Mobile") is None
	assert check_format("mobile", None, "Mobile") is None


def test_violation_names_the_item_and_value():
	v = check_format(
		"credit_code", "91350100M000100Y44", "Unified Social Credit Code", "unified_social_credit_code"
	)
	assert v.args == {"item": "Unified Social Credit Code", "value": "91350100M000100Y44"}
	assert v.fieldname == "unified_social_credit_code" and "item" in v.translate_args
