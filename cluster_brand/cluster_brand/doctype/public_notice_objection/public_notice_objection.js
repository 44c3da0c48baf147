// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// An objection from the public page is the visitor's (its owner is Frappe's Guest): the form, its sidebar and
// its timeline name the page's visitor in the reader's language, not "Guest". Frappe reads every user's name
// through frappe.user_info, after each load and save, so the name is given there.
const VISITOR = "Guest";
const user_info = frappe.user_info;
if (!user_info.names_the_visitor) {
	frappe.user_info = function (uid) {
		const info = user_info(uid);
		if (uid === VISITOR) info.fullname = __("Visitor of the Public Notice Page");
		return info;
	};
	frappe.user_info.names_the_visitor = true;
}
