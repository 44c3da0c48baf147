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
