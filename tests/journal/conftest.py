"""Database fixtures (SQLite and PostgreSQL) shared by tests/accounts and tests/journal."""

from tests.dbtesting import (  # noqa: F401
    database,
    db,
    fast_password_hashing,
    journal_app,
    journal_server,
    live_journal,
    postgres_url,
)
