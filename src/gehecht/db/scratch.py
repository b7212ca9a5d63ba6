"""A throwaway PostgreSQL database (for tests and benches that must talk to a real server)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def scratch_postgres_database(admin_url: str, prefix: str, drop_retries: int = 30) -> Iterator[str]:
    """Create a uniquely named, empty database on the server of `admin_url`; yield its URL; drop it
    afterwards (retrying for a while, since a fault scenario may be restarting the server)."""
    name = f"{prefix}_{int(time.time())}_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        for attempt in range(drop_retries):
            try:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                break
            except Exception:  # noqa: BLE001 - the server may be down for a moment
                if attempt == drop_retries - 1:
                    raise
                time.sleep(1)
        admin.dispose()
