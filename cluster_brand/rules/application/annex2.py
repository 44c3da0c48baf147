"""Annex 2 产业集群区域品牌建设试点申报书, item by item, with the home of each item in the system.

This is the single list that the completeness check, the item-mapping document and the tests read.
``label`` is the English DocType label; its zh translation is ``official``, the wording of Annex 2.
"""

from dataclasses import dataclass

from cluster_brand.doctype_names import APPLICATION

TOP_ENTERPRISE = "Application Top Enterprise"
BACKBONE_ENTERPRISE = "Application Backbone Enterprise"
INDICATOR = "Application Indicator"
WORK_ITEM = "Application Work Item"
TASK = "Application Task"
FUNDING = "Application Funding"
QUANTITATIVE_TARGET = "Application Quantitative Target"
QUALITATIVE_TARGET = "Application Qualitative Target"


@dataclass(frozen=True)
class FormItem:
	part: str
	fieldname: str
	label: str
	official: str
	prompt: str = ""  # the official guidance printed beside or under the item (zh)
	doctype: str = APPLICATION
	required: bool = True


COVER = "Cover"
PART_1 = "Part 1 Regional Industrial Development"
PART_2 = "Part 2 Backbone Enterprises of the Leading Industry"
PART_3 = "Part 3 Current State of Regional Brand Building"
PART_4 = "Part 4 Pilot Work Plan for Regional Brand Building"
ANNEX = "Annex Work Task Plan"

PARTS = {
	COVER: "封面",
	PART_1: "第一部分 区域产业发展情况",
	PART_2: "第二部分 主导产业骨干企业情况",
	PART_3: "第三部分 区域品牌建设现状",
	PART_4: "第四部分 区域品牌建设试点工作方案",
	ANNEX: "附表 工作任务计划表",
}

# Part 1 groups its prompts under four vertical labels of the official table.
REGIONAL_INDUSTRY_COMPOSITION = ("Regional Industry Composition", "区域产业构成")
LEADING_INDUSTRY = ("State of the Leading Industry", "主导产业情况")
QUALITY_FOUNDATION = ("State of the Quality Foundation", "质量基础情况")
PUBLIC_SERVICES = ("State of Public Services", "公共服务情况")
MAIN_INDICATORS = ("Main Indicators", "主要指标情况")

I = FormItem  # noqa: E741 - keeps the table below readable

ITEMS = (
	# 封面
	I(COVER, "organizing_unit", "Applicant Unit", "申报单位"),
	I(COVER, "application_date", "Application Date", "申报日期"),
	I(COVER, "stamped_form_scan", "Scan of the Stamped Application Form", "加盖公章的申报书扫描件"),
	# 第一部分
	I(
		PART_1,
		"regional_industry_composition",
		"Regional Industry Composition",
		"区域产业构成",
		"说明区域产业布局、各产业规模及发展趋势，产业规模可从企业数、从业人员数、经济规模、税收情况等方面展开",
	),
	I(
		PART_1,
		"leading_industry_profile",
		"1. Profile of the Leading Industry",
		"一、主导产业简介",
		"从产业规模、集聚形态、对本地经济发展的贡献等方面展开",
	),
	I(
		PART_1,
		"competitive_advantages",
		"2. Competitive Advantages of the Leading Industry",
		"二、主导产业具备的竞争优势综述",
		"择重点说明主导产业在历史文化、区位、技术水平、骨干企业、成本效率、政策环境等方面的优势",
	),
	I(
		PART_1,
		"development_history",
		"3. Development History and Current Position in the Industry",
		"三、主导产业发展历程及当前在行业中的地位",
	),
	I(
		PART_1,
		"development_prospects",
		"4. Development Prospects of the Leading Industry",
		"四、主导产业发展前景",
		"区域主导产业的发展潜力、国际国家及省对该主导产业或相关产业的重视程度及政策支持等",
	),
	I(
		PART_1,
		"honours",
		"5. National and Provincial Honours in the Last Three Years",
		"五、近三年主导产业获得国家及省部级相关荣誉的情况",
	),
	I(
		PART_1,
		"own_brand_building",
		"1. Own-Brand Building in the Leading Industry",
		"一、主导产业自主品牌建设情况",
		"包括自主品牌数量、获得国家及省名牌奖励情况、自主品牌在国内外的销售情况等",
	),
	I(
		PART_1,
		"technology_level",
		"2. Overall Technology Level of the Leading Industry",
		"二、主导产业技术水平总体情况",
		"主要技术指标在国内国际的水平、技改与研发投入、拥有自主知识产权数量及产业专利布局情况等",
	),
	I(
		PART_1,
		"standards_participation",
		"3. Participation in Standard Setting",
		"三、主导产业参与标准制修订情况",
		"包括参与制定国际、国家、行业、地方、团体标准的名称和数量等",
	),
	I(
		PART_1,
		"quality_level",
		"4. Overall Quality Level of the Leading Industry",
		"四、主导产业质量水平总体情况",
		"实物质量水平、产品及商品质量监督抽查情况等",
	),
	I(
		PART_1,
		"quality_safety_credit_environment",
		"5. Quality, Safety, Credit and Environmental Record in the Last Three Years",
		"五、区域近三年质量安全信用环保等方面的情况",
	),
	I(
		PART_1,
		"management_systems",
		"6. Management Systems Established by Enterprises",
		"六、企业建立质量、品牌、环境、职业健康与安全等管理体系的情况",
	),
	I(
		PART_1,
		"industry_organisations",
		"1. Industry Alliances, Associations and Other Intermediary Bodies",
		"一、主导产业行业联盟、行业协会等中介专业机构情况",
	),
	I(
		PART_1,
		"technology_innovation",
		"2. Technology Innovation in the Leading Industry",
		"二、主导产业技术创新情况",
		"技术中心、研发机构、创新中心等",
	),
	I(
		PART_1,
		"service_platforms",
		"3. Quality, Brand and Testing Service Platforms",
		"三、主导产业质量、品牌、检验检测等服务平台的情况",
	),
	I(PART_1, "indicators", "Main Indicators", "主要指标情况"),
	# 第二部分
	I(
		PART_2,
		"top_enterprises",
		"1. Key Backbone Enterprises",
		"一、重点骨干企业情况",
		"主导产业销售收入排名前三的企业基本情况",
	),
	I(PART_2, "enterprise_name", "Enterprise Name", "企业名称", doctype=TOP_ENTERPRISE),
	I(PART_2, "contact_person", "Contact Person", "联系人", doctype=TOP_ENTERPRISE),
	I(PART_2, "contact_phone", "Telephone", "联系电话", doctype=TOP_ENTERPRISE),
	I(PART_2, "mobile", "Mobile", "手机", doctype=TOP_ENTERPRISE),
	I(PART_2, "email", "Contact Mailbox", "邮箱", doctype=TOP_ENTERPRISE),
	I(
		PART_2,
		"enterprise_profile",
		"Enterprise Profile",
		"企业简介",
		"企业规模、主要产品、发展历程等",
		doctype=TOP_ENTERPRISE,
	),
	I(
		PART_2,
		"own_brands",
		"Own Brands",
		"自主品牌情况",
		"企业品牌及产品品牌",
		doctype=TOP_ENTERPRISE,
	),
	I(
		PART_2,
		"product_technology_level",
		"Technology Level of Main Products",
		"主导产品技术水平",
		"与国内国际水平的对比、自主知识产权情况、参与国际国家行业标准制定情况",
		doctype=TOP_ENTERPRISE,
	),
	I(
		PART_2,
		"influence",
		"Industry and Regional Influence",
		"行业和区域影响力",
		"市场占有率、对区域主导产业的贡献等",
		doctype=TOP_ENTERPRISE,
	),
	I(
		PART_2,
		"awards",
		"Awards",
		"获奖情况",
		"获得国家及省部级奖励的情况",
		doctype=TOP_ENTERPRISE,
	),
	I(
		PART_2,
		"regional_brand_participation",
		"Participation in Regional Brand Building",
		"区域品牌建设参与情况",
		"参与区域品牌建设情况",
		doctype=TOP_ENTERPRISE,
	),
	I(PART_2, "backbone_enterprises", "2. Backbone Enterprise Summary Table", "二、骨干企业汇总表"),
	I(PART_2, "enterprise_name", "Enterprise Name", "企业名称", doctype=BACKBONE_ENTERPRISE),
	I(PART_2, "main_products", "Main Products", "主要产品", doctype=BACKBONE_ENTERPRISE),
	I(PART_2, "own_brand", "Own Brand", "自主品牌", doctype=BACKBONE_ENTERPRISE),
	I(PART_2, "assets", "Assets (10,000 yuan)", "资产（万元）", doctype=BACKBONE_ENTERPRISE),
	I(
		PART_2,
		"sales_revenue",
		"Sales Revenue (10,000 yuan)",
		"销售收入（万元）",
		doctype=BACKBONE_ENTERPRISE,
	),
	I(
		PART_2,
		"own_brand_sales_revenue",
		"Sales Revenue of Own-Brand Products (10,000 yuan)",
		"自主品牌产品销售收入（万元）",
		doctype=BACKBONE_ENTERPRISE,
	),
	I(PART_2, "total_profit", "Total Profit (10,000 yuan)", "利润总额（万元）", doctype=BACKBONE_ENTERPRISE),
	I(PART_2, "contact_person", "Contact Person", "联系人", doctype=BACKBONE_ENTERPRISE),
	I(PART_2, "contact_details", "Phone or Email", "联系方式", doctype=BACKBONE_ENTERPRISE),
	# 第三部分
	I(
		PART_3,
		"regional_brand_strategy",
		"Regional Brand Strategy",
		"区域品牌战略",
		"区域品牌发展战略规划工作开展情况，包括产业或区域品牌发展规划制定实施情况、区域品牌定位策划及部署情况、区域拥有集体品牌或商标的情况等。",
	),
	I(
		PART_3,
		"brand_management_mechanism",
		"Management Mechanism",
		"管理机制",
		"区域品牌管理机制建立情况，包括区域品牌管理组织形态及其构成、组织运作模式及主要开展的活动。",
	),
	I(
		PART_3,
		"brand_development_foundation",
		"Regional Brand Development Foundation",
		"区域品牌发展基础",
		"包括产业链现状、知识产权布局情况、产学研协同情况、技术创新、质量品牌检测等公共服务平台建设情况。",
	),
	I(
		PART_3,
		"enterprise_brand_cultivation",
		"Cultivation of Enterprises' Own Brands",
		"企业自主品牌培育",
		"引导企业培育自主品牌的情况，包括采取的主要措施及取得的效果等。",
	),
	I(
		PART_3,
		"regional_brand_protection",
		"Regional Brand Protection",
		"区域品牌保护",
		"区域品牌保护机制建立情况，包括区域品牌的注册情况、行业自律情况、区域产业及骨干企业舆情监测情况、风险控制机制等。",
	),
	I(
		PART_3,
		"marketing_platform",
		"Publicity and Marketing Platform",
		"宣传营销平台",
		"区域品牌营销宣传平台搭建情况，包括已建立和正在建立的线上线下营销宣传渠道及开展的活动、行业组织及企业的支持情况。",
	),
	I(
		PART_3,
		"regional_brand_evaluation",
		"Regional Brand Evaluation",
		"区域品牌评价",
		"区域品牌发展统计评价工作开展情况，包括主要的统计指标、统计频率及对统计数据的应用等。",
	),
	I(
		PART_3,
		"supporting_policies",
		"Supporting Policies",
		"支持政策",
		"所在地区政府支持品牌建设和质量提升的政策、制度、项目、资金和措施等情况：",
	),
	# 第四部分
	I(
		PART_4,
		"work_approach",
		"1. Working Approach",
		"一、工作思路",
		"说明区域主导产业发展面临的国内国际形势、地方政府和相关企业对区域品牌的建设的态度、区域品牌建设现状，分析开展试点工作的有利条件、可能的困难，提出区域品牌建设的总体思路。",
	),
	I(
		PART_4,
		"work_objectives",
		"2. Work Objectives",
		"二、工作目标",
		"提出试点工作的目标，目标应能体现工作实施效果，应与地区的总体发展目标相协调，应包括定量与定性指标。",
	),
	I(PART_4, "quantitative_targets", "Quantitative Targets", "定量指标"),
	I(PART_4, "qualitative_targets", "Qualitative Targets", "定性指标"),
	I(
		PART_4,
		"work_organisation",
		"3. Work Organisation",
		"三、工作组织",
		"说明试点工作组织领导和工作职责有关的安排，以及如何通过组织工作带动企业参与品牌建设。",
	),
	I(
		PART_4,
		"work_tasks",
		"4. Work Tasks",
		"四、工作任务",
		"说明在试点中拟开展的各项主要工作，围绕实施区域品牌发展战略、健全区域品牌管理机制、夯实区域品牌发展基础、引导企业培育自主品牌、健全区域品牌保护机制、打造区域品牌营销和宣传平台、健全区域品牌评价制度等七项试点工作内容，明确每项工作的现状、工作目标、计划采取的主要措施、时间节点、任务分工等内容。按1-3年试点周期进行策划安排。具体工作任务可参考附表填写。",
	),
	I(PART_4, "pilot_cycle_years", "Pilot Cycle (Years)", "试点周期（年）"),
	I(
		PART_4,
		"safeguard_measures",
		"5. Safeguard Measures",
		"五、保障措施",
		"说明保障试点工作各项任务落实的相关措施，包括相关的政策、资金（包括金额、来源、支持方向、投入步骤等）、人力保障等。",
	),
	I(PART_4, "funding_plan", "Funding Plan", "资金安排"),
	I(PART_4, "other_matters", "6. Other Matters to Explain", "六、其他需要说明内容", required=False),
	# 附表
	I(ANNEX, "work_items", "Work Task Plan", "工作任务计划表"),
	I(ANNEX, "work_item", "Work Item", "工作项目", doctype=WORK_ITEM),
	I(ANNEX, "current_state", "Current State", "工作现状", doctype=WORK_ITEM),
	I(ANNEX, "work_goal", "Work Goal", "工作目标", doctype=WORK_ITEM),
	I(ANNEX, "tasks", "Main Measures", "主要措施"),
	I(ANNEX, "measure_no", "Measure No.", "措施编号", doctype=TASK),
	I(ANNEX, "measure", "Measure", "主要措施", doctype=TASK),
	I(ANNEX, "time_node", "Time Node", "时间节点", doctype=TASK),
	I(ANNEX, "responsible_party", "Responsible Party", "任务分工", doctype=TASK),
)
del I

# 申报条件 一 基本条件 (Annex 1), declared on the cover before submission.
BASIC_CONDITIONS = (
	(
		"conforms_to_industrial_policy",
		"The leading industry conforms to the national direction of industrial development",
		"区域主导产业符合国家产业发展方向",
	),
	(
		"no_major_incident_in_three_years",
		"No major quality-safety, production-safety, environmental or credit incident in the region in the last three years",
		"近三年区域内未出现重特大质量安全、安全生产、环境保护和信誉损害等事故",
	),
	(
		"commits_organisation_and_funding",
		"Commits to plan regional brand building, set up a responsible body and provide working conditions and funding",
		"承诺对区域品牌建设做出规划部署，成立相应机构，并对开展试点示范工作提供必要工作条件和经费支持",
	),
)

BACKBONE_NOTE = "注：汇总区域主导产业的骨干企业，骨干企业累计销售收入应占到主导产业销售收入的80%以上。请填写上一年年底统计数据。"
PART_3_NOTE = "注：围绕试点工作的七个方面内容进行评估，说明产业集群目前在区域品牌建设方面工作的情况、取得的效果及存在的问题。"
PART_4_INTRO = "基于区域发展现状，围绕试点工作要求，提出试点工作的工作思路、总体目标和主要任务等。请参照以下提纲编写。建议组织相关专家研究论证本区域的工作方案。"


def items_of(doctype: str = APPLICATION, part: str | None = None) -> tuple[FormItem, ...]:
	return tuple(i for i in ITEMS if i.doctype == doctype and (part is None or i.part == part))


def item(fieldname: str, doctype: str = APPLICATION) -> FormItem:
	for i in ITEMS:
		if i.fieldname == fieldname and i.doctype == doctype:
			return i
	raise KeyError(f"{doctype}.{fieldname}")
