"""The programme's Word and Excel files as plain Python (no Frappe import, like cluster_brand/rules and
cluster_brand/print): the import templates and their tolerant reading, the .docx forms, the report sheets.
The whitelisted methods that serve them are in cluster_brand/api/."""
