"""The 年度工作总结 as a .docx, read back with python-docx: its title, the sections' headings, the tables' cells
as the print format has them, the blank form, the province's inspection only once recorded."""

import re
from io import BytesIO

import docx
import pytest
from sample_summary import complete_summary

from cluster_brand.office.annual_summary_docx import annual_summary_docx
from cluster_brand.print.annual_summary import (
	BACKBONE_COLUMNS,
	EVALUATION_COLUMNS,
	FUNDING_COLUMNS,
	PROGRESS_COLUMNS,
	TARGET_COLUMNS,
)
from cluster_brand.rules.application.work_plan import WORK_ITEMS
from cluster_brand.rules.pilot_years import indicators as summary_indicators

AUTHORITY = "浙江省经济和信息化委员会"
HEADINGS = [
	"一、工作任务计划表完成情况",
	"二、主要指标情况",
	"三、骨干企业情况",
	"四、定量指标完成情况",
	"五、政策和资金落实情况",
	"六、自我评价情况",
	"七、工作成效",
	"八、存在问题",
	"九、下一步计划",
]


def summary() -> dict:
	return {
		**complete_summary(),
		"industrial_cluster": "青溪县五金工具产业集群",
		"organizing_unit": "青溪县人民政府",
	}


def read(doc, authority="") -> docx.Document:
	return docx.Document(BytesIO(annual_summary_docx(doc, authority)))


@pytest.fixture(scope="module")
def full():
	return read(summary(), AUTHORITY)


@pytest.fixture(scope="module")
def empty():
	return read({})


def texts(document) -> list[str]:
	return [p.text for p in document.paragraphs]


def rows(table) -> list[list[str]]:
	return [[c.text for c in row.cells] for row in table.rows]


def table_with(document, columns):
	return next(t for t in document.tables if [c.text for c in t.rows[0].cells] == list(columns))


@pytest.mark.parametrize("which", ["full", "empty"])
def test_title_and_section_headings(which, request):
	document = request.getfixturevalue(which)
	assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == HEADINGS
	assert "产业集群区域品牌建设试点年度工作总结" in texts(document)


def test_title_block(full, empty):
	assert texts(full)[:3] == [
		"青溪县五金工具产业集群",
		"产业集群区域品牌建设试点年度工作总结",
		"（2018年度）",
	]
	assert "组织实施单位：青溪县人民政府" in texts(full)
	assert f"省级主管部门：{AUTHORITY}" in texts(full)
	assert texts(empty)[:2] == ["产业集群区域品牌建设试点年度工作总结", "（______年度）"]


def test_progress_by_work_item(full):
	table = table_with(full, PROGRESS_COLUMNS)
	measure = complete_summary()["measure_progress"][0]
	assert rows(table)[1] == ["1"] + [WORK_ITEMS[0][1]] * 4  # the work item over its measures
	assert rows(table)[2] == [measure["measure_no"], "", "2018年6月30日", "已完成", measure["work_done"]]
	assert "未开始 0 项，进行中 0 项，已完成 1 项，延期 0 项。" in texts(full)


def test_indicators_backbone_targets_funding_evaluations(full):
	indicators = rows(table_with(full, ["指标名称", "基期", "报告年度（2018年）", "增减"]))
	names = [i.official_name for i in summary_indicators.SUMMARY_INDICATORS]
	assert [r[0] for r in indicators[1 : len(names) + 1]] == names
	assert indicators[1][1:3] == ["10", "12"]
	assert rows(table_with(full, BACKBONE_COLUMNS))[1] == ["1", "甲公司", "200", "50", "10"]
	assert "骨干企业 1 家，自主品牌产品销售收入占销售收入的 25%。" in texts(full)
	assert rows(table_with(full, TARGET_COLUMNS))[1] == ["品牌价值", "", "", "10", "", "5", "50"]
	funding = rows(table_with(full, FUNDING_COLUMNS))
	assert funding[1] == ["专项资金", "县财政", "100", "品牌宣传"]
	assert funding[-1][:3] == ["合计", "合计", "100"]
	assert rows(table_with(full, EVALUATION_COLUMNS))[1] == ["2018年10月1日", "自评", "良好"]
	for heading, text in zip(HEADINGS[6:], ("成效", "问题", "计划"), strict=True):
		assert texts(full)[texts(full).index(heading) + 1] == text
	assert "青溪县人民政府（盖章）" in texts(full)


def test_blank_form_has_rows_to_fill_in(empty):
	for columns in (PROGRESS_COLUMNS, BACKBONE_COLUMNS, TARGET_COLUMNS, EVALUATION_COLUMNS):
		body = rows(table_with(empty, columns))[1:]
		assert body == [[""] * len(columns)], columns
	assert {
		v for r in rows(table_with(empty, ["指标名称", "基期", "报告年度", "增减"]))[1:] for v in r[1:]
	} == {""}
	assert "骨干企业 0 家。" in texts(empty)


def test_the_inspection_only_once_recorded(full, empty):
	assert "省级主管部门督导检查意见" not in texts(full)
	inspected = read(
		{**summary(), "inspection_date": "2018-11-01", "inspectors": "李四", "inspection_opinion": "同意"}
	)
	at = texts(inspected).index("省级主管部门督导检查意见")
	assert texts(inspected)[at + 1] == "检查日期：2018年11月1日　检查人员：李四"
	assert "同意" in texts(inspected)[at:]
	assert not re.search("检查", "".join(texts(empty)))
