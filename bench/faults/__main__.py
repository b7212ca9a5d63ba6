"""Fault bench: kill -9 of the app in the middle of journal writes (SQLite and PostgreSQL), a
PostgreSQL restart under load, a full disk and a read-only database.

Run: .venv/bin/python -m bench.faults [--only NAME ...] [--no-report]
     (NAME: kill-sqlite, kill-postgresql, pg-restart, disk-full, read-only, pg-read-only)
Writes bench/results/faults.json and refreshes docs/RELIABILITY.md. Exit 1 when an invariant
breaks: an acknowledged write missing, a failed integrity check, an HTTP 500, no Dutch 503 page
while the storage is down, or no recovery without a restart.

The PostgreSQL restart restarts the machine's cluster: other programs using it see it go away."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..appserver import load_average, machine_facts
from . import scenarios

RESULTS = Path(__file__).resolve().parents[1] / "results"
SCENARIOS: dict[str, Callable[[], dict[str, Any]]] = {
    "kill-sqlite": lambda: scenarios.kill_during_writes("sqlite"),
    "kill-postgresql": lambda: scenarios.kill_during_writes("postgresql", workers=3),
    "pg-restart": scenarios.restart_postgres_under_load,
    "disk-full": lambda: scenarios.storage_fault("disk full"),
    "read-only": lambda: scenarios.storage_fault("read-only"),
    "pg-read-only": scenarios.postgres_read_only,
}


def problems_of(name: str, result: dict[str, Any]) -> list[str]:
    """The invariants each scenario must keep."""
    if "skipped" in result:
        return []
    found = []
    if result.get("missing_acknowledged"):
        found.append(f"{result['missing_acknowledged']} acknowledged writes missing")
    if not result.get("sound", False):
        found.append(f"integrity check failed: {result.get('integrity')}")
    if result.get("refused", {}).get("500") or result.get("server_errors_500"):
        found.append("HTTP 500 answers")
    if name == "pg-restart":
        if result.get("recovered_after_s") is None:
            found.append("the app did not recover after the restart")
        if result.get("failures_after_recovery"):
            found.append(f"{result['failures_after_recovery']} failures after recovery")
    if result.get("app_started_on_read_only_disk") is False:
        found.append(f"the app did not start on a read-only disk: {result.get('start_error')}")
    if "fault" in result:
        fault, after = result["fault"], result["after"]
        if not fault["writes_refused"].get("503") or result.get("dutch_503_pages", 0) < fault["writes_refused"].get("503", 0):
            found.append("writes during the fault were not answered with the Dutch 503 page")
        if set(fault["writes_refused"]) - {"503"}:
            found.append(f"unexpected answers during the fault: {fault['writes_refused']}")
        if after["writes_refused"]:
            found.append(f"writes still refused after the storage came back: {after['writes_refused']}")
        pages = {**fault.get("public_pages", {}), "search": fault.get("search_page", 200)}
        if any(status != 200 for status in pages.values()):
            found.append(f"public pages failed during the fault: {pages}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), help="run only these scenarios")
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    chosen = args.only or list(SCENARIOS)
    command = "python -m bench.faults " + " ".join(argv if argv is not None else sys.argv[1:])
    results, failures = {}, {}
    for name in chosen:
        print(f"[{name}] …", flush=True)
        machine_load = load_average()
        result = SCENARIOS[name]()
        result["load_average"] = machine_load
        results[name] = result
        failures[name] = problems_of(name, result)
        print(json.dumps(result, indent=2, ensure_ascii=False))
        print(f"[{name}] " + ("ok" if not failures[name] else "FAILED: " + "; ".join(failures[name])), flush=True)
    if not args.no_report:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / "faults.json"
        previous = json.loads(path.read_text()) if path.exists() else {}
        merged = {**previous.get("scenarios", {}), **results}
        merged_failures = {**previous.get("failures", {}), **failures}
        path.write_text(json.dumps({"date": datetime.now().astimezone().isoformat(timespec="seconds"),
                                    "command": command.strip(), "machine": machine_facts(), "scenarios": merged,
                                    "failures": merged_failures}, indent=2, ensure_ascii=False) + "\n")
        from ..reliability import write_report

        print(f"wrote {path} and {write_report()}")
    broken = {name: f for name, f in failures.items() if f}
    print("\ninvariants: " + ("all kept" if not broken else f"BROKEN in {', '.join(broken)}"))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
