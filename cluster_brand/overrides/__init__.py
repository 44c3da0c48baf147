"""Frappe's whitelisted methods that the app wraps (override_whitelisted_methods in hooks.py), one module per
Frappe area, named after it: search.py (link search), client.py (validate_link, get_value), listview.py
(group-by counts), form_load.py (getdoc, get_docinfo), query_report.py, print_settings.py,
notification_settings.py (the bell), dashboards.py (charts, number cards, dashboard settings). Each applies
the row and field rules of cluster_brand/permissions/ where Frappe 15 does not."""
