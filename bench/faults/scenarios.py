"""Fault scenarios against `gehecht serve`: the process killed with -9 in the middle of journal
writes, PostgreSQL restarted under load, the disk full, the database read-only.

Each scenario returns a plain dict of what happened; bench.faults prints them and bench.reliability
writes them into docs/RELIABILITY.md. The invariant everywhere: a write that was acknowledged
(HTTP 303) is in the database afterwards, and the database passes its integrity check."""

from __future__ import annotations

import asyncio
import random
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from ..appserver import AppServer, create_accounts, postgres_database, prepare_data_dir
from ..load.scenario import FORM, Recorder, Visitor

DUTCH_503 = "niet bereikbaar, vol of alleen-lezen"


# --- writing and checking ------------------------------------------------------------------------

@dataclass
class Ledger:
    """Every journal write sent, by its marker, and what came back."""

    acknowledged: list[str] = field(default_factory=list)  # HTTP 303: the app said "saved"
    refused: Counter[str] = field(default_factory=Counter)  # other answers, by status
    unanswered: list[str] = field(default_factory=list)  # the connection broke: saved or not, both fine
    dutch_503: int = 0
    timeline: list[tuple[float, str]] = field(default_factory=list)  # (seconds, "303" | "503" | "error")

    def outcome(self) -> dict[str, Any]:
        return {"acknowledged": len(self.acknowledged), "unanswered": len(self.unanswered),
                "refused": dict(self.refused), "dutch_503_pages": self.dutch_503}


async def write(visitor: Visitor, ledger: Ledger, started: float, label: str) -> bool:
    """One observation through the web form; False when the connection broke."""
    visitor.writes_sent += 1
    marker = f"fout-{label}-{visitor.number:03d}-{visitor.writes_sent:05d}"
    body = urlencode([("csrf_token", visitor.csrf), ("situatie", marker), ("score", "3"),
                      ("notities", "Geschreven tijdens een storingstest. " * 20)])
    try:
        response = await visitor.client.post(f"/dagboek/{visitor.child_id}/observaties", content=body, headers=FORM)
    except httpx.HTTPError:
        ledger.unanswered.append(marker)
        ledger.timeline.append((time.perf_counter() - started, "error"))
        return False
    ledger.timeline.append((time.perf_counter() - started, str(response.status_code)))
    if response.status_code == 303:
        ledger.acknowledged.append(marker)
    else:
        ledger.refused[str(response.status_code)] += 1
        if response.status_code == 503 and DUTCH_503 in response.text:
            ledger.dutch_503 += 1
    return True


def check_database(url: str, ledger: Ledger, prefix: str = "fout-") -> dict[str, Any]:
    """Acknowledged writes all there? And the database's own integrity check."""
    from sqlalchemy import create_engine, select, text

    from gehecht.db.models import Observation

    engine = create_engine(url)
    with engine.connect() as connection:
        stored = set(connection.scalars(select(Observation.situation)
                                        .where(Observation.situation.like(f"{prefix}%"))).all())
        if engine.dialect.name == "sqlite":
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
            fk = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            sound, how = integrity == "ok" and not fk, f"PRAGMA integrity_check: {integrity}; foreign_key_check: {len(fk)}"
        else:
            sound, how = postgres_integrity(connection)
    engine.dispose()
    missing = sorted(set(ledger.acknowledged) - stored)
    in_flight_stored = len(set(ledger.unanswered) & stored)
    return {"stored": len(stored), "missing_acknowledged": len(missing), "missing_examples": missing[:5],
            "unanswered_but_stored": in_flight_stored, "sound": sound, "integrity": how}


def postgres_integrity(connection: Any) -> tuple[bool, str]:
    """amcheck's bt_index_check on every index of the app's tables, a full read of every table, and
    no observation without its child."""
    from sqlalchemy import text

    connection.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
    indexes = connection.execute(text(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
        "WHERE n.nspname = 'public' AND a.amname = 'btree'")).scalars().all()
    for index in indexes:
        connection.execute(text("SELECT bt_index_check(CAST(:name AS regclass), true)"), {"name": index})
    tables = connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    rows = sum(connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0 for t in tables)
    orphans = connection.execute(text("SELECT count(*) FROM observations o LEFT JOIN children c "
                                      "ON c.id = o.child_id WHERE c.id IS NULL")).scalar()
    connection.commit()
    return orphans == 0, (f"amcheck bt_index_check (heapallindexed) on {len(indexes)} indexes: ok; "
                          f"{rows} rows in {len(tables)} tables read; {orphans} observations without their child")


def log_excerpt(path: Path, limit: int = 6) -> list[str]:
    """The app's own error lines (distinct, last first), for the report."""
    if not path.exists():
        return []
    lines = [line.strip() for line in path.read_text(errors="replace").splitlines()
             if "niet beschikbaar" in line or "fout bij" in line or "Traceback" in line]
    distinct = list(dict.fromkeys(reversed(lines)))
    return distinct[:limit]


async def sign_in(base_url: str, users: int) -> list[Visitor]:
    visitors = [Visitor(n, base_url, httpx.AsyncClient(base_url=base_url, timeout=30, follow_redirects=False))
                for n in range(users)]
    await asyncio.gather(*(v.log_in(Recorder()) for v in visitors))
    return visitors


async def close(visitors: list[Visitor]) -> None:
    for visitor in visitors:
        await visitor.client.aclose()


@contextmanager
def database_for(backend: str, folder: Path, name: str) -> Iterator[tuple[str, str | None]]:
    """(URL for checking, URL for the server or None for its default SQLite file)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'data' / 'gehecht.db'}", None
    else:
        with postgres_database(f"gehecht_{name}") as url:
            yield url, url


# --- kill -9 in the middle of writes -------------------------------------------------------------

def kill_during_writes(backend: str, rounds: int = 3, writers: int = 10, workers: int = 1,
                       seed: int = 3) -> dict[str, Any]:
    """`rounds` times: writers write as fast as they can, the server gets SIGKILL at a random moment,
    it is started again on the same database; the visitors carry on with their sessions."""
    rng = random.Random(seed)
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gehecht-kill-")))
        prepare_data_dir(folder / "data", index=False)  # only journal requests
        check_url, server_url = stack.enter_context(database_for(backend, folder, "kill"))
        create_accounts(check_url, writers)
        server = AppServer(folder / "data", server_url, workers=workers, log_path=folder / "server.log").start()
        ledger, restarts = Ledger(), []

        async def run() -> None:
            visitors = await sign_in(server.url, writers)
            started = time.perf_counter()
            for round_ in range(rounds):
                stop = asyncio.Event()

                async def writer(visitor: Visitor) -> None:
                    while not stop.is_set():
                        if not await write(visitor, ledger, started, f"r{round_}"):
                            return

                tasks = [asyncio.create_task(writer(v)) for v in visitors]
                await asyncio.sleep(rng.uniform(0.8, 2.0))
                server.kill()
                stop.set()
                await asyncio.gather(*tasks)
                began = time.perf_counter()
                server.start()
                restarts.append(round(time.perf_counter() - began, 2))
            # after the last restart: the same sessions write again
            for visitor in visitors:
                await write(visitor, ledger, started, "na")
            await close(visitors)

        try:
            asyncio.run(run())
        finally:
            server.stop()
        after = sum(1 for m in ledger.acknowledged if m.startswith("fout-na-"))
        return {"scenario": "kill -9 during journal writes", "backend": backend, "workers": workers,
                "rounds": rounds, "writers": writers, "restart_s": restarts, **ledger.outcome(),
                "writes_after_restart": f"{after}/{writers} acknowledged with the old sessions",
                **check_database(check_url, ledger)}


# --- PostgreSQL restarted under load ------------------------------------------------------------

def postgres_cluster() -> tuple[str, str] | None:
    try:
        lines = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return None
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[2] == "5432":
            return parts[0], parts[1]
    return None


def restart_postgres_under_load(users: int = 20, seconds: float = 20.0, restart_at: float = 5.0,
                                workers: int = 3) -> dict[str, Any]:
    """Visitors write and read their journals; PostgreSQL restarts (pg_ctlcluster … restart) in
    the middle. The app must answer 503 (Dutch page) while it is down, never 500, and work again
    by itself (pool pre-ping) without being restarted."""
    cluster = postgres_cluster()
    if cluster is None:
        return {"scenario": "PostgreSQL restarted under load", "skipped": "no local PostgreSQL cluster on port 5432"}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gehecht-pgrestart-")))
        prepare_data_dir(folder / "data", index=False)  # only journal requests
        check_url, server_url = stack.enter_context(database_for("postgresql", folder, "pgrestart"))
        create_accounts(check_url, users)
        server = AppServer(folder / "data", server_url, workers=workers, log_path=folder / "server.log").start()
        ledger = Ledger()
        reads: Counter[str] = Counter()
        restart: dict[str, float] = {}

        async def run() -> None:
            visitors = await sign_in(server.url, users)
            started = time.perf_counter()

            async def visitor_loop(visitor: Visitor) -> None:
                rng = random.Random(visitor.number)
                while time.perf_counter() - started < seconds:
                    if rng.random() < 0.6:
                        await write(visitor, ledger, started, "pg")
                    else:
                        try:
                            response = await visitor.client.get(f"/dagboek/{visitor.child_id}/")
                            status = str(response.status_code)
                        except httpx.HTTPError:
                            status = "error"
                        reads[status] += 1
                        ledger.timeline.append((time.perf_counter() - started, status))
                    await asyncio.sleep(rng.uniform(0.05, 0.15))

            async def restarter() -> None:
                await asyncio.sleep(restart_at)
                restart["begin"] = time.perf_counter() - started
                done = await asyncio.to_thread(subprocess.run, ["pg_ctlcluster", "--skip-systemctl-redirect",
                                                                cluster[0], cluster[1], "restart"],
                                               capture_output=True, text=True, timeout=120)
                restart["end"] = time.perf_counter() - started
                restart["exit"] = done.returncode

            await asyncio.gather(restarter(), *(visitor_loop(v) for v in visitors))
            await close(visitors)

        try:
            asyncio.run(run())
        finally:
            server.stop()
        timeline = sorted(ledger.timeline)
        statuses = Counter(status for _t, status in timeline)
        end = restart.get("end", 0.0)
        first_ok = next((t for t, status in timeline if t >= end and status in ("200", "303")), None)
        after = [status for t, status in timeline if first_ok is not None and t > first_ok]
        return {"scenario": "PostgreSQL restarted under load", "backend": "postgresql", "workers": workers,
                "users": users, "seconds": seconds, "restart_s": [round(restart.get("begin", 0), 2), round(end, 2)],
                "restart_exit": restart.get("exit"), "statuses": dict(statuses),
                "server_errors_500": statuses.get("500", 0),
                "recovered_after_s": round(first_ok - end, 2) if first_ok is not None else None,
                "failures_after_recovery": sum(s not in ("200", "303") for s in after), **ledger.outcome(),
                **check_database(check_url, ledger)}


# --- disk full and read-only (SQLite on a small tmpfs) -------------------------------------------

@contextmanager
def small_disk(size: str = "16m") -> Iterator[Path | None]:
    """A tmpfs of `size` (root only); None when it cannot be mounted here."""
    mount = Path(tempfile.mkdtemp(prefix="gehecht-disk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        mount.rmdir()
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], capture_output=True)
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        shutil.rmtree(mount, ignore_errors=True)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; returns it (delete it to free the space)."""
    filler = folder / "vulling.bin"
    block = b"\0" * (64 * 1024)
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(block)
                out.flush()
        except OSError:
            pass
    try:
        with open(filler, "ab") as out:  # the last few bytes too
            while True:
                out.write(b"\0" * 512)
                out.flush()
    except OSError:
        pass
    return filler


def storage_fault(kind: str, users: int = 4, writes_per_user: int = 5) -> dict[str, Any]:
    """SQLite's file on a small tmpfs that becomes full (`kind` = 'disk full') or read-only
    (`kind` = 'read-only'): journal pages answer 503 in Dutch, the rest of the site works, nothing
    stored is lost, and the app recovers by itself when the space or write access is back."""
    name = f"SQLite database {'on a full disk' if kind == 'disk full' else 'read-only'}"
    with ExitStack() as stack:
        disk = stack.enter_context(small_disk())
        if disk is None:
            return {"scenario": name, "skipped": "cannot mount a tmpfs here (needs root); "
                                                 "tests/robustness/test_storage_faults.py simulates it with SQLite pragmas"}
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gehecht-disk-")))
        prepare_data_dir(folder / "data")  # the search index stays on the big disk
        url = f"sqlite:///{disk / 'gehecht.db'}"
        create_accounts(url, users)
        server = AppServer(folder / "data", url, log_path=folder / "server.log").start()
        ledger, phases = Ledger(), {}

        async def run() -> None:
            visitors = await sign_in(server.url, users)
            started = time.perf_counter()

            async def round_(label: str) -> dict[str, Any]:
                before = ledger.outcome()
                for _ in range(writes_per_user):
                    await asyncio.gather(*(write(v, ledger, started, label) for v in visitors))
                reads = Counter()
                for visitor in visitors:
                    reads[str((await visitor.client.get(f"/dagboek/{visitor.child_id}/")).status_code)] += 1
                async with httpx.AsyncClient(base_url=server.url, timeout=30) as public:
                    pages = {path: (await public.get(path)).status_code
                             for path in ("/", "/zoeken?q=driftbuien", "/wegwijzer", "/artikel/gehechtheid")}
                    guide = (await public.post("/api/guide", json={"rol": "ouder", "regio": "nl",
                                                                   "leeftijd_maanden": 40})).status_code
                after = ledger.outcome()
                return {"writes_acknowledged": after["acknowledged"] - before["acknowledged"],
                        "writes_refused": {k: v - before["refused"].get(k, 0) for k, v in after["refused"].items()
                                           if v - before["refused"].get(k, 0)},
                        "journal_reads": dict(reads), "public_pages": pages, "guide_api": guide}

            phases["before"] = await round_("voor")
            if kind == "disk full":
                filler = fill(disk)
                phases["fault"] = await round_("vol")
                filler.unlink()
            else:
                # A mounted file system with files open for writing cannot be switched to read-only
                # from user space; what can happen is the app (re)starting on a read-only volume.
                server.stop()
                subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
                try:
                    await asyncio.to_thread(server.start)
                    phases["app_started_on_read_only_disk"] = True
                except (RuntimeError, TimeoutError) as exc:
                    phases["app_started_on_read_only_disk"] = False
                    phases["start_error"] = str(exc)
                    subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
                    await close(visitors)
                    return
                phases["fault"] = await round_("ro")
                subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)  # the same process carries on
            phases["after"] = await round_("na")
            await close(visitors)

        try:
            asyncio.run(run())
        finally:
            server.stop()
        return {"scenario": name, "backend": "sqlite", "disk": "tmpfs 16 MiB", **phases, **ledger.outcome(),
                **check_database(url, ledger), "app_log": log_excerpt(folder / "server.log")}


def postgres_read_only(users: int = 4, writes_per_user: int = 5) -> dict[str, Any]:
    """PostgreSQL refusing writes (default_transaction_read_only, as on a standby after a failover)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gehecht-pgro-")))
        prepare_data_dir(folder / "data")
        url, _ = stack.enter_context(database_for("postgresql", folder, "pgro"))
        create_accounts(url, users)
        server = AppServer(folder / "data", url, workers=1, log_path=folder / "server.log").start()
        name = make_url(url).database
        admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        ledger, phases = Ledger(), {}

        def set_read_only(on: bool) -> None:
            with admin.connect() as connection:
                connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = {"on" if on else "off"}'))
                connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                                   {"n": name})

        async def run() -> None:
            visitors = await sign_in(server.url, users)
            started = time.perf_counter()

            async def round_(label: str) -> dict[str, Any]:
                before = ledger.outcome()
                for _ in range(writes_per_user):
                    await asyncio.gather(*(write(v, ledger, started, label) for v in visitors))
                after = ledger.outcome()
                async with httpx.AsyncClient(base_url=server.url, timeout=30) as public:
                    search = (await public.get("/zoeken?q=driftbuien")).status_code
                return {"writes_acknowledged": after["acknowledged"] - before["acknowledged"],
                        "writes_refused": {k: v - before["refused"].get(k, 0) for k, v in after["refused"].items()
                                           if v - before["refused"].get(k, 0)}, "search_page": search}

            phases["before"] = await round_("voor")
            await asyncio.to_thread(set_read_only, True)
            phases["fault"] = await round_("ro")
            await asyncio.to_thread(set_read_only, False)
            phases["after"] = await round_("na")
            await close(visitors)

        try:
            asyncio.run(run())
        finally:
            server.stop()
            set_read_only(False)
            admin.dispose()
        return {"scenario": "PostgreSQL database read-only", "backend": "postgresql", **phases, **ledger.outcome(),
                **check_database(url, ledger)}
