"""Every item of Annex 2 has a home in the system (the official form is read from the vendored annex)."""

import re
from pathlib import Path

import pytest
from metadata import doctypes, fields, translations

from cluster_brand.rules.application import annex2 as form
from cluster_brand.rules.application.indicators import INDICATORS
from cluster_brand.rules.application.work_plan import WORK_ITEMS

TESTS = Path(__file__).resolve().parents[2]
ANNEX_2 = (TESTS / "data" / "annex2.txt").read_text(encoding="utf-8")
DOCS = (TESTS.parent / "docs" / "official-items.md").read_text(encoding="utf-8")


def normalise(text: str) -> str:
	"""Annex 2 as extracted has stray spaces and half-width brackets; compare without them."""
	text = text.replace("(", "（").replace(")", "）").replace(":", "：")
	return re.sub(r"\s+", "", text)


def annex_prompts() -> list[str]:
	"""The numbered prompts of 第一部分: "一、主导产业简介（…）" → "一、主导产业简介"."""
	prompts = re.findall(r"<p>(.*?)</p>", ANNEX_2)
	return [re.split(r"[（(：:]", normalise(p))[0] for p in prompts]


def test_annex_parses_into_all_prompts():
	# 5 主导产业 + 6 质量基础 + 3 公共服务
	assert len(annex_prompts()) == 14


@pytest.mark.parametrize("prompt", annex_prompts())
def test_every_part_one_prompt_has_a_field(prompt):
	officials = {normalise(i.official) for i in form.items_of(form.APPLICATION, form.PART_1)}
	assert prompt in officials


def test_part_one_vertical_labels():
	for label in ("区域 产业 构成", "主导 产业 情况", "质量 基础 情况", "公共 服务 情况", "主要 指 标 情 况"):
		assert label in ANNEX_2
	officials = {
		form.REGIONAL_INDUSTRY_COMPOSITION[1],
		form.LEADING_INDUSTRY[1],
		form.QUALITY_FOUNDATION[1],
		form.PUBLIC_SERVICES[1],
		form.MAIN_INDICATORS[1],
	}
	assert officials == {"区域产业构成", "主导产业情况", "质量基础情况", "公共服务情况", "主要指标情况"}


def test_every_main_indicator_of_the_annex_is_defined():
	annex_indicators = [normalise(m) for m in re.findall(r"^\t(主导产业[^\t]*)\t", ANNEX_2, re.M)]
	assert len(annex_indicators) == 11
	assert annex_indicators == [normalise(i.official_name) for i in INDICATORS]


def test_every_profile_row_of_the_top_enterprises_has_a_field():
	block = ANNEX_2[ANNEX_2.index("一、重点骨干企业情况") : ANNEX_2.index("二、骨干企业汇总表")]
	labels = {normalise(cell) for line in block.splitlines() for cell in line.split("\t") if cell.strip()}
	labels -= {normalise(x) for x in ("一、重点骨干企业情况（主导产业销售收入排名前三的企业基本情况）",)}
	prompts = {normalise(i.prompt) for i in form.items_of(form.TOP_ENTERPRISE) if i.prompt}
	homes = {normalise(i.official) for i in form.items_of(form.TOP_ENTERPRISE)}
	assert labels - prompts == homes


def test_every_column_of_the_summary_table_has_a_field():
	header = next(line for line in ANNEX_2.splitlines() if line.startswith("序号\t企业名称"))
	columns = {normalise(c) for c in header.split("\t")[1:]}
	assert columns == {normalise(i.official) for i in form.items_of(form.BACKBONE_ENTERPRISE)}


def test_every_part_three_row_has_a_field():
	block = ANNEX_2[ANNEX_2.index("第三部分") : ANNEX_2.index("注：围绕")]
	rows = [line.split("\t")[0] for line in block.splitlines() if "\t" in line]
	assert len(rows) == 8
	assert rows == [i.official for i in form.items_of(form.APPLICATION, form.PART_3)]
	for item in form.items_of(form.APPLICATION, form.PART_3):
		assert normalise(item.prompt) in normalise(block)


def test_every_part_four_heading_has_a_field():
	headings = re.findall(
		r"^([一二三四五六]、\S+)$", ANNEX_2[ANNEX_2.index("第四部分") : ANNEX_2.index("\n附表\n")], re.M
	)
	assert len(headings) == 6
	officials = [i.official for i in form.items_of(form.APPLICATION, form.PART_4)]
	assert all(h in officials for h in headings)


def test_the_work_task_plan_has_every_column_and_work_item():
	header = next(line for line in ANNEX_2.splitlines() if line.startswith("序号\t工作项目"))
	columns = {c for c in header.split("\t")[1:]}
	annex_homes = {i.official for i in form.ITEMS if i.part == form.ANNEX}
	assert columns <= annex_homes
	items = re.findall(r"^(\d)\t(\S+)\t", ANNEX_2[ANNEX_2.index("工作任务计划表") :], re.M)
	assert [(int(n), name) for n, name in items] == [
		(n, zh) for n, (_en, zh) in enumerate(WORK_ITEMS, start=1)
	]


def test_cover_items():
	assert "申报单位" in ANNEX_2 and "申报日期" in ANNEX_2
	assert {"申报单位", "申报日期"} <= {i.official for i in form.items_of(form.APPLICATION, form.COVER)}


@pytest.mark.parametrize("item", form.ITEMS, ids=lambda i: f"{i.doctype}.{i.fieldname}")
def test_every_item_has_a_field_labelled_and_translated_as_the_official_name(item):
	assert item.doctype in doctypes(), item.doctype
	field = fields(item.doctype).get(item.fieldname)
	assert field is not None, f"{item.doctype}.{item.fieldname} does not exist"
	assert field["label"] == item.label
	assert translations()[item.label] == item.official


@pytest.mark.parametrize("item", form.ITEMS, ids=lambda i: f"{i.doctype}.{i.fieldname}")
def test_every_item_is_in_the_mapping_document(item):
	assert f"| {item.official} | {item.doctype} | `{item.fieldname}` |" in DOCS
