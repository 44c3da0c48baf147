// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// What every list and report view of the programme's DocTypes shares, loaded with each of them (hooks.py,
// doctype_list_js; Frappe evaluates it whenever the DocType's meta loads): what it installs, it installs once.

// A workflow state reads in the reader's language. Frappe's Link formatter translates the value only for a
// reader who may open Workflow State records, which the programme's roles may not: the report view showed
// "Approved as Pilot", "Draft". Frappe applies link_formatters to every Link cell before that choice.
if (!frappe.form.link_formatters["Workflow State"]) {
	frappe.form.link_formatters["Workflow State"] = (value) => (value ? __(value) : value);
}

// The column headings of the lists and report views wrap instead of being cut: the programme's official names
// are long (「产业集群区域品牌建设试点申报书」 over a column of 申报书 numbers).
if (!document.getElementById("cluster-brand-list-headings")) {
	$("<style id='cluster-brand-list-headings'>")
		.text(
			`.frappe-list .list-row-head { height: auto; min-height: 30px; }
.frappe-list .list-row-head .list-row-col,
.frappe-list .list-row-head .list-row-col span {
	white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.3; height: auto;
}
.frappe-list .dt-row-header, .frappe-list .dt-row-header .dt-cell--header { height: auto !important; }
.frappe-list .dt-row-header .dt-cell--header .dt-cell__content {
	height: auto !important; white-space: normal !important; overflow-wrap: anywhere; line-height: 1.35;
}`
		)
		.appendTo(document.head);
}
