"""cluster_brand/rules/accounts.py: which of a site's System Settings are at least as strict as the
programme's (kept) and which are looser (raised), and the role fixture's second factor."""

import json
from pathlib import Path

import pytest

from cluster_brand.rules import PROGRAMME_ROLES
from cluster_brand.rules.accounts import (
	ACCOUNT_SETTINGS,
	AT_LEAST,
	AT_MOST,
	FEWER,
	HOURS_AT_MOST,
	NAMED,
	OFF,
	ON,
	RANKED,
	TWO_FACTOR_ROLES,
	changes,
	holds,
)

SETTINGS = {setting.fieldname: setting for setting in ACCOUNT_SETTINGS}
ROLE_FIXTURE = Path(__file__).resolve().parents[2] / "cluster_brand" / "fixtures" / "role.json"


def test_the_programme_values_hold_and_a_site_of_them_changes_nothing():
	programme = {setting.fieldname: setting.value for setting in ACCOUNT_SETTINGS}
	assert all(holds(setting, setting.value) for setting in ACCOUNT_SETTINGS)
	assert changes(programme) == {}


def test_frappes_defaults_are_raised():
	# a new Frappe site's System Settings (system_settings.json's defaults; blanks for max_file_size and the
	# file types)
	frappe_defaults = {
		"enable_password_policy": 1,
		"minimum_password_score": "2",
		"allow_consecutive_login_attempts": 10,
		"allow_login_after_fail": 60,
		"session_expiry": "170:00",
		"enable_two_factor_auth": 0,
		"two_factor_method": "OTP App",
		"otp_issuer_name": "Frappe Framework",
		"bypass_2fa_for_retricted_ip_users": 0,
		"bypass_restrict_ip_check_if_2fa_enabled": 0,
		"login_with_email_link": 1,
		"reset_password_link_expiry_duration": 1200,
		"password_reset_limit": 3,
		"logout_on_password_reset": 1,
		"allowed_file_extensions": None,
		"max_file_size": None,
		"strip_exif_metadata_from_uploaded_images": 1,
		"disable_document_sharing": 0,
		"allow_error_traceback": 1,
	}
	assert set(changes(frappe_defaults)) == {
		"minimum_password_score",
		"allow_consecutive_login_attempts",
		"allow_login_after_fail",
		"session_expiry",
		"enable_two_factor_auth",
		"otp_issuer_name",
		"login_with_email_link",
		"allowed_file_extensions",
		"max_file_size",
		"disable_document_sharing",
		"allow_error_traceback",
	}
	assert changes(frappe_defaults)["minimum_password_score"] == "3"
	assert changes(frappe_defaults)["allow_error_traceback"] == 0


@pytest.mark.parametrize(
	"fieldname, stricter, looser",
	[
		("minimum_password_score", ["3", "4", 4], ["2", "", None, "x"]),
		("allow_consecutive_login_attempts", [5, 3, 1, "2"], [6, 10, 0, None]),  # 0: no lockout at all
		("allow_login_after_fail", [600, 3600], [599, 60, 0, None]),
		("session_expiry", ["04:00", "01:30", "0:45"], ["04:01", "170:00", "", None, "soon"]),
		("reset_password_link_expiry_duration", [1200, 600], [1201, 0, None]),  # 0: the link never expires
		("password_reset_limit", [3, 1], [4, 0]),  # 0: Frappe's own three
		("max_file_size", [20, 5], [21, 0, None]),  # blank: Frappe's 25 MB
		("allowed_file_extensions", ["PDF", "pdf\nJPG", "PDF\nDOCX\n"], ["PDF\nEXE", "", None, "HTML"]),
		("two_factor_method", ["OTP App"], ["Email", "SMS", "", None]),
		("enable_two_factor_auth", [1], [0, None]),
		("allow_error_traceback", [0, None], [1]),
		("disable_document_sharing", [1], [0]),
		("login_with_email_link", [0], [1]),
		("otp_issuer_name", ["产业集群区域品牌建设试点", "某省工信厅"], ["Frappe Framework", "", None]),
	],
)
def test_a_stricter_value_stays_and_a_looser_one_is_raised(fieldname, stricter, looser):
	setting = SETTINGS[fieldname]
	for value in stricter:
		assert holds(setting, value), value
		assert fieldname not in changes({**_programme(), fieldname: value})
	for value in looser:
		assert not holds(setting, value), value
		assert changes({**_programme(), fieldname: value}) == {fieldname: setting.value}


def test_a_site_keeps_the_settings_it_names_as_its_own():
	looser = {**_programme(), "session_expiry": "170:00", "max_file_size": 100}
	assert changes(looser, own={"session_expiry"}) == {"max_file_size": 20}


def test_each_setting_has_a_known_direction_and_a_ranked_value_in_its_ranking():
	for setting in ACCOUNT_SETTINGS:
		assert setting.stricter in (AT_LEAST, AT_MOST, ON, OFF, HOURS_AT_MOST, FEWER, RANKED, NAMED)
		if setting.stricter == RANKED:
			assert setting.value in setting.ranking
	assert len(SETTINGS) == len(ACCOUNT_SETTINGS)  # each setting declared once


def test_the_file_types_are_pdf_images_and_office_documents_only():
	types = set(SETTINGS["allowed_file_extensions"].value.split("\n"))
	assert {"PDF", "JPG", "JPEG", "PNG", "DOC", "DOCX", "XLS", "XLSX"} <= types
	assert not types & {"HTML", "HTM", "SVG", "JS", "EXE", "PHP", "ZIP", "XML"}  # what runs or hides code


def test_the_role_fixture_gives_the_second_factor_to_the_roles_that_decide_and_score():
	roles = {role["name"]: role for role in json.loads(ROLE_FIXTURE.read_text(encoding="utf-8"))}
	assert set(TWO_FACTOR_ROLES) <= set(PROGRAMME_ROLES)
	assert {name for name, role in roles.items() if role["two_factor_auth"]} == set(TWO_FACTOR_ROLES)


def _programme() -> dict:
	return {setting.fieldname: setting.value for setting in ACCOUNT_SETTINGS}
