"""Accounts: users and passwords, server-side sessions, log-in rate limits, authorisation and
the audit log. Pure library code over gehecht.db; the web and CLI edges call it."""
