from cluster_brand.rules.formats import credit_code_check_character
from cluster_brand.rules.registration.form import (
	JOIN_UNIT,
	NEW_UNIT,
	UNIT_TYPES,
	check_credit_code_free,
	check_registration,
)

FIRST17 = "11330100MB0000001"
CODE = FIRST17 + credit_code_check_character(FIRST17)
VALID = {
	"registration_kind": NEW_UNIT,
	"unit_name": "某市经济开发区管理委员会",
	"unit_type": "Government Management Agency of the Locality",
	"unified_social_credit_code": CODE,
	"recommending_authority": "浙江省工业和信息化主管部门",
	"cluster_name": "某市纺织产业集群",
	"leading_industry": "纺织",
	"industry_sector": "Textiles",
	"contact_person": "张三",
	"mobile": "13812345678",
	"email": "zhang@example.com",
}


def fields_of(violations):
	return [v.fieldname for v in violations]


def test_a_complete_registration_passes():
	assert check_registration(VALID, ("Textiles", "Machinery")) == []


def test_both_government_levels_are_accepted():
	# the notice says 县级以上, Annex 1 县级以下: record the type, reject neither
	for unit_type in UNIT_TYPES:
		assert check_registration({**VALID, "unit_type": unit_type}) == []


def test_each_missing_item_is_named():
	for fieldname in VALID:
		if fieldname == "registration_kind":
			continue
		violations = check_registration({**VALID, fieldname: " "})
		assert fields_of(violations) == [fieldname], fieldname
		assert violations[0].message == "{item} is required."


def test_joining_needs_no_cluster_nor_type():
	joining = {"registration_kind": JOIN_UNIT, "unified_social_credit_code": CODE, "contact_person": "李四"}
	assert check_registration({**joining, "mobile": "13912345678", "email": "li@example.com"}) == []
	assert fields_of(check_registration(joining)) == ["mobile", "email"]


def test_formats_are_checked():
	violations = check_registration(
		{**VALID, "unified_social_credit_code": CODE[:-1] + "0", "mobile": "1234", "email": "no-at"}
	)
	assert fields_of(violations) == ["unified_social_credit_code", "mobile", "email"]


def test_choices_are_checked():
	assert fields_of(check_registration({**VALID, "unit_type": "Company"})) == ["unit_type"]
	assert fields_of(check_registration({**VALID, "industry_sector": "Space"}, ("Textiles",))) == [
		"industry_sector"
	]
	assert fields_of(check_registration({**VALID, "registration_kind": "Other"})) == ["registration_kind"]


def test_a_registered_code_names_the_province_to_contact():
	violation = check_credit_code_free(NEW_UNIT, CODE.lower(), "浙江省工业和信息化主管部门", None)
	assert violation.args["province"] == "浙江省工业和信息化主管部门"
	assert violation.args["code"] == CODE
	pending = check_credit_code_free(NEW_UNIT, CODE, None, "山东省工业和信息化主管部门")
	assert pending.args["province"] == "山东省工业和信息化主管部门"
	assert check_credit_code_free(NEW_UNIT, CODE, None, None) is None


def test_joining_names_a_registered_unit():
	assert check_credit_code_free(JOIN_UNIT, CODE, "浙江省工业和信息化主管部门", None) is None
	assert check_credit_code_free(JOIN_UNIT, CODE, None, "浙江省工业和信息化主管部门").fieldname == (
		"unified_social_credit_code"
	)


def test_registered_names_are_refused():
	from cluster_brand.rules.registration.form import check_names_free

	assert check_names_free(False, False) == []
	assert fields_of(check_names_free(True, True)) == ["unit_name", "cluster_name"]


def test_an_address_with_an_account_is_refused():
	from cluster_brand.rules.registration.form import check_account_free

	assert check_account_free("a@example.com", False) == []
	assert fields_of(check_account_free("a@example.com", True)) == ["email"]
