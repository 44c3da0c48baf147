"""The OpenAPI 3 document of the app's REST API (plain Python, no frappe import): build.py."""
