"""Accounts of other systems that call the REST API (issue 24): system_accounts.py."""
