"""Alembic environment. The app passes an open connection (inside its migration lock);
the `alembic` command line (see db/alembic.ini) gets one from the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from gehecht.db.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    run(config.attributes["connection"])
else:
    from gehecht import config as settings

    url = config.get_main_option("sqlalchemy.url") or settings.database_url()
    with create_engine(url).begin() as conn:
        run(conn)
