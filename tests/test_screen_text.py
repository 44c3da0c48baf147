"""The browser tier's reading of a screen (cluster_brand/tests/support/screen_text.py): which words of the Latin
alphabet are English on a Chinese screen, which are raw values."""

from cluster_brand.tests.support.screen_text import latin_words, raw_and_english


def test_english_words_are_found_beside_chinese_text():
	# what issue 19 saw on the desk's screens
	assert latin_words("第0行Score (0–100)") == ["Score"]
	assert latin_words("是No") == ["No"]
	assert latin_words("从null改为 85") == ["null"]
	assert latin_words("Approved as Pilot、草稿") == ["Approved", "as", "Pilot"]
	assert latin_words("Copy to Clipboard Copy") == ["Copy", "to", "Clipboard"]


def test_allowed_words_identifiers_and_the_test_datas_names_are_not_english():
	text = "导出 PDF 与 Excel，CBA-2017-00001，t.applicant@example.com 创建，walk-3fa9c1，https://x.org/a"
	assert latin_words(text) == []
	assert latin_words("导出Word 下载Excel模板 从Excel导入") == []  # the forms' buttons (issue 23)
	assert latin_words("张三 t.applicant 修改了", names=("t.applicant",)) == []
	# a single letter (a list's initials, a unit) is no word
	assert latin_words("T 个") == []


def test_raw_values_are_told_apart_from_english():
	assert raw_and_english("专家平均分 NaN，从null改为，Draft") == (["NaN", "null"], ["Draft"])
