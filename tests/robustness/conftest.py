"""Robustness tests: contract fuzzing, property tests, faults, accessibility and security checks.

The database fixtures (SQLite and PostgreSQL, cheap password hashing) come from tests/dbtesting."""

from tests.dbtesting import database, db, fast_password_hashing, journal_app, postgres_url  # noqa: F401
