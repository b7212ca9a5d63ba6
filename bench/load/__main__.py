"""Load bench: 50 concurrent visitors on loopback against `gehecht serve`, on SQLite (one app
process) and on PostgreSQL (several app processes), with throughput, p50/p95/p99 latency per kind
of request and the error count; afterwards every acknowledged journal write is looked up.

Run: .venv/bin/python -m bench.load [--backend sqlite|postgresql|both] [--users 50] [--duration 60]
Writes bench/results/load.json and refreshes docs/RELIABILITY.md. Exit 1 when a target is missed:
zero errors, no lost write, a clean integrity check, p95 below 200 ms for search and guide pages."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from ..appserver import AppServer, create_accounts, load_average, machine_facts, postgres_database, prepare_data_dir
from .scenario import MIX, run_visitors, summarise

RESULTS = Path(__file__).resolve().parents[1] / "results"
TARGET_P95_MS = 200.0
TARGET_KINDS = ("search page", "search API", "guide API", "guide result page")


def warm_up(base_url: str, workers: int) -> float:
    """Open the search engine and the guide's rules in every worker before the clock starts."""
    async def go() -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:
            for _ in range(3):
                await asyncio.gather(*(client.get("/api/search", params={"q": f"hechting {n}"})
                                       for n in range(4 * workers)),
                                     *(client.post("/api/guide", json={"rol": "ouder", "regio": "nl",
                                                                       "leeftijd_maanden": 30 + n})
                                       for n in range(4 * workers)))

    started = time.perf_counter()
    asyncio.run(go())
    return time.perf_counter() - started


def verify_writes(database_url: str, acknowledged: list[str]) -> dict[str, Any]:
    """Every write answered with 303 is in the database; and the database is sound."""
    from sqlalchemy import create_engine, select, text

    from gehecht.db.models import Observation

    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored = set(connection.scalars(select(Observation.situation)
                                        .where(Observation.situation.like("meting-%"))).all())
        if engine.dialect.name == "sqlite":
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
            foreign_keys = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            sound = integrity == "ok" and not foreign_keys
            integrity_text = f"PRAGMA integrity_check: {integrity}; foreign_key_check: {len(foreign_keys)} problems"
        else:
            orphans = connection.execute(text(
                "SELECT count(*) FROM observations o LEFT JOIN children c ON c.id = o.child_id WHERE c.id IS NULL"
            )).scalar()
            readable = connection.execute(text("SELECT count(*) FROM observations")).scalar()
            sound = orphans == 0
            integrity_text = f"{readable} observations read back in full; {orphans} without their child"
    engine.dispose()
    missing = sorted(set(acknowledged) - stored)
    return {"acknowledged": len(acknowledged), "stored": len(stored), "missing": len(missing),
            "missing_examples": missing[:5], "sound": sound, "integrity": integrity_text}


def run_backend(backend: str, users: int, duration: float, think: tuple[float, float], workers: int) -> dict[str, Any]:
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"gehecht-load-{backend}-")))
        data_dir = folder / "data"
        prepare_data_dir(data_dir)
        if backend == "sqlite":
            url, server_url = f"sqlite:///{data_dir / 'gehecht.db'}", None
        else:
            url = server_url = stack.enter_context(postgres_database("gehecht_load"))
        print(f"[{backend}] accounts for {users} visitors …", flush=True)
        accounts_s = create_accounts(url, users)
        server = AppServer(data_dir=data_dir, database_url=server_url, workers=workers, log_path=folder / "server.log")
        machine_load = load_average()
        server.start()
        try:
            warm_s = warm_up(server.url, workers)
            print(f"[{backend}] {workers} app process(es) warm after {warm_s:.1f} s; {users} visitors for "
                  f"{duration:.0f} s …", flush=True)
            setup, recorder, visitors = asyncio.run(run_visitors(server.url, users, duration, think))
            seconds = max(s.at + s.latency for s in recorder.samples) if recorder.samples else duration
        except Exception:
            print("server log (last lines):\n" + "\n".join(
                (folder / "server.log").read_text(errors="replace").splitlines()[-40:]), file=sys.stderr)
            raise
        finally:
            server.stop()
            log_tail = (folder / "server.log").read_text(errors="replace").splitlines()[-20:]
        acknowledged = [m for v in visitors for m in v.acknowledged]
        writes = verify_writes(url, acknowledged)
        summary = summarise(recorder, seconds)
        errors_in_log = [line for line in log_tail if "Traceback" in line or "ERROR" in line]
        return {"backend": backend, "workers": workers, "users": users, "duration_s": round(seconds, 1),
                "think_s": list(think), "accounts_s": round(accounts_s, 1), "warm_up_s": round(warm_s, 1),
                "load_average": machine_load,
                "setup": summarise(setup, 1)["kinds"], **summary, "writes": writes, "server_errors": errors_in_log}


def targets_met(result: dict[str, Any]) -> list[str]:
    """What missed its target (empty: all met)."""
    missed = []
    kinds = result["kinds"]
    if kinds["all"]["errors"]:
        missed.append(f"{result['backend']}: {kinds['all']['errors']} errors")
    for kind in TARGET_KINDS:
        if kind in kinds and kinds[kind]["p95_ms"] >= TARGET_P95_MS:
            missed.append(f"{result['backend']}: {kind} p95 {kinds[kind]['p95_ms']} ms ≥ {TARGET_P95_MS:.0f} ms")
    if result["writes"]["missing"]:
        missed.append(f"{result['backend']}: {result['writes']['missing']} acknowledged writes missing")
    if not result["writes"]["sound"]:
        missed.append(f"{result['backend']}: integrity check failed ({result['writes']['integrity']})")
    return missed


def print_result(result: dict[str, Any]) -> None:
    print(f"\n{result['backend']} ({result['workers']} app process(es)), {result['users']} visitors, "
          f"{result['duration_s']} s")
    print(f"  {'kind':<20}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for kind, row in result["kinds"].items():
        print(f"  {kind:<20}{row['requests']:>9}{row['per_second']:>8}{row['p50_ms']:>9}{row['p95_ms']:>9}"
              f"{row['p99_ms']:>9}{row['errors']:>8}")
    w = result["writes"]
    print(f"  writes: {w['acknowledged']} acknowledged, {w['missing']} missing; {w['integrity']}")
    for failure, count in result["failures"].items():
        print(f"  failure ×{count}: {failure}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per backend")
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 1.5), metavar=("MIN", "MAX"),
                        help="seconds a visitor waits between two requests (uniform)")
    parser.add_argument("--postgres-workers", type=int, default=3)
    parser.add_argument("--no-report", action="store_true", help="do not write the results or docs/RELIABILITY.md")
    args = parser.parse_args(argv)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    command = "python -m bench.load " + " ".join(argv if argv is not None else sys.argv[1:])
    results = []
    for backend in backends:
        workers = 1 if backend == "sqlite" else args.postgres_workers
        result = run_backend(backend, args.users, args.duration, tuple(args.think), workers)
        print_result(result)
        results.append(result)
    missed = [m for r in results for m in targets_met(r)]
    if not args.no_report:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / "load.json"
        previous = json.loads(path.read_text()) if path.exists() else {}
        runs = {r["backend"]: r for r in previous.get("runs", [])}
        runs.update({r["backend"]: r for r in results})
        path.write_text(json.dumps({"date": datetime.now().astimezone().isoformat(timespec="seconds"),
                                    "command": command.strip(), "machine": machine_facts(), "mix": MIX,
                                    "targets": {"p95_ms": TARGET_P95_MS, "kinds": TARGET_KINDS},
                                    "runs": list(runs.values()), "missed": missed}, indent=2, ensure_ascii=False) + "\n")
        from ..reliability import write_report

        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} and {write_report()}")
    print("\ntargets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
