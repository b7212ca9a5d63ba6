"""Storage for accounts and the journal: SQLAlchemy 2 models, Alembic migrations, backup/restore."""

from .database import Database, head_revision, open_database

__all__ = ["Database", "head_revision", "open_database"]
