"""Row-level isolation of the programme's data (permission_query_conditions and has_permission hooks).

Who belongs where is recorded with Frappe's User Permissions: an applicant on its Organizing Unit, a
provincial reviewer or an industry association on its Recommending Authority; an expert is linked to a
user by the Review Expert register (scope.py). The hooks turn that into one rule per role, applied to lists,
reports, link search, REST and single documents alike (print, PDF and private attachments check the
document). A user with no scope sees nothing; the ministry sees everything.

- scope.py: where a user belongs, whether it sees everything (``sees_all``: every row) and whether it is held
  to the programme's rules on Frappe's own paths (``is_restricted``), and the SQL helpers of the rules;
- applications.py: the applications and what hangs on one (expert sheets, the pilot);
- registers.py: units, clusters, enterprises, experts, the provinces' settings;
- child_tables.py: child rows listed with their parent's row rules;
- fields.py: field levels, and what a document's state withholds from its reader; query_fields.py: the same
  rules in the queries a user sends (the fields it selects, filters, sorts or groups by);
- files.py: attachments and the batch's combined PDFs; frappe_records.py: Frappe's own records.
- pilot_stage.py: the pilot years (the annual work summaries);
- allowlist.py: default deny of Frappe's whitelisted methods; request_input.py: bad input refused as the
  client's error.
The wrappers of Frappe's own methods that apply these rules are cluster_brand/overrides/.
"""
