"""cluster_brand/rules/system_accounts.py: a system account's role (either language) and scope, its full name, and
the REST API's rate limit from site_config (issue 24)."""

import csv
import json
from pathlib import Path

import pytest

from cluster_brand.rules import PROGRAMME_ROLES, Violation
from cluster_brand.rules.system_accounts import (
	DEFAULT_RATE_LIMIT,
	NAME_MARK,
	ROLE_NAMES_ZH,
	ROLE_SCOPES,
	SCOPE_NAMES_ZH,
	SYSTEM_ACCOUNT_ROLE,
	RateLimit,
	account_full_name,
	account_role,
	account_scope,
	rate_limit,
)

APP = Path(__file__).resolve().parents[2] / "cluster_brand"


def zh_translations() -> dict:
	with open(APP / "translations" / "zh.csv", encoding="utf-8", newline="") as f:
		return {row[0]: row[1] for row in csv.reader(f) if len(row) >= 2}


def test_a_role_in_either_language():
	assert account_role("Provincial Reviewer") == "Provincial Reviewer"
	assert account_role("省级工业和信息化主管部门") == "Provincial Reviewer"
	assert account_role(" 组织实施单位 ") == "Cluster Applicant"


def test_the_chinese_names_are_the_translations_of_the_roles():
	zh = zh_translations()
	for chinese, role in ROLE_NAMES_ZH.items():
		assert zh[role].startswith(chinese) or chinese.startswith(zh[role]), role
	for chinese, doctype in SCOPE_NAMES_ZH.items():
		assert zh[doctype] == chinese


def test_no_expert_nor_system_manager_is_a_system():
	assert set(ROLE_SCOPES) < set(PROGRAMME_ROLES)
	for role in ("Review Expert", "评审专家", "System Manager", "Administrator", SYSTEM_ACCOUNT_ROLE):
		assert isinstance(account_role(role), Violation), role


def test_a_province_needs_its_authority_and_the_ministry_has_none():
	assert account_scope("Provincial Reviewer", "Recommending Authority=浙江省工业和信息化主管部门") == (
		"Recommending Authority",
		"浙江省工业和信息化主管部门",
	)
	assert account_scope("Provincial Reviewer", "推荐单位 = 浙江省工业和信息化主管部门") == (
		"Recommending Authority",
		"浙江省工业和信息化主管部门",
	)
	assert account_scope("Cluster Applicant", "Organizing Unit=某市人民政府") == (
		"Organizing Unit",
		"某市人民政府",
	)
	assert account_scope("Ministry Administrator", None) is None
	needs = account_scope("Provincial Reviewer", None)
	assert isinstance(needs, Violation) and needs.args == {
		"role": "Provincial Reviewer",
		"doctype": "Recommending Authority",
	}
	# a unit's scope is its unit, not a province; the ministry's is everything
	assert isinstance(
		account_scope("Cluster Applicant", "Recommending Authority=浙江省工业和信息化主管部门"), Violation
	)
	assert isinstance(account_scope("Provincial Reviewer", "Recommending Authority="), Violation)
	assert isinstance(account_scope("Ministry Administrator", "Recommending Authority=x"), Violation)


def test_the_full_name_says_it_is_a_system_once():
	assert account_full_name("浙江省申报管理系统") == "浙江省申报管理系统（接口）"
	assert account_full_name("浙江省申报管理系统（接口）") == "浙江省申报管理系统" + NAME_MARK


def test_the_rate_limit_from_site_config():
	assert rate_limit(None) == DEFAULT_RATE_LIMIT == RateLimit(300, 60)
	assert rate_limit({"limit": 5, "seconds": 10}) == RateLimit(5, 10)
	assert rate_limit({"limit": 5}) == RateLimit(5, 60)
	assert rate_limit(0) is None
	assert rate_limit({"limit": 0}) is None
	with pytest.raises(ValueError):
		rate_limit({"limit": 5, "seconds": 0})
	with pytest.raises(ValueError):
		rate_limit(300)


def test_fixed_windows_and_the_wait_for_the_next():
	limit = RateLimit(limit=5, seconds=60)
	assert limit.window(120.0) == limit.window(179.9) == 2
	assert limit.window(180.0) == 3
	assert limit.retry_after(120.0) == 60
	assert limit.retry_after(179.5) == 1
	assert limit.retry_after(150.2) == 30


def test_the_mark_is_a_role_of_the_fixture_without_desk_nor_second_factor():
	roles = {role["name"]: role for role in json.loads((APP / "fixtures" / "role.json").read_text("utf-8"))}
	assert roles[SYSTEM_ACCOUNT_ROLE]["desk_access"] == 0
	assert roles[SYSTEM_ACCOUNT_ROLE]["two_factor_auth"] == 0
	assert zh_translations()[SYSTEM_ACCOUNT_ROLE] == "接口系统账号"
