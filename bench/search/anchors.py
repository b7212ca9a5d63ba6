"""Baselines on the same corpus: PostgreSQL full-text search ('dutch') and SQLite FTS5."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterable

from gehecht.search.analysis import normalise

WORD_RE = re.compile(r"[a-z0-9]+")


def _words(query: str) -> list[str]:
    return WORD_RE.findall(normalise(query))


class SqliteFts:
    def __init__(self, records: Iterable[dict]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
                        "tokenize = 'unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?)",
                            [(r["id"], r["title"] + " " + " ".join(r.get("keywords", [])), r["text"]) for r in records])

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = _words(query)
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 1.0) LIMIT ?",
                               (match, limit)).fetchall()
        return [r[0] for r in rows]


class PostgresFts:
    """A throwaway database on the local server; dropped on close."""

    def __init__(self, records: Iterable[dict], dsn: str = "host=127.0.0.1 port=5432 user=postgres") -> None:
        import psycopg

        self.dsn = dsn
        self.name = f"gehecht_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(dsn + " dbname=postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
        self.conn = psycopg.connect(dsn + f" dbname={self.name}", autocommit=True)
        self.conn.execute("CREATE TABLE docs (id text primary key, tsv tsvector)")
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO docs VALUES (%s, setweight(to_tsvector('dutch', %s), 'A') || to_tsvector('dutch', %s))",
                [(r["id"], r["title"] + " " + " ".join(r.get("keywords", [])), r["text"]) for r in records])
        self.conn.execute("CREATE INDEX ON docs USING gin (tsv)")

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = _words(query)
        if not words:
            return []
        rows = self.conn.execute(
            "SELECT id FROM docs, to_tsquery('dutch', %s) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, id LIMIT %s",
            (" | ".join(words), limit)).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        import psycopg

        self.conn.close()
        with psycopg.connect(self.dsn + " dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
