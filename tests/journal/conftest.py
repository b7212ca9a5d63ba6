"""Database fixtures (SQLite and PostgreSQL) shared by tests/accounts and tests/journal."""

from dbtesting import database, db, fast_password_hashing, journal_app, live_journal, postgres_url  # noqa: F401
