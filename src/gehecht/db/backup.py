"""Backup and restore as portable JSON Lines: the same file moves between SQLite and PostgreSQL.

Line 1 is a header (format, schema revision, table row counts); every next line is
{"table": name, "row": {column: value}}. Tables are written parents first, so a restore can insert
in file order. Restore goes into an empty database; a non-empty one is refused unless `force`,
which wipes it first (in the same transaction as the restore)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from .database import Database, head_revision
from .models import Base

FORMAT = "gehecht-backup"
VERSION = 1
BATCH = 500


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def tables() -> list[Table]:
    """Every table, parents before children."""
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decoder(table: Table) -> dict[str, Any]:
    decoders: dict[str, Any] = {}
    for column in table.columns:
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            continue
        if python_type is datetime:
            decoders[column.name] = datetime.fromisoformat
        elif python_type is date:
            decoders[column.name] = date.fromisoformat
    return decoders


def row_counts(connection: Connection) -> dict[str, int]:
    return {t.name: connection.scalar(select(func.count()).select_from(t)) or 0 for t in tables()}


def is_empty(database: Database) -> bool:
    with database.engine.connect() as connection:
        return not any(row_counts(connection).values())


def dump(database: Database, out: IO[str]) -> dict[str, int]:
    """Write every row of every table; one consistent snapshot. Returns rows per table."""
    with database.engine.connect() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        counts = row_counts(connection)
        header = {"format": FORMAT, "version": VERSION, "schema": database_revision(connection),
                  "created": datetime.now().astimezone().isoformat(timespec="seconds"), "tables": counts}
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for table in tables():
            key = list(table.primary_key.columns)
            result = connection.execution_options(yield_per=BATCH).execute(select(table).order_by(*key))
            for row in result.mappings():
                record = {"table": table.name, "row": {k: _encode(v) for k, v in row.items()}}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        connection.rollback()
    return counts


def database_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _records(lines: Iterator[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield record["table"], record["row"]
        except (ValueError, KeyError, TypeError):
            raise BackupError(f"line {number} of the backup is not a valid record") from None


def restore(database: Database, source: IO[str], force: bool = False) -> dict[str, int]:
    """Load a backup made by `dump`. The schema must match this version's (migrate first)."""
    lines = iter(source)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise BackupError("this file is not a Gehecht backup (no header line)") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("this file is not a Gehecht backup")
    if header.get("version") != VERSION:
        raise BackupError(f"backup format version {header.get('version')} is not supported")
    if header.get("schema") != head_revision():
        raise BackupError(f"the backup has schema {header.get('schema')}, this version expects "
                          f"{head_revision()}: restore with the matching Gehecht version")
    by_name = {t.name: t for t in tables()}
    decoders = {name: _decoder(t) for name, t in by_name.items()}
    restored = {name: 0 for name in by_name}
    with database.engine.begin() as connection:
        if any(row_counts(connection).values()):
            if not force:
                raise BackupError("the database is not empty; use --force to replace everything in it")
            for table in reversed(tables()):
                connection.execute(delete(table))
        pending: list[dict[str, Any]] = []
        current: str | None = None

        def flush() -> None:
            if pending and current is not None:
                connection.execute(insert(by_name[current]), pending)
                pending.clear()

        for name, row in _records(lines):
            if name not in by_name:
                raise BackupError(f"unknown table {name!r} in the backup")
            if name != current or len(pending) >= BATCH:
                flush()
                current = name
            decode = decoders[name]
            pending.append({k: decode[k](v) if k in decode and v is not None else v for k, v in row.items()})
            restored[name] += 1
        flush()
        expected = header.get("tables") or {}
        for name, count in expected.items():
            if restored.get(name, 0) != count:
                raise BackupError(f"the backup is incomplete: table {name} has {restored.get(name, 0)} "
                                  f"rows, the header promises {count}")
        if database.dialect == "postgresql":
            _reset_sequences(connection)
    return restored


def _reset_sequences(connection: Connection) -> None:
    """Explicit ids were inserted: move each serial counter past the highest one."""
    for table in tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (column.autoincrement == "auto" and column.type.python_type is int):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))


def wipe(database: Database) -> None:
    """Delete every row of every table (the schema stays)."""
    with database.engine.begin() as connection:
        for table in reversed(tables()):
            connection.execute(delete(table))
