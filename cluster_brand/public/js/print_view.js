// Copyright (c) 2026, cluster_brand contributors
// For license information, please see license.txt

// Frappe's print preview (/app/print/…), loaded after its own script (hooks.py, page_js).
// The programme's official forms are printed in Chinese, so its users get no language choice: Frappe's selector
// would show the raw code "zh" (it sets the input's text, not the language's name). A System Manager keeps it.
if (frappe.ui.form.PrintView && !frappe.ui.form.PrintView.prototype.cluster_brand_sidebar) {
	const setup_sidebar = frappe.ui.form.PrintView.prototype.setup_sidebar;
	frappe.ui.form.PrintView.prototype.cluster_brand_sidebar = true;
	frappe.ui.form.PrintView.prototype.setup_sidebar = function () {
		setup_sidebar.call(this);
		if (!frappe.user.has_role("System Manager")) {
			this.language_selector?.closest(".frappe-control").hide();
		}
	};
}
