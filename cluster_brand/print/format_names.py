"""The names of the app's Print Formats (cluster_brand/cluster_brand/print_format/), each spelled once: the
code that prints with one and the tests name them from here (plain Python, like doctype_names.py)."""

APPLICATION_FORMAT = "产业集群区域品牌建设试点申报书"
RECOMMENDATION_FORMAT = "省级推荐意见"
EXPERT_REVIEW_FORMAT = "专家评审表"
DESIGNATION_LIST_FORMAT = "产业集群区域品牌建设试点名单"
ANNUAL_SUMMARY_FORMAT = "产业集群区域品牌建设试点年度工作总结"
FINAL_SUMMARY_FORMAT = "产业集群区域品牌建设试点工作总结报告"
DEMONSTRATION_APPLICATION_FORMAT = "产业集群区域品牌建设示范区申报书"
DEMONSTRATION_LIST_FORMAT = "产业集群区域品牌建设示范区名单"
