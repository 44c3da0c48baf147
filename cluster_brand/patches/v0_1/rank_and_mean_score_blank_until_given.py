"""The application's 推荐排序 (recommendation_rank) and 专家平均分 (mean_score) are blank until the province
ranks it and an expert submits a sheet (cluster_brand/controllers/blank_numbers.py): their columns accept NULL, and the
0 Frappe stored for "not given" is made blank. A rank is never 0 (the rules refuse it); a mean score of 0
is kept where a submitted sheet has a total."""

import frappe

from cluster_brand.controllers.blank_numbers import make_columns_nullable


def execute():
	make_columns_nullable()
	frappe.db.sql(
		"update `tabCluster Brand Application` set recommendation_rank = null where recommendation_rank = 0"
	)
	frappe.db.sql(
		"""update `tabCluster Brand Application` application set mean_score = null
		where mean_score = 0 and not exists (select 1 from `tabExpert Review` sheet
			where sheet.application = application.name and sheet.docstatus = 1 and sheet.total_score is not null)"""
	)
