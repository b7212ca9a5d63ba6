"""Reliability figures: runs the load bench, the fault bench and the robustness tests, and writes
docs/RELIABILITY.md from their results (bench/results/*.json). The document is generated: edit
this file, not the document.

Run: .venv/bin/python -m bench.reliability [--skip-load] [--skip-faults] [--skip-tests]
     (`make reliability`; `make bench-load` and `make bench-faults` refresh their own part)"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
REPORT = ROOT / "docs" / "RELIABILITY.md"

CHECKS = [
    ("tests/robustness/test_api_contract.py",
     "schemathesis: every operation of /api/openapi.json, valid and invalid requests, in-process (ASGI); "
     "pages also as a signed-in parent with real ids. No 5xx; status code, content type, headers and body "
     "as declared; the JSON API rejects what its schema forbids"),
    ("tests/robustness/test_loader_never_crashes.py",
     "hypothesis: the front-matter loader on arbitrary text and bytes gives an entry or named problems"),
    ("tests/robustness/test_guide_input_never_crashes.py",
     "hypothesis: the guide's intake (JSON, API, step-by-step form) gives an intake or a clear Dutch error"),
    ("tests/robustness/test_search_input_never_crashes.py",
     "hypothesis: the real search engine on arbitrary queries gives results or a clear error"),
    ("tests/robustness/test_storage_faults.py",
     "disk full, read-only database (also a real read-only tmpfs), unreachable PostgreSQL, dropped "
     "connections, a failing commit: Dutch 503, nothing lost, recovery without a restart"),
    ("tests/robustness/test_kill_during_writes.py",
     "kill -9 of `gehecht serve` during journal writes: every acknowledged write survives"),
    ("tests/robustness/test_accessibility.py",
     "axe-core in Debian's chromium: no WCAG 2.1 A/AA violation on handbook, search, guide and journal pages"),
    ("tests/robustness/test_no_journal_data_in_logs.py",
     "journal text never appears in the server log (access log on) nor in a logged failed write"),
    ("tests/robustness/test_rate_limit_under_concurrency.py",
     "24 parallel wrong passwords for one account get no more tries than the limit of 5 (SQLite and PostgreSQL)"),
    ("tests/robustness/test_many_visitors_at_once.py",
     "60 simultaneous log-ins all succeed within seconds (the thread-starvation deadlock found by the load bench)"),
    ("tests/robustness/test_dependency_audit.py",
     "the pip-audit wrapper fails on findings and never reports an audit that could not run as a pass"),
    ("tests/accounts/test_login_rate_limit.py, test_sessions.py, test_csrf.py",
     "log-in rate limits, session fixation, CSRF on every POST (the journal's own tests, reused)"),
]


def _read(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _machine(facts: dict[str, str]) -> str:
    parts = [f"{facts.get('cores', '?')} cores ({facts.get('cpu', 'unknown CPU')})", facts.get("memory", ""),
             facts.get("system", ""), f"Python {facts.get('python', '?')}", f"SQLite {facts.get('sqlite', '?')}"]
    if facts.get("postgresql"):
        parts.append(f"PostgreSQL {facts['postgresql']}")
    return ", ".join(p for p in parts if p)


def _load_section(load: dict[str, Any]) -> list[str]:
    lines = ["## Load", "",
             f"Measured {load['date']} with `{load['command']}` on {_machine(load['machine'])}.", ""]
    mix = ", ".join(f"{kind} {share:.0%}" for kind, share in load["mix"].items())
    first = load["runs"][0]
    lines += [f"{first['users']} simulated parents on loopback (an asyncio httpx client in one process on the "
              f"same machine, sharing its cores with the app). Each logs in through the real form (CSRF token, "
              f"production argon2id hashing), adds a child, then repeats: one request, a pause of "
              f"{first['think_s'][0]}–{first['think_s'][1]} s, the next. Mix: {mix}. Search questions come from "
              "bench/search/dev-queries.jsonl (210), intakes from bench/guide/vignettes.jsonl (62); a journal "
              "write is an observation posted through the web form. Latency is measured at the client, from "
              "sending to the full response.", ""]
    for run in load["runs"]:
        processes = "one app process" if run["workers"] == 1 else f"{run['workers']} app processes"
        lines += [f"### {'SQLite' if run['backend'] == 'sqlite' else 'PostgreSQL'} ({processes}, `gehecht serve"
                  f"{'' if run['workers'] == 1 else ' --workers ' + str(run['workers'])}`)", "",
                  f"{run['duration_s']} s of load after {run['warm_up_s']} s of warm-up"
                  + (f"; machine load average before the run: {run['load_average']}" if run.get("load_average") else "")
                  + ".", "",
                  "| kind | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for kind, row in run["kinds"].items():
            name = "**all**" if kind == "all" else kind
            lines.append(f"| {name} | {row['requests']} | {row['per_second']} | {row['p50_ms']} | {row['p95_ms']} | "
                         f"{row['p99_ms']} | {row['max_ms']} | {row['errors']} |")
        writes = run["writes"]
        login = run["setup"].get("log in", {})
        lines += ["", f"- Journal writes: {writes['acknowledged']} acknowledged (HTTP 303), {writes['missing']} "
                      f"missing afterwards; {writes['integrity']}.",
                  f"- Log-in of all {run['users']} parents at once (set-up, not in the table): p50 "
                  f"{login.get('p50_ms', '?')} ms, p95 {login.get('p95_ms', '?')} ms, {login.get('errors', '?')} errors "
                  "(argon2id, 64 MiB, 3 passes: deliberately slow).", ""]
        for failure, count in run.get("failures", {}).items():
            lines.append(f"- failure ×{count}: {failure}")
    target = load["targets"]
    lines += [f"Targets: zero errors, no acknowledged write lost, a clean integrity check, and p95 below "
              f"{target['p95_ms']:.0f} ms for {', '.join(target['kinds'])}.", ""]
    if load["missed"]:
        lines += ["**Missed:** " + "; ".join(load["missed"]) + ".", ""]
    else:
        lines += ["**All targets met.**", ""]
    return lines


def _fault_summary(name: str, r: dict[str, Any]) -> str:
    if "skipped" in r:
        return f"skipped: {r['skipped']}"
    if name.startswith("kill"):
        return (f"{r['rounds']} kills of {r['writers']} busy writers; restart {', '.join(str(s) for s in r['restart_s'])} s; "
                f"{r['acknowledged']} writes acknowledged, {r['missing_acknowledged']} missing; {r['unanswered']} cut off "
                f"mid-request ({r['unanswered_but_stored']} of those stored); {r['writes_after_restart']}")
    if name == "pg-restart":
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items()))
        return (f"{r['users']} parents writing and reading for {r['seconds']:.0f} s, restart from "
                f"{r['restart_s'][0]} s to {r['restart_s'][1]} s; answers {statuses}; working again "
                f"{r['recovered_after_s']} s after the restart, {r['failures_after_recovery']} failures after that; "
                f"{r['acknowledged']} writes acknowledged, {r['missing_acknowledged']} missing; no app restart")
    fault = r["fault"]
    refused = ", ".join(f"HTTP {k} ×{v}" for k, v in fault["writes_refused"].items()) or "none refused"
    public = "public pages 200" if all(v == 200 for v in fault.get("public_pages", {"x": fault.get("search_page")}).values()) \
        else f"public pages {fault.get('public_pages')}"
    started = " The app was started on the read-only disk and served the handbook." if r.get("app_started_on_read_only_disk") else ""
    return (f"during the fault: {fault['writes_acknowledged']} writes acknowledged, {refused} "
            f"({r['dutch_503_pages']} Dutch 503 pages in all); {public}. Afterwards, without a restart: "
            f"{r['after']['writes_acknowledged']} of {r['after']['writes_acknowledged'] + sum(r['after']['writes_refused'].values())} "
            f"writes acknowledged. {r['acknowledged']} acknowledged in all, {r['missing_acknowledged']} missing.{started}")


def _faults_section(faults: dict[str, Any]) -> list[str]:
    lines = ["## Faults", "", f"Measured {faults['date']} with `{faults['command']}` on {_machine(faults['machine'])}.",
             "", "| scenario | backend | result | integrity | invariants |", "|---|---|---|---|---|"]
    for name, r in faults["scenarios"].items():
        problems = faults["failures"].get(name, [])
        verdict = "kept" if not problems else "**broken**: " + "; ".join(problems)
        integrity = r.get("integrity", "–")
        lines.append(f"| {r['scenario']} | {r.get('backend', '–')} | {_fault_summary(name, r)} | {integrity} | {verdict} |")
    lines += ["", "Invariants: every acknowledged write (HTTP 303) is in the database afterwards; SQLite's "
                  "`PRAGMA integrity_check` and `foreign_key_check`, or on PostgreSQL amcheck's `bt_index_check` "
                  "(with heapallindexed) on every index plus a full read of every table, find nothing; no HTTP 500; "
                  "while the storage is down, full or read-only the journal answers HTTP 503 with a Dutch page and "
                  "`Retry-After`, and the handbook, search and guide keep working; afterwards the app works again "
                  "without being restarted.", ""]
    logs = {line for r in faults["scenarios"].values() for line in r.get("app_log", [])}
    if logs:
        lines += ["What the app logged (its own lines, never journal text):", ""]
        lines += [f"    {line}" for line in sorted(logs)[:8]] + [""]
    return lines


def _tests_section(tests: dict[str, Any] | None) -> list[str]:
    lines = ["## Checked on every `make test`", ""]
    if tests:
        lines += [f"Last run {tests['date']}: `{tests['command']}`: {tests['summary']} in {tests['seconds']} s.", ""]
    lines += [f"- `{path}`: {what}." for path, what in CHECKS]
    lines += ["- `scripts/audit_dependencies.py` (after the tests): pip-audit over the virtual environment; a known "
              "vulnerability fails the build; when the audit service cannot be reached it prints a warning that "
              "says vulnerabilities are not ruled out (never a silent pass).", ""]
    audit = _read("audit")
    if audit:
        lines += [f"Dependency audit, {audit['date']}: {audit['result']}", ""]
    return lines


LIMITS = [
    "Client and app share the same 2 cores; on a machine of its own the app would have more room. The "
    "machine's load average before each run is shown, since other work on it skews the figures.",
    "The 50 parents pause 0.5–1.5 s between requests (about 50 requests a second in all). Without pauses the "
    "same app saturates the 2 cores and latency grows with the queue; throughput is then the number to read.",
    "Searches include first-time questions: the query embedding (multilingual-e5-small, in C) costs 20–150 ms "
    "of CPU the first time a process sees a question; repeats come from a cache. With 3 app processes each has "
    "its own cache, which is why PostgreSQL's search tail is longer than SQLite's.",
    "Log-ins are deliberately slow (argon2id, 64 MiB, 3 passes, about 150 ms of CPU each): 50 at once take "
    "seconds. On SQLite a log-in also holds the write lock while the password is checked, so a burst of "
    "log-ins delays journal requests in the same moment.",
    "No TLS and no reverse proxy in front; loopback only.",
]


def write_report() -> Path:
    load, faults, tests = _read("load"), _read("faults"), _read("tests")
    lines = ["# Reliability", "",
             "Generated by `python -m bench.reliability` (`make reliability`; `make bench-load` and "
             "`make bench-faults` refresh their part) from bench/results/*.json. Do not edit by hand.", ""]
    lines += _load_section(load) if load else ["## Load", "", "Not measured yet: `make bench-load`.", ""]
    lines += _faults_section(faults) if faults else ["## Faults", "", "Not measured yet: `make bench-faults`.", ""]
    lines += _tests_section(tests)
    lines += ["## What these figures do not show", ""] + [f"- {limit}" for limit in LIMITS] + [""]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return REPORT.relative_to(ROOT)


def run_tests() -> int:
    command = [sys.executable, "-m", "pytest", "tests/robustness", "-p", "no:randomly"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = round(time.perf_counter() - started)
    found = re.findall(r"(\d+ (?:passed|failed|skipped|errors?|deselected|xfailed|xpassed))", done.stdout)
    summary = ", ".join(found) or f"exit {done.returncode}"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tests.json").write_text(json.dumps({
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "pytest tests/robustness", "summary": summary, "seconds": seconds}, indent=2) + "\n")
    print(f"robustness tests: {summary} in {seconds} s")
    return done.returncode


def run_audit() -> int:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "audit_dependencies.py")], cwd=ROOT,
                          capture_output=True, text=True)
    text = (done.stdout + done.stderr).strip().splitlines()
    result = " ".join(line.strip() for line in text[1:3]) if len(text) > 1 else "no output"
    (RESULTS / "audit.json").write_text(json.dumps({
        "date": datetime.now().astimezone().isoformat(timespec="seconds"), "result": result[:600]}, indent=2) + "\n")
    print("\n".join(text))
    return done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__.splitlines()[0])
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--duration", default="60", help="seconds of load per backend")
    args = parser.parse_args(argv)
    codes = []
    if not args.skip_tests:
        codes.append(run_tests())
        RESULTS.mkdir(exist_ok=True)
        codes.append(run_audit())
    if not args.skip_load:
        from .load.__main__ import main as load_main

        codes.append(load_main(["--duration", args.duration]))
    if not args.skip_faults:
        from .faults.__main__ import main as faults_main

        codes.append(faults_main([]))
    print(f"wrote {write_report()}")
    return max(codes, default=0)


if __name__ == "__main__":
    sys.exit(main())
