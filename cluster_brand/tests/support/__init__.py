"""What the Frappe tier's tests share (bench run-tests --app cluster_brand): the records they make (records.py),
the cast of users and the process driven to a state (process.py), the pilot stage (pilot_stage.py), the days
they run on (dates.py), requests over HTTP (http.py) and in process (calls.py), who sees what (isolation.py),
printed PDFs read back (pdf.py), and the browser tier's desk (browser.py, screen_text.py). No module here is
named test_*: Frappe's test runner collects those. No test module imports another test module: what two of them
use is here."""
